/** What every controller is given: the API server (its only way to write), the shared informer cache, the events recorder. */
import type { ApiServer } from '../api/apiserver.ts';
import { ApiError } from '../api/errors.ts';
import type { KubeObject, PodCondition } from '../api/types.ts';
import type { ObjectCache } from './cache.ts';
import type { EventRecorder } from './events.ts';

export interface ControllerContext {
  api: ApiServer;
  cache: ObjectCache;
  recorder: EventRecorder;
}

export function nsName(o: KubeObject): string {
  return `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
}

export function splitKey(key: string): [string, string] {
  const i = key.indexOf('/');
  return [key.slice(0, i), key.slice(i + 1)];
}

/** Run an API call a controller may lose a race on (NotFound, Conflict, AlreadyExists): those are retried by the next sync. */
export function tolerate<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (e instanceof ApiError) return undefined;
    throw e;
  }
}

export function podCondition(pod: KubeObject, type: string): PodCondition | undefined {
  return (pod.status?.conditions as PodCondition[] | undefined)?.find((c) => c.type === type);
}

/** podutil.IsPodReady */
export function isPodReady(pod: KubeObject): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !pod.metadata.deletionTimestamp;
}

/** The controlling owner reference (metav1.GetControllerOf). */
export function controllerOf(o: KubeObject) {
  return o.metadata.ownerReferences?.find((r) => r.controller === true);
}

/** Oldest first by creationTimestamp, then by name (controller.ReplicaSetsByCreationTimestamp and kin). */
export function byCreation(a: KubeObject, b: KubeObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  return ta < tb ? -1 : ta > tb ? 1 : (a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1;
}

/** intstr.GetScaledValueFromIntOrPercent: a number as is, `N%` of `total` rounded up or down. */
export function scaledIntOrPercent(v: number | string, total: number, roundUp: boolean): number {
  if (typeof v === 'number') return v;
  const m = /^(\d+)%$/.exec(v);
  if (!m) return Number(v) || 0;
  const x = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(x) : Math.floor(x);
}
