/**
 * kubectl apply -f (staging/src/k8s.io/kubectl/pkg/cmd/apply/apply.go, client-side apply):
 * objects that do not exist are created with the last-applied-configuration annotation
 * (`created`); existing ones get a three-way strategic merge patch computed from that annotation,
 * the manifest and the live object (`configured`), or no request at all when the patch is `{}`
 * (`unchanged`). Errors of the builder (parse, mapping, namespace) and of each object are
 * gathered and printed together at the end, after what did succeed.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceForKind, resourceKey } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { LAST_APPLIED, goJSONCompact, modifiedConfiguration } from '../apply/last-applied.ts';
import { PatchError, threeWayMergePatch } from '../apply/three-way.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError, addSourceToErr } from '../errors.ts';
import { readManifestSources, type Manifest } from '../manifests.ts';
import { toGoJSON } from '../printers/json.ts';
import { infoString, objectName } from '../resource-info.ts';
import { DRY_RUN_FLAG, VALIDATE_FLAG, dryRunStrategy, operationLine, validationDirective, type DryRun } from '../write-options.ts';

export { LAST_APPLIED };

/** The builder's view of one manifest: its mapping and namespace, or the error it gives. */
export interface BuiltObject {
  manifest: Manifest;
  info: NonNullable<ReturnType<typeof resourceForKind>>;
  namespace: string;
  name: string;
  object: KubeObject;
}

/**
 * Map manifests to resources and namespaces as the builder does with DefaultNamespace and, when
 * -n is given, RequireNamespace. Errors are returned in order among the objects.
 */
export function buildObjects(inv: Invocation, items: readonly (Manifest | Error)[]): (BuiltObject | Error)[] {
  const out: (BuiltObject | Error)[] = [];
  for (const item of items) {
    if (item instanceof Error) {
      out.push(item);
      continue;
    }
    const m = item;
    const info = resourceForKind(String(m.object.apiVersion ?? ''), String(m.object.kind ?? ''));
    const meta = (m.object.metadata ?? {}) as KubeObject['metadata'];
    if (!info) {
      out.push(
        new KubectlError(
          `resource mapping not found for name: "${meta.name ?? ''}" namespace: "${meta.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion ?? ''}"\nensure CRDs are installed first`,
        ),
      );
      continue;
    }
    const object = JSON.parse(JSON.stringify(m.object)) as KubeObject;
    object.metadata ??= {};
    let namespace = '';
    if (info.namespaced) {
      const given = object.metadata.namespace;
      if (given && inv.namespaceGiven && given !== inv.namespace) {
        out.push(
          new KubectlError(
            `the namespace from the provided object "${given}" does not match the namespace "${inv.namespace}". You must pass '--namespace=${given}' to perform this operation.`,
          ),
        );
        continue;
      }
      namespace = given || inv.namespace;
      object.metadata.namespace = namespace;
    }
    out.push({ manifest: m, info, namespace, name: object.metadata.name ?? '', object });
  }
  return out;
}

/**
 * The builder loop of `create -f` and `replace -f`: read the -f sources, build each object and
 * hand it to `each`; the builder's errors and those of `each` (with their source, AddSourceToErr
 * `verb`: `creating`, `replacing`) are gathered in order and thrown together at the end, after
 * what did succeed. Nothing at all to work on is kubectl's `no objects passed to <command>`.
 */
