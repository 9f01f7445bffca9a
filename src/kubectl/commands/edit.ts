/**
 * kubectl edit (pkg/cmd/edit, pkg/cmd/util/editor/editoptions.go): the object as YAML under
 * kubectl's header comment, opened in the editor (io.editFile); what comes back is compared
 * with what went out (comments stripped), turned into a strategic merge patch and sent. A
 * syntax error or an Invalid answer reopens the file with the reasons in the header; saving it
 * again unchanged gives up. Prints `service/x edited`, `service/x skipped` or `Edit cancelled...`.
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceKey, type ResourceInfo } from '../../cluster/api/resources.ts';
import { PatchError, threeWayMergePatch } from '../apply/three-way.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { kindPrefix } from '../mapper.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { objectYAML } from '../yaml-text.ts';
import { goYamlError } from '../yaml-errors.ts';

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const HEADER = `# Please edit the object below. Lines beginning with a '#' will be ignored,
# and an empty file will abort the edit. If an error occurs while saving this file will be
# reopened with the relevant failures.
#
`;

interface Reason {
  head: string;
  other: string[];
}

/** hashOnLineBreak: continuation lines of a reason stay comments. */
function hashOnLineBreak(s: string): string {
  return s.replace(/\n(?!#)/g, '\n# ');
}

function headerText(reasons: Reason[]): string {
  let out = HEADER;
  for (const r of reasons) {
    out += r.other.length > 0 ? `# ${hashOnLineBreak(r.head)}:\n` : `# ${hashOnLineBreak(r.head)}\n`;
    for (const o of r.other) out += `# * ${hashOnLineBreak(o)}\n`;
    out += '#\n';
  }
  return out;
}

/** cmdutil.StripComments / ManualStrip: drop lines whose first character is '#'. */
function stripComments(text: string): string {
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

/** hasLines: any line with something other than whitespace or a comment. */
function hasLines(text: string): boolean {
  return text.split('\n').some((l) => {
    const t = l.trim();
    return t.length > 0 && t[0] !== '#';
  });
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortDeep((v as Obj)[k])]));
  return v;
}

function sameJSON(a: unknown, b: unknown): boolean {
  return JSON.stringify(sortDeep(a)) === JSON.stringify(sortDeep(b));
}

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  object: Obj;
}

function resourceString(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

let editCounter = 0;

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  if (flags.args.length === 0) {
    throw new KubectlError(`You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`);
  }
  const targets: Target[] = [];
  for (const req of parseResourceArgs(ctx.api, flags.args)) {
    const ns = req.info.namespaced ? inv.namespace : undefined;
    const key = resourceKey(req.info);
    const objects = req.names.length > 0 ? req.names.map((n) => ctx.api.get(key, ns, n).object) : ctx.api.list(key, ns).object.items;
    for (const o of objects) {
      const copy = JSON.parse(JSON.stringify(o)) as Obj;
      if (!copy.apiVersion) copy.apiVersion = req.info.group ? `${req.info.group}/${req.info.version}` : req.info.version;
      if (!copy.kind) copy.kind = req.info.kind;
      delete copy.metadata?.managedFields;
      targets.push({ info: req.info, namespace: ns, object: copy });
    }
  }
  if (targets.length === 0) throw new KubectlError('edit cancelled, no objects found');
  if (!io.editFile) throw new KubectlError('unable to launch the editor "vi"');

  const originalObj = targets.length === 1 ? targets[0].object : { apiVersion: 'v1', items: targets.map((t) => t.object), kind: 'List', metadata: {} };
  const original = objectYAML(originalObj);
  const path = `/tmp/kubectl-edit-${String(1000000000 + ((Math.floor(ctx.now()) + editCounter++ * 7919) % 1000000000))}.yaml`;
  let reasons: Reason[] = [];
  let containsError = false;
  let edited = '';
  for (;;) {
    const buffer = headerText(reasons) + (containsError ? stripComments(edited) : original);
    const previous = edited;
    const got = await io.editFile(path, buffer);
    if (got === null) {
      io.stderr('Edit cancelled, no changes made.\n');
      return 0;
    }
    edited = got;
    if (containsError && stripComments(previous) === stripComments(edited)) {
      ctx.fs.write(path, edited);
      io.stderr(`A copy of your changes has been stored to "${path}"\n`);
      throw new KubectlError('Edit cancelled, no valid changes were saved.');
    }
    if (stripComments(original) === stripComments(edited)) {
      io.stderr('Edit cancelled, no changes made.\n');
      return 0;
    }
    if (!hasLines(edited)) {
      io.stderr('Edit cancelled, saved file was empty.\n');
      return 0;
    }
    reasons = [];
    let parsed: Obj[];
    try {
      parsed = parseEdited(edited);
    } catch (e) {
      containsError = true;
      reasons.push({ head: `The edited file had a syntax error: ${e instanceof Error ? e.message : String(e)}`, other: [] });
      continue;
    }
    containsError = false;
    const result = applyEdits(inv, targets, parsed, reasons);
    if (result.retryable > 0) {
      ctx.fs.write(path, edited);
      io.stderr(`You can run \`kubectl replace -f ${path}\` to try this update again.\n`);
      return 1;
    }
    if (result.fatal) {
      ctx.fs.write(path, edited);
      io.stderr(`A copy of your changes has been stored to "${path}"\n`);
      throw result.fatal;
    }
    if (!result.invalid) return 0;
    containsError = true;
  }
}

