/**
 * What the data plane looks up per packet, indexed once per API revision: pods by IP, Services
 * by ClusterIP and by NodePort, the ready endpoints of each Service, node addresses. kube-proxy
 * and CoreDNS keep such views from their informers; rebuilding on change keeps a request O(1).
 */
import type { ApiServer } from '../api/apiserver.ts';
import type { EndpointSlice, Endpoints, KubeObject, Pod, Service } from '../api/types.ts';
import { nodeInternalIP } from '../controllers/kubelet.ts';

export interface PodRef {
  namespace: string;
  name: string;
  uid: string;
  ip: string;
  nodeName: string;
  pod: Pod;
}

/** One backend of a Service port: address, port, and the pod behind it when there is one. */
export interface Backend {
  ip: string;
  port: number;
  hostname?: string;
  ready: boolean;
}

export interface NodeRef {
  name: string;
  ip: string;
  /** The node's slice of the pod network (`10.244.1.0/24`). */
  podCIDR?: string;
}

export class ClusterIndex {
  private revision = '';
  podsByIP = new Map<string, PodRef>();
  servicesByIP = new Map<string, Service>();
  /** nodePort -> Service */
  servicesByNodePort = new Map<number, Service>();
  nodes: NodeRef[] = [];
  nodesByIP = new Map<string, NodeRef>();
  /** `ns/name` -> EndpointSlices labelled for that Service. */
  private slicesByService = new Map<string, EndpointSlice[]>();

  constructor(private readonly api: ApiServer) {}

  /** Rebuild when the API changed since the last look. */
  refresh(): this {
    const rev = this.api.currentRevision();
    if (rev === this.revision) return this;
    this.revision = rev;
    this.podsByIP = new Map();
    for (const o of this.api.scan('pods')) {
      const pod = o as Pod;
      const ip = pod.status?.podIP;
      if (!ip || pod.spec.hostNetwork) continue;
      this.podsByIP.set(ip, { namespace: pod.metadata.namespace!, name: pod.metadata.name!, uid: pod.metadata.uid!, ip, nodeName: pod.spec.nodeName ?? '', pod });
    }
    this.servicesByIP = new Map();
    this.servicesByNodePort = new Map();
    for (const o of this.api.scan('services')) {
      const svc = o as Service;
      for (const ip of svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : [])) {
        if (ip && ip !== 'None') this.servicesByIP.set(ip, svc);
      }
      for (const p of svc.spec.ports ?? []) if (p.nodePort) this.servicesByNodePort.set(p.nodePort, svc);
    }
    this.nodes = this.api.scan('nodes').map((n: KubeObject) => ({ name: n.metadata.name!, ip: nodeInternalIP(n), podCIDR: n.spec?.podCIDR as string | undefined }));
    this.nodesByIP = new Map(this.nodes.map((n) => [n.ip, n]));
    this.slicesByService = new Map();
    const slices = this.api.discovery().find((r) => r.resource === 'endpointslices' && r.group === 'discovery.k8s.io');
    for (const o of slices ? this.api.scan(slices) : []) {
      const svc = o.metadata.labels?.['kubernetes.io/service-name'];
      if (!svc) continue;
      const k = `${o.metadata.namespace}/${svc}`;
      const list = this.slicesByService.get(k) ?? [];
      list.push(o as EndpointSlice);
      this.slicesByService.set(k, list);
    }
    return this;
  }

  /**
   * The backends of one Service port. kube-proxy reads EndpointSlices; where the cluster has
   * none for the Service (no slice controller), the Endpoints object stands in.
   */
  backends(svc: Service, portName: string | undefined): Backend[] {
    const ns = svc.metadata.namespace!;
    const name = svc.metadata.name!;
    const want = portName ?? '';
    const slices = this.slicesByService.get(`${ns}/${name}`);
    const out: Backend[] = [];
    const seen = new Set<string>();
    if (slices && slices.length > 0) {
      for (const s of slices) {
        if (s.addressType !== 'IPv4') continue;
        const port = (s.ports ?? []).find((p) => (p.name ?? '') === want);
        if (!port || port.port === undefined) continue;
        for (const ep of s.endpoints ?? []) {
          for (const ip of ep.addresses) {
            const key = `${ip}:${port.port}`;
            if (seen.has(key)) continue;
            seen.add(key);
            out.push({ ip, port: port.port, hostname: ep.hostname, ready: ep.conditions?.ready !== false });
          }
        }
      }
      return out;
    }
    const eps = this.api.peek('endpoints', ns, name) as Endpoints | undefined;
    for (const subset of eps?.subsets ?? []) {
      const port = (subset.ports ?? []).find((p) => (p.name ?? '') === want);
      if (!port) continue;
      for (const a of subset.addresses ?? []) out.push({ ip: a.ip, port: port.port, hostname: a.hostname, ready: true });
      for (const a of subset.notReadyAddresses ?? []) out.push({ ip: a.ip, port: port.port, hostname: a.hostname, ready: false });
    }
    return out;
  }

  /** Ready addresses of a Service regardless of port (headless DNS), each once. */
  readyAddresses(svc: Service): { ip: string; hostname?: string }[] {
    const ports = svc.spec.ports && svc.spec.ports.length > 0 ? svc.spec.ports.map((p) => p.name) : [undefined];
    const seen = new Map<string, { ip: string; hostname?: string }>();
    for (const p of ports) {
      for (const b of this.backends(svc, p)) if (b.ready && !seen.has(b.ip)) seen.set(b.ip, { ip: b.ip, hostname: b.hostname });
    }
    // A headless Service without ports still publishes its endpoints (Endpoints with no ports).
    if (seen.size === 0 && (!svc.spec.ports || svc.spec.ports.length === 0)) {
      const eps = this.api.peek('endpoints', svc.metadata.namespace!, svc.metadata.name!) as Endpoints | undefined;
      for (const subset of eps?.subsets ?? []) for (const a of subset.addresses ?? []) seen.set(a.ip, { ip: a.ip, hostname: a.hostname });
    }
    return [...seen.values()];
  }

  nodeByName(name: string): NodeRef | undefined {
    return this.nodes.find((n) => n.name === name);
  }
}

/** `10.244.1.0/24` -> the gateway `10.244.1.1` (cni0) and the flannel.1 address `10.244.1.0`. */
export function podGateway(cidr: string | undefined, host: 0 | 1): string | undefined {
  if (!cidr) return undefined;
  const base = cidr.split('/')[0].split('.');
  base[3] = String(host);
  return base.join('.');
}
