/**
 * kubectl apply -f (pkg/cmd/apply): create what does not exist (`created`), patch what does
 * (`configured`, or `unchanged` when nothing changes). A first slice: the three-way merge through
 * the last-applied-configuration annotation is done by the kubectl helper.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceForKind, resourceKey } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { kindPrefix } from '../mapper.ts';
import { readManifests } from '../manifests.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const files = flags.list('filename');
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k', "See 'kubectl apply -h' for help and examples");
  const manifests = readManifests(ctx.fs, files, io.stdin);
  if (manifests.length === 0) throw new KubectlError('no objects passed to apply');
  const errors: unknown[] = [];
  for (const m of manifests) {
    const info = resourceForKind(m.object.apiVersion, m.object.kind);
    if (!info) {
      errors.push(
        new KubectlError(
          `resource mapping not found for name: "${m.object.metadata?.name ?? ''}" namespace: "${m.object.metadata?.namespace ?? ''}" from "${m.source}": no matches for kind "${m.object.kind}" in version "${m.object.apiVersion}"\nensure CRDs are installed first`,
        ),
      );
      continue;
    }
    const key = resourceKey(info);
    const ns = info.namespaced ? (m.object.metadata?.namespace ?? inv.namespace) : undefined;
    const name = m.object.metadata?.name ?? '';
    const applied: KubeObject = JSON.parse(JSON.stringify(m.object));
    applied.metadata ??= {};
    const lastApplied = JSON.stringify(m.object);
    applied.metadata.annotations = { ...(applied.metadata.annotations ?? {}), [LAST_APPLIED]: lastApplied + '\n' };
    try {
      const existing = ctx.api.peek(key, ns, name);
      if (!existing) {
        const res = ctx.api.create(key, ns, applied);
        inv.warn(res.warnings);
        io.stdout(`${kindPrefix(info)}/${res.object.metadata.name} created\n`);
      } else {
        const before = existing.metadata.resourceVersion;
        const res = ctx.api.patch(key, ns, name, 'strategic', applied);
        inv.warn(res.warnings);
        io.stdout(`${kindPrefix(info)}/${name} ${res.object.metadata.resourceVersion === before ? 'unchanged' : 'configured'}\n`);
      }
    } catch (e) {
      if (e instanceof ApiError) {
        inv.warn(e.warnings);
        if (e.reason !== 'Invalid') e.status.message = `error when creating "${m.source}": ${e.status.message}`;
      }
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const applyCommand: KubectlCommand = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'The files that contain the configurations to apply.' },
  ],
  run,
};
