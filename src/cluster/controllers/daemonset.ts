/**
 * The DaemonSet controller (pkg/controller/daemon): one daemon pod on every node the pod template
 * fits, none elsewhere.
 *
 * - Which nodes: the template's nodeSelector and required node affinity, and the node's
 *   NoSchedule/NoExecute taints against the template's tolerations plus the ones the controller
 *   adds (NodeShouldRunDaemonPod).
 * - A daemon pod (daemon/util CreatePodTemplate): `generateName: <ds>-`, the template's labels
 *   plus `controller-revision-hash` and `pod-template-generation`, the node-lifecycle
 *   tolerations appended (AddOrUpdateDaemonPodTolerations), and a required node affinity
 *   `matchFields metadata.name In [node]` that pins it to its node; the scheduler then binds it
 *   (ReplaceDaemonSetPodNodeNameNodeAffinity). Events `SuccessfulCreate` / `SuccessfulDelete`.
 * - Failed daemon pods are deleted and replaced; a node with two daemon pods keeps the oldest.
 * - RollingUpdate replaces pods of an older template, at most maxUnavailable nodes at a time,
 *   only once the rest are available; OnDelete leaves them until they are deleted.
 * - Status: desired/current/misscheduled/ready/updated/available/unavailable counts and
 *   observedGeneration, written only when they change.
 *
 * ControllerRevisions are not kept: `controller-revision-hash` is computed from the template the
 * way the deployment controller computes pod-template-hash (see computeHash).
 */
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromLabelSelector, type Selector } from '../api/labels.ts';
import type { KubeObject, OwnerReference, Pod } from '../api/types.ts';
import { clone, jsonEqual } from '../api/types.ts';
import type { Clock } from '../clock.ts';
import { parseRFC3339 } from '../clock.ts';
import { byCreation, controllerOf, isPodActive, isPodReady, nsName, podCondition, scaledIntOrPercent, splitKey, tolerate, type ControllerContext } from './context.ts';
import { computeHash } from './deployment.ts';
import type { Controller } from './manager.ts';
import { matchesNodeSelector, untoleratedTaint } from './nodefit.ts';
import { createPodFromTemplate, deletePodOf } from './podcontrol.ts';
import { KeyQueue } from './queue.ts';

const RESOURCE = 'daemonsets.apps';
const COMPONENT = 'daemonset-controller';
const REVISION_HASH = 'controller-revision-hash';
const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';
const TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';

/** The tolerations every daemon pod gets (daemon/util AddOrUpdateDaemonPodTolerations), in order. */
function daemonTolerations(hostNetwork: boolean): Record<string, string>[] {
  const t = (key: string, effect: string) => ({ effect, key: `node.kubernetes.io/${key}`, operator: 'Exists' });
  return [
    t('not-ready', 'NoExecute'),
    t('unreachable', 'NoExecute'),
    t('disk-pressure', 'NoSchedule'),
    t('memory-pressure', 'NoSchedule'),
    t('pid-pressure', 'NoSchedule'),
    t('unschedulable', 'NoSchedule'),
    ...(hostNetwork ? [t('network-unavailable', 'NoSchedule')] : []),
  ];
}

/** The template's pod spec with the daemon tolerations added (those it already has are kept once). */
function withDaemonTolerations(spec: Record<string, unknown>): Record<string, unknown> {
  const own = (spec.tolerations as Record<string, string>[] | undefined) ?? [];
  const same = (a: Record<string, string>, b: Record<string, string>) =>
    (a.key ?? '') === (b.key ?? '') && (a.operator ?? 'Equal') === (b.operator ?? 'Equal') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');
  const added = daemonTolerations(spec.hostNetwork === true).filter((t) => !own.some((o) => same(o, t)));
  return { ...spec, tolerations: [...own, ...added] };
}

