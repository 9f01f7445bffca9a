/**
 * Whether a pod may go to a node, as the scheduler's TaintToleration and NodeAffinity filter
 * plugins decide (pkg/scheduler/framework/plugins/{tainttoleration,nodeaffinity}) and as the
 * DaemonSet controller asks before creating a daemon pod (pkg/controller/daemon
 * NodeShouldRunDaemonPod, which runs the same predicates).
 */
import type { KubeObject, Pod } from '../api/types.ts';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

interface Toleration {
  key?: string;
  operator?: string;
  value?: string;
  effect?: string;
}

interface NodeSelectorRequirement {
  key: string;
  operator: string;
  values?: string[];
}

/** v1.Toleration.ToleratesTaint. */
export function tolerates(pod: Pick<Pod, 'spec'>, taint: Taint): boolean {
  for (const t of (pod.spec.tolerations ?? []) as Toleration[]) {
    if (t.effect && t.effect !== taint.effect) continue;
    if (t.operator === 'Exists') {
      if (!t.key || t.key === taint.key) return true;
    } else if (t.key === taint.key && (t.value ?? '') === (taint.value ?? '')) {
      return true;
    }
  }
  return false;
}

/** The first NoSchedule/NoExecute taint of the node the pod does not tolerate. */
export function untoleratedTaint(pod: Pick<Pod, 'spec'>, node: KubeObject): Taint | undefined {
  for (const t of (node.spec?.taints ?? []) as Taint[]) {
    if (t.effect !== 'NoSchedule' && t.effect !== 'NoExecute') continue;
    if (!tolerates(pod, t)) return t;
  }
  return undefined;
}

function requirementMatches(e: NodeSelectorRequirement, values: Record<string, string>): boolean {
  const has = Object.prototype.hasOwnProperty.call(values, e.key);
  switch (e.operator) {
    case 'In':
      return has && (e.values ?? []).includes(values[e.key]);
    case 'NotIn':
      return !has || !(e.values ?? []).includes(values[e.key]);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || (e.values ?? []).length !== 1) return false;
      const have = Number.parseInt(values[e.key], 10);
      const want = Number.parseInt(e.values![0], 10);
      if (Number.isNaN(have) || Number.isNaN(want)) return false;
      return e.operator === 'Gt' ? have > want : have < want;
    }
    default:
      return false;
  }
}

/**
 * spec.nodeSelector and requiredDuringSchedulingIgnoredDuringExecution node affinity: terms are
 * ORed, the requirements of a term ANDed; matchFields knows only `metadata.name` (the way the
 * DaemonSet controller pins a daemon pod to its node).
 */
export function matchesNodeSelector(pod: Pick<Pod, 'spec'>, node: KubeObject): boolean {
  const labels: Record<string, string> = node.metadata.labels ?? {};
  const sel = pod.spec.nodeSelector as Record<string, string> | undefined;
  for (const [k, v] of Object.entries(sel ?? {})) if (labels[k] !== v) return false;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const terms = (pod.spec.affinity as any)?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms as
    | { matchExpressions?: NodeSelectorRequirement[]; matchFields?: NodeSelectorRequirement[] }[]
    | undefined;
  if (!terms || terms.length === 0) return true;
  const fields = { 'metadata.name': node.metadata.name ?? '' };
  return terms.some((term) => {
    const exprs = term.matchExpressions ?? [];
    const flds = term.matchFields ?? [];
    // An empty term matches nothing (nodeaffinity: "a null or empty node selector term matches no objects").
    if (exprs.length === 0 && flds.length === 0) return false;
    return exprs.every((e) => requirementMatches(e, labels)) && flds.every((e) => requirementMatches(e, fields));
  });
}
