/**
 * kubectl set (pkg/cmd/set): the command group (`set env` and `set image` in their own files),
 * and `set selector` (set_selector.go): the last
 * argument is a label selector (metav1.ParseToLabelSelector) that replaces a Service's
 * spec.selector through a strategic merge patch. Prints `service/NAME selector updated`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { parseSelector, SelectorParseError } from '../../cluster/api/labels.ts';
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { checkObjectOutput, objectOutput } from '../object-output.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../write-options.ts';
import { setEnvCommand } from './set-env.ts';
import { setImageCommand } from './set-image.ts';

/** The builder's error when no resource was named (resource.Builder's missing-args message). */
export const NO_RESOURCE_ARGS = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

interface ParsedLabelSelector {
  matchLabels: Record<string, string>;
  /** Go's %v of the match expressions, for the "not supported" error. */
  expressions: string[];
}

/** metav1.ParseToLabelSelector: `=`/`==` become matchLabels, everything else an expression. */
function parseToLabelSelector(text: string): ParsedLabelSelector {
  let reqs;
  try {
    reqs = parseSelector(text).requirements;
  } catch (e) {
    if (e instanceof SelectorParseError) throw new KubectlError(`couldn't parse the selector string "${text}": ${e.message}`);
    throw e;
  }
  const out: ParsedLabelSelector = { matchLabels: {}, expressions: [] };
  const ops: Record<string, string> = { in: 'In', notin: 'NotIn', '!=': 'NotIn', exists: 'Exists', '!': 'DoesNotExist' };
  for (const r of reqs) {
    if (r.operator === '=' || r.operator === '==') out.matchLabels[r.key] = r.values[0];
    else if (ops[r.operator]) out.expressions.push(`{${r.key} ${ops[r.operator]} [${r.values.join(' ')}]}`);
    else throw new KubectlError(`couldn't parse the selector string "${text}": ${r.operator} is not a valid label selector operator`);
  }
  return out;
}

async function runSelector(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  checkObjectOutput(output);
  const args = flags.args;
  if (args.length === 0) throw new KubectlError('one selector is required');
  const selector = parseToLabelSelector(args[args.length - 1]);
  const resources = args.slice(0, -1);
  if (resources.length === 0) throw new KubectlError(NO_RESOURCE_ARGS);
  const errors: unknown[] = [];
  for (const req of parseResourceArgs(ctx.api, resources)) {
    if (req.names.length === 0 && !flags.bool('all')) throw new KubectlError('resource(s) were provided, but no name was specified');
    const ns = req.info.namespaced ? inv.namespace : undefined;
    const key = resourceKey(req.info);
    const names = req.names.length > 0 ? req.names : ctx.api.list(key, ns).object.items.map((o) => o.metadata.name ?? '');
    for (const name of names) {
      try {
        const current = ctx.api.get(key, ns, name).object;
        if (req.info.kind !== 'Service' || req.info.group !== '') throw new KubectlError('setting a selector is only supported for Services');
        if (selector.expressions.length > 0) throw new KubectlError(`match expression [${selector.expressions.join(' ')}] not supported on this object`);
        // The two-way patch of spec.selector: new keys set, old ones removed.
        const old = (current.spec?.selector ?? {}) as Record<string, string>;
        const patchSelector: Record<string, string | null> = { ...selector.matchLabels };
        for (const k of Object.keys(old)) if (!(k in selector.matchLabels)) patchSelector[k] = null;
        const updated = JSON.parse(JSON.stringify(current));
        updated.spec = { ...updated.spec, selector: { ...selector.matchLabels } };
        if (Object.keys(selector.matchLabels).length === 0) delete updated.spec.selector;
        if (dryRun === 'client') {
          io.stdout(objectOutput({ info: req.info, name, object: updated, typed: false }, 'selector updated', dryRun, output));
          continue;
        }
        const res = ctx.api.patch(key, ns, name, 'strategic', { spec: { selector: patchSelector } }, { dryRun: dryRun === 'server' });
        inv.warn(res.warnings);
        io.stdout(objectOutput({ info: req.info, name, object: res.object, typed: false }, 'selector updated', dryRun, output));
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

const selectorCommand: KubectlCommand = {
  name: 'selector',
  short: 'Set the selector on a resource',
  usage: 'kubectl set selector (-f FILENAME | TYPE NAME) EXPRESSIONS [--resource-version=version] [options]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Select all resources in the namespace of the specified resource types' },
    DRY_RUN_FLAG,
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
  ],
  run: runSelector,
};

export const setCommand: KubectlCommand = {
  name: 'set',
  short: 'Set specific features on objects',
  usage: 'kubectl set SUBCOMMAND [options]',
  flags: [],
  subcommands: [setEnvCommand, setImageCommand, selectorCommand],
};