/** The edited text as objects: one object, or the items of a List. */
function parseEdited(text: string): Obj[] {
  let doc: unknown;
  try {
    doc = load(text, { schema: YAML11_SCHEMA });
  } catch (e) {
    throw new Error(`error parsing edited-file: error converting YAML to JSON: ${goYamlError(e, text)}`);
  }
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new Error(`error parsing edited-file: Object 'Kind' is missing in '${JSON.stringify(doc)}'`);
  const o = JSON.parse(JSON.stringify(doc)) as Obj;
  if (o.kind === 'List' && Array.isArray(o.items)) return o.items as Obj[];
  return [o];
}

function applyEdits(inv: Invocation, targets: Target[], edited: Obj[], reasons: Reason[]): { retryable: number; invalid: boolean; fatal?: unknown } {
  const { ctx, io } = inv;
  let retryable = 0;
  let invalid = false;
  for (const e of edited) {
    const uid = e.metadata?.uid;
    const t = targets.find((x) => x.object.metadata?.uid === uid && uid !== undefined) ?? targets.find((x) => x.object.metadata?.name === e.metadata?.name && x.object.kind === e.kind);
    if (!t) return { retryable, invalid, fatal: new KubectlError(`no original object found for ${e.kind ?? ''} ${e.metadata?.name ?? ''}`) };
    const name = String(t.object.metadata?.name ?? '');
    if (sameJSON(t.object, e)) {
      io.stdout(`${kindPrefix(t.info)}/${name} skipped\n`);
      continue;
    }
    if (e.apiVersion !== t.object.apiVersion || e.kind !== t.object.kind || e.metadata?.name !== t.object.metadata?.name) {
      return { retryable, invalid, fatal: new KubectlError('At least one of apiVersion, kind and name was changed') };
    }
    let patch;
    try {
      patch = threeWayMergePatch(t.info.kind, t.object, e, t.object);
    } catch (err) {
      if (err instanceof PatchError) return { retryable, invalid, fatal: new KubectlError(err.message) };
      throw err;
    }
    try {
      const res = ctx.api.patch(resourceKey(t.info), t.namespace, name, 'strategic', patch);
      inv.warn(res.warnings);
      t.object = JSON.parse(JSON.stringify(res.object));
      delete t.object.metadata?.managedFields;
      io.stdout(`${kindPrefix(t.info)}/${name} edited\n`);
    } catch (err) {
      if (err instanceof ApiError) inv.warn(err.warnings);
      if (err instanceof ApiError && err.reason === 'Invalid') {
        invalid = true;
        reasons.push({
          head: `${resourceString(t.info)} "${name}" was not valid`,
          other: (err.status.details?.causes ?? []).map((c) => `${c.field ?? ''}: ${c.message}`),
        });
        io.stderr(`error: ${resourceString(t.info)} "${name}" is invalid\n`);
      } else if (err instanceof ApiError && err.reason === 'NotFound') {
        io.stderr(`error: ${resourceString(t.info)} "${name}" could not be found on the server\n`);
        return { retryable, invalid, fatal: new KubectlError(`The edits you made on deleted resources have been saved`) };
      } else {
        retryable++;
        io.stderr(`error: ${resourceString(t.info)} "${name}" could not be patched: ${err instanceof ApiError ? err.status.message : err instanceof Error ? err.message : String(err)}\n`);
      }
    }
  }
  return { retryable, invalid };
}

export const editCommand: KubectlCommand = {
  name: 'edit',
  short: 'Edit a resource on the server',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  flags: [],
  run,
};
