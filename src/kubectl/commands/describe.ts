/**
 * kubectl describe (pkg/cmd/describe/describe.go): `describe TYPE NAME`, `describe TYPE`
 * (all), `describe TYPE PREFIX` (names starting with it), `-l`. Several objects are separated by
 * a blank line.
 */
import { ApiError, notFound } from '../../cluster/api/errors.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { DESCRIBERS, type DescribeContext } from '../describe/index.ts';
import { KubectlError } from '../errors.ts';
import { parseResourceArgs } from '../resource-args.ts';

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  if (flags.args.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const allNs = flags.bool('all-namespaces');
  const dctx: DescribeContext = { api: ctx.api, now: ctx.now(), warn: (w) => inv.warn(w), showEvents: flags.bool('show-events') };
  const objects: KubeObject[] = [];
  const errors: unknown[] = [];
  for (const req of parseResourceArgs(ctx.api, flags.args)) {
    const key = req.info.group ? `${req.info.resource}.${req.info.group}` : req.info.resource;
    const ns = req.info.namespaced ? (allNs ? undefined : inv.namespace) : undefined;
    if (req.names.length === 0) {
      const res = ctx.api.list(key, ns, { labelSelector: flags.string('selector') });
      inv.warn(res.warnings);
      objects.push(...res.object.items);
      continue;
    }
    for (const name of req.names) {
      try {
        const res = ctx.api.get(key, ns, name);
        inv.warn(res.warnings);
        objects.push(res.object);
      } catch (e) {
        if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e;
        inv.warn(e.warnings);
        // Not found by name: describe every object whose name starts with it.
        const all = ctx.api.list(key, ns).object.items.filter((o) => o.metadata.name?.startsWith(name));
        if (all.length === 0) errors.push(notFound(req.info.resource, req.info.group, name));
        objects.push(...all);
      }
    }
  }
  let first = true;
  for (const o of objects) {
    const describer = DESCRIBERS[o.kind];
    if (!describer) throw new KubectlError(`no description has been implemented for ${o.kind}`);
    const text = describer(o, dctx);
    io.stdout((first ? '' : '\n\n') + text);
    first = false;
  }
  if (objects.length === 0 && errors.length === 0) {
    io.stderr(allNs ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  for (const e of errors) throw e;
  return 0;
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files containing the resource to describe' },
  ],
  run,
};
