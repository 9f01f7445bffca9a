/**
 * The objects a fresh kubeadm cluster holds: namespaces, nodes with their pod CIDRs, the
 * `kubernetes` Service and its Endpoints, and cluster DNS (`kube-dns` in kube-system).
 */
import type { Cluster } from './cluster.ts';

export interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
}

/** controlplane plus three workers: the seed's pods sit on three nodes. */
export const NODES: readonly NodeSpec[] = [
  { name: 'controlplane', ip: '192.168.56.10', podCIDR: '10.244.0.0/24', controlPlane: true },
  { name: 'node01', ip: '192.168.56.11', podCIDR: '10.244.1.0/24', controlPlane: false },
  { name: 'node02', ip: '192.168.56.12', podCIDR: '10.244.2.0/24', controlPlane: false },
  { name: 'node03', ip: '192.168.56.13', podCIDR: '10.244.3.0/24', controlPlane: false },
];

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const DNS_SERVICE_IP = '10.96.0.10';

export function bootstrap(cluster: Cluster): void {
  const { api } = cluster;
  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: ns } });
  }
  for (const n of NODES) {
    api.create('nodes', undefined, {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name: n.name,
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': n.name,
          'kubernetes.io/os': 'linux',
          ...(n.controlPlane ? { 'node-role.kubernetes.io/control-plane': '', 'node.kubernetes.io/exclude-from-external-load-balancers': '' } : {}),
        },
      },
      spec: {
        podCIDR: n.podCIDR,
        podCIDRs: [n.podCIDR],
        ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
      },
    });
  }
  api.create('services', 'default', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: { clusterIP: KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }] },
  });
  api.create('endpoints', 'default', {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: 'kubernetes', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip: NODES[0].ip }], ports: [{ name: 'https', port: 6443, protocol: 'TCP' }] }],
  });
  api.create('services', 'kube-system', {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP: DNS_SERVICE_IP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  });
}
