/**
 * The ReplicaSet and ReplicationController controllers (pkg/controller/replicaset; RC reuses it
 * through pkg/controller/replication): keep `spec.replicas` active pods matching the selector.
 *
 * - Adoption and release (pkg/controller/controller_ref_manager.go ClaimPods): an orphan pod
 *   matching the selector is adopted (controller ownerReference added); an owned pod that no
 *   longer matches is released (reference removed), and a replacement is created.
 * - New pods from the template (GetPodFromTemplate): `generateName: <owner>-`, template labels
 *   and annotations, controller ownerReference; event `SuccessfulCreate` "Created pod: NAME".
 * - Scale-down picks victims as ActivePodsWithRanks orders them; `SuccessfulDelete`.
 * - Status: replicas, fullyLabeledReplicas, readyReplicas, availableReplicas, observedGeneration.
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromLabelSelector, selectorFromMap, type Selector } from '../api/labels.ts';
import type { KubeObject, OwnerReference, Pod } from '../api/types.ts';
import { clone, jsonEqual } from '../api/types.ts';
import type { Clock } from '../clock.ts';
import { parseRFC3339 } from '../clock.ts';
import { controllerOf, isPodActive, isPodReady, nsName, podCondition, splitKey, tolerate, type ControllerContext } from './context.ts';
import type { Controller } from './manager.ts';
import { createPodFromTemplate, deletePodOf } from './podcontrol.ts';

interface Flavour {
  resource: string;
  apiVersion: string;
  kind: string;
  component: string;
  selector(o: KubeObject): Selector | undefined;
}

const REPLICASET: Flavour = {
  resource: 'replicasets.apps',
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  component: 'replicaset-controller',
  selector: (o) => (o.spec?.selector ? selectorFromLabelSelector(o.spec.selector) : undefined),
};

const REPLICATION_CONTROLLER: Flavour = {
  resource: 'replicationcontrollers',
  apiVersion: 'v1',
  kind: 'ReplicationController',
  component: 'replication-controller',
  // An RC without selector defaults to its template labels (API server defaulting).
  selector: (o) => {
    const m = o.spec?.selector ?? o.spec?.template?.metadata?.labels;
    return m && Object.keys(m).length > 0 ? selectorFromMap(m) : undefined;
  },
};

export class ReplicationManager implements Controller {
  readonly name: string;
  private readonly dirty = new Set<string>();
  /** Owners whose minReadySeconds makes availability change later. */
  private readonly availabilityTimers = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
    private readonly flavour: Flavour,
  ) {
    this.name = flavour.component;
  }

  static replicaSets(ctx: ControllerContext, clock: Clock): ReplicationManager {
    return new ReplicationManager(ctx, clock, REPLICASET);
  }

  static replicationControllers(ctx: ControllerContext, clock: Clock): ReplicationManager {
    return new ReplicationManager(ctx, clock, REPLICATION_CONTROLLER);
  }

  observe(e: WatchEvent): void {
    if (e.resource === this.flavour.resource) {
      if (e.type !== 'DELETED') this.dirty.add(nsName(e.object));
      return;
    }
    if (e.resource !== 'pods') return;
    const ns = e.object.metadata.namespace!;
    for (const o of [e.object, e.old]) {
      if (!o) continue;
      const ref = controllerOf(o);
      if (ref) {
        if (ref.kind === this.flavour.kind) {
          const owner = this.ctx.cache.list(this.flavour.resource, ns).find((x) => x.metadata.uid === ref.uid);
          if (owner) this.dirty.add(nsName(owner));
        }
      } else {
        // An orphan: any owner whose selector matches may adopt it.
        for (const owner of this.ctx.cache.list(this.flavour.resource, ns)) {
          const sel = this.flavour.selector(owner);
          if (sel && sel.matches(o.metadata.labels)) this.dirty.add(nsName(owner));
        }
      }
    }
  }

  sync(): boolean {
    if (this.dirty.size === 0) return false;
    const keys = [...this.dirty];
    this.dirty.clear();
    for (const k of keys) this.syncOwner(k);
    return true;
  }

  private syncOwner(key: string): void {
    const [ns, name] = splitKey(key);
    let owner = this.ctx.cache.get(this.flavour.resource, ns, name);
    if (!owner) return;
    const selector = this.flavour.selector(owner);
    if (!selector || selector.isEmpty()) return;
    const uid = owner.metadata.uid!;
    const pods = this.claimPods(owner, selector);
    const active = pods.filter(isPodActive);
    if (!owner.metadata.deletionTimestamp) {
      const want = owner.spec?.replicas ?? 1;
      const diff = active.length - want;
      if (diff < 0) {
        for (let i = 0; i < -diff; i++) this.createPod(owner);
      } else if (diff > 0) {
        for (const victim of rankForDeletion(active, this.ctx).slice(0, diff)) deletePodOf(this.ctx, owner, victim, this.flavour.component);
      }
    }
    owner = this.ctx.cache.get(this.flavour.resource, ns, name);
    if (!owner || owner.metadata.uid !== uid) return;
    this.updateStatus(owner, selector);
  }

  /** ClaimPods: adopt matching orphans, release owned pods that stopped matching. */
  private claimPods(owner: KubeObject, selector: Selector): Pod[] {
    const ns = owner.metadata.namespace!;
    const uid = owner.metadata.uid!;
    const claimed: Pod[] = [];
    // Candidates: pods matching the selector (label index) and pods this owner owns (owner index).
    const candidates = new Map<string, Pod>();
    for (const p of this.ctx.cache.selectPods(ns, selector)) candidates.set(p.metadata.name!, p);
    for (const d of this.ctx.cache.dependentsOf(uid)) {
      if (d.resource !== 'pods' || candidates.has(d.name)) continue;
      const p = this.ctx.cache.get<Pod>('pods', d.namespace, d.name);
      if (p) candidates.set(d.name, p);
    }
    for (const pod of candidates.values()) {
      const ref = controllerOf(pod);
      const matches = selector.matches(pod.metadata.labels);
      if (ref?.uid === uid) {
        if (matches) claimed.push(pod);
        else if (!pod.metadata.deletionTimestamp) this.release(pod, uid);
      } else if (!ref && matches && !pod.metadata.deletionTimestamp && !owner.metadata.deletionTimestamp) {
        const adopted = this.adopt(owner, pod);
        if (adopted) claimed.push(adopted);
      }
    }
    return claimed;
  }

  private ownerRef(owner: KubeObject): OwnerReference {
    return {
      apiVersion: this.flavour.apiVersion,
      kind: this.flavour.kind,
      name: owner.metadata.name!,
      uid: owner.metadata.uid!,
      controller: true,
      blockOwnerDeletion: true,
    };
  }

  private adopt(owner: KubeObject, pod: Pod): Pod | undefined {
    const copy = clone(pod);
    copy.metadata.ownerReferences = [...(copy.metadata.ownerReferences ?? []), this.ownerRef(owner)];
    return tolerate(() => this.ctx.api.update('pods', pod.metadata.namespace, copy).object as Pod);
  }

  private release(pod: Pod, uid: string): void {
    const copy = clone(pod);
    const refs = (copy.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
    if (refs.length > 0) copy.metadata.ownerReferences = refs;
    else delete copy.metadata.ownerReferences;
    tolerate(() => this.ctx.api.update('pods', pod.metadata.namespace, copy));
  }

  private createPod(owner: KubeObject): void {
    createPodFromTemplate(this.ctx, owner, this.ownerRef(owner), this.flavour.component);
  }

  private updateStatus(owner: KubeObject, selector: Selector): void {
    const ns = owner.metadata.namespace!;
    const uid = owner.metadata.uid!;
    const owned: Pod[] = [];
    for (const d of this.ctx.cache.dependentsOf(uid)) {
      if (d.resource !== 'pods') continue;
      const p = this.ctx.cache.get<Pod>('pods', d.namespace, d.name);
      if (p && controllerOf(p)?.uid === uid && selector.matches(p.metadata.labels)) owned.push(p);
    }
    const active = owned.filter(isPodActive);
    const templateLabels = selectorFromMap(owner.spec?.template?.metadata?.labels ?? {});
    const minReady = (owner.spec?.minReadySeconds ?? 0) * 1000;
    const now = this.clock.now();
    let ready = 0;
    let available = 0;
    let nextAvailable = Infinity;
    for (const p of active) {
      if (!isPodReady(p)) continue;
      ready++;
      const since = parseRFC3339(podCondition(p, 'Ready')?.lastTransitionTime ?? '');
      if (minReady === 0 || since + minReady <= now) available++;
      else nextAvailable = Math.min(nextAvailable, since + minReady);
    }
    const status: Record<string, unknown> = { replicas: active.length };
    const fully = active.filter((p) => templateLabels.matches(p.metadata.labels)).length;
    if (fully > 0) status.fullyLabeledReplicas = fully;
    if (ready > 0) status.readyReplicas = ready;
    if (available > 0) status.availableReplicas = available;
    status.observedGeneration = owner.metadata.generation ?? 1;
    if (owner.status?.conditions) status.conditions = clone(owner.status.conditions);
    if (!jsonEqual(status, owner.status ?? {})) {
      const copy = clone(owner);
      copy.status = status;
      tolerate(() => this.ctx.api.update(this.flavour.resource, ns, copy, { subresource: 'status' }));
    }
    if (nextAvailable !== Infinity) {
      const key = nsName(owner);
      if (!this.availabilityTimers.has(key)) {
        this.availabilityTimers.add(key);
        this.clock.schedule(nextAvailable - now, () => {
          this.availabilityTimers.delete(key);
          this.syncOwner(key);
        });
      }
    }
  }

}


