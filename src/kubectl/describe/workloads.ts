/**
 * ReplicationController, ReplicaSet and Deployment describers (describe.go
 * describeReplicationController, describeReplicaSet, describeDeployment; deployment util
 * GetAllReplicaSetsInChunks for the old and new ReplicaSets).
 */
import { selectorFromLabelSelector, selectorFromMap } from '../../cluster/api/labels.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { cmp, controllerOf, DescribeWriter, eventsFor, formatLabels, rfc1123z, writeAnnotations, writeEvents, writeLabels } from './common.ts';
import { formatLabelSelector, writePodTemplate } from './containers.ts';
import type { DescribeContext } from './index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** getPodStatusForController: phases of the pods the controller owns among those its selector matches. */
function podPhases(ctx: DescribeContext, namespace: string, selector: string, uid: string | undefined): [number, number, number, number] {
  const res = ctx.api.list('pods', namespace, { labelSelector: selector });
  ctx.warn(res.warnings);
  let running = 0;
  let waiting = 0;
  let succeeded = 0;
  let failed = 0;
  for (const p of res.object.items) {
    const ref = (p.metadata.ownerReferences ?? []).find((r) => r.controller === true);
    if (!ref || ref.uid !== uid) continue;
    switch (p.status?.phase) {
      case 'Running':
        running++;
        break;
      case 'Pending':
        waiting++;
        break;
      case 'Succeeded':
        succeeded++;
        break;
      case 'Failed':
        failed++;
        break;
    }
  }
  return [running, waiting, succeeded, failed];
}

function writeConditions(w: DescribeWriter, conditions: Any[] | undefined): void {
  if ((conditions ?? []).length === 0) return;
  w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.line(1, '----\t------\t------');
  for (const c of conditions!) w.line(1, `${c.type} \t${c.status}\t${c.reason ?? ''}`);
}

export function describeReplicationController(rc: KubeObject, ctx: DescribeContext): string {
  const spec: Any = rc.spec ?? {};
  const ns = rc.metadata.namespace!;
  const [running, waiting, succeeded, failed] = podPhases(ctx, ns, selectorFromMap(spec.selector).toString(), rc.metadata.uid);
  const w = new DescribeWriter();
  w.line(0, `Name:\t${rc.metadata.name}`);
  w.line(0, `Namespace:\t${ns}`);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  writeLabels(w, 'Labels', rc.metadata.labels);
  writeAnnotations(w, 'Annotations', rc.metadata.annotations);
  w.line(0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${spec.replicas ?? 1} desired`);
  w.line(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`);
  writePodTemplate(w, spec.template);
  writeConditions(w, rc.status?.conditions);
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, rc), ctx.now);
  return w.toString();
}

export function describeReplicaSet(rs: KubeObject, ctx: DescribeContext): string {
  const spec: Any = rs.spec ?? {};
  const ns = rs.metadata.namespace!;
  const [running, waiting, succeeded, failed] = podPhases(ctx, ns, selectorFromLabelSelector(spec.selector).toString(), rs.metadata.uid);
  const w = new DescribeWriter();
  w.line(0, `Name:\t${rs.metadata.name}`);
  w.line(0, `Namespace:\t${ns}`);
  w.line(0, `Selector:\t${formatLabelSelector(spec.selector)}`);
  writeLabels(w, 'Labels', rs.metadata.labels);
  writeAnnotations(w, 'Annotations', rs.metadata.annotations);
  const controlledBy = controllerOf(rs);
  if (controlledBy) w.line(0, `Controlled By:\t${controlledBy}`);
  w.line(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${spec.replicas ?? 1} desired`);
  w.line(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`);
  writePodTemplate(w, spec.template);
  writeConditions(w, rs.status?.conditions);
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, rs), ctx.now);
  return w.toString();
}

/** JSON with sorted keys, for apiequality.Semantic.DeepEqual of two templates. */
function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

