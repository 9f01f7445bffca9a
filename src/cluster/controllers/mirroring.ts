/**
 * The EndpointSlice mirroring controller (pkg/controller/endpointslicemirroring): a hand-made
 * Endpoints of a selector-less Service is mirrored into EndpointSlices named `<endpoints>-xxxxx`,
 * owned by the Endpoints, labelled with all of its labels plus `kubernetes.io/service-name` and
 * `endpointslice.kubernetes.io/managed-by: endpointslicemirroring-controller.k8s.io`.
 *
 * syncEndpoints order: Endpoints gone, skip-mirror label or leader annotation, Service gone, or
 * Service has a selector -> delete the mirrored slices; otherwise reconcile (the Service's type is
 * not looked at: an Endpoints named like an ExternalName Service is mirrored too).
 */
import type { WatchEvent } from '../api/apiserver.ts';
import type { EndpointSlice, Endpoints, Service, SliceEndpoint } from '../api/types.ts';
import { clone } from '../api/types.ts';
import { nsName, splitKey, tolerate, type ControllerContext } from './context.ts';
import { TRIGGER_TIME_ANNOTATION } from './endpoints.ts';
import { SERVICE_NAME_LABEL, SLICE_MANAGED_BY_LABEL, SLICES } from './endpointslice.ts';
import { compareStrings, hasSelector } from './endpointutil.ts';
import type { Controller } from './manager.ts';
import { KeyQueue } from './queue.ts';

export const MIRRORING_CONTROLLER = 'endpointslicemirroring-controller.k8s.io';
const COMPONENT = 'endpoint-slice-mirroring-controller';
const SKIP_MIRROR_LABEL = 'endpointslice.kubernetes.io/skip-mirror';
const LEADER_ANNOTATION = 'control-plane.alpha.kubernetes.io/leader';
const MAX_PER_SUBSET = 1000;

type SlicePort = { name: string; port?: number; protocol?: string; appProtocol?: string };

export class EndpointSliceMirroringController implements Controller {
  readonly name = COMPONENT;
  private readonly dirty = new KeyQueue();

