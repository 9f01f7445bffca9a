/** kubectl delete TYPE NAME... (pkg/cmd/delete): `service "x" deleted`. A first slice. */
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError } from '../errors.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { ApiError } from '../../cluster/api/errors.ts';

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const errors: unknown[] = [];
  for (const req of parseResourceArgs(ctx.api, flags.args)) {
    const key = req.info.group ? `${req.info.resource}.${req.info.group}` : req.info.resource;
    const ns = req.info.namespaced ? inv.namespace : undefined;
    for (const name of req.names) {
      try {
        const res = ctx.api.delete(key, ns, name);
        inv.warn(res.warnings);
        const kind = req.info.group ? `${req.info.kind.toLowerCase()}.${req.info.group}` : req.info.kind.toLowerCase();
        io.stdout(`${kind} "${name}" deleted\n`);
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const deleteCommand: KubectlCommand = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [],
  run,
};
