/**
 * The cluster map's model: Services, the Endpoints and EndpointSlices between them and their
 * backends, the pods (grouped by node), addresses outside the cluster and external names. Built
 * from API objects only (what `kubectl get` would show), so the picture never claims more than
 * the cluster holds. No DOM here: the model is tested in Node; ClusterMap.svelte draws it.
 * MapModelBuilder rebuilds it after each change and reuses the entries of unchanged objects.
 */
import type { ApiServer } from '../../cluster/api/apiserver.ts';
import { selectorFromMap } from '../../cluster/api/labels.ts';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../cluster/api/types.ts';

/**
 * Who writes an Endpoints or EndpointSlice: the controllers (from a selector), the mirroring
 * controller (from hand-made Endpoints), a person, nobody any more (`stale`: its Service lost its
 * selector), or the API server itself (`default/kubernetes`, its endpoint reconciler).
 */
export type Manager = 'controller' | 'mirroring' | 'hand-made' | 'stale' | 'apiserver';

export interface MapService {
  id: string; // uid
  name: string;
  namespace: string;
  type: string;
  clusterIP: string; // '' for ExternalName, 'None' for headless
  /** `app=kubia`, or '' when the Service has no selector. */
  selector: string;
  externalName?: string;
  ports: string; // 80/TCP,443/TCP
}

export interface MapEndpoints {
  id: string;
  name: string;
  /** Who writes it: the endpoints controller (a selector), or a person (no selector). */
  manager: Manager;
  ready: string[];
  notReady: string[];
}

export interface MapSlice {
  id: string;
  name: string;
  service: string; // the kubernetes.io/service-name label
  manager: Manager;
  endpoints: { address: string; ready: boolean; pod?: string }[];
}

export interface MapPod {
  id: string;
  name: string;
  namespace: string;
  node: string; // '' when not scheduled
  ip: string;
  ready: boolean;
  phase: string;
  labels: Record<string, string>;
  /** The labels as `kubectl get --show-labels` writes them: `app=kubia,tier=web`. */
  labelText: string;
}

export interface MapExternal {
  /** An IP outside the pod network, a node's IP (the API server behind `kubernetes`), or a DNS name. */
  address: string;
  kind: 'ip' | 'node' | 'dns';
}

/** Why a pod of the namespace is behind no Service: its labels next to a selector it nearly matches. */
export interface Mismatch {
  service: string;
  pod: string;
  selector: string;
  labels: string;
}

export interface MapModel {
  namespace: string;
  services: MapService[];
  endpoints: MapEndpoints[];
  slices: MapSlice[];
  pods: MapPod[];
  nodes: string[];
  externals: MapExternal[];
  /** service name -> the pods its selector matches (names). */
  matches: Record<string, string[]>;
  mismatches: Mismatch[];
}

const MANAGED_BY = 'endpointslice.kubernetes.io/managed-by';
const SERVICE_NAME = 'kubernetes.io/service-name';
const EP_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';