/**
 * controller.ActivePodsWithRanks ordering (pkg/controller/controller_utils.go): the pods to
 * delete first come first. Rank = number of active pods of the same owner on the pod's node.
 */
export function rankForDeletion(pods: Pod[], ctx: ControllerContext): Pod[] {
  const perNode = new Map<string, number>();
  for (const p of pods) if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
  const phaseRank = (p: Pod) => ({ Pending: 0, Unknown: 1, Running: 2 })[p.status?.phase as string] ?? 0;
  const cost = (p: Pod) => Number(p.metadata.annotations?.['controller.kubernetes.io/pod-deletion-cost'] ?? 0) || 0;
  const restarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const readySince = (p: Pod) => parseRFC3339(podCondition(p, 'Ready')?.lastTransitionTime ?? '');
  const created = (p: Pod) => parseRFC3339(p.metadata.creationTimestamp ?? '');
  const log2 = (ms: number) => (ms <= 0 ? 0 : Math.floor(Math.log2(ms / 1000 + 1)));
  const now = ctx.api.clock.now();
  return [...pods].sort((a, b) => {
    // 1. unassigned < assigned
    const sa = a.spec.nodeName ? 1 : 0;
    const sb = b.spec.nodeName ? 1 : 0;
    if (sa !== sb) return sa - sb;
    // 2. Pending < Unknown < Running
    if (phaseRank(a) !== phaseRank(b)) return phaseRank(a) - phaseRank(b);
    // 3. not ready < ready
    const ra = isPodReady(a) ? 1 : 0;
    const rb = isPodReady(b) ? 1 : 0;
    if (ra !== rb) return ra - rb;
    // 4. lower deletion cost first
    if (cost(a) !== cost(b)) return cost(a) - cost(b);
    // 5. doubled up (more siblings on the node) first
    const na = perNode.get(a.spec.nodeName ?? '') ?? 0;
    const nb = perNode.get(b.spec.nodeName ?? '') ?? 0;
    if (na !== nb) return nb - na;
    // 6. been ready for less time first (log scale)
    if (ra && rb) {
      const la = log2(now - readySince(a));
      const lb = log2(now - readySince(b));
      if (la !== lb) return la - lb;
    }
    // 7. more restarts first
    if (restarts(a) !== restarts(b)) return restarts(b) - restarts(a);
    // 8. newer first (log scale), then UID
    const ca = log2(now - created(a));
    const cb = log2(now - created(b));
    if (ca !== cb) return ca - cb;
    return (a.metadata.uid ?? '') < (b.metadata.uid ?? '') ? -1 : 1;
  });
}
