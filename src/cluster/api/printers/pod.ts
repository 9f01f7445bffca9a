/**
 * printPod (printers.go): READY, STATUS, RESTARTS with `N (AGE ago)`, and the wide columns.
 * STATUS follows the kubelet-reported state in the same order of precedence as the Go code:
 * phase or reason, then init containers, then containers from last to first, then deletion.
 */
import { ageSince } from '../duration.ts';
import type { ContainerStatus, Pod } from '../types.ts';
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { POD_DOCS } from './descriptions.ts';

/** pkg/util/node NodeUnreachablePodReason. */
const NODE_LOST = 'NodeLost';

/** ContainerStateTerminated with the signal the shared type leaves out. */
type Terminated = { exitCode: number; signal?: number; reason?: string };

function isRestartableInit(c: { [field: string]: unknown } | undefined): boolean {
  return c?.restartPolicy === 'Always';
}

function later(a: string | undefined, b: string | undefined): string | undefined {
  if (!b) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

function hasCondition(pod: Pod, type: string): boolean {
  return (pod.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');
}

export function podCells(pod: Pod, nowMs: number): (string | number)[] {
  const status = pod.status ?? {};
  const initSpecs = new Map<string, { [field: string]: unknown }>();
  let total = pod.spec?.containers?.length ?? 0;
  for (const c of pod.spec?.initContainers ?? []) {
    initSpecs.set(c.name, c);
    if (isRestartableInit(c)) total++;
  }
  let ready = 0;
  let restarts = 0;
  let sidecarRestarts = 0;
  let lastRestart: string | undefined;
  let lastSidecarRestart: string | undefined;
  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }

  const initStatuses = (status.initContainerStatuses ?? []) as ContainerStatus[];
  const initCount = pod.spec?.initContainers?.length ?? 0;
  let initializing = false;
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    const lastTerm = c.lastState?.terminated;
    if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
    const sidecar = isRestartableInit(initSpecs.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      if (lastTerm) lastSidecarRestart = later(lastSidecarRestart, lastTerm.finishedAt);
    }
    const term = c.state?.terminated as Terminated | undefined;
    const waiting = c.state?.waiting;
    if (term && term.exitCode === 0) continue;
    if (sidecar && c.started === true) {
      if (c.ready) ready++;
      continue;
    }
    if (term) {
      if (!term.reason) reason = term.signal ? `Init:Signal:${term.signal}` : `Init:ExitCode:${term.exitCode}`;
      else reason = `Init:${term.reason}`;
    } else if (waiting && waiting.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${initCount}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || hasCondition(pod, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestart = lastSidecarRestart;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      const lastTerm = c.lastState?.terminated;
      if (lastTerm) lastRestart = later(lastRestart, lastTerm.finishedAt);
      const waiting = c.state?.waiting;
      const term = c.state?.terminated as Terminated | undefined;
      if (waiting && waiting.reason) reason = waiting.reason;
      else if (term && term.reason) reason = term.reason;
      else if (term) reason = term.signal ? `Signal:${term.signal}` : `ExitCode:${term.exitCode}`;
      else if (c.ready && c.state?.running) {
        hasRunning = true;
        ready++;
      }
    }
    if (reason === 'Completed' && hasRunning) reason = hasCondition(pod, 'Ready') ? 'Running' : 'NotReady';
  }

  if (pod.metadata.deletionTimestamp && status.reason === NODE_LOST) reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && status.phase !== 'Succeeded' && status.phase !== 'Failed') reason = 'Terminating';

  const restartsCell = restarts !== 0 && lastRestart ? `${restarts} (${ageSince(lastRestart, nowMs)} ago)` : String(restarts);

  const gates = (pod.spec?.readinessGates ?? []) as { conditionType: string }[];
  let gatesCell = '<none>';
  if (gates.length > 0) {
    let trueCount = 0;
    for (const g of gates) {
      const cond = (status.conditions ?? []).find((c) => c.type === g.conditionType);
      if (cond?.status === 'True') trueCount++;
    }
    gatesCell = `${trueCount}/${gates.length}`;
  }
  return [
    pod.metadata.name ?? '',
    `${ready}/${total}`,
    reason,
    restartsCell,
    age(pod, nowMs),
    status.podIPs?.[0]?.ip || '<none>',
    pod.spec?.nodeName || '<none>',
    (status.nominatedNodeName as string | undefined) || '<none>',
    gatesCell,
  ];
}

export const podPrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('Ready', 'string', 'The aggregate readiness state of this pod for accepting traffic.'),
    col('Status', 'string', 'The aggregate status of the containers in this pod.'),
    col('Restarts', 'string', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
    AGE_COLUMN,
    col('IP', 'string', POD_DOCS.podIP, { priority: 1 }),
    col('Node', 'string', POD_DOCS.nodeName, { priority: 1 }),
    col('Nominated Node', 'string', POD_DOCS.nominatedNodeName, { priority: 1 }),
    col('Readiness Gates', 'string', POD_DOCS.readinessGates, { priority: 1 }),
  ],
  cells: (o, now) => podCells(o as Pod, now),
};
