/**
 * kubectl scale (pkg/cmd/scale/scale.go): --replicas for deployments, replica sets and
 * replication controllers, with the --current-replicas precondition. Prints
 * `deployment.apps/x scaled`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceKey } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy, operationLine } from '../write-options.ts';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet']);

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  if (!flags.changed('replicas')) throw new KubectlError('required flag(s) "replicas" not set');
  const replicas = flags.int('replicas');
  if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  const dryRun = dryRunStrategy(flags);
  const current = flags.int('current-replicas');
  const errors: unknown[] = [];
  for (const req of parseResourceArgs(ctx.api, flags.args)) {
    if (req.names.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const name of req.names) {
      const ns = req.info.namespaced ? inv.namespace : undefined;
      try {
        const key = resourceKey(req.info);
        const obj = ctx.api.get(key, ns, name).object;
        if (!SCALABLE.has(req.info.kind)) throw new KubectlError('the server could not find the requested resource');
        const have = Number(obj.spec?.replicas ?? 1);
        if (current >= 0 && current !== have) throw new KubectlError(`Expected replicas to be ${current}, was ${have}`);
        if (dryRun !== 'client') ctx.api.patch(key, ns, name, 'merge', { spec: { replicas } }, { dryRun: dryRun === 'server' });
        io.stdout(operationLine(req.info, name, 'scaled', dryRun, flags.string('output')));
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const scaleCommand: KubectlCommand = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    DRY_RUN_FLAG,
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).' },
    { name: 'replicas', type: 'int', usage: 'The new desired number of replicas. Required.' },
  ],
  run,
};
