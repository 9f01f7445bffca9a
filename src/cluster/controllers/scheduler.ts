/**
 * kube-scheduler (default-scheduler) in miniature (pkg/scheduler/schedule_one.go).
 *
 * Filters as the default plugins do (NodeUnschedulable, TaintToleration, NodeAffinity /
 * nodeSelector, NodeResourcesFit incl. the pod count), scores to spread pods of the same owner
 * or Service across nodes (PodTopologySpread's system defaults) and then towards the node with
 * fewest pods (NodeResourcesFit LeastAllocated with non-zero request defaults), and picks among
 * equal best scores at random (selectHost's reservoir sampling) from the seeded source.
 *
 * Binding writes spec.nodeName and the PodScheduled condition, as the pods/binding subresource
 * does (pkg/registry/core/pod/storage/storage.go setPodNodeAndMetadata). Events go through the
 * events.k8s.io recorder: `Scheduled` / `FailedScheduling` with the scheduler's own texts.
 */
import type { Clock } from '../clock.ts';
import type { WatchEvent } from '../api/apiserver.ts';
import { selectorFromMap } from '../api/labels.ts';
import type { KubeObject, Pod, PodCondition } from '../api/types.ts';
import { clone } from '../api/types.ts';
import type { Random } from '../random.ts';
import { controllerOf, nsName, splitKey, tolerate, type ControllerContext } from './context.ts';
import type { Controller } from './manager.ts';
import { matchesNodeSelector, tolerates, type Taint } from './nodefit.ts';
import { milliCPU, parseQuantity } from './quantity.ts';

export const SCHEDULER_NAME = 'default-scheduler';
/** The scheduler runs as a static pod on the control plane: reportingInstance is `default-scheduler-<hostname>`. */
const REPORTING_INSTANCE = 'default-scheduler-controlplane';
/** podMaxInUnschedulablePodsDuration: unschedulable pods are retried at least this often. */
const RETRY_MS = 5 * 60 * 1000;


export class Scheduler implements Controller {
  readonly name = SCHEDULER_NAME;
  private readonly queue = new Set<string>();
  private readonly unschedulable = new Set<string>();
  private retryTimer = false;

  constructor(
    private readonly ctx: ControllerContext,
    private readonly clock: Clock,
    private readonly random: Random,
  ) {}

  observe(e: WatchEvent): void {
    if (e.resource === 'pods') {
      const pod = e.object as Pod;
      if (e.type === 'DELETED') {
        this.queue.delete(nsName(pod));
        this.unschedulable.delete(nsName(pod));
        // A pod leaving frees room: retry the ones that did not fit (MoveAllToActiveOrBackoffQueue).
        if (pod.spec.nodeName) this.retryUnschedulable();
      } else if (this.wantsScheduling(pod)) {
        this.queue.add(nsName(pod));
      }
    } else if (e.resource === 'nodes') {
      this.retryUnschedulable();
    }
  }

  sync(): boolean {
    if (this.queue.size === 0) return false;
    const keys = [...this.queue];
    this.queue.clear();
    for (const k of keys) {
      const [ns, name] = splitKey(k);
      const pod = this.ctx.cache.get<Pod>('pods', ns, name);
      if (pod && this.wantsScheduling(pod)) this.scheduleOne(pod);
    }
    return true;
  }

