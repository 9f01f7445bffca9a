/**
 * The endpoints controller (pkg/controller/endpoint): for each Service with a selector, keeps an
 * Endpoints object of the same name listing the matching pods that have an IP, ready ones under
 * `addresses` and the others under `notReadyAddresses`. Services without a selector are left
 * alone, so hand-made Endpoints survive. A first slice: see controllers-1.33.md §1.
 */
import type { ApiServer, WatchEvent } from '../api/apiserver.ts';
import { ApiError } from '../api/errors.ts';
import { selectorFromMap } from '../api/labels.ts';
import type { EndpointAddress, EndpointSubset, KubeObject, Pod, Service } from '../api/types.ts';
import type { Controller } from './manager.ts';

export class EndpointsController implements Controller {
  readonly name = 'endpoint-controller';
  private readonly dirty = new Set<string>();

  constructor(private readonly api: ApiServer) {}

  observe(event: WatchEvent): void {
    if (event.resource === 'services') {
      this.dirty.add(key(event.object));
    } else if (event.resource === 'pods') {
      const ns = event.object.metadata.namespace!;
      for (const svc of this.api.scan('services', ns) as Service[]) {
        const sel = svc.spec.selector;
        if (!sel || Object.keys(sel).length === 0) continue;
        const s = selectorFromMap(sel);
        if (s.matches(event.object.metadata.labels) || (event.old && s.matches(event.old.metadata.labels))) this.dirty.add(key(svc));
      }
    }
  }

  sync(): boolean {
    if (this.dirty.size === 0) return false;
    const keys = [...this.dirty].sort();
    this.dirty.clear();
    for (const k of keys) this.syncService(k);
    return true;
  }

  private syncService(k: string): void {
    const [ns, name] = k.split('/');
    const svc = this.api.peek('services', ns, name) as Service | undefined;
    if (!svc) {
      // Deleting a Service deletes its Endpoints, hand-made ones too.
      if (this.api.peek('endpoints', ns, name)) this.api.delete('endpoints', ns, name);
      return;
    }
    const sel = svc.spec.selector;
    if (!sel || Object.keys(sel).length === 0 || svc.spec.type === 'ExternalName') return;
    const s = selectorFromMap(sel);
    const ready: EndpointAddress[] = [];
    const notReady: EndpointAddress[] = [];
    for (const pod of this.api.scan('pods', ns) as Pod[]) {
      if (!s.matches(pod.metadata.labels) || !pod.status?.podIP || pod.metadata.deletionTimestamp) continue;
      const addr: EndpointAddress = {
        ip: pod.status.podIP,
        nodeName: pod.spec.nodeName,
        targetRef: { kind: 'Pod', name: pod.metadata.name, namespace: ns, uid: pod.metadata.uid },
      };
      const isReady = pod.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
      (isReady ? ready : notReady).push(addr);
    }
    const subsets: EndpointSubset[] = [];
    if (ready.length + notReady.length > 0) {
      const subset: EndpointSubset = {};
      if (ready.length) subset.addresses = ready;
      if (notReady.length) subset.notReadyAddresses = notReady;
      subset.ports = (svc.spec.ports ?? []).map((p) => {
        const port = typeof p.targetPort === 'number' ? p.targetPort : p.port;
        return { ...(p.name ? { name: p.name } : {}), port, protocol: p.protocol ?? 'TCP' };
      });
      subsets.push(subset);
    }
    const existing = this.api.peek('endpoints', ns, name);
    const desired: KubeObject = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: {
        name,
        namespace: ns,
        labels: { ...(svc.metadata.labels ?? {}), 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' },
        ...(existing ? { resourceVersion: existing.metadata.resourceVersion, uid: existing.metadata.uid } : {}),
      },
      ...(subsets.length ? { subsets } : {}),
    };
    try {
      if (existing) {
        const merged = { ...desired, metadata: { ...existing.metadata, ...desired.metadata } };
        this.api.update('endpoints', ns, merged);
      } else {
        this.api.create('endpoints', ns, desired);
      }
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
    }
  }
}

function key(o: KubeObject): string {
  return `${o.metadata.namespace}/${o.metadata.name}`;
}
