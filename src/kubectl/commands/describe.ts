/**
 * kubectl describe (pkg/cmd/describe/describe.go DescribeOptions.Run): `describe TYPE NAME...`,
 * `TYPE` (all, or `-l`), `TYPE/NAME`, `-f FILE`, `-A`. Objects are separated by `\n\n`; errors
 * (not found, ...) are collected and reported after what could be described. `TYPE PREFIX`
 * (exactly two arguments) falls back to describing every object whose name starts with PREFIX
 * (DescribeMatchingResources), each followed by a newline.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import type { ResourceInfo } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { describerFor, type DescribeContext } from '../describe/index.ts';
import { describeGeneric } from '../describe/generic.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { readManifests } from '../manifests.ts';
import { parseResourceArgs } from '../resource-args.ts';

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
}

function keyOf(info: ResourceInfo): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

function describeOne(t: Target, dctx: DescribeContext): string {
  const res = dctx.api.get(keyOf(t.info), t.namespace, t.name);
  dctx.warn(res.warnings);
  const describer = describerFor(t.info.group, t.info.kind) ?? describeGeneric;
  return describer(res.object, dctx);
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const files = flags.list('filename');
  if (flags.args.length === 0 && files.length === 0) {
    throw new KubectlError(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const allNs = flags.bool('all-namespaces');
  const selector = flags.string('selector');
  const dctx: DescribeContext = { api: ctx.api, now: ctx.now(), warn: (w) => inv.warn(w), showEvents: flags.bool('show-events') };
  const targets: Target[] = [];
  const errors: unknown[] = [];
  let notFound = false;

  const collect = (f: () => void) => {
    try {
      f();
    } catch (e) {
      if (e instanceof ApiError) {
        inv.warn(e.warnings);
        if (e.reason === 'NotFound') notFound = true;
        errors.push(e);
      } else throw e;
    }
  };

  // -f: the objects the files name, looked up on the server.
  if (files.length > 0) {
    for (const m of readManifests(ctx.fs, files, io.stdin, { validate: true, recursive: flags.bool('recursive') })) {
      const [group, version] = m.object.apiVersion.includes('/') ? m.object.apiVersion.split('/') : ['', m.object.apiVersion];
      const info = ctx.api.discovery().find((r) => r.group === group && r.version === version && r.kind === m.object.kind);
      if (!info) {
        throw new KubectlError(
          `resource mapping not found for name: "${m.object.metadata?.name ?? ''}" namespace: "${m.object.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`,
        );
      }
      const namespace = info.namespaced ? (m.object.metadata?.namespace ?? inv.namespace) : undefined;
      collect(() => {
        const res = ctx.api.get(keyOf(info), namespace, m.object.metadata?.name ?? '');
        inv.warn(res.warnings);
        targets.push({ info, namespace, name: res.object.metadata.name! });
      });
    }
  }

  const requests = flags.args.length > 0 ? parseResourceArgs(ctx.api, flags.args) : [];
  for (const req of requests) {
    const ns = req.info.namespaced ? (allNs ? undefined : inv.namespace) : undefined;
    if (req.names.length === 0) {
      collect(() => {
        const res = ctx.api.list(keyOf(req.info), ns, { labelSelector: selector });
        inv.warn(res.warnings);
        for (const o of res.object.items) targets.push({ info: req.info, namespace: o.metadata.namespace, name: o.metadata.name! });
      });
      continue;
    }
    for (const name of req.names) {
      const nsForName = req.info.namespaced ? inv.namespace : undefined;
      collect(() => {
        const res = ctx.api.get(keyOf(req.info), nsForName, name);
        inv.warn(res.warnings);
        targets.push({ info: req.info, namespace: nsForName, name });
      });
    }
  }

  // `describe TYPE PREFIX`: a name not found becomes a prefix (only with exactly two arguments).
  if (notFound && errors.length === 1 && flags.args.length === 2 && files.length === 0) {
    // With TYPE/NAME as the first argument, the only candidate is that object, and no name
    // contains the '/' of a TYPE/NAME prefix: nothing matches, the original error stands.
    if (flags.args[0].includes('/') || requests.length !== 1) throw errors[0];
    const info = requests[0].info;
    const ns = info.namespaced ? inv.namespace : undefined;
    const res = ctx.api.list(keyOf(info), ns);
    inv.warn(res.warnings);
    const prefix = flags.args[1];
    const matching = res.object.items.filter((o: KubeObject) => o.metadata.name!.startsWith(prefix));
    if (matching.length === 0) throw errors[0];
    for (const o of matching) io.stdout(`${describeOne({ info, namespace: o.metadata.namespace, name: o.metadata.name! }, dctx)}\n`);
    return 0;
  }

  let first = true;
  const seen = new Set<string>();
  for (const t of targets) {
    let text: string;
    try {
      text = describeOne(t, dctx);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      inv.warn(e.warnings);
      if (!seen.has(e.message)) errors.push(e);
      seen.add(e.message);
      continue;
    }
    io.stdout(first ? text : `\n\n${text}`);
    first = false;
  }
  if (targets.length === 0 && errors.length === 0) {
    io.stderr(allNs ? 'No resources found\n' : `No resources found in ${inv.namespace} namespace.\n`);
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors);
  return 0;
}

export const describeCommand: KubectlCommand = {
  name: 'describe',
  short: 'Show details of a specific resource or group of resources',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [options]',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files containing the resource to describe' },
    { name: 'recursive', shorthand: 'R', type: 'bool', usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
  ],
  run,
};
