/** Server-side Table cells (printers.go rules), kind by kind. */
import { describe, expect, it } from 'vitest';
import { podCells } from '../../src/cluster/api/printers/pod.ts';
import { TABLE_PRINTERS } from '../../src/cluster/api/printers/index.ts';
import type { KubeObject, Pod } from '../../src/cluster/api/types.ts';

const NOW = Date.parse('2026-11-26T04:18:00Z');
const created = '2026-11-26T03:53:00Z';

function pod(status: Record<string, unknown>, extra: Partial<Pod['spec']> = {}, meta: Record<string, unknown> = {}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', namespace: 'default', creationTimestamp: created, ...meta },
    spec: { containers: [{ name: 'a', image: 'x' }], ...extra },
    status,
  } as Pod;
}

describe('printPod', () => {
  it('running, restarted once: N (AGE ago)', () => {
    const cells = podCells(
      pod({
        phase: 'Running',
        podIPs: [{ ip: '10.244.1.7' }],
        containerStatuses: [
          { name: 'a', ready: true, restartCount: 1, image: '', imageID: '', state: { running: {} }, lastState: { terminated: { exitCode: 137, finishedAt: '2026-11-26T04:06:00Z' } } },
        ],
      }, { nodeName: 'node1' }),
      NOW,
    );
    expect(cells).toEqual(['p', '1/1', 'Running', '1 (12m ago)', '25m', '10.244.1.7', 'node1', '<none>', '<none>']);
  });

  it('a waiting reason wins; the first container wins over later ones', () => {
    const cells = podCells(
      pod({ phase: 'Pending', containerStatuses: [
        { name: 'a', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ImagePullBackOff' } } },
        { name: 'b', ready: false, restartCount: 0, image: '', imageID: '', state: { waiting: { reason: 'ContainerCreating' } } },
      ] }, { containers: [{ name: 'a' }, { name: 'b' }] }),
      NOW,
    );
    expect(cells.slice(1, 4)).toEqual(['0/2', 'ImagePullBackOff', '0']);
  });

  it('init containers: Init:i/n, Init:reason, Init:ExitCode, sidecars counted in READY', () => {
    const base = { initContainers: [{ name: 'i1' }, { name: 'i2' }] };
    expect(podCells(pod({ phase: 'Pending', initContainerStatuses: [
      { name: 'i1', ready: false, restartCount: 0, state: { terminated: { exitCode: 0 } } },
      { name: 'i2', ready: false, restartCount: 0, state: { running: {} } },
    ] }, base), NOW)[2]).toBe('Init:1/2');
    expect(podCells(pod({ phase: 'Pending', initContainerStatuses: [
      { name: 'i1', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } },
    ] }, base), NOW).slice(2, 4)).toEqual(['Init:CrashLoopBackOff', '3']);
    expect(podCells(pod({ phase: 'Pending', initContainerStatuses: [
      { name: 'i1', ready: false, restartCount: 0, state: { terminated: { exitCode: 2 } } },
    ] }, base), NOW)[2]).toBe('Init:ExitCode:2');
    const sidecar = podCells(pod({ phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }], initContainerStatuses: [
      { name: 's', ready: true, started: true, restartCount: 0, state: { running: {} } },
    ], containerStatuses: [{ name: 'a', ready: true, restartCount: 0, state: { running: {} } }] }, { initContainers: [{ name: 's', restartPolicy: 'Always' }] }), NOW);
    expect(sidecar.slice(1, 3)).toEqual(['2/2', 'Running']);
  });

  it('Terminating unless terminal; Completed with a running container', () => {
    expect(podCells(pod({ phase: 'Running' }, {}, { deletionTimestamp: '2026-11-26T04:17:00Z' }), NOW)[2]).toBe('Terminating');
    expect(podCells(pod({ phase: 'Succeeded' }, {}, { deletionTimestamp: '2026-11-26T04:17:00Z' }), NOW)[2]).toBe('Succeeded');
    const c = podCells(pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }], containerStatuses: [
      { name: 'a', ready: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } },
      { name: 'b', ready: true, restartCount: 0, state: { running: {} } },
    ] }, { containers: [{ name: 'a' }, { name: 'b' }] }), NOW);
    expect(c[2]).toBe('NotReady');
  });

  it('readiness gates and SchedulingGated', () => {
    const c = podCells(pod({ phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }, { type: 'g1', status: 'True' }] }, { readinessGates: [{ conditionType: 'g1' }, { conditionType: 'g2' }] } as never), NOW);
    expect(c[2]).toBe('SchedulingGated');
    expect(c[8]).toBe('1/2');
  });
});

function cells(kind: string, o: Record<string, unknown>): unknown[] {
  return TABLE_PRINTERS[kind].cells({ apiVersion: 'v1', kind, metadata: { name: 'x', creationTimestamp: created }, ...o } as KubeObject, NOW);
}

