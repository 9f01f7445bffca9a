/**
 * Logic shared by the endpoints and EndpointSlice controllers
 * (staging/src/k8s.io/endpointslice/util/controller_utils.go, utils.go, trigger_time_tracker.go;
 * pkg/api/v1/pod/util.go FindPort).
 */
import type { KubeObject, Pod, Service, ServicePort } from '../api/types.ts';
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromMap } from '../api/labels.ts';
import { isPodReady, nsName, podCondition, type ControllerContext } from './context.ts';

/** ShouldPodBeInEndpoints */
export function shouldPodBeInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP && !(pod.status?.podIPs?.length ?? 0)) return false;
  if (!includeTerminating && pod.metadata.deletionTimestamp) return false;
  return true;
}

/** The pod IP of the Service's first family (IPv4 here). */
export function podIPFor(pod: Pod, family: string): string | undefined {
  const ips = (pod.status?.podIPs ?? []).map((p) => p.ip);
  if (ips.length === 0 && pod.status?.podIP) ips.push(pod.status.podIP);
  return ips.find((ip) => (family === 'IPv6' ? ip.includes(':') : !ip.includes(':')));
}

/** FindPort: a numeric targetPort as is; a named one from the containers' ports with the same protocol; undefined when not found. */
export function findPort(pod: Pod, sp: ServicePort): number | undefined {
  const target = sp.targetPort ?? sp.port;
  if (typeof target === 'number') return target;
  if (/^\d+$/.test(target)) return Number(target);
  const proto = sp.protocol ?? 'TCP';
  for (const c of pod.spec.containers ?? []) {
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  for (const c of pod.spec.initContainers ?? []) {
    if (c.restartPolicy !== 'Always') continue;
    for (const p of c.ports ?? []) if (p.name === target && (p.protocol ?? 'TCP') === proto) return p.containerPort;
  }
  return undefined;
}

/** ShouldSetHostname */
export function hostnameFor(pod: Pod, svc: Service): string | undefined {
  const hostname = pod.spec.hostname as string | undefined;
  return hostname && pod.spec.subdomain === svc.metadata.name && pod.metadata.namespace === svc.metadata.namespace ? hostname : undefined;
}

/** Pod changes that matter to endpoints (GetServicesToUpdateOnPodChange / podEndpointsChanged). */
export function podChangeMatters(oldPod: Pod, newPod: Pod): { labelsChanged: boolean; relevant: boolean } {
  const labelsChanged = JSON.stringify(oldPod.metadata.labels ?? {}) !== JSON.stringify(newPod.metadata.labels ?? {});
  const relevant =
    labelsChanged ||
    !!oldPod.metadata.deletionTimestamp !== !!newPod.metadata.deletionTimestamp ||
    isPodReady(oldPod) !== isPodReady(newPod) ||
    JSON.stringify(oldPod.status?.podIPs ?? []) !== JSON.stringify(newPod.status?.podIPs ?? []) ||
    oldPod.status?.podIP !== newPod.status?.podIP ||
    oldPod.spec.hostname !== newPod.spec.hostname ||
    oldPod.spec.subdomain !== newPod.spec.subdomain ||
    oldPod.spec.nodeName !== newPod.spec.nodeName ||
    oldPod.status?.phase !== newPod.status?.phase;
  return { labelsChanged, relevant };
}

/**
 * TriggerTimeTracker: the time of the earliest change not yet reflected, per Service. A first
 * sync (or a recreated Service) reports the Service's creation; later, the earliest Ready
 * transition among pods whose transition time moved. Zero (undefined) when nothing changed.
 */
export class TriggerTimeTracker {
  private readonly states = new Map<string, { pods: Map<string, string>; service: string }>();

  compute(svc: KubeObject, pods: readonly Pod[]): string | undefined {
    const key = `${svc.metadata.namespace}/${svc.metadata.name}`;
    const state = this.states.get(key);
    const next = new Map<string, string>();
    let trigger: string | undefined;
    const earlier = (t: string) => {
      if (trigger === undefined || Date.parse(t) < Date.parse(trigger)) trigger = t;
    };
    for (const pod of pods) {
      const t = podCondition(pod, 'Ready')?.lastTransitionTime;
      if (!t) continue;
      next.set(pod.metadata.name!, t);
      const before = state?.pods.get(pod.metadata.name!);
      if (before === undefined || Date.parse(t) > Date.parse(before)) earlier(t);
    }
    const created = svc.metadata.creationTimestamp ?? '';
    if (created && (state === undefined || Date.parse(created) > Date.parse(state.service))) earlier(created);
    this.states.set(key, { pods: next, service: created });
    return trigger;
  }

  forget(namespace: string, name: string): void {
    this.states.delete(`${namespace}/${name}`);
  }
}

/** Compare IP strings byte-wise, as Go's sort of strings does (`10.0.0.10` < `10.0.0.9`). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function hasSelector(svc: Service): boolean {
  return !!svc.spec.selector && Object.keys(svc.spec.selector).length > 0;
}

/**
 * The Services (as `ns/name` keys) a pod event concerns: those whose selector matches the pod,
 * before and after a label change. Shared by the endpoints and EndpointSlice controllers, which
 * both react to pods this way (their addPod/updatePod/deletePod handlers in Kubernetes).
 */
export function servicesForPodEvent(ctx: ControllerContext, e: WatchEvent): string[] {
  const pod = e.object as Pod;
  const pods: Pod[] = [pod];
  if (e.type === 'MODIFIED' && e.old) {
    const { labelsChanged, relevant } = podChangeMatters(e.old as Pod, pod);
    if (!relevant) return [];
    if (labelsChanged) pods.push(e.old as Pod);
  }
  const keys: string[] = [];
  for (const svc of ctx.cache.list<Service>('services', pod.metadata.namespace)) {
    if (!hasSelector(svc)) continue;
    const selector = selectorFromMap(svc.spec.selector);
    if (pods.some((p) => selector.matches(p.metadata.labels))) keys.push(nsName(svc));
  }
  return keys;
}