export class DaemonSetController implements Controller {
  readonly name = COMPONENT;
  private readonly queue = new KeyQueue();
  /** Daemon sets whose minReadySeconds makes availability change later. */
  private readonly availabilityTimers = new Set<string>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
  ) {}

  observe(e: WatchEvent): void {
    if (e.resource === RESOURCE) {
      if (e.type !== 'DELETED') this.queue.add(nsName(e.object));
      else templateFacts.delete(e.object.metadata.uid ?? '');
      return;
    }
    if (e.resource === 'nodes') {
      // A node joined, left, or changed labels or taints: every daemon set may be concerned.
      // Status writes (heartbeats, conditions) change nothing a daemon set looks at.
      if (e.type === 'MODIFIED' && e.old && !placementChanged(e.old, e.object)) return;
      for (const ds of this.ctx.cache.list(RESOURCE)) this.queue.add(nsName(ds));
      return;
    }
    if (e.resource !== 'pods') return;
    for (const o of [e.object, e.old]) {
      const ref = o && controllerOf(o);
      if (ref?.kind !== 'DaemonSet') continue;
      const owner = this.ctx.cache.list(RESOURCE, o!.metadata.namespace).find((x) => x.metadata.uid === ref.uid);
      if (owner) this.queue.add(nsName(owner));
    }
  }

  sync(): boolean {
    return this.queue.drain((key) => this.syncDaemonSet(key));
  }

  private syncDaemonSet(key: string): void {
    const [ns, name] = splitKey(key);
    const ds = this.ctx.cache.get(RESOURCE, ns, name);
    if (!ds) return;
    const selector = ds.spec?.selector ? selectorFromLabelSelector(ds.spec.selector) : undefined;
    if (!selector || selector.isEmpty()) return;
    const hash = templateHash(ds);
    const generation = ds.metadata.annotations?.[TEMPLATE_GENERATION] ?? '1';
    const byNode = this.podsByNode(ds, selector);
    let wrote = false;
    if (!ds.metadata.deletionTimestamp) {
      const nodes = this.ctx.cache.list('nodes');
      const known = new Set(nodes.map((n) => n.metadata.name!));
      const toDelete: Pod[] = [];
      const toCreate: string[] = [];
      for (const node of nodes) {
        const nodeName = node.metadata.name!;
        const pods = byNode.get(nodeName) ?? [];
        if (!this.shouldRun(ds, node)) {
          toDelete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
          continue;
        }
        const failed = pods.filter((p) => p.status?.phase === 'Failed');
        const live = pods.filter((p) => p.status?.phase !== 'Failed');
        toDelete.push(...failed.filter((p) => !p.metadata.deletionTimestamp));
        if (live.length === 0 && failed.length === 0) toCreate.push(nodeName);
        else if (live.length > 1) toDelete.push(...[...live].sort(byCreation).slice(1).filter((p) => !p.metadata.deletionTimestamp));
      }
      // Daemon pods pinned to a node that is gone.
      for (const [nodeName, pods] of byNode) if (!known.has(nodeName)) toDelete.push(...pods.filter((p) => !p.metadata.deletionTimestamp));
      for (const nodeName of toCreate) this.createPod(ds, nodeName, hash, generation);
      for (const p of toDelete) this.deletePod(ds, p);
      wrote = toCreate.length > 0 || toDelete.length > 0 || this.rollingUpdate(ds, byNode, hash) > 0;
    }
    const current = this.ctx.cache.get(RESOURCE, ns, name);
    // The pods grouped above still hold unless this sync created or deleted some.
    if (current && current.metadata.uid === ds.metadata.uid) this.updateStatus(current, wrote ? this.podsByNode(current, selector) : byNode, hash);
  }

  /** NodeShouldRunDaemonPod: the template fits the node (selector, affinity, taints). */
  private shouldRun(ds: KubeObject, node: KubeObject): boolean {
    const pod = daemonPodShape(ds);
    return matchesNodeSelector(pod, node) && untoleratedTaint(pod, node) === undefined;
  }

  /** The daemon set's pods by the node they run on (or are pinned to, before binding). */
  private podsByNode(ds: KubeObject, selector: Selector): Map<string, Pod[]> {
    const out = new Map<string, Pod[]>();
    for (const d of this.ctx.cache.dependentsOf(ds.metadata.uid!)) {
      if (d.resource !== 'pods') continue;
      const p = this.ctx.cache.get<Pod>('pods', d.namespace, d.name);
      if (!p || controllerOf(p)?.uid !== ds.metadata.uid || !selector.matches(p.metadata.labels)) continue;
      if (p.status?.phase === 'Succeeded') continue;
      const node = p.spec.nodeName ?? pinnedNode(p);
      if (!node) continue;
      let list = out.get(node);
      if (!list) out.set(node, (list = []));
      list.push(p);
    }
    return out;
  }

  /** rollingUpdate: replace old-template pods, maxUnavailable nodes at a time; how many were deleted. */
  private rollingUpdate(ds: KubeObject, byNode: Map<string, Pod[]>, hash: string): number {
    const strategy = ds.spec?.updateStrategy ?? {};
    if (strategy.type !== 'RollingUpdate') return 0;
    const nodes = [...byNode.keys()].sort();
    const desired = nodes.length;
    const maxUnavailable = scaledIntOrPercent(strategy.rollingUpdate?.maxUnavailable ?? 1, desired, false);
    let unavailable = 0;
    const old: Pod[] = [];
    for (const n of nodes) {
      const pod = (byNode.get(n) ?? []).find((p) => !p.metadata.deletionTimestamp);
      if (!pod || !this.isAvailable(ds, pod)) unavailable++;
      else if (pod.metadata.labels?.[REVISION_HASH] !== hash) old.push(pod);
    }
    const victims = old.slice(0, Math.max(0, maxUnavailable - unavailable));
    for (const p of victims) this.deletePod(ds, p);
    return victims.length;
  }

  private isAvailable(ds: KubeObject, pod: Pod): boolean {
    if (!isPodReady(pod)) return false;
    const minReady = (ds.spec?.minReadySeconds ?? 0) * 1000;
    const since = parseRFC3339(podCondition(pod, 'Ready')?.lastTransitionTime ?? '');
    return minReady === 0 || since + minReady <= this.clock.now();
  }

  private ownerRef(ds: KubeObject): OwnerReference {
    return { apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true };
  }

  private createPod(ds: KubeObject, nodeName: string, hash: string, generation: string): void {
    const spec = withDaemonTolerations(clone(ds.spec?.template?.spec ?? {}));
    spec.affinity = pinToNode(spec.affinity as Record<string, unknown> | undefined, nodeName);
    createPodFromTemplate(this.ctx, ds, this.ownerRef(ds), COMPONENT, { labels: { [REVISION_HASH]: hash, [TEMPLATE_GENERATION_LABEL]: generation }, spec });
  }

  private deletePod(ds: KubeObject, pod: Pod): void {
    deletePodOf(this.ctx, ds, pod, COMPONENT);
  }

  private updateStatus(ds: KubeObject, byNode: Map<string, Pod[]>, hash: string): void {
    const nodes = this.ctx.cache.list('nodes');
    let desired = 0;
    let current = 0;
    let misscheduled = 0;
    let ready = 0;
    let updated = 0;
    let available = 0;
    let nextAvailable = Infinity;
    const minReady = (ds.spec?.minReadySeconds ?? 0) * 1000;
    for (const node of nodes) {
      const pods = (byNode.get(node.metadata.name!) ?? []).filter(isPodActive);
      const should = this.shouldRun(ds, node);
      if (!should) {
        if (pods.length > 0) misscheduled++;
        continue;
      }
      desired++;
      if (pods.length === 0) continue;
      current++;
      const pod = [...pods].sort(byCreation)[0];
      if (pod.metadata.labels?.[REVISION_HASH] === hash) updated++;
      if (isPodReady(pod)) {
        ready++;
        const since = parseRFC3339(podCondition(pod, 'Ready')?.lastTransitionTime ?? '');
        if (minReady === 0 || since + minReady <= this.clock.now()) available++;
        else nextAvailable = Math.min(nextAvailable, since + minReady);
      }
    }
    // Field order and omitempty as apps/v1 DaemonSetStatus serialises.
    const status: Record<string, unknown> = {
      currentNumberScheduled: current,
      desiredNumberScheduled: desired,
      ...(available > 0 ? { numberAvailable: available } : {}),
      numberMisscheduled: misscheduled,
      numberReady: ready,
      ...(desired - available > 0 ? { numberUnavailable: desired - available } : {}),
      observedGeneration: ds.metadata.generation ?? 1,
      ...(updated > 0 ? { updatedNumberScheduled: updated } : {}),
    };
    if (ds.status?.conditions) status.conditions = clone(ds.status.conditions);
    if (ds.status?.collisionCount !== undefined) status.collisionCount = ds.status.collisionCount;
    if (!jsonEqual(status, ds.status ?? {})) {
      const copy = clone(ds);
      copy.status = status;
      tolerate(() => this.ctx.api.update(RESOURCE, ds.metadata.namespace, copy, { subresource: 'status' }));
    }
    if (nextAvailable !== Infinity) {
      const key = nsName(ds);
      if (!this.availabilityTimers.has(key)) {
        this.availabilityTimers.add(key);
        this.clock.schedule(nextAvailable - this.clock.now(), () => {
          this.availabilityTimers.delete(key);
          this.queue.add(key);
          this.sync();
        });
      }
    }
  }

}