describe('other kinds', () => {
  it('Service: LoadBalancer ingress sorted and de-duplicated, then externalIPs; ports with nodePort', () => {
    expect(cells('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.0.0.1'], externalIPs: ['1.1.1.1'], ports: [{ port: 80, nodePort: 31234, protocol: 'TCP' }], selector: { b: '2', a: '1' } },
      status: { loadBalancer: { ingress: [{ ip: '9.9.9.9' }, { ip: '2.2.2.2' }, { ip: '9.9.9.9' }] } } })).toEqual(
      ['x', 'LoadBalancer', '10.0.0.1', '2.2.2.2,9.9.9.9,1.1.1.1', '80:31234/TCP', '25m', 'a=1,b=2']);
    expect(cells('Service', { spec: { type: 'LoadBalancer', clusterIPs: ['10.0.0.1'], ports: [] } })[3]).toBe('<pending>');
    expect(cells('Service', { spec: { type: 'ExternalName', externalName: 'a.b' } }).slice(2, 5)).toEqual(['<none>', 'a.b', '<none>']);
  });
  it('Endpoints: ready only, three then + N more; not-ready only is empty', () => {
    const addrs = ['1', '2', '3', '4', '5'].map((i) => ({ ip: `10.0.0.${i}` }));
    expect(cells('Endpoints', { subsets: [{ addresses: addrs, ports: [{ port: 80 }] }] })[1]).toBe('10.0.0.1:80,10.0.0.2:80,10.0.0.3:80 + 2 more...');
    expect(cells('Endpoints', { subsets: [{ notReadyAddresses: addrs, ports: [{ port: 80 }] }] })[1]).toBe('');
    expect(cells('Endpoints', {})[1]).toBe('<none>');
  });
  it('EndpointSlice: ports by number, name or *, all addresses, <unset> when empty', () => {
    expect(cells('EndpointSlice', { addressType: 'IPv4', ports: [{ port: 8080 }, { name: 'web' }, {}], endpoints: [{ addresses: ['a'] }, { addresses: ['b'], conditions: { ready: false } }] }).slice(1, 4)).toEqual(['IPv4', '8080,web,*', 'a,b']);
    expect(cells('EndpointSlice', { addressType: 'IPv4', ports: null, endpoints: [] }).slice(2, 4)).toEqual(['<unset>', '<unset>']);
  });
  it('Node: roles, status, addresses', () => {
    expect(cells('Node', { metadata: { name: 'cp', creationTimestamp: created, labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'master' } },
      spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'False' }], addresses: [{ type: 'InternalIP', address: '192.168.56.10' }], nodeInfo: { kubeletVersion: 'v1.33.1' } } })).toEqual(
      ['cp', 'NotReady,SchedulingDisabled', 'control-plane,master', '25m', 'v1.33.1', '192.168.56.10', '<none>', '<unknown>', '<unknown>', '<unknown>']);
  });
  it('Deployment, ReplicaSet, RC', () => {
    const tpl = { spec: { containers: [{ name: 'n', image: 'nginx:1.27' }, { name: 's', image: 'busybox' }] } };
    expect(cells('Deployment', { spec: { replicas: 2, selector: { matchLabels: { app: 'nginx' } }, template: tpl }, status: { readyReplicas: 1, updatedReplicas: 2, availableReplicas: 1 } })).toEqual(
      ['x', '1/2', 2, 1, '25m', 'n,s', 'nginx:1.27,busybox', 'app=nginx']);
    expect(cells('ReplicaSet', { spec: { replicas: 2, selector: {}, template: tpl }, status: { replicas: 2 } })).toEqual(['x', 2, 2, 0, '25m', 'n,s', 'nginx:1.27,busybox', '<none>']);
    expect(cells('ReplicationController', { spec: { replicas: 3, selector: { app: 'kubia' }, template: tpl }, status: { replicas: 3, readyReplicas: 3 } }).slice(1, 4)).toEqual([3, 3, 3]);
  });
  it('Event: series, count, source, target', () => {
    expect(cells('Event', { involvedObject: { kind: 'Service', name: 'kubia-lb' }, type: 'Normal', reason: 'IPAllocated', message: ' Assigned \n', source: { component: 'metallb-controller' },
      firstTimestamp: '2026-11-26T03:58:00Z', lastTimestamp: '2026-11-26T04:07:00Z', count: 3 })).toEqual(
      ['11m', 'Normal', 'IPAllocated', 'service/kubia-lb', '', 'metallb-controller', 'Assigned', '20m', 3, 'x']);
    expect(cells('Event', { involvedObject: { kind: 'Pod', name: 'p' }, eventTime: '2026-11-26T04:08:00.000000Z', series: { count: 3, lastObservedTime: '2026-11-26T04:13:00.000000Z' }, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-cp' }).slice(0, 1)).toEqual(['5m']);
  });
  it('ConfigMap, Secret, ServiceAccount, Namespace, Lease', () => {
    expect(cells('ConfigMap', { data: { a: '1', b: '2' }, binaryData: { c: '' } })[1]).toBe(3);
    expect(cells('Secret', { type: 'Opaque', data: { a: '' } }).slice(1, 3)).toEqual(['Opaque', 1]);
    expect(cells('ServiceAccount', {})[1]).toBe(0);
    expect(cells('Namespace', { status: { phase: 'Active' } })[1]).toBe('Active');
    expect(cells('Lease', { spec: { holderIdentity: 'node1' } })[1]).toBe('node1');
  });
});