  constructor(private readonly ctx: ControllerContext) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'endpoints') {
      this.dirty.add(nsName(e.object));
    } else if (e.resource === 'services') {
      // Service add/delete without selector, or an update flipping "has a selector".
      const now = e.type === 'DELETED' ? undefined : hasSelector(e.object as Service);
      const before = e.old ? hasSelector(e.old as Service) : undefined;
      if (e.type !== 'MODIFIED' || now !== before) this.dirty.add(nsName(e.object));
    } else if (e.resource === SLICES) {
      const o = e.object;
      if (o.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === MIRRORING_CONTROLLER && o.metadata.labels?.[SERVICE_NAME_LABEL]) {
        this.dirty.add(`${o.metadata.namespace}/${o.metadata.labels[SERVICE_NAME_LABEL]}`);
      }
    }
  }

  sync(): boolean {
    return this.dirty.drain((k) => this.syncEndpoints(k));
  }

  private mirrored(ns: string, name: string): EndpointSlice[] {
    return this.ctx.cache
      .list<EndpointSlice>(SLICES, ns)
      .filter((s) => s.metadata.labels?.[SERVICE_NAME_LABEL] === name && s.metadata.labels?.[SLICE_MANAGED_BY_LABEL] === MIRRORING_CONTROLLER);
  }

  private deleteAll(ns: string, name: string): void {
    for (const s of this.mirrored(ns, name)) tolerate(() => this.ctx.api.delete(SLICES, ns, s.metadata.name!));
  }

  private syncEndpoints(key: string): void {
    const [ns, name] = splitKey(key);
    const ep = this.ctx.cache.get<Endpoints>('endpoints', ns, name);
    const svc = this.ctx.cache.get<Service>('services', ns, name);
    if (
      !ep ||
      ep.metadata.labels?.[SKIP_MIRROR_LABEL] === 'true' ||
      ep.metadata.annotations?.[LEADER_ANNOTATION] !== undefined ||
      !svc ||
      hasSelector(svc)
    ) {
      this.deleteAll(ns, name);
      return;
    }
    // Desired slices: per (address type, port set), addresses then notReadyAddresses, up to 1000 per subset.
    const groups = new Map<string, { addressType: string; ports: SlicePort[]; endpoints: SliceEndpoint[] }>();
    let invalid = 0;
    let skipped = 0;
    for (const subset of repackSubsets(ep.subsets ?? [])) {
      const ports: SlicePort[] = (subset.ports ?? []).map((p) => {
        const sp: SlicePort = { name: p.name ?? '', port: p.port, protocol: p.protocol ?? 'TCP' };
        if (p.appProtocol) sp.appProtocol = p.appProtocol;
        return sp;
      });
      const all = [...(subset.addresses ?? []).map((a) => ({ a, ready: true })), ...(subset.notReadyAddresses ?? []).map((a) => ({ a, ready: false }))];
      if (all.length > MAX_PER_SUBSET) skipped += all.length - MAX_PER_SUBSET;
      for (const { a, ready } of all.slice(0, MAX_PER_SUBSET)) {
        const type = addressTypeOf(a.ip);
        if (!type) {
          invalid++;
          continue;
        }
        const k = `${type}/${JSON.stringify(ports)}`;
        let g = groups.get(k);
        if (!g) groups.set(k, (g = { addressType: type, ports, endpoints: [] }));
        const e: SliceEndpoint = { addresses: [a.ip], conditions: { ready } };
        if (a.hostname) e.hostname = a.hostname;
        if (a.nodeName) e.nodeName = a.nodeName;
        if (a.targetRef) e.targetRef = clone(a.targetRef);
        g.endpoints.push(e);
      }
    }
    if (invalid > 0) {
      this.ctx.recorder.record(ep, { component: COMPONENT }, 'Warning', 'InvalidIPAddress', `Skipped ${invalid} invalid IP addresses when mirroring to EndpointSlices`);
    }
    if (skipped > 0) {
      this.ctx.recorder.record(
        ep,
        { component: COMPONENT },
        'Warning',
        'TooManyAddressesToMirror',
        `A max of ${MAX_PER_SUBSET} addresses can be mirrored to EndpointSlices per Endpoints subset. ${skipped} addresses were skipped`,
      );
    }
    const labels: Record<string, string> = { ...(ep.metadata.labels ?? {}) };
    labels[SERVICE_NAME_LABEL] = name;
    labels[SLICE_MANAGED_BY_LABEL] = MIRRORING_CONTROLLER;
    const annotations: Record<string, string> = {};
    for (const [k, v] of Object.entries(ep.metadata.annotations ?? {})) {
      if (k === TRIGGER_TIME_ANNOTATION || k === 'kubectl.kubernetes.io/last-applied-configuration') continue;
      annotations[k] = v;
    }
    const existing = this.mirrored(ns, name);
    const used = new Set<EndpointSlice>();
    for (const g of groups.values()) {
      const slice =
        existing.find((s) => !used.has(s) && s.addressType === g.addressType && JSON.stringify(s.ports ?? []) === JSON.stringify(g.ports)) ??
        existing.find((s) => !used.has(s) && s.addressType === g.addressType);
      if (slice) used.add(slice);
      const body: EndpointSlice = slice
        ? clone(slice)
        : {
            apiVersion: 'discovery.k8s.io/v1',
            kind: 'EndpointSlice',
            metadata: {
              generateName: `${name}-`,
              namespace: ns,
              ownerReferences: [{ apiVersion: 'v1', kind: 'Endpoints', name, uid: ep.metadata.uid!, controller: true, blockOwnerDeletion: true }],
            },
            addressType: g.addressType,
          };
      body.metadata.labels = { ...labels };
      if (Object.keys(annotations).length > 0) body.metadata.annotations = { ...annotations };
      else delete body.metadata.annotations;
      body.endpoints = g.endpoints.length > 0 ? g.endpoints : null;
      body.ports = g.ports.length > 0 ? g.ports : null;
      if (slice) tolerate(() => this.ctx.api.update(SLICES, ns, body));
      else tolerate(() => this.ctx.api.create(SLICES, ns, body));
    }
    for (const s of existing) if (!used.has(s)) tolerate(() => this.ctx.api.delete(SLICES, ns, s.metadata.name!));
  }
}

function addressTypeOf(ip: string): 'IPv4' | 'IPv6' | undefined {
  if (/^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.test(ip) && ip.split('.').every((o) => Number(o) <= 255)) return 'IPv4';
  if (ip.includes(':') && /^[0-9a-fA-F:.]+$/.test(ip)) return 'IPv6';
  return undefined;
}

/** RepackSubsets for a hand-written Endpoints: merge subsets with equal port sets, dedupe addresses (not-ready wins), sort by IP. */
function repackSubsets(subsets: NonNullable<Endpoints['subsets']>): NonNullable<Endpoints['subsets']> {
  type Addr = NonNullable<NonNullable<Endpoints['subsets']>[number]['addresses']>[number];
  const groups = new Map<string, { ports: NonNullable<Endpoints['subsets']>[number]['ports']; ready: Map<string, Addr>; notReady: Map<string, Addr> }>();
  for (const s of subsets) {
    const k = JSON.stringify(s.ports ?? []);
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { ports: s.ports, ready: new Map(), notReady: new Map() }));
    for (const a of s.addresses ?? []) {
      const ak = `${a.ip}/${a.targetRef?.uid ?? ''}`;
      if (!g.notReady.has(ak)) g.ready.set(ak, a);
    }
    for (const a of s.notReadyAddresses ?? []) {
      const ak = `${a.ip}/${a.targetRef?.uid ?? ''}`;
      g.ready.delete(ak);
      g.notReady.set(ak, a);
    }
  }
  const byIP = (a: Addr, b: Addr) => compareStrings(a.ip, b.ip) || compareStrings(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
  return [...groups.values()].map((g) => ({
    addresses: [...g.ready.values()].sort(byIP),
    notReadyAddresses: [...g.notReady.values()].sort(byIP),
    ports: g.ports,
  }));
}