/**
 * What is derived from a daemon set's template, computed once per template: a status write hands
 * out a new object (and a new template object), so the cache is keyed by uid and generation,
 * which a template change bumps.
 */
interface TemplateFacts {
  key: string;
  hash: string;
  /** The pod the template makes, as far as node fit is concerned (spec with the daemon tolerations). */
  shape: Pod;
}
const templateFacts = new Map<string, TemplateFacts>();

function factsOf(ds: KubeObject): TemplateFacts {
  const uid = ds.metadata.uid ?? '';
  const key = `${uid}/${ds.metadata.generation ?? 0}`;
  let f = templateFacts.get(uid);
  if (f?.key !== key) {
    const template = ds.spec?.template ?? {};
    f = { key, hash: computeHash(template), shape: { spec: withDaemonTolerations(template.spec ?? {}) } as unknown as Pod };
    templateFacts.set(uid, f);
  }
  return f;
}

function templateHash(ds: KubeObject): string {
  return factsOf(ds).hash;
}

function daemonPodShape(ds: KubeObject): Pod {
  return factsOf(ds).shape;
}

/** Whether a node update changes where daemon pods go: labels, taints, unschedulable. */
function placementChanged(old: KubeObject, now: KubeObject): boolean {
  return (
    JSON.stringify(old.metadata.labels ?? {}) !== JSON.stringify(now.metadata.labels ?? {}) ||
    JSON.stringify(old.spec?.taints ?? []) !== JSON.stringify(now.spec?.taints ?? []) ||
    (old.spec?.unschedulable ?? false) !== (now.spec?.unschedulable ?? false)
  );
}

/** The node a daemon pod's `matchFields metadata.name In [node]` term pins it to. */
function pinnedNode(pod: Pod): string | undefined {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const terms = (pod.spec.affinity as any)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In' && f.values?.length === 1) return f.values[0];
    }
  }
  return undefined;
}

/**
 * ReplaceDaemonSetPodNodeNameNodeAffinity: the required node affinity becomes one term pinning the
 * pod to its node; preferred terms and pod (anti-)affinity stay.
 */
function pinToNode(affinity: Record<string, unknown> | undefined, nodeName: string): Record<string, unknown> {
  const a = clone(affinity ?? {}) as Record<string, Record<string, unknown>>;
  const nodeAffinity = a.nodeAffinity ?? {};
  nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution = {
    nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
  };
  a.nodeAffinity = nodeAffinity;
  return a;
}



