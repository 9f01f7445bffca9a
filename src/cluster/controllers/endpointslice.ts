/**
 * The EndpointSlice controller (pkg/controller/endpointslice, staging/src/k8s.io/endpointslice
 * reconciler.go): for each Service with a selector, EndpointSlices named `<service>-xxxxx`
 * (generateName), owned by the Service, labelled `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io`, holding up to 100
 * endpoints each, one set per port set. Terminating pods are kept (ready false, serving as
 * their readiness, terminating true). A Service matching no pods gets one placeholder slice.
 *
 * No selector or ExternalName -> return: existing slices stay, stale (kubernetes#118376). A
 * deleted Service's slices go with it through the garbage collector (ownerReference).
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromMap } from '../api/labels.ts';
import type { EndpointSlice, KubeObject, Pod, Service, SliceEndpoint } from '../api/types.ts';
import { clone, jsonEqual } from '../api/types.ts';
import { isPodReady, nsName, splitKey, tolerate, type ControllerContext } from './context.ts';
import { TRIGGER_TIME_ANNOTATION } from './endpoints.ts';
import { findPort, hasSelector, hostnameFor, podIPFor, servicesForPodEvent, shouldPodBeInEndpoints, TriggerTimeTracker } from './endpointutil.ts';
import type { Controller } from './manager.ts';
import { KeyQueue } from './queue.ts';

export const SLICES = 'endpointslices.discovery.k8s.io';
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const SLICE_MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';
const HEADLESS_LABEL = 'service.kubernetes.io/headless';
const MAX_ENDPOINTS_PER_SLICE = 100;
const COMPONENT = 'endpoint-slice-controller';

type SlicePort = { name: string; port: number; protocol: string; appProtocol?: string };

export class EndpointSliceController implements Controller {
  readonly name = COMPONENT;
  private readonly dirty = new KeyQueue();
  private readonly triggers = new TriggerTimeTracker();

  constructor(private readonly ctx: ControllerContext) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'services') {
      this.dirty.add(nsName(e.object));
    } else if (e.resource === SLICES) {
      // Changes to our own slices (someone edited or deleted one) bring the Service back in line.
      const o = e.object;
      if (o.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === SLICE_CONTROLLER && o.metadata.labels?.[SERVICE_NAME_LABEL]) {
        this.dirty.add(`${o.metadata.namespace}/${o.metadata.labels[SERVICE_NAME_LABEL]}`);
      }
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
      this.triggers.forget(ns, name);
      return; // the garbage collector removes the slices
    }
    if (svc.spec.type === 'ExternalName' || !hasSelector(svc)) return;
    const pods = this.ctx.cache.selectPods(ns, selectorFromMap(svc.spec.selector));
    const triggerTime = this.triggers.compute(svc, pods);
    const addressType = svc.spec.ipFamilies?.[0] ?? 'IPv4';

    // Desired endpoints grouped by resolved port set.
    const groups = new Map<string, { ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    for (const pod of pods) {
      if (!shouldPodBeInEndpoints(pod, true)) continue;
      const ip = podIPFor(pod, addressType);
      if (!ip) continue;
      const ports: SlicePort[] = [];
      for (const sp of svc.spec.ports ?? []) {
        const port = findPort(pod, sp);
        if (port === undefined) continue;
        const p: SlicePort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
        if (sp.appProtocol) p.appProtocol = sp.appProtocol;
        ports.push(p);
      }
      if (ports.length === 0 && (svc.spec.ports ?? []).length > 0) continue;
      const k = JSON.stringify(ports);
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { ports, endpoints: [] }));
      g.endpoints.push(this.podToEndpoint(pod, svc, ip));
    }
    const desired: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
    for (const g of groups.values()) {
      for (let i = 0; i < g.endpoints.length; i += MAX_ENDPOINTS_PER_SLICE) {
        desired.push({ ports: g.ports, endpoints: g.endpoints.slice(i, i + MAX_ENDPOINTS_PER_SLICE) });
      }
    }

    const existing = this.ctx.cache
      .list<EndpointSlice>(SLICES, ns)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === SLICE_CONTROLLER)
      .filter((s) => s.addressType === addressType);
    const labels = this.sliceLabels(svc);

    if (desired.length === 0) {
      // A placeholder: one slice with no endpoints and no ports (both read back as null).
      const placeholder = existing.find((s) => (s.endpoints ?? []).length === 0) ?? existing[0];
      for (const s of existing) if (s !== placeholder) tolerate(() => this.ctx.api.delete(SLICES, ns, s.metadata.name!));
      this.write(svc, placeholder, labels, addressType, null, null, triggerTime);
      return;
    }
    // Reuse existing slices in order (the real reconciler minimises churn; for the usual one
    // slice per Service this is the same thing: the slice is updated in place).
    const byPorts = new Map<string, EndpointSlice[]>();
    for (const s of existing) {
      const k = JSON.stringify(s.ports ?? []);
      byPorts.set(k, [...(byPorts.get(k) ?? []), s]);
    }
    const used = new Set<EndpointSlice>();
    const pending: { ports: SlicePort[]; endpoints: SliceEndpoint[] }[] = [];
    for (const d of desired) {
      const candidates = byPorts.get(JSON.stringify(d.ports)) ?? [];
      const slice = candidates.find((s) => !used.has(s));
      if (slice) {
        used.add(slice);
        this.write(svc, slice, labels, addressType, d.ports, d.endpoints, triggerTime);
      } else {
        pending.push(d);
      }
    }
    for (const d of pending) {
      const slice = existing.find((s) => !used.has(s));
      if (slice) used.add(slice);
      this.write(svc, slice, labels, addressType, d.ports, d.endpoints, triggerTime);
    }
    for (const s of existing) if (!used.has(s)) tolerate(() => this.ctx.api.delete(SLICES, ns, s.metadata.name!));
  }

  /** podToEndpoint */
  private podToEndpoint(pod: Pod, svc: Service, ip: string): SliceEndpoint {
    const serving = isPodReady(pod);
    const terminating = !!pod.metadata.deletionTimestamp;
    const ep: SliceEndpoint = {
      addresses: [ip],
      conditions: { ready: svc.spec.publishNotReadyAddresses === true || (serving && !terminating), serving, terminating },
    };
    const hostname = hostnameFor(pod, svc);
    if (hostname) ep.hostname = hostname;
    if (pod.spec.nodeName) {
      ep.nodeName = pod.spec.nodeName;
      const zone = this.ctx.cache.get('nodes', undefined, pod.spec.nodeName)?.metadata.labels?.['topology.kubernetes.io/zone'];
      if (zone) ep.zone = zone;
    }
    ep.targetRef = { kind: 'Pod', name: pod.metadata.name, namespace: pod.metadata.namespace, uid: pod.metadata.uid };
    return ep;
  }

  /** setEndpointSliceLabels */
  private sliceLabels(svc: Service): Record<string, string> {
    const labels: Record<string, string> = {};
    for (const [k, v] of Object.entries(svc.metadata.labels ?? {})) {
      if (k === SERVICE_NAME_LABEL || k === SLICE_MANAGED_BY_LABEL || k === HEADLESS_LABEL) continue;
      labels[k] = v;
    }
    if (svc.spec.clusterIP === 'None') labels[HEADLESS_LABEL] = '';
    labels[SERVICE_NAME_LABEL] = svc.metadata.name!;
    labels[SLICE_MANAGED_BY_LABEL] = SLICE_CONTROLLER;
    return labels;
  }

  private write(
    svc: Service,
    slice: EndpointSlice | undefined,
    labels: Record<string, string>,
    addressType: string,
    ports: SlicePort[] | null,
    endpoints: SliceEndpoint[] | null,
    triggerTime: string | undefined,
  ): void {
    const ns = svc.metadata.namespace!;
    const body: EndpointSlice = slice
      ? clone(slice)
      : {
          apiVersion: 'discovery.k8s.io/v1',
          kind: 'EndpointSlice',
          metadata: {
            generateName: `${svc.metadata.name}-`,
            namespace: ns,
            ownerReferences: [{ apiVersion: 'v1', kind: 'Service', name: svc.metadata.name!, uid: svc.metadata.uid!, controller: true, blockOwnerDeletion: true }],
          },
          addressType,
        };
    body.metadata.labels = { ...labels };
    // Sort for stable output; real order is arbitrary (PopAny on a set).
    const eps = endpoints && endpoints.length > 0 ? [...endpoints].sort((a, b) => (a.addresses[0] < b.addresses[0] ? -1 : 1)) : null;
    const newPorts = ports && ports.length > 0 ? ports : null;
    const same =
      slice &&
      JSON.stringify(slice.endpoints ?? null) === JSON.stringify(eps) &&
      JSON.stringify(slice.ports ?? null) === JSON.stringify(newPorts) &&
      jsonEqual(slice.metadata.labels ?? {}, labels);
    if (same) return;
    body.endpoints = eps;
    body.ports = newPorts;
    const annotations: Record<string, string> = { ...(body.metadata.annotations ?? {}) };
    if (triggerTime) annotations[TRIGGER_TIME_ANNOTATION] = triggerTime;
    else delete annotations[TRIGGER_TIME_ANNOTATION];
    if (Object.keys(annotations).length > 0) body.metadata.annotations = annotations;
    else delete body.metadata.annotations;
    try {
      if (slice) this.ctx.api.update(SLICES, ns, body);
      else this.ctx.api.create(SLICES, ns, body);
    } catch (e) {
      if (!(e instanceof Error) || e.name !== 'ApiError') throw e;
      const code = (e as { code?: number }).code;
      if (code === 409 || code === 404) {
        this.dirty.add(nsName(svc));
        return;
      }
      this.ctx.recorder.record(svc, { component: COMPONENT }, 'Warning', 'FailedToUpdateEndpointSlices', `Error updating Endpoint Slices for Service ${ns}/${svc.metadata.name}: ${e.message}`);
    }
  }
}


export type { KubeObject };
