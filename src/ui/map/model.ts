/**
 * The cluster map's model: Services, the Endpoints and EndpointSlices between them and their
 * backends, the pods (grouped by node), addresses outside the cluster and external names. Built
 * from API objects only (what `kubectl get` would show), so the picture never claims more than
 * the cluster holds. No DOM here: the model is tested in Node; ClusterMap.svelte draws it.
 */
import type { ApiServer } from '../../cluster/api/apiserver.ts';
import { selectorFromMap } from '../../cluster/api/labels.ts';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../cluster/api/types.ts';

export type Manager = 'controller' | 'mirroring' | 'hand-made' | 'stale';

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
}

export interface MapExternal {
  /** An IP outside the pod network, a node's IP (the API server behind `kubernetes`), or a DNS name. */
  address: string;
  kind: 'ip' | 'node' | 'dns';
}

/** Why a pod of the namespace is not behind a Service: its labels next to the selector. */
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

export function buildMapModel(api: ApiServer, namespace = 'default'): MapModel {
  const services = api.scan('services', namespace) as Service[];
  const pods = (api.scan('pods', namespace) as Pod[]).filter((p) => !p.metadata.deletionTimestamp || p.status?.podIP);
  const endpoints = api.scan('endpoints', namespace) as Endpoints[];
  const slices = api.scan('endpointslices.discovery.k8s.io', namespace) as EndpointSlice[];
  const podByIP = new Map<string, Pod>();
  for (const p of pods) if (p.status?.podIP) podByIP.set(p.status.podIP, p);

  const mapServices: MapService[] = services.map((s) => ({
    id: s.metadata.uid!,
    name: s.metadata.name!,
    namespace,
    type: s.spec.type ?? 'ClusterIP',
    clusterIP: s.spec.clusterIP ?? '',
    selector: labelString(s.spec.selector),
    ...(s.spec.type === 'ExternalName' ? { externalName: s.spec.externalName ?? '' } : {}),
    ports: (s.spec.ports ?? []).map((p) => `${p.port}/${p.protocol ?? 'TCP'}`).join(','),
  }));
  const selectorOf = new Map(services.map((s) => [s.metadata.name!, s.spec.selector]));

  const mapEndpoints: MapEndpoints[] = endpoints.map((e) => {
    const name = e.metadata.name!;
    const sel = selectorOf.get(name);
    const managedLabel = e.metadata.labels?.[EP_MANAGED_BY] === 'endpoint-controller';
    const hasSel = !!sel && Object.keys(sel).length > 0;
    const manager: Manager = managedLabel ? (hasSel ? 'controller' : 'stale') : 'hand-made';
    return {
      id: e.metadata.uid!,
      name,
      manager,
      ready: (e.subsets ?? []).flatMap((ss) => (ss.addresses ?? []).map((a) => a.ip)),
      notReady: (e.subsets ?? []).flatMap((ss) => (ss.notReadyAddresses ?? []).map((a) => a.ip)),
    };
  });

  const mapSlices: MapSlice[] = slices.map((sl) => {
    const service = sl.metadata.labels?.[SERVICE_NAME] ?? '';
    const by = sl.metadata.labels?.[MANAGED_BY];
    const sel = selectorOf.get(service);
    const hasSel = !!sel && Object.keys(sel).length > 0;
    const manager: Manager =
      by === 'endpointslice-controller.k8s.io' ? (hasSel ? 'controller' : 'stale') : by === 'endpointslicemirroring-controller.k8s.io' ? 'mirroring' : 'hand-made';
    return {
      id: sl.metadata.uid!,
      name: sl.metadata.name!,
      service,
      manager,
      endpoints: (sl.endpoints ?? []).map((ep) => {
        const address = ep.addresses[0] ?? '';
        const pod = ep.targetRef?.kind === 'Pod' ? ep.targetRef.name : podByIP.get(address)?.metadata.name;
        return { address, ready: ep.conditions?.ready !== false, ...(pod ? { pod } : {}) };
      }),
    };
  });

  const mapPods: MapPod[] = pods.map((p) => ({
    id: p.metadata.uid!,
    name: p.metadata.name!,
    namespace,
    node: p.spec.nodeName ?? '',
    ip: p.status?.podIP ?? '',
    ready: isReady(p),
    phase: p.metadata.deletionTimestamp ? 'Terminating' : (p.status?.phase ?? 'Pending'),
    labels: { ...(p.metadata.labels ?? {}) },
  }));

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
  for (const s of services) {
    const sel = s.spec.selector;
    if (!sel || Object.keys(sel).length === 0 || s.spec.type === 'ExternalName') continue;
    const compiled = selectorFromMap(sel);
    const name = s.metadata.name!;
    matches[name] = [];
    for (const p of pods) {
      if (compiled.matches(p.metadata.labels)) matches[name].push(p.metadata.name!);
      else if (sharesAKey(sel, p.metadata.labels)) {
        mismatches.push({ service: name, pod: p.metadata.name!, selector: labelString(sel), labels: labelString(p.metadata.labels) });
      }
    }
  }

  const nodes = [...new Set(mapPods.map((p) => p.node).filter(Boolean))].sort();
  return { namespace, services: mapServices, endpoints: mapEndpoints, slices: mapSlices, pods: mapPods, nodes, externals: [...externals.values()], matches, mismatches };
}

/** A pod is worth explaining when it shares a label key with the selector but does not match. */
function sharesAKey(selector: Record<string, string>, labels: Record<string, string> | undefined): boolean {
  return Object.keys(selector).some((k) => labels && k in labels);
}
