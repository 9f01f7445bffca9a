/** printNode, findNodeRoles, getNodeInternalIP/ExternalIP (printers.go). */
import type { KubeObject } from '../types.ts';
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { NODE_DOCS } from './descriptions.ts';

const ROLE_PREFIX = 'node-role.kubernetes.io/';
const ROLE_LABEL = 'kubernetes.io/role';

export function nodeRoles(node: KubeObject): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === ROLE_LABEL && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

export function nodeStatus(node: KubeObject): string {
  const status: string[] = [];
  const ready = (node.status?.conditions ?? []).filter((c: { type: string }) => c.type === 'Ready').pop();
  if (ready) status.push(ready.status === 'True' ? 'Ready' : 'NotReady');
  else status.push('Unknown');
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

function address(node: KubeObject, type: string): string {
  const a = (node.status?.addresses ?? []).find((x: { type: string }) => x.type === type);
  return a ? a.address : '<none>';
}

export const nodePrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('Status', 'string', 'The status of the node'),
    col('Roles', 'string', 'The roles of the node'),
    AGE_COLUMN,
    col('Version', 'string', NODE_DOCS.kubeletVersion),
    col('Internal-IP', 'string', NODE_DOCS.addresses, { priority: 1 }),
    col('External-IP', 'string', NODE_DOCS.addresses, { priority: 1 }),
    col('OS-Image', 'string', NODE_DOCS.osImage, { priority: 1 }),
    col('Kernel-Version', 'string', NODE_DOCS.kernelVersion, { priority: 1 }),
    col('Container-Runtime', 'string', NODE_DOCS.containerRuntimeVersion, { priority: 1 }),
  ],
  cells(o, now) {
    const info = o.status?.nodeInfo ?? {};
    const roles = nodeRoles(o).join(',');
    return [
      o.metadata.name ?? '',
      nodeStatus(o),
      roles || '<none>',
      age(o, now),
      info.kubeletVersion ?? '',
      address(o, 'InternalIP'),
      address(o, 'ExternalIP'),
      info.osImage || '<unknown>',
      info.kernelVersion || '<unknown>',
      info.containerRuntimeVersion || '<unknown>',
    ];
  },
};
