/**
 * The endpoints controller (pkg/controller/endpoint/endpoints_controller.go), as v1.33 runs it:
 * for each Service with a selector, an Endpoints object of the same name listing the matching
 * pods that have an IP, ready ones under `addresses`, the others under `notReadyAddresses`,
 * repacked into one subset per port set (pkg/api/v1/endpoints/util.go RepackSubsets).
 *
 * - Service deleted -> its Endpoints is deleted, whoever wrote it.
 * - ExternalName, or no selector -> nothing is written: a hand-made Endpoints stays as written,
 *   and one this controller wrote earlier stays frozen with its last addresses.
 * - Labels: the Service's, plus `endpoints.kubernetes.io/managed-by: endpoint-controller` (and
 *   `service.kubernetes.io/headless` for headless Services); other annotations are kept,
 *   `endpoints.kubernetes.io/last-change-trigger-time` is set from the trigger-time tracker.
 * - No write when subsets and labels already match.
 * - Only deletions of Endpoints are watched: a hand-edited Endpoints of a selector Service lives
 *   until the Service's next sync.
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromMap } from '../api/labels.ts';
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, KubeObject, Pod, Service } from '../api/types.ts';
import { clone, jsonEqual } from '../api/types.ts';
import { isPodReady, nsName, splitKey, tolerate, type ControllerContext } from './context.ts';
import {
  compareStrings,
  findPort,
  hasSelector,
  hostnameFor,
  podIPFor,
  shouldPodBeInEndpoints,
  TriggerTimeTracker,
  servicesForPodEvent,
} from './endpointutil.ts';
import type { Controller } from './manager.ts';
import { KeyQueue } from './queue.ts';

export const MANAGED_BY_LABEL = 'endpoints.kubernetes.io/managed-by';
export const ENDPOINT_CONTROLLER = 'endpoint-controller';
export const TRIGGER_TIME_ANNOTATION = 'endpoints.kubernetes.io/last-change-trigger-time';
const OVER_CAPACITY_ANNOTATION = 'endpoints.kubernetes.io/over-capacity';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const MAX_CAPACITY = 1000;

export class EndpointsController implements Controller {
  readonly name = ENDPOINT_CONTROLLER;
  private readonly dirty = new KeyQueue();
  private readonly triggers = new TriggerTimeTracker();

  constructor(private readonly ctx: ControllerContext) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'services') {
      this.dirty.add(nsName(e.object));
    } else if (e.resource === 'endpoints') {
      if (e.type === 'DELETED') this.dirty.add(nsName(e.object));
    } else if (e.resource === 'pods') {
      for (const key of servicesForPodEvent(this.ctx, e)) this.dirty.add(key);
    }
  }

  sync(): boolean {
    return this.dirty.drain((k) => this.syncService(k));
  }

  private syncService(key: string): void {
    const [ns, name] = splitKey(key);
    const svc = this.ctx.cache.get<Service>('services', ns, name);
    if (!svc) {
      // Deleting a Service deletes its Endpoints, hand-made ones too.
      this.triggers.forget(ns, name);
      if (this.ctx.cache.get('endpoints', ns, name)) tolerate(() => this.ctx.api.delete('endpoints', ns, name));
      return;
    }
    if (svc.spec.type === 'ExternalName' || !hasSelector(svc)) return;

    const pods = this.ctx.cache.selectPods(ns, selectorFromMap(svc.spec.selector));
    const subsets = desiredSubsets(svc, pods);
    const triggerTime = this.triggers.compute(svc, pods);
    const existing = this.ctx.cache.get<Endpoints>('endpoints', ns, name);

    const labels: Record<string, string> = { ...(svc.metadata.labels ?? {}) };
    labels[MANAGED_BY_LABEL] = ENDPOINT_CONTROLLER;
    if (!svc.spec.clusterIP || svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    else delete labels[HEADLESS_LABEL];

    const { subsets: capped, truncated } = capSubsets(subsets);
    if (
      existing &&
      jsonEqual(existing.subsets ?? [], capped) &&
      jsonEqual(existing.metadata.labels ?? {}, labels) &&
      (existing.metadata.annotations?.[OVER_CAPACITY_ANNOTATION] === 'truncated') === truncated
    ) {
      return;
    }
    const annotations: Record<string, string> = { ...(existing?.metadata.annotations ?? {}) };
    if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    if (truncated) annotations[OVER_CAPACITY_ANNOTATION] = 'truncated';
    else delete annotations[OVER_CAPACITY_ANNOTATION];

    const body: Endpoints = existing ? clone(existing) : { apiVersion: 'v1', kind: 'Endpoints', metadata: { name, namespace: ns } };
    body.metadata.labels = labels;
    if (Object.keys(annotations).length > 0) body.metadata.annotations = annotations;
    else delete body.metadata.annotations;
    if (capped.length > 0) body.subsets = capped;
    else delete body.subsets;
    const reason = existing ? 'FailedToUpdateEndpoint' : 'FailedToCreateEndpoint';
    try {
      if (existing) this.ctx.api.update('endpoints', ns, body);
      else this.ctx.api.create('endpoints', ns, body);
    } catch (e) {
      if (!(e instanceof Error) || e.name !== 'ApiError') throw e;
      // AlreadyExists / Conflict / NotFound are retried on the next sync; others are reported.
      const code = (e as { code?: number }).code;
      if (code === 409 || code === 404) {
        this.dirty.add(key);
        return;
      }
      const message = existing ? `Failed to update endpoint ${ns}/${name}: ${e.message}` : `Failed to create endpoint for service ${ns}/${name}: ${e.message}`;
      this.ctx.recorder.record(svc, { component: ENDPOINT_CONTROLLER }, 'Warning', reason, message);
    }
  }
}

/** The subsets the controller writes: per pod and port, then repacked. */
export function desiredSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const publishNotReady = svc.spec.publishNotReadyAddresses === true;
  const family = svc.spec.ipFamilies?.[0] ?? 'IPv4';
  const ports = svc.spec.ports ?? [];
  const headless = svc.spec.clusterIP === 'None';
  // address key -> address, readiness, and resolved ports
  const entries: { addr: EndpointAddress; ready: boolean; ports: EndpointPort[] }[] = [];
  for (const pod of pods) {
    if (!shouldPodBeInEndpoints(pod, publishNotReady)) continue;
    const ip = podIPFor(pod, family);
    if (!ip) continue;
    const addr: EndpointAddress = { ip };
    const hostname = hostnameFor(pod, svc);
    if (hostname) addr.hostname = hostname;
    if (pod.spec.nodeName) addr.nodeName = pod.spec.nodeName;
    addr.targetRef = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
    const ready = publishNotReady || isPodReady(pod);
    const epPorts: EndpointPort[] = [];
    for (const sp of ports) {
      const port = findPort(pod, sp);
      if (port === undefined) continue;
      const ep: EndpointPort = { port, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) ep.name = sp.name;
      if (sp.appProtocol) ep.appProtocol = sp.appProtocol;
      epPorts.push(ep);
    }
    if (epPorts.length === 0 && !(ports.length === 0 && headless)) continue;
    entries.push({ addr, ready, ports: epPorts });
  }
  return repack(entries);
}

