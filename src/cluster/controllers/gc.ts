/**
 * The garbage collector (pkg/controller/garbagecollector) and the namespace controller
 * (pkg/controller/namespace), in the shapes the API server here lets them take.
 *
 * Garbage collector: when an owner disappears, each dependent (ownerReferences naming its uid)
 * is deleted with background propagation, unless another owner of it still exists, in which case
 * only the dangling reference is removed. Objects carrying the `orphan` finalizer while being
 * deleted (`--cascade=orphan`) have the references to them removed from their dependents, then
 * the finalizer removed; `foregroundDeletion` deletes dependents first, then drops the finalizer.
 *
 * Namespace controller: when a namespace is deleted (or is Terminating), everything in it is
 * deleted; a Terminating namespace is then finalized.
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { resourceForKind, resourceKey } from '../api/resources.ts';
import type { KubeObject, OwnerReference } from '../api/types.ts';
import { clone } from '../api/types.ts';
import { tolerate, type ControllerContext } from './context.ts';
import type { Clock } from '../clock.ts';
import type { Controller } from './manager.ts';

/** How long a Terminating namespace waits before the namespace controller works on it. */
const NAMESPACE_DELAY_MS = 1000;

export class GarbageCollector implements Controller {
  readonly name = 'garbage-collector-controller';
  /** uids of owners that are gone */
  private readonly gone = new Map<string, OwnerReference>();
  private readonly finalizing = new Map<string, { resource: string; namespace?: string; name: string }>();

  constructor(private readonly ctx: ControllerContext) {}

  observe(e: WatchEvent): void {
    const o = e.object;
    if (e.type === 'DELETED') {
      if (this.ctx.cache.dependentsOf(o.metadata.uid!).length > 0) {
        this.gone.set(o.metadata.uid!, { apiVersion: o.apiVersion, kind: o.kind, name: o.metadata.name!, uid: o.metadata.uid! });
      }
      return;
    }
    const f = o.metadata.finalizers ?? [];
    if (o.metadata.deletionTimestamp && (f.includes('orphan') || f.includes('foregroundDeletion'))) {
      this.finalizing.set(o.metadata.uid!, { resource: e.resource, namespace: o.metadata.namespace, name: o.metadata.name! });
    }
  }

  sync(): boolean {
    if (this.gone.size === 0 && this.finalizing.size === 0) return false;
    const gone = [...this.gone.values()];
    this.gone.clear();
    for (const owner of gone) this.collect(owner.uid);
    const fin = [...this.finalizing.entries()];
    this.finalizing.clear();
    for (const [uid, ref] of fin) this.finalize(uid, ref);
    return true;
  }