  private wantsScheduling(pod: Pod): boolean {
    return !pod.spec.nodeName && (pod.spec.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME && !pod.metadata.deletionTimestamp;
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.queue.add(k);
    this.unschedulable.clear();
  }

  /** Non-terminal pods per node, computed once per scheduling attempt. */
  private podsByNode = new Map<string, Pod[]>();

  private scheduleOne(pod: Pod): void {
    const nodes = this.ctx.cache.list('nodes');
    this.podsByNode = new Map();
    for (const p of this.ctx.cache.list<Pod>('pods')) {
      const n = p.spec.nodeName;
      if (!n || p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed') continue;
      let list = this.podsByNode.get(n);
      if (!list) this.podsByNode.set(n, (list = []));
      list.push(p);
    }
    const reasons = new Map<string, number>();
    const feasible: KubeObject[] = [];
    let resourceFailures = 0;
    for (const node of nodes) {
      const why = this.filter(pod, node);
      if (why === undefined) feasible.push(node);
      else {
        reasons.set(why.reason, (reasons.get(why.reason) ?? 0) + 1);
        if (why.resolvableByPreemption) resourceFailures++;
      }
    }
    if (feasible.length === 0) {
      this.failed(pod, nodes.length, reasons, resourceFailures);
      return;
    }
    const node = this.pick(pod, feasible);
    this.bind(pod, node.metadata.name!);
  }

  private filter(pod: Pod, node: KubeObject): { reason: string; resolvableByPreemption?: boolean } | undefined {
    if (node.spec?.unschedulable && !tolerates(pod, { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' })) {
      return { reason: 'node(s) were unschedulable' };
    }
    // Filter plugins run in the default profile's order (TaintToleration before NodeAffinity);
    // a node reports the first one that rejects it.
    for (const t of (node.spec?.taints ?? []) as Taint[]) {
      if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
      if (!tolerates(pod, t)) return { reason: `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}` };
    }
    if (!matchesNodeSelector(pod, node)) return { reason: "node(s) didn't match Pod's node affinity/selector" };
    // NodeResourcesFit.
    const alloc = node.status?.allocatable ?? {};
    const onNode = this.podsOn(node.metadata.name!);
    const maxPods = parseQuantity(alloc.pods ?? '110');
    if (onNode.length + 1 > maxPods) return { reason: 'Too many pods', resolvableByPreemption: true };
    const want = requests(pod);
    let cpu = 0;
    let mem = 0;
    for (const p of onNode) {
      const r = requests(p);
      cpu += r.cpu;
      mem += r.memory;
    }
    if (want.cpu > 0 && cpu + want.cpu > milliCPU(alloc.cpu ?? '0')) return { reason: 'Insufficient cpu', resolvableByPreemption: true };
    if (want.memory > 0 && mem + want.memory > parseQuantity(alloc.memory ?? '0')) return { reason: 'Insufficient memory', resolvableByPreemption: true };
    return undefined;
  }

  private podsOn(nodeName: string): Pod[] {
    return this.podsByNode.get(nodeName) ?? [];
  }

  /** Spread siblings first, then least loaded, ties at random. */
  private pick(pod: Pod, nodes: KubeObject[]): KubeObject {
    const owner = controllerOf(pod)?.uid;
    // Only the Services that select this pod matter for spreading (SelectorSpread).
    const services = this.ctx.cache
      .list('services', pod.metadata.namespace)
      .filter((s) => s.spec?.selector && Object.keys(s.spec.selector).length > 0)
      .map((s) => selectorFromMap(s.spec.selector))
      .filter((sel) => sel.matches(pod.metadata.labels));
    const isSibling = (p: Pod) =>
      p.metadata.namespace === pod.metadata.namespace &&
      ((owner !== undefined && controllerOf(p)?.uid === owner) || services.some((s) => s.matches(p.metadata.labels)));
    let best: KubeObject[] = [];
    let bestScore = -Infinity;
    for (const node of nodes) {
      const on = this.podsOn(node.metadata.name!);
      const siblings = on.filter(isSibling).length;
      const score = -siblings * 1000 - on.length;
      if (score > bestScore) {
        bestScore = score;
        best = [node];
      } else if (score === bestScore) {
        best.push(node);
      }
    }
    return best.length === 1 ? best[0] : best[this.random.int(best.length)];
  }

  private bind(pod: Pod, nodeName: string): void {
    const now = this.clock.nowRFC3339();
    const bound = clone(pod) as Pod;
    bound.spec.nodeName = nodeName;
    const updated = tolerate(() => this.ctx.api.update('pods', pod.metadata.namespace, bound).object as Pod);
    if (!updated) return;
    const withStatus = clone(updated);
    withStatus.status ??= {};
    const conditions: PodCondition[] = (withStatus.status.conditions ?? []).filter((c: PodCondition) => c.type !== 'PodScheduled');
    conditions.push({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: now });
    withStatus.status.conditions = conditions;
    tolerate(() => this.ctx.api.update('pods', pod.metadata.namespace, withStatus, { subresource: 'status' }));
    this.ctx.recorder.recordNew(
      updated,
      SCHEDULER_NAME,
      REPORTING_INSTANCE,
      'Normal',
      'Scheduled',
      'Binding',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${nodeName}`,
    );
  }

  private failed(pod: Pod, total: number, reasons: Map<string, number>, resourceFailures: number): void {
    const parts = [...reasons].map(([r, n]) => `${n} ${r}`).sort();
    let message = `0/${total} nodes are available: ${parts.join(', ')}.`;
    // Preemption's own summary (pkg/scheduler/framework/preemption): nodes failing for
    // unresolvable reasons are "not helpful"; resource shortages find no victims here.
    const notHelpful = total - resourceFailures;
    const pre: string[] = [];
    if (resourceFailures > 0) pre.push(`${resourceFailures} No preemption victims found for incoming pod`);
    if (notHelpful > 0) pre.push(`${notHelpful} Preemption is not helpful for scheduling`);
    message += ` preemption: 0/${total} nodes are available: ${pre.sort().join(', ')}.`;
    if (total === 0) message = 'no nodes available to schedule pods';
    const existing = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
    if (!existing || existing.status !== 'False' || existing.message !== message) {
      const copy = clone(pod);
      copy.status ??= {};
      const conditions: PodCondition[] = (copy.status.conditions ?? []).filter((c: PodCondition) => c.type !== 'PodScheduled');
      conditions.push({
        type: 'PodScheduled',
        status: 'False',
        lastProbeTime: null,
        lastTransitionTime: existing?.status === 'False' ? existing.lastTransitionTime : this.clock.nowRFC3339(),
        reason: 'Unschedulable',
        message,
      });
      copy.status.conditions = conditions;
      tolerate(() => this.ctx.api.update('pods', pod.metadata.namespace, copy, { subresource: 'status' }));
    }
    this.ctx.recorder.recordNew(pod, SCHEDULER_NAME, REPORTING_INSTANCE, 'Warning', 'FailedScheduling', 'Scheduling', message);
    this.unschedulable.add(nsName(pod));
    if (!this.retryTimer) {
      this.retryTimer = true;
      this.clock.schedule(RETRY_MS, () => {
        this.retryTimer = false;
        this.retryUnschedulable();
        // Nudge the manager: the queue is drained on the next settle; a no-op write is not needed
        // because retries only matter when something else changed, which triggers a settle.
        this.sync();
      });
    }
  }
}

function requests(pod: Pod): { cpu: number; memory: number } {
  let cpu = 0;
  let memory = 0;
  for (const c of pod.spec.containers ?? []) {
    const r = (c.resources as { requests?: Record<string, string> } | undefined)?.requests;
    cpu += milliCPU(r?.cpu);
    memory += parseQuantity(r?.memory) || 0;
  }
  return { cpu, memory };
}