/** RepackSubsets: one subset per port set; addresses deduplicated (not-ready wins) and sorted by IP then UID. */
function repack(entries: { addr: EndpointAddress; ready: boolean; ports: EndpointPort[] }[]): EndpointSubset[] {
  const groups = new Map<string, { ports: EndpointPort[]; ready: Map<string, EndpointAddress>; notReady: Map<string, EndpointAddress> }>();
  for (const e of entries) {
    const k = canonical(e.ports);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports: e.ports, ready: new Map(), notReady: new Map() }));
    const ak = `${e.addr.ip}/${e.addr.targetRef?.uid ?? ''}`;
    if (e.ready) {
      if (!g.notReady.has(ak)) g.ready.set(ak, e.addr);
    } else {
      g.ready.delete(ak);
      g.notReady.set(ak, e.addr);
    }
  }
  const byIP = (a: EndpointAddress, b: EndpointAddress) => compareStrings(a.ip, b.ip) || compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
  const out: EndpointSubset[] = [];
  // Kubernetes orders subsets (and ports) by a hash of their Go dump, which cannot be reproduced:
  // subsets keep the order in which their port sets first appear, ports the Service's order.
  for (const g of groups.values()) {
    const s: EndpointSubset = {};
    if (g.ready.size) s.addresses = [...g.ready.values()].sort(byIP);
    if (g.notReady.size) s.notReadyAddresses = [...g.notReady.values()].sort(byIP);
    if (g.ports.length) s.ports = g.ports;
    out.push(s);
  }
  return out;
}

/** Above 1000 addresses, cut to 1000 (ready first) and flag the object (endpoints_controller.go truncateEndpoints). */
function capSubsets(subsets: EndpointSubset[]): { subsets: EndpointSubset[]; truncated: boolean } {
  const total = subsets.reduce((n, s) => n + (s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0), 0);
  if (total <= MAX_CAPACITY) return { subsets, truncated: false };
  let remaining = MAX_CAPACITY;
  const out = subsets.map((s) => ({ ...s }));
  for (const s of out) {
    const share = Math.min(remaining, Math.round((((s.addresses?.length ?? 0) + (s.notReadyAddresses?.length ?? 0)) / total) * MAX_CAPACITY));
    const ready = (s.addresses ?? []).slice(0, share);
    const notReady = (s.notReadyAddresses ?? []).slice(0, Math.max(0, share - ready.length));
    if (ready.length) s.addresses = ready;
    else delete s.addresses;
    if (notReady.length) s.notReadyAddresses = notReady;
    else delete s.notReadyAddresses;
    remaining -= ready.length + notReady.length;
  }
  return { subsets: out, truncated: true };
}

function canonical(v: unknown): string {
  return JSON.stringify(v, (_k, value) =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, value[k]]))
      : value,
  );
}

export type { KubeObject };