  private collect(uid: string): void {
    for (const ref of this.ctx.cache.dependentsOf(uid)) {
      const dep = this.ctx.cache.get(ref.resource, ref.namespace, ref.name);
      if (!dep) continue;
      const others = (dep.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (others.some((r) => this.ownerExists(r, dep.metadata.namespace))) {
        this.dropReference(ref.resource, dep, uid);
      } else {
        tolerate(() => this.ctx.api.delete(ref.resource, ref.namespace, ref.name, { propagationPolicy: 'Background' }));
      }
    }
  }

  private finalize(uid: string, ref: { resource: string; namespace?: string; name: string }): void {
    const o = this.ctx.api.peek(ref.resource, ref.namespace, ref.name);
    if (!o || o.metadata.uid !== uid) return;
    const f = o.metadata.finalizers ?? [];
    if (f.includes('orphan')) {
      for (const d of this.ctx.cache.dependentsOf(uid)) {
        const dep = this.ctx.cache.get(d.resource, d.namespace, d.name);
        if (dep) this.dropReference(d.resource, dep, uid);
      }
      this.removeFinalizer(ref.resource, o, 'orphan');
    } else if (f.includes('foregroundDeletion')) {
      const deps = this.ctx.cache.dependentsOf(uid);
      for (const d of deps) tolerate(() => this.ctx.api.delete(d.resource, d.namespace, d.name, { propagationPolicy: 'Foreground' }));
      if (this.ctx.cache.dependentsOf(uid).length === 0) this.removeFinalizer(ref.resource, o, 'foregroundDeletion');
      else this.finalizing.set(uid, ref);
    }
  }

  private ownerExists(r: OwnerReference, namespace: string | undefined): boolean {
    const info = resourceForKind(r.apiVersion, r.kind);
    if (!info) return false;
    const o = this.ctx.api.peek(resourceKey(info), info.namespaced ? namespace : undefined, r.name);
    return !!o && o.metadata.uid === r.uid;
  }

  private dropReference(resource: string, dep: KubeObject, uid: string): void {
    const copy = clone(dep);
    const refs = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (refs.length > 0) copy.metadata.ownerReferences = refs;
    else delete copy.metadata.ownerReferences;
    tolerate(() => this.ctx.api.update(resource, dep.metadata.namespace, copy));
  }

  private removeFinalizer(resource: string, o: KubeObject, finalizer: string): void {
    const copy = clone(o);
    const f = (copy.metadata.finalizers ?? []).filter((x) => x !== finalizer);
    if (f.length > 0) copy.metadata.finalizers = f;
    else delete copy.metadata.finalizers;
    tolerate(() => this.ctx.api.update(resource, o.metadata.namespace, copy));
  }
}

export class NamespaceController implements Controller {
  readonly name = 'namespace-controller';
  private readonly dirty = new Set<string>();
  /** Terminating namespaces the controller has started emptying. */
  private readonly emptying = new Set<string>();
  private readonly waiting = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
  ) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'namespaces') {
      const name = e.object.metadata.name!;
      if (e.type === 'DELETED') {
        this.emptying.delete(name);
      } else if (e.object.metadata.deletionTimestamp && !this.emptying.has(name) && !this.waiting.has(name)) {
        // The controller picks a Terminating namespace up after its queue delay (a second or so).
        this.waiting.add(name);
        this.clock.schedule(NAMESPACE_DELAY_MS, () => {
          this.waiting.delete(name);
          this.emptying.add(name);
          this.syncNamespace(name);
        });
      }
    } else if (e.type === 'DELETED' && e.object.metadata.namespace && this.emptying.has(e.object.metadata.namespace)) {
      this.dirty.add(e.object.metadata.namespace);
    }
  }

  sync(): boolean {
    if (this.dirty.size === 0) return false;
    const names = [...this.dirty];
    this.dirty.clear();
    for (const n of names) this.syncNamespace(n);
    return true;
  }

  private syncNamespace(name: string): void {
    const ns = this.ctx.api.peek('namespaces', undefined, name);
    if (!ns || !ns.metadata.deletionTimestamp) {
      this.emptying.delete(name);
      return;
    }
    for (const info of this.ctx.api.discovery()) {
      if (!info.namespaced) continue;
      for (const o of this.ctx.api.scan(resourceKey(info), name)) {
        if (!o.metadata.deletionTimestamp) tolerate(() => this.ctx.api.delete(resourceKey(info), name, o.metadata.name!, { propagationPolicy: 'Background' }));
      }
    }
    const left = this.ctx.api.discovery().some((info) => info.namespaced && this.ctx.api.scan(resourceKey(info), name).length > 0);
    if (left) return; // pods still terminating: their deletion brings us back
    // Finalize (namespaces/finalize): drop the `kubernetes` finalizer so the API server removes the namespace.
    const copy = clone(ns);
    copy.spec = { ...(copy.spec ?? {}), finalizers: (copy.spec?.finalizers ?? []).filter((f: string) => f !== 'kubernetes') };
    tolerate(() => this.ctx.api.update('namespaces', undefined, copy, { subresource: 'finalize' }));
    this.emptying.delete(name);
  }
}
