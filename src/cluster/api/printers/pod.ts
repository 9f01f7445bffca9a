/** printPod (printers.go): a first slice (READY, STATUS, RESTARTS, AGE; wide IP, NODE). */
import type { Pod } from '../types.ts';
import { age, col, type KindTablePrinter } from './table.ts';

export const podPrinter: KindTablePrinter = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Ready'),
    col('Status'),
    col('Restarts', 'string'),
    col('Age'),
    col('IP', 'string', 1),
    col('Node', 'string', 1),
    col('Nominated Node', 'string', 1),
    col('Readiness Gates', 'string', 1),
  ],
  cells(o, now) {
    const pod = o as Pod;
    const statuses = pod.status?.containerStatuses ?? [];
    const total = pod.spec.containers.length;
    const ready = statuses.filter((c) => c.ready && c.state?.running).length;
    let reason = pod.status?.reason ?? pod.status?.phase ?? '';
    for (const c of [...statuses].reverse()) {
      if (c.state?.waiting?.reason) reason = c.state.waiting.reason;
      else if (c.state?.terminated?.reason) reason = c.state.terminated.reason;
    }
    if (pod.metadata.deletionTimestamp) reason = 'Terminating';
    const restarts = statuses.reduce((n, c) => n + (c.restartCount ?? 0), 0);
    return [
      pod.metadata.name ?? '',
      `${ready}/${total}`,
      reason,
      String(restarts),
      age(pod, now),
      pod.status?.podIPs?.[0]?.ip ?? pod.status?.podIP ?? '<none>',
      pod.spec.nodeName || '<none>',
      (pod.status?.nominatedNodeName as string | undefined) || '<none>',
      '<none>',
    ];
  },
};
