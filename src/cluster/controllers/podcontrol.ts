/**
 * controller.RealPodControl (pkg/controller/controller_utils.go): how the ReplicaSet, RC and
 * DaemonSet controllers create a pod from their template and delete one, with the events they
 * record on the owner (`SuccessfulCreate` / `FailedCreate` / `SuccessfulDelete`).
 */
import type { KubeObject, OwnerReference, Pod } from '../api/types.ts';
import { clone } from '../api/types.ts';
import { tolerate, type ControllerContext } from './context.ts';

export interface PodOverrides {
  /** Labels added to the template's (the DaemonSet's revision labels). */
  labels?: Record<string, string>;
  /** The pod spec to use instead of a copy of the template's. */
  spec?: Record<string, unknown>;
}

/** GetPodFromTemplate + CreatePodsWithGenerateName: `generateName: <owner>-`, the controller reference. */
export function createPodFromTemplate(ctx: ControllerContext, owner: KubeObject, ref: OwnerReference, component: string, overrides: PodOverrides = {}): void {
  const template = owner.spec?.template ?? {};
  const meta = template.metadata ?? {};
  const labels = overrides.labels ? { ...(meta.labels ?? {}), ...overrides.labels } : meta.labels ? clone(meta.labels) : undefined;
  const body: KubeObject = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      generateName: `${owner.metadata.name}-`,
      namespace: owner.metadata.namespace,
      ...(labels ? { labels } : {}),
      ...(meta.annotations ? { annotations: clone(meta.annotations) } : {}),
      ...(meta.finalizers ? { finalizers: clone(meta.finalizers) } : {}),
      ownerReferences: [ref],
    },
    spec: overrides.spec ?? clone(template.spec ?? {}),
  };
  try {
    const created = ctx.api.create('pods', owner.metadata.namespace, body).object;
    ctx.recorder.record(owner, { component }, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    ctx.recorder.record(owner, { component }, 'Warning', 'FailedCreate', `Error creating: ${msg}`);
    if (!(e instanceof Error) || e.name !== 'ApiError') throw e;
  }
}

/** DeletePod: a deletion that found the pod already gone records nothing. */
export function deletePodOf(ctx: ControllerContext, owner: KubeObject, pod: Pod, component: string): void {
  const deleted = tolerate(() => ctx.api.delete('pods', pod.metadata.namespace, pod.metadata.name!));
  if (deleted) ctx.recorder.record(owner, { component }, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata.name}`);
}
