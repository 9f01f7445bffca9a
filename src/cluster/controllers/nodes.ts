/**
 * The node side of the kubelet (pkg/kubelet/kubelet_node_status.go, nodelease): node conditions
 * after registration, the Lease in kube-node-lease renewed every 10 s, and the node status
 * heartbeat written every 5 minutes (nodeStatusReportFrequency) when nothing else changed.
 */
import type { ApiServer } from '../api/apiserver.ts';
import { clone } from '../api/types.ts';
import { toRFC3339, toRFC3339Micro, type Clock } from '../clock.ts';

const LEASE_RENEW_MS = 10_000;
const STATUS_REPORT_MS = 5 * 60_000;
const LEASE_DURATION_S = 40;

export class NodeAgent {
  private readonly nodes: string[] = [];

  constructor(private readonly api: ApiServer) {}

  /** Right after the node object is created: conditions as a healthy kubelet and flannel set them. */
  registered(name: string, ip: string): void {
    void ip;
    const node = this.api.peek('nodes', undefined, name);
    if (!node) return;
    const now = this.api.clock.now();
    const t = (offsetS: number) => toRFC3339(now + offsetS * 1000);
    const copy = clone(node);
    copy.status.conditions = [
      { lastHeartbeatTime: t(62), lastTransitionTime: t(62), message: 'Flannel is running on this node', reason: 'FlannelIsUp', status: 'False', type: 'NetworkUnavailable' },
      { lastHeartbeatTime: t(0), lastTransitionTime: t(0), message: 'kubelet has sufficient memory available', reason: 'KubeletHasSufficientMemory', status: 'False', type: 'MemoryPressure' },
      { lastHeartbeatTime: t(0), lastTransitionTime: t(0), message: 'kubelet has no disk pressure', reason: 'KubeletHasNoDiskPressure', status: 'False', type: 'DiskPressure' },
      { lastHeartbeatTime: t(0), lastTransitionTime: t(0), message: 'kubelet has sufficient PID available', reason: 'KubeletHasSufficientPID', status: 'False', type: 'PIDPressure' },
      { lastHeartbeatTime: t(0), lastTransitionTime: t(61), message: 'kubelet is posting ready status', reason: 'KubeletReady', status: 'True', type: 'Ready' },
    ];
    this.api.update('nodes', undefined, copy, { subresource: 'status' });
    this.api.create('leases.coordination.k8s.io', 'kube-node-lease', {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name,
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name, uid: node.metadata.uid! }],
      },
      spec: { holderIdentity: name, leaseDurationSeconds: LEASE_DURATION_S, renewTime: toRFC3339Micro(now) },
    });
    this.nodes.push(name);
  }

  /** From `now` on: heartbeats as a running kubelet writes them. */
  startHeartbeats(clock: Clock, now: number): void {
    for (const [i, name] of this.nodes.entries()) {
      // Each kubelet is at its own point in its cycle.
      const leaseOffset = (i * 2300) % LEASE_RENEW_MS;
      const statusOffset = (i * 71_000) % STATUS_REPORT_MS;
      this.renewLease(name, now - (LEASE_RENEW_MS - leaseOffset));
      this.reportStatus(name, now - (STATUS_REPORT_MS - statusOffset));
      const leaseTick = () => {
        this.renewLease(name, clock.now());
        clock.schedule(LEASE_RENEW_MS, leaseTick);
      };
      const statusTick = () => {
        this.reportStatus(name, clock.now());
        clock.schedule(STATUS_REPORT_MS, statusTick);
      };
      clock.schedule(leaseOffset, leaseTick);
      clock.schedule(statusOffset, statusTick);
    }
  }

  private renewLease(name: string, at: number): void {
    const lease = this.api.peek('leases.coordination.k8s.io', 'kube-node-lease', name);
    if (!lease) return;
    const copy = clone(lease);
    copy.spec.renewTime = toRFC3339Micro(at);
    this.api.update('leases.coordination.k8s.io', 'kube-node-lease', copy);
  }

  private reportStatus(name: string, at: number): void {
    const node = this.api.peek('nodes', undefined, name);
    if (!node) return;
    const copy = clone(node);
    for (const c of copy.status.conditions ?? []) if (c.type !== 'NetworkUnavailable') c.lastHeartbeatTime = toRFC3339(at);
    this.api.update('nodes', undefined, copy, { subresource: 'status' });
  }
}
