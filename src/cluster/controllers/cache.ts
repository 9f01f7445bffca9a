/**
 * A shared informer cache, as client-go's SharedInformerFactory gives every controller of
 * kube-controller-manager: the objects the controllers read, kept up to date from the API
 * server's watch, indexed by namespace, by pod label and by owner UID, so a controller reacting to
 * one pod among a thousand does not rescan (and re-sort) the whole store.
 *
 * It must be created before the ControllerManager so that it has seen a write before any
 * controller observes it. Objects are the frozen ones the API server handed out.
 */
import type { ApiServer, WatchEvent } from '../api/apiserver.ts';
import type { Selector } from '../api/labels.ts';
import type { KubeObject, Pod } from '../api/types.ts';

/** Resources the controllers read. Others (events, leases...) are not cached. */
const CACHED = new Set([
  'pods',
  'services',
  'endpoints',
  'endpointslices.discovery.k8s.io',
  'replicasets.apps',
  'replicationcontrollers',
  'deployments.apps',
  'daemonsets.apps',
  'nodes',
  'namespaces',
]);

export interface ObjectRef {
  resource: string;
  namespace: string | undefined;
  name: string;
}

export class ObjectCache {
  /** resource -> namespace ('' for cluster-scoped) -> name -> object */
  private readonly store = new Map<string, Map<string, Map<string, KubeObject>>>();
  /** namespace -> `key=value` -> pod names */
  private readonly podLabels = new Map<string, Map<string, Set<string>>>();
  /** owner uid -> dependents */
  private readonly dependents = new Map<string, Map<string, ObjectRef>>();

  constructor(api: ApiServer) {
    for (const r of CACHED) this.store.set(r, new Map());
    api.watch(undefined, undefined, (e) => this.apply(e));
  }

  get<T extends KubeObject = KubeObject>(resource: string, namespace: string | undefined, name: string): T | undefined {
    return this.store.get(resource)?.get(namespace ?? '')?.get(name) as T | undefined;
  }

  /** Objects of one namespace (or every namespace when undefined), in insertion order. */
  list<T extends KubeObject = KubeObject>(resource: string, namespace?: string): T[] {
    const byNs = this.store.get(resource);
    if (!byNs) return [];
    if (namespace !== undefined) return [...(byNs.get(namespace)?.values() ?? [])] as T[];
    const out: T[] = [];
    for (const m of byNs.values()) for (const o of m.values()) out.push(o as T);
    return out;
  }

  namespaces(resource: string): string[] {
    return [...(this.store.get(resource)?.keys() ?? [])];
  }

  /** Pods of a namespace matching a selector; equality requirements use the label index. */
  selectPods(namespace: string, selector: Selector): Pod[] {
    const pods = this.store.get('pods')!.get(namespace);
    if (!pods) return [];
    const index = this.podLabels.get(namespace);
    let candidates: Iterable<string> | undefined;
    let best = Infinity;
    for (const r of selector.requirements) {
      if ((r.operator === '=' || r.operator === '==') && r.values.length === 1) {
        const set = index?.get(`${r.key}=${r.values[0]}`);
        if (!set) return [];
        if (set.size < best) {
          best = set.size;
          candidates = set;
        }
      }
    }
    const out: Pod[] = [];
    if (candidates) {
      for (const name of candidates) {
        const p = pods.get(name) as Pod | undefined;
        if (p && selector.matches(p.metadata.labels)) out.push(p);
      }
    } else {
      for (const p of pods.values()) if (selector.matches(p.metadata.labels)) out.push(p as Pod);
    }
    return out;
  }

  /** Objects whose ownerReferences name this uid. */
  dependentsOf(uid: string): ObjectRef[] {
    return [...(this.dependents.get(uid)?.values() ?? [])];
  }

  private apply(e: WatchEvent): void {
    const byNs = this.store.get(e.resource);
    if (!byNs) return;
    const ns = e.object.metadata.namespace ?? '';
    const name = e.object.metadata.name!;
    let m = byNs.get(ns);
    if (!m) byNs.set(ns, (m = new Map()));
    const old = m.get(name);
    if (old) this.unindex(e.resource, old);
    if (e.type === 'DELETED') {
      m.delete(name);
    } else {
      m.set(name, e.object);
      this.index(e.resource, e.object);
    }
  }

  private index(resource: string, o: KubeObject): void {
    const ns = o.metadata.namespace ?? '';
    if (resource === 'pods') {
      let idx = this.podLabels.get(ns);
      if (!idx) this.podLabels.set(ns, (idx = new Map()));
      for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
        const key = `${k}=${v}`;
        let s = idx.get(key);
        if (!s) idx.set(key, (s = new Set()));
        s.add(o.metadata.name!);
      }
    }
    for (const ref of o.metadata.ownerReferences ?? []) {
      let d = this.dependents.get(ref.uid);
      if (!d) this.dependents.set(ref.uid, (d = new Map()));
      d.set(`${resource}/${ns}/${o.metadata.name}`, { resource, namespace: o.metadata.namespace, name: o.metadata.name! });
    }
  }

  private unindex(resource: string, o: KubeObject): void {
    const ns = o.metadata.namespace ?? '';
    if (resource === 'pods') {
      const idx = this.podLabels.get(ns);
      for (const [k, v] of Object.entries(o.metadata.labels ?? {})) {
        const key = `${k}=${v}`;
        const s = idx?.get(key);
        if (s) {
          s.delete(o.metadata.name!);
          if (s.size === 0) idx!.delete(key);
        }
      }
    }
    for (const ref of o.metadata.ownerReferences ?? []) {
      const d = this.dependents.get(ref.uid);
      if (d) {
        d.delete(`${resource}/${ns}/${o.metadata.name}`);
        if (d.size === 0) this.dependents.delete(ref.uid);
      }
    }
  }
}