function labelString(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

/** One model, built from scratch (tests, one-off uses). The page keeps a MapModelBuilder. */
export function buildMapModel(api: ApiServer, namespace = 'default'): MapModel {
  return new MapModelBuilder(api, namespace).build();
}

/**
 * Builds the model again after each change, reusing what did not change: an object's map entry is
 * derived once per resourceVersion (and whatever else it depends on), so an unchanged pod keeps
 * the very same MapPod and the drawing skips it (Svelte compares by identity).
 */
export class MapModelBuilder {
  private readonly services = new Memo<MapService>();
  private readonly endpoints = new Memo<MapEndpoints>();
  private readonly slices = new Memo<MapSlice>();
  private readonly pods = new Memo<MapPod>();
  private readonly selectors = new Memo<{ compiled: ReturnType<typeof selectorFromMap>; text: string }>();

  constructor(
    private readonly api: ApiServer,
    readonly namespace = 'default',
  ) {}

  build(): MapModel {
    const { api, namespace } = this;
    const services = api.scan('services', namespace) as Service[];
    const pods = (api.scan('pods', namespace) as Pod[]).filter((p) => !p.metadata.deletionTimestamp || p.status?.podIP);
    const endpoints = api.scan('endpoints', namespace) as Endpoints[];
    const slices = api.scan('endpointslices.discovery.k8s.io', namespace) as EndpointSlice[];
    const podByIP = new Map<string, Pod>();
    for (const p of pods) if (p.status?.podIP) podByIP.set(p.status.podIP, p);

    const mapServices = this.services.each(services, (s) => s.metadata.resourceVersion!, (s) => mapService(s, namespace));
    const hasSelector = new Map(services.map((s) => [s.metadata.name!, !!s.spec.selector && Object.keys(s.spec.selector).length > 0]));

    const mapEndpoints = this.endpoints.each(
      endpoints,
      (e) => `${e.metadata.resourceVersion}|${hasSelector.get(e.metadata.name!) ?? false}`,
      (e) => mapEndpointsOf(e, hasSelector.get(e.metadata.name!) ?? false, namespace),
    );

    const mapSlices = this.slices.each(
      slices,
      (sl) => {
        const service = sl.metadata.labels?.[SERVICE_NAME] ?? '';
        // Endpoints without a targetRef are matched to pods by IP: that depends on the pods too.
        const byIP = (sl.endpoints ?? []).filter((ep) => ep.targetRef?.kind !== 'Pod').map((ep) => podByIP.get(ep.addresses[0] ?? '')?.metadata.name ?? '');
        return `${sl.metadata.resourceVersion}|${hasSelector.get(service) ?? false}|${byIP.join(',')}`;
      },
      (sl) => mapSliceOf(sl, hasSelector.get(sl.metadata.labels?.[SERVICE_NAME] ?? '') ?? false, podByIP, namespace),
    );

    const mapPods = this.pods.each(pods, (p) => p.metadata.resourceVersion!, (p) => mapPod(p, namespace));

    const nodeIPs = new Set(
      api.scan('nodes').flatMap((n) => ((n.status?.addresses ?? []) as { type: string; address: string }[]).map((a) => a.address)),
    );
    const outside = (ip: string): MapExternal => ({ address: ip, kind: nodeIPs.has(ip) ? 'node' : 'ip' });
    const externals = new Map<string, MapExternal>();
    for (const e of mapEndpoints) for (const ip of [...e.ready, ...e.notReady]) if (!podByIP.has(ip)) externals.set(ip, outside(ip));
    for (const sl of mapSlices) for (const ep of sl.endpoints) if (!ep.pod && !podByIP.has(ep.address)) externals.set(ep.address, outside(ep.address));
    for (const s of mapServices) if (s.externalName) externals.set(s.externalName, { address: s.externalName, kind: 'dns' });

    const matches: Record<string, string[]> = {};
    const mismatches: Mismatch[] = [];
    const withSelector = services.filter((s) => s.spec.selector && Object.keys(s.spec.selector).length > 0 && s.spec.type !== 'ExternalName');
    const compiled = this.selectors.each(withSelector, (s) => s.metadata.resourceVersion!, (s) => ({ compiled: selectorFromMap(s.spec.selector!), text: labelString(s.spec.selector) }));
    const selected = new Set<Pod>();
    withSelector.forEach((s, i) => {
      const name = s.metadata.name!;
      matches[name] = [];
      for (const p of pods) {
        if (!compiled[i].compiled.matches(p.metadata.labels)) continue;
        matches[name].push(p.metadata.name!);
        selected.add(p);
      }
    });
    // A pod no Service selects, though it shares a label key with a selector, is worth explaining
    // (a pod relabelled out of a Service, a typo in a label); pods behind another Service are not.
    withSelector.forEach((s, i) => {
      pods.forEach((p, j) => {
        if (!selected.has(p) && sharesAKey(s.spec.selector!, p.metadata.labels)) {
          mismatches.push({ service: s.metadata.name!, pod: p.metadata.name!, selector: compiled[i].text, labels: mapPods[j].labelText });
        }
      });
    });

    const nodes = [...new Set(mapPods.map((p) => p.node).filter(Boolean))].sort();
    return { namespace, services: mapServices, endpoints: mapEndpoints, slices: mapSlices, pods: mapPods, nodes, externals: [...externals.values()], matches, mismatches };
  }
}

/** Derived values per object uid, kept while the key (resourceVersion and co.) stays the same. */
class Memo<V> {
  private entries = new Map<string, { key: string; value: V }>();

  each<O extends { metadata: { uid?: string } }>(objects: O[], keyOf: (o: O) => string, derive: (o: O) => V): V[] {
    const next = new Map<string, { key: string; value: V }>();
    const out = objects.map((o) => {
      const uid = o.metadata.uid!;
      const key = keyOf(o);
      const old = this.entries.get(uid);
      const entry = old && old.key === key ? old : { key, value: derive(o) };
      next.set(uid, entry);
      return entry.value;
    });
    this.entries = next;
    return out;
  }
}

function mapService(s: Service, namespace: string): MapService {
  return {
    id: s.metadata.uid!,
    name: s.metadata.name!,
    namespace,
    type: s.spec.type ?? 'ClusterIP',
    clusterIP: s.spec.clusterIP ?? '',
    selector: labelString(s.spec.selector),
    ...(s.spec.type === 'ExternalName' ? { externalName: s.spec.externalName ?? '' } : {}),
    ports: (s.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(','),
  };
}

/** The `kubernetes` Service's endpoints are kept by the API server (pkg/controlplane/reconcilers). */
const byAPIServer = (namespace: string, service: string) => namespace === 'default' && service === 'kubernetes';

function mapEndpointsOf(e: Endpoints, hasSel: boolean, namespace: string): MapEndpoints {
  const managedLabel = e.metadata.labels?.[EP_MANAGED_BY] === 'endpoint-controller';
  const manager: Manager = managedLabel ? (hasSel ? 'controller' : 'stale') : byAPIServer(namespace, e.metadata.name!) ? 'apiserver' : 'hand-made';
  return {
    id: e.metadata.uid!,
    name: e.metadata.name!,
    manager,
    ready: (e.subsets ?? []).flatMap((ss) => (ss.addresses ?? []).map((a) => a.ip)),
    notReady: (e.subsets ?? []).flatMap((ss) => (ss.notReadyAddresses ?? []).map((a) => a.ip)),
  };
}

function mapSliceOf(sl: EndpointSlice, hasSel: boolean, podByIP: Map<string, Pod>, namespace: string): MapSlice {
  const by = sl.metadata.labels?.[MANAGED_BY];
  const service = sl.metadata.labels?.[SERVICE_NAME] ?? '';
  const manager: Manager =
    by === 'endpointslice-controller.k8s.io'
      ? hasSel
        ? 'controller'
        : 'stale'
      : by === 'endpointslicemirroring-controller.k8s.io'
        ? 'mirroring'
        : !by && byAPIServer(namespace, service)
          ? 'apiserver'
          : 'hand-made';
  return {
    id: sl.metadata.uid!,
    name: sl.metadata.name!,
    service: sl.metadata.labels?.[SERVICE_NAME] ?? '',
    manager,
    endpoints: (sl.endpoints ?? []).map((ep) => {
      const address = ep.addresses[0] ?? '';
      const pod = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : podByIP.get(address)?.metadata.name;
      return { address, ready: ep.conditions?.ready !== false, ...(pod ? { pod } : {}) };
    }),
  };
}

function mapPod(p: Pod, namespace: string): MapPod {
  return {
    id: p.metadata.uid!,
    name: p.metadata.name!,
    namespace,
    node: p.spec.nodeName ?? '',
    ip: p.status?.podIP ?? '',
    ready: isReady(p),
    phase: p.metadata.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Pending'),
    labels: { ...(p.metadata.labels ?? {}) },
    labelText: labelString(p.metadata.labels),
  };
}

/** A pod is worth explaining when it shares a label key with the selector but does not match. */
function sharesAKey(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.keys(selector).some((k) => labels && k in labels);
}
