/**
 * kubectl patch (pkg/cmd/patch/patch.go): TYPE NAME or TYPE/NAME, -p as JSON or YAML,
 * --type strategic (default), merge or json. Prints `service/x patched`, or
 * `patched (no change)` when the server returned the object unchanged.
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy, operationLine } from '../write-options.ts';
import { goYamlError } from '../yaml-errors.ts';

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const type = flags.string('type');
  if (!['json', 'merge', 'strategic'].includes(type)) throw new KubectlError(`--type must be one of [json merge strategic], not "${type}"`);
  const text = flags.string('patch');
  if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  const dryRun = dryRunStrategy(flags);
  if (flags.args.length === 0) throw new KubectlError(NO_ARGS);
  let patch: unknown;
  try {
    patch = load(text, { schema: YAML11_SCHEMA });
  } catch (e) {
    throw new KubectlError(`unable to parse "${text}": ${goYamlError(e, text)}`);
  }
  const errors: unknown[] = [];
  const requests = parseResourceArgs(ctx.api, flags.args);
  for (const req of requests) {
    if (req.names.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const name of req.names) {
      const ns = req.info.namespaced ? inv.namespace : undefined;
      try {
        const key = resourceKey(req.info);
        const before = ctx.api.get(key, ns, name).object;
        let changed = true;
        if (dryRun !== 'client') {
          const res = ctx.api.patch(key, ns, name, type as 'json' | 'merge' | 'strategic', patch, { dryRun: dryRun === 'server' });
          inv.warn(res.warnings);
          changed = res.object.metadata.resourceVersion !== before.metadata.resourceVersion || dryRun === 'server';
        }
        io.stdout(operationLine(req.info, name, changed ? 'patched' : 'patched (no change)', dryRun, flags.string('output')));
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

const NO_ARGS = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const patchCommand: KubectlCommand = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]',
  flags: [
    DRY_RUN_FLAG,
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'patch', shorthand: 'p', type: 'string', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run,
};
