/**
 * kubectl label and kubectl annotate (pkg/cmd/label/label.go, pkg/cmd/annotate/annotate.go):
 * `TYPE NAME key=value key2-`, TYPE/NAME, -l, --all, --overwrite, --resource-version; the change
 * is sent as a JSON merge patch. Prints `service/x labeled` (`not labeled` when nothing changed)
 * or `service/x annotated`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import type { FlagDef } from '../flags.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy, operationLine } from '../write-options.ts';

type Which = 'label' | 'annotation';

const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

function parseSpecs(which: Which, specs: string[]): { set: Record<string, string>; remove: string[] } {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (which === 'label') {
        if (parts.length !== 2) throw new KubectlError(`invalid label spec: ${spec}`);
        const errs: string[] = [];
        if (parts[1].length > 63) errs.push('must be no more than 63 characters');
        if (!LABEL_VALUE.test(parts[1])) {
          errs.push(
            "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')",
          );
        }
        if (errs.length > 0) throw new KubectlError(`invalid label value: "${spec}": ${errs.join('; ')}`);
        set[parts[0]] = parts[1];
      } else {
        const eq = spec.indexOf('=');
        if (eq === 0) throw new KubectlError(`invalid annotation format: ${spec}`);
        set[spec.slice(0, eq)] = spec.slice(eq + 1);
      }
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      throw new KubectlError(`unknown ${which} spec: ${spec}`);
    }
  }
  for (const r of remove) {
    if (r in set) throw new KubectlError(`can not both modify and remove ${which === 'label' ? 'a label' : 'an annotation'} in the same command`);
  }
  return { set, remove };
}

function metadataVerb(which: Which) {
  const field = which === 'label' ? 'labels' : 'annotations';
  return async (inv: Invocation): Promise<number> => {
    const { ctx, io, flags } = inv;
    const args = flags.args;
    const firstSpec = args.findIndex((a) => a.includes('=') || a.endsWith('-'));
    const resourceArgs = firstSpec < 0 ? args : args.slice(0, firstSpec);
    const specs = firstSpec < 0 ? [] : args.slice(firstSpec);
    if (resourceArgs.length === 0 && flags.list('filename').length === 0) {
      throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
    }
    if (specs.length === 0) throw new KubectlError(`at least one ${which} update is required`);
    const { set, remove } = parseSpecs(which, specs);
    const dryRun = dryRunStrategy(flags);
    const overwrite = flags.bool('overwrite');
    const selector = flags.string('selector');
    const all = flags.bool('all');
    const errors: unknown[] = [];
    const targets: { info: ReturnType<typeof parseResourceArgs>[number]['info']; ns: string | undefined; name: string }[] = [];
    for (const req of parseResourceArgs(ctx.api, resourceArgs)) {
      const ns = req.info.namespaced ? (flags.bool('all-namespaces') ? undefined : inv.namespace) : undefined;
      if (req.names.length > 0) {
        if (selector || all) throw new KubectlError('name cannot be provided when a selector is specified');
        for (const name of req.names) targets.push({ info: req.info, ns, name });
      } else if (selector || all) {
        for (const o of ctx.api.list(resourceKey(req.info), ns, { labelSelector: selector }).object.items) {
          targets.push({ info: req.info, ns: o.metadata.namespace, name: o.metadata.name ?? '' });
        }
      } else {
        throw new KubectlError('resource(s) were provided, but no name was specified');
      }
    }
    for (const t of targets) {
      try {
        const key = resourceKey(t.info);
        const got = ctx.api.get(key, t.ns, t.name);
        inv.warn(got.warnings);
        const current: Record<string, string> = { ...((got.object.metadata as Record<string, unknown>)[field] as Record<string, string> | undefined) };
        if (!overwrite) {
          const clashes = Object.entries(set)
            .filter(([k, v]) => k in current && current[k] !== v)
            .map(([k]) => `'${k}' already has a value (${current[k]}), and --overwrite is false`);
          if (clashes.length === 1) throw new KubectlError(clashes[0]);
          if (clashes.length > 1) throw new KubectlError(`[${clashes.join(', ')}]`);
        }
        const next = { ...current, ...set };
        for (const r of remove) delete next[r];
        const changed = JSON.stringify(sorted(next)) !== JSON.stringify(sorted(current));
        if (changed || flags.string('resource-version')) {
          const patchField: Record<string, string | null> = {};
          for (const [k, v] of Object.entries(set)) if (current[k] !== v) patchField[k] = v;
          for (const r of remove) if (r in current) patchField[r] = null;
          const metaPatch: Record<string, unknown> = Object.keys(patchField).length > 0 ? { [field]: patchField } : {};
          if (flags.string('resource-version')) metaPatch.resourceVersion = flags.string('resource-version');
          if (dryRun !== 'client') {
            const res = ctx.api.patch(key, t.ns, t.name, 'merge', { metadata: metaPatch }, { dryRun: dryRun === 'server' });
            inv.warn(res.warnings);
          }
        }
        const op = which === 'label' ? (changed ? 'labeled' : 'not labeled') : 'annotated';
        io.stdout(operationLine(t.info, t.name, op, dryRun, flags.string('output')));
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors);
    return 0;
  };
}

function sorted(m: Record<string, string>): [string, string][] {
  return Object.entries(m).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

function flagsFor(which: Which): FlagDef[] {
  return [
    { name: 'all', type: 'bool', usage: `Select all resources, in the namespace of the specified resource types` },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If true, check the specified action in all namespaces.' },
    DRY_RUN_FLAG,
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: `Filename, directory, or URL to files identifying the resource to update the ${which}s` },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'overwrite', type: 'bool', usage: `If true, allow ${which}s to be overwritten, otherwise reject ${which} updates that overwrite existing ${which}s.` },
    { name: 'resource-version', type: 'string', usage: `If non-empty, the ${which} update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.` },
    { name: 'selector', shorthand: 'l', type: 'string', usage: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints." },
  ];
}

export const labelCommand: KubectlCommand = {
  name: 'label',
  short: 'Update the labels on a resource',
  usage: 'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: flagsFor('label'),
  run: metadataVerb('label'),
};

export const annotateCommand: KubectlCommand = {
  name: 'annotate',
  short: 'Update the annotations on a resource',
  usage: 'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  flags: flagsFor('annotation'),
  run: metadataVerb('annotation'),
};