function templateWithoutHash(t: Any): string {
  const labels = { ...(t?.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  const meta = { ...(t?.metadata ?? {}) };
  if (Object.keys(labels).length > 0) meta.labels = labels;
  else delete meta.labels;
  return canonical({ ...(t ?? {}), metadata: meta });
}

function replicaSetsLine(list: KubeObject[]): string {
  if (list.length === 0) return '<none>';
  return list.map((rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec?.replicas ?? 1} replicas created)`).join(', ');
}

export function describeDeployment(d: KubeObject, ctx: DescribeContext): string {
  const spec: Any = d.spec ?? {};
  const status: Any = d.status ?? {};
  const ns = d.metadata.namespace!;
  const events = ctx.showEvents ? eventsFor(ctx, d) : undefined;
  // GetAllReplicaSetsInChunks: the ReplicaSets the selector matches and the Deployment controls,
  // by creation time; the new one has the Deployment's template (ignoring pod-template-hash).
  const selector = selectorFromLabelSelector(spec.selector).toString();
  const res = ctx.api.list('replicasets.apps', ns, { labelSelector: selector });
  ctx.warn(res.warnings);
  const owned = res.object.items
    .filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid))
    .sort((a, b) => cmp(a.metadata.creationTimestamp ?? '', b.metadata.creationTimestamp ?? '') || cmp(a.metadata.name!, b.metadata.name!));
  const want = templateWithoutHash(spec.template);
  const newRS = owned.find((rs) => templateWithoutHash(rs.spec?.template) === want);
  const oldRSs = owned.filter((rs) => rs !== newRS);

  const w = new DescribeWriter();
  w.line(0, `Name:\t${d.metadata.name}`);
  w.line(0, `Namespace:\t${ns}`);
  w.line(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}`);
  writeLabels(w, 'Labels', d.metadata.labels);
  writeAnnotations(w, 'Annotations', d.metadata.annotations);
  w.line(0, `Selector:\t${selector}`);
  w.line(
    0,
    `Replicas:\t${spec.replicas ?? 1} desired | ${status.updatedReplicas ?? 0} updated | ${status.replicas ?? 0} total | ${status.availableReplicas ?? 0} available | ${status.unavailableReplicas ?? 0} unavailable`,
  );
  w.line(0, `StrategyType:\t${spec.strategy?.type ?? ''}`);
  w.line(0, `MinReadySeconds:\t${spec.minReadySeconds ?? 0}`);
  const ru = spec.strategy?.rollingUpdate;
  if (ru) w.line(0, `RollingUpdateStrategy:\t${ru.maxUnavailable ?? 0} max unavailable, ${ru.maxSurge ?? 0} max surge`);
  writePodTemplate(w, spec.template);
  writeConditions(w, status.conditions);
  if (oldRSs.length > 0 || newRS) {
    w.line(0, `OldReplicaSets:\t${replicaSetsLine(oldRSs)}`);
    w.line(0, `NewReplicaSet:\t${replicaSetsLine(newRS ? [newRS] : [])}`);
  }
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

/** describeDaemonSet: the node counts are written without a tab, so they are not aligned. */
export function describeDaemonSet(ds: KubeObject, ctx: DescribeContext): string {
  const spec: Any = ds.spec ?? {};
  const status: Any = ds.status ?? {};
  const ns = ds.metadata.namespace!;
  const selector = selectorFromLabelSelector(spec.selector).toString();
  const [running, waiting, succeeded, failed] = podPhases(ctx, ns, selector, ds.metadata.uid);
  const w = new DescribeWriter();
  w.line(0, `Name:\t${ds.metadata.name}`);
  w.line(0, `Namespace:\t${ns}`);
  w.line(0, `Selector:\t${selector}`);
  w.line(0, `Node-Selector:\t${formatLabels(spec.template?.spec?.nodeSelector)}`);
  writeLabels(w, 'Labels', ds.metadata.labels);
  writeAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.line(0, `Desired Number of Nodes Scheduled: ${status.desiredNumberScheduled ?? 0}`);
  w.line(0, `Current Number of Nodes Scheduled: ${status.currentNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Up-to-date Pods: ${status.updatedNumberScheduled ?? 0}`);
  w.line(0, `Number of Nodes Scheduled with Available Pods: ${status.numberAvailable ?? 0}`);
  w.line(0, `Number of Nodes Misscheduled: ${status.numberMisscheduled ?? 0}`);
  w.line(0, `Pods Status:\t${running} Running / ${waiting} Waiting / ${succeeded} Succeeded / ${failed} Failed`);
  writePodTemplate(w, spec.template);
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, ds), ctx.now);
  return w.toString();
}
