/**
 * describeNode (describe.go): lease from kube-node-lease, conditions, addresses, capacity,
 * system info, the non-terminated pods with their requests as percentages of allocatable
 * (describeNodeResource), and events from two queries (by node UID and by node name as UID).
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { ApiError } from '../../cluster/api/errors.ts';
import { DescribeWriter, rfc1123z, searchEvents, since, writeAnnotations, writeEvents, writeLabels, writeTaints } from './common.ts';
import type { DescribeContext } from './index.ts';
import { addQuantity, formatQuantity, parseQuantity, quantityValue, ZERO, type Quantity } from './quantity.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

const ROLE_PREFIX = 'node-role.kubernetes.io/';

/** findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`, sorted. */
function nodeRoles(labels: Record<string, string> | undefined): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX)) {
      const role = k.slice(ROLE_PREFIX.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') roles.add(v);
  }
  return [...roles].sort();
}

type ResourceMap = Map<string, Quantity>;

function addTo(m: ResourceMap, list: Record<string, string> | undefined): void {
  for (const [n, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    const prev = m.get(n);
    m.set(n, prev ? addQuantity(prev, q) : q);
  }
}

/** max per resource (init containers run one at a time). */
function maxInto(m: ResourceMap, list: Record<string, string> | undefined): void {
  for (const [n, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    const prev = m.get(n);
    if (!prev || q.milli > prev.milli) m.set(n, q);
  }
}

/** resourcehelper.PodRequestsAndLimits: containers summed, init containers as a max, plus overhead. */
function podRequestsAndLimits(pod: KubeObject): [ResourceMap, ResourceMap] {
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  const spec: Any = pod.spec ?? {};
  for (const c of spec.containers ?? []) {
    addTo(reqs, c.resources?.requests);
    addTo(limits, c.resources?.limits);
  }
  for (const c of spec.initContainers ?? []) {
    maxInto(reqs, c.resources?.requests);
    maxInto(limits, c.resources?.limits);
  }
  if (spec.overhead) {
    addTo(reqs, spec.overhead);
    for (const [n, v] of Object.entries(spec.overhead as Record<string, string>)) {
      const prev = limits.get(n);
      if (prev) limits.set(n, addQuantity(prev, parseQuantity(v)));
    }
  }
  return [reqs, limits];
}

function pct(part: number, whole: number): number {
  if (whole === 0) return part === 0 ? NaN : Infinity;
  return Math.trunc((part / whole) * 100);
}

/** `%d` of int64(a float): NaN and infinities become the minimum int64, as Go converts them on amd64. */
function goInt(n: number): string {
  return Number.isFinite(n) ? String(n) : '-9223372036854775808';
}

function writeNodeResource(w: DescribeWriter, pods: KubeObject[], node: KubeObject, now: number): void {
  w.line(0, `Non-terminated Pods:\t(${pods.length} in total)`);
  w.line(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge');
  w.line(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---');
  const status: Any = node.status ?? {};
  const allocatable: Record<string, string> = Object.keys(status.allocatable ?? {}).length > 0 ? status.allocatable : (status.capacity ?? {});
  const allocCpu = parseQuantity(allocatable.cpu).milli;
  const allocMem = quantityValue(parseQuantity(allocatable.memory));
  const allocEph = quantityValue(parseQuantity(allocatable['ephemeral-storage']));
  const totalReqs: ResourceMap = new Map();
  const totalLimits: ResourceMap = new Map();
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod);
    for (const [n, q] of req) totalReqs.set(n, totalReqs.has(n) ? addQuantity(totalReqs.get(n)!, q) : q);
    for (const [n, q] of lim) totalLimits.set(n, totalLimits.has(n) ? addQuantity(totalLimits.get(n)!, q) : q);
    const cpuReq = req.get('cpu') ?? ZERO;
    const cpuLim = lim.get('cpu') ?? ZERO;
    const memReq = req.get('memory') ?? ZERO;
    const memLim = lim.get('memory') ?? ZERO;
    w.line(
      1,
      `${pod.metadata.namespace}\t${pod.metadata.name}\t\t${formatQuantity(cpuReq)} (${goInt(pct(cpuReq.milli, allocCpu))}%)\t${formatQuantity(cpuLim)} (${goInt(pct(cpuLim.milli, allocCpu))}%)\t${formatQuantity(memReq)} (${goInt(pct(quantityValue(memReq), allocMem))}%)\t${formatQuantity(memLim)} (${goInt(pct(quantityValue(memLim), allocMem))}%)\t${since(pod.metadata.creationTimestamp, now)}`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.line(1, 'Resource\tRequests\tLimits');
  w.line(1, '--------\t--------\t------');
  const frac = (q: Quantity, whole: number, milli: boolean) => (whole === 0 ? 0 : Math.trunc(((milli ? q.milli : quantityValue(q)) / whole) * 100));
  const row = (name: string, whole: number, milli: boolean) => {
    const r = totalReqs.get(name) ?? ZERO;
    const l = totalLimits.get(name) ?? ZERO;
    w.line(1, `${name}\t${formatQuantity(r)} (${frac(r, whole, milli)}%)\t${formatQuantity(l)} (${frac(l, whole, milli)}%)`);
  };
  row('cpu', allocCpu, true);
  row('memory', allocMem, false);
  row('ephemeral-storage', allocEph, false);
  const names = Object.keys(allocatable);
  const huge = names.filter((n) => n.startsWith('hugepages-')).sort();
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  const ext = names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.')).sort();
  for (const n of huge) row(n, quantityValue(parseQuantity(allocatable[n])), false);
  for (const n of ext) w.line(1, `${n}\t${formatQuantity(totalReqs.get(n) ?? ZERO)}\t${formatQuantity(totalLimits.get(n) ?? ZERO)}`);
}

export function describeNode(node: KubeObject, ctx: DescribeContext): string {
  const name = node.metadata.name!;
  const podsRes = ctx.api.list('pods', undefined, { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  ctx.warn(podsRes.warnings);
  let events: KubeObject[] | undefined;
  if (ctx.showEvents) {
    // Controllers record node events with the node's UID, the kubelet with its name.
    events = [
      ...searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: node.metadata.uid }),
      ...searchEvents(ctx, { name, namespace: '', kind: 'Node', uid: name }),
    ];
  }
  const spec: Any = node.spec ?? {};
  const status: Any = node.status ?? {};
  const w = new DescribeWriter();
  w.line(0, `Name:\t${name}`);
  const roles = nodeRoles(node.metadata.labels);
  w.line(0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}`);
  writeLabels(w, 'Labels', node.metadata.labels);
  writeAnnotations(w, 'Annotations', node.metadata.annotations);
  w.line(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp)}`);
  writeTaints(w, 'Taints', spec.taints);
  w.line(0, `Unschedulable:\t${spec.unschedulable === true}`);
  try {
    const lease: Any = ctx.api.get('leases.coordination.k8s.io', 'kube-node-lease', name).object;
    w.line(0, 'Lease:');
    w.line(1, `HolderIdentity:\t${lease.spec?.holderIdentity ?? '<unset>'}`);
    w.line(1, `AcquireTime:\t${lease.spec?.acquireTime ? rfc1123z(lease.spec.acquireTime) : '<unset>'}`);
    w.line(1, `RenewTime:\t${lease.spec?.renewTime ? rfc1123z(lease.spec.renewTime) : '<unset>'}`);
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
    w.line(0, `Lease:\tFailed to get lease: ${e.status.message}`);
  }
  const conditions: Any[] = status.conditions ?? [];
  if (conditions.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.line(1, '----\t------\t-----------------\t------------------\t------\t-------');
    for (const c of conditions) {
      w.line(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}`);
    }
  }
  w.line(0, 'Addresses:');
  for (const a of status.addresses ?? []) w.line(1, `${a.type}:\t${a.address}`);
  const printList = (list: Record<string, string>) => {
    for (const n of Object.keys(list).sort()) w.line(0, `  ${n}:\t${formatQuantity(parseQuantity(list[n]))}`);
  };
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.line(0, 'Capacity:');
    printList(status.capacity);
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.line(0, 'Allocatable:');
    printList(status.allocatable);
  }
  const info: Any = status.nodeInfo ?? {};
  w.line(0, 'System Info:');
  w.line(0, `  Machine ID:\t${info.machineID ?? ''}`);
  w.line(0, `  System UUID:\t${info.systemUUID ?? ''}`);
  w.line(0, `  Boot ID:\t${info.bootID ?? ''}`);
  w.line(0, `  Kernel Version:\t${info.kernelVersion ?? ''}`);
  w.line(0, `  OS Image:\t${info.osImage ?? ''}`);
  w.line(0, `  Operating System:\t${info.operatingSystem ?? ''}`);
  w.line(0, `  Architecture:\t${info.architecture ?? ''}`);
  w.line(0, `  Container Runtime Version:\t${info.containerRuntimeVersion ?? ''}`);
  w.line(0, `  Kubelet Version:\t${info.kubeletVersion ?? ''}`);
  w.line(0, `  Kube-Proxy Version:\t${info.kubeProxyVersion ?? ''}`);
  if (spec.podCIDR) w.line(0, `PodCIDR:\t${spec.podCIDR}`);
  if ((spec.podCIDRs ?? []).length > 0) w.line(0, `PodCIDRs:\t${spec.podCIDRs.join(',')}`);
  if (spec.providerID) w.line(0, `ProviderID:\t${spec.providerID}`);
  writeNodeResource(w, podsRes.object.items, node, ctx.now);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
