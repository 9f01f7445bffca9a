/**
 * kubectl delete (staging/src/k8s.io/kubectl/pkg/cmd/delete): by TYPE NAME..., TYPE/NAME, -f,
 * -l or --all (optionally across namespaces with -A); prints `service "x" deleted` per object
 * (v1.33 wording), then waits for the objects to be gone unless --wait=false.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import type { ResourceInfo } from '../../cluster/api/resources.ts';
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { waitFor } from '../context.ts';
import { AggregateError, KubectlError, addSourceToErr } from '../errors.ts';
import { readManifestSources } from '../manifests.ts';
import { kindPrefix } from '../mapper.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy, dryRunSuffix } from '../write-options.ts';
import { buildObjects, type BuiltObject } from './apply.ts';

export const NO_RESOURCES_GIVEN = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

interface Target {
  info: ResourceInfo;
  namespace: string | undefined;
  name: string;
  source?: string;
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const files = flags.list('filename');
  const args = flags.args;
  const selector = flags.string('selector');
  const all = flags.bool('all');
  const allNamespaces = flags.bool('all-namespaces');
  const output = flags.string('output');
  if (all && selector) throw new KubectlError("setting 'all' parameter but found a non empty selector. ");
  if (flags.bool('now') && flags.changed('grace-period')) throw new KubectlError('--now and --grace-period cannot be specified together');
  const dryRun = dryRunStrategy(flags);
  // Validate() runs after Complete() (the checks above come from the builder and Complete).
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  const gracePeriod = flags.bool('now') ? 1 : flags.int('grace-period');
  if (gracePeriod > 0 && flags.bool('force')) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  if (gracePeriod === 0 && flags.bool('force')) {
    io.stderr('warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  }
  if (files.length > 0 && args.length > 0) {
    throw new KubectlError('when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well');
  }
  if (files.length === 0 && args.length === 0) throw new KubectlError(NO_RESOURCES_GIVEN);

  const errors: unknown[] = [];
  const targets: Target[] = [];
  if (files.length > 0) {
    const read = readManifestSources(ctx.fs, files, io.stdin, { validate: false });
    for (const b of buildObjects(inv, read.items)) {
      if (b instanceof Error) errors.push(b);
      else targets.push(fromBuilt(b));
    }
  } else {
    const requests = parseResourceArgs(ctx.api, args);
    const named = requests.some((r) => r.names.length > 0);
    if (named && (all || selector)) throw new KubectlError('name cannot be provided when a selector is specified');
    if (!named && !all && !selector && !flags.string('field-selector')) {
      throw new KubectlError('resource(s) were provided, but no name was specified');
    }
    for (const req of requests) {
      const ns = req.info.namespaced ? (allNamespaces && !named ? undefined : inv.namespace) : undefined;
      if (req.names.length > 0) {
        for (const name of req.names) targets.push({ info: req.info, namespace: ns, name });
        continue;
      }
      const res = ctx.api.list(resourceKey(req.info), ns, { labelSelector: selector, fieldSelector: flags.string('field-selector') });
      inv.warn(res.warnings);
      for (const o of res.object.items) targets.push({ info: req.info, namespace: o.metadata.namespace, name: o.metadata.name ?? '' });
    }
    if (targets.length === 0 && !named) {
      io.stdout('No resources found\n');
      return 0;
    }
  }

  const operation = `${gracePeriod === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(dryRun)}`;
  const deleted: Target[] = [];
  for (const t of targets) {
    try {
      const res = ctx.api.delete(resourceKey(t.info), t.namespace, t.name, {
        dryRun: dryRun !== 'none',
        ...(gracePeriod >= 0 ? { gracePeriodSeconds: gracePeriod } : {}),
      });
      inv.warn(res.warnings);
      deleted.push(t);
      io.stdout(output === 'name' ? `${kindPrefix(t.info)}/${t.name}\n` : `${kindPrefix(t.info)} "${t.name}" ${operation}\n`);
    } catch (e) {
      if (e instanceof ApiError) {
        inv.warn(e.warnings);
        if (e.reason === 'NotFound' && flags.bool('ignore-not-found')) continue;
      }
      errors.push(t.source ? addSourceToErr('deleting', t.source, e) : e);
    }
  }
  if (flags.bool('wait') && dryRun === 'none' && deleted.length > 0) {
    const gone = () => deleted.every((t) => !ctx.api.peek(resourceKey(t.info), t.namespace, t.name));
    const timeout = flags.string('timeout');
    const ms = parseTimeout(timeout);
    const ok = await waitFor(ctx, gone, ms, io.signal);
    if (!ok && !io.signal.aborted) {
      const left = deleted.filter((t) => ctx.api.peek(resourceKey(t.info), t.namespace, t.name));
      for (const t of left) errors.push(new KubectlError(`timed out waiting for the condition on ${t.info.group ? `${t.info.resource}.${t.info.group}` : t.info.resource}/${t.name}`));
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

function fromBuilt(b: BuiltObject): Target {
  return { info: b.info, namespace: b.info.namespaced ? b.namespace : undefined, name: b.name, source: b.manifest.source };
}

/** --timeout: a Go duration; 0 means a week, as delete's wait uses. */
function parseTimeout(s: string): number {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(s);
  if (!m || Number(m[1]) === 0) return 7 * 24 * 3600 * 1000;
  const n = Number(m[1]);
  return n * ({ ms: 1, s: 1000, m: 60000, h: 3600000 }[m[2] ?? 's'] ?? 1000);
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    { name: 'all', type: 'bool', usage: 'Delete all resources, in the namespace of the specified resource types.' },
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    { name: 'field-selector', type: 'string', usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type." },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'containing the resource to delete.' },
    { name: 'force', type: 'bool', usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    { name: 'ignore-not-found', type: 'bool', usage: 'Treat "resource not found" as a successful delete. Defaults to "true" when --all is specified.' },
    { name: 'now', type: 'bool', usage: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output mode. Use "-o name" for shorter output (resource/name).' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'timeout', type: 'string', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    { name: 'wait', type: 'bool', default: true, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run,
};