export function forEachBuiltObject(
  inv: Invocation,
  opts: { validate: boolean; verb: string; command: string },
  each: (b: BuiltObject) => void,
): void {
  const read = readManifestSources(inv.ctx.fs, inv.flags.list('filename'), inv.io.stdin, { validate: opts.validate });
  const errors: unknown[] = [];
  let count = 0;
  for (const b of buildObjects(inv, read.items)) {
    if (b instanceof Error) {
      errors.push(b);
      continue;
    }
    count++;
    try {
      each(b);
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(addSourceToErr(opts.verb, b.manifest.source, e));
    }
  }
  if (count === 0 && errors.length === 0) throw new KubectlError(`no objects passed to ${opts.command}`);
  if (errors.length > 0) throw new AggregateError(errors);
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const files = flags.list('filename');
  const dryRun = dryRunStrategy(flags);
  const fieldValidation = validationDirective(flags);
  const output = flags.string('output');
  if (output !== '' && output !== 'name' && output !== 'json') {
    throw new KubectlError(
      `unable to match a printer suitable for the output format "${output}", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml`,
    );
  }
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
  const read = readManifestSources(ctx.fs, files, io.stdin, { validate: fieldValidation !== 'Ignore', recursive: flags.bool('recursive') });
  const built = buildObjects(inv, read.items);
  const builderErrors = built.filter((b): b is Error => b instanceof Error);
  const objects = built.filter((b): b is BuiltObject => !(b instanceof Error));
  if (objects.length === 0 && builderErrors.length === 0) throw new KubectlError('no objects passed to apply');
  const errors: unknown[] = [...builderErrors];
  const printed: KubeObject[] = [];
  for (const b of objects) {
    try {
      const result = applyOne(inv, b, dryRun, fieldValidation);
      if (output === 'json') printed.push(result.object);
      else io.stdout(operationLine(b.info, b.name, result.operation, dryRun, output));
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      errors.push(e);
    }
  }
  if (output === 'json' && printed.length > 0) {
    io.stdout(toGoJSON(printed.length === 1 ? printed[0] : { apiVersion: 'v1', items: printed, kind: 'List', metadata: { resourceVersion: '' } }));
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

function applyOne(inv: Invocation, b: BuiltObject, dryRun: DryRun, fieldValidation: 'Strict' | 'Warn' | 'Ignore'): { operation: string; object: KubeObject } {
  const api = inv.ctx.api;
  const key = resourceKey(b.info);
  const ns = b.info.namespaced ? b.namespace : undefined;
  const source = b.manifest.source;
  const info = infoString(b.info, b.name, b.namespace);
  if (b.name === '') {
    throw addSourceToErr(`retrieving current configuration of:\n${info}\nfrom server for:`, source, new KubectlError('resource name may not be empty'));
  }
  const { object: modified } = modifiedConfiguration(b.object);
  let current: KubeObject | undefined;
  try {
    const res = api.get(key, ns, b.name);
    inv.warn(res.warnings);
    current = res.object;
  } catch (e) {
    if (!(e instanceof ApiError) || e.reason !== 'NotFound') {
      throw addSourceToErr(`retrieving current configuration of:\n${info}\nfrom server for:`, source, e);
    }
    inv.warn(e.warnings);
  }
  if (!current) {
    if (dryRun === 'client') return { operation: 'created', object: modified };
    try {
      const res = api.create(key, ns, modified, { fieldValidation, dryRun: dryRun === 'server' });
      inv.warn(res.warnings);
      return { operation: 'created', object: res.object };
    } catch (e) {
      throw addSourceToErr('creating', source, e);
    }
  }
  if (dryRun === 'client') return { operation: 'configured', object: modified };
  const annotation = current.metadata.annotations?.[LAST_APPLIED];
  if (annotation === undefined) {
    inv.io.stderr(
      `Warning: resource ${objectName(b.info, b.name)} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  let original: Record<string, unknown> | undefined;
  if (annotation) {
    try {
      original = JSON.parse(annotation) as Record<string, unknown>;
    } catch {
      original = undefined;
    }
  }
  let patch: Record<string, unknown>;
  try {
    patch = threeWayMergePatch(b.info.kind, original, modified, JSON.parse(JSON.stringify(current)));
  } catch (e) {
    if (e instanceof PatchError) {
      throw addSourceToErr(`applying patch:\n\nto:\n${info}\nfor:`, source, new KubectlError(e.message));
    }
    throw e;
  }
  const patchText = goJSONCompact(patch);
  if (patchText === '{}') return { operation: 'unchanged', object: current };
  try {
    const res = api.patch(key, ns, b.name, 'strategic', patch, { fieldValidation, dryRun: dryRun === 'server' });
    inv.warn(res.warnings);
    return { operation: 'configured', object: res.object };
  } catch (e) {
    throw addSourceToErr(`applying patch:\n${patchText}\nto:\n${info}\nfor:`, source, e);
  }
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'The files that contain the configurations to apply.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    DRY_RUN_FLAG,
    VALIDATE_FLAG,
    { name: 'recursive', shorthand: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  ],
  run,
};
