/**
 * The objects a fresh kubeadm cluster holds, written as the real components wrote them while
 * the cluster came up two days ago: namespaces, the control-plane node then three workers (with
 * their status and leases), the `kubernetes` Service with the Endpoints and EndpointSlice the API
 * server's own reconciler keeps (pkg/controlplane/reconcilers), and cluster DNS (`kube-dns` in
 * kube-system, backed by the coredns Deployment).
 *
 * The clock is moved forward between steps so creation times look like a real bring-up. Nothing
 * periodic runs while the two days pass: node heartbeats start at the end.
 *
 * The control plane's static pods, kube-proxy and flannel come from bootstrap-addons.ts.
 * Not created: ConfigMaps and ServiceAccounts.
 */
import type { ApiServer } from './api/apiserver.ts';
import type { Cluster } from './cluster.ts';
import type { KubeObject } from './api/types.ts';
import { fakeSha256 } from './controllers/images.ts';
import { NodeAgent } from './controllers/nodes.ts';
import { CONTROL_PLANE_IMAGES, createControlPlaneMirrorPods, createFlannel, createKubeProxy, FLANNEL_IMAGE, KUBE_PROXY_IMAGE } from './bootstrap-addons.ts';

export interface NodeSpec {
  name: string;
  ip: string;
  podCIDR: string;
  controlPlane: boolean;
  /** Minutes after the cluster was initialised that the node joined. */
  joinedAfterMin: number;
  /** Flannel's VXLAN MAC for this node. */
  vtepMAC: string;
}

/** controlplane plus three workers: the seed's pods sit on three nodes. */
export const NODES: readonly NodeSpec[] = [
  { name: 'controlplane', ip: '192.168.56.10', podCIDR: '10.244.0.0/24', controlPlane: true, joinedAfterMin: 0, vtepMAC: '6a:1f:d3:42:9c:07' },
  { name: 'node01', ip: '192.168.56.11', podCIDR: '10.244.1.0/24', controlPlane: false, joinedAfterMin: 52, vtepMAC: '8e:4f:2a:71:c3:d5' },
  { name: 'node02', ip: '192.168.56.12', podCIDR: '10.244.2.0/24', controlPlane: false, joinedAfterMin: 54, vtepMAC: 'd2:93:5b:0e:7a:16' },
  { name: 'node03', ip: '192.168.56.13', podCIDR: '10.244.3.0/24', controlPlane: false, joinedAfterMin: 57, vtepMAC: '3e:c8:61:f4:28:b9' },
];

export const KUBERNETES_SERVICE_IP = '10.96.0.1';
export const DNS_SERVICE_IP = '10.96.0.10';
export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.0';

const MIN = 60_000;

/** `api`: the client the cluster's own components use (ApiServer.internalClient), as kubeadm's are. */
export function bootstrap(cluster: Cluster, api: ApiServer, now: number): void {
  const { clock } = cluster;
  const start = clock.now();
  const at = (ms: number) => clock.advanceTo(start + ms);

  for (const ns of ['default', 'kube-node-lease', 'kube-public', 'kube-system']) {
    api.create('namespaces', undefined, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  }
  // The API server's own Service and its endpoints (the master-count reconciler).
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
  api.create('endpointslices.discovery.k8s.io', 'default', {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: 'kubernetes', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [NODES[0].ip], conditions: { ready: true } }],
    ports: [{ name: 'https', port: 6443, protocol: 'TCP' }],
  });

  const agent = new NodeAgent(api);
  for (const n of NODES) {
    at(n.joinedAfterMin * MIN);
    for (const img of ['registry.k8s.io/pause:3.10', KUBE_PROXY_IMAGE, FLANNEL_IMAGE]) cluster.kubelets.preloadImage(n.name, img);
    const node = api.create('nodes', undefined, nodeObject(n)).object;
    agent.registered(n.name, n.ip);
    if (n.controlPlane) {
      for (const img of [COREDNS_IMAGE, ...CONTROL_PLANE_IMAGES]) cluster.kubelets.preloadImage(n.name, img);
      // kubeadm init: the kubelet mirrors its static pods, then the addons phase installs
      // kube-proxy and CoreDNS; flannel is applied by hand a little later.
      at(30_000);
      // config.seen is RFC3339Nano: when the kubelet read the manifests, just before.
      createControlPlaneMirrorPods(api, node, n.ip, clock.nowRFC3339().replace('Z', '.517318962Z'));
      at(2 * MIN);
      createKubeProxy(api);
      dns(api);
      at(4 * MIN);
      createFlannel(api);
    }
  }
  // Two days of pods coming and going on the workers: their IP allocators have moved on.
  cluster.kubelets.setLastAllocated('node01', 4);
  cluster.kubelets.setLastAllocated('node02', 3);
  cluster.kubelets.setLastAllocated('node03', 5);
  clock.advanceTo(now);
  agent.startHeartbeats(clock, now);
}

function nodeObject(n: NodeSpec): KubeObject {
  const id = fakeSha256(n.name);
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-4${id.slice(13, 16)}-a${id.slice(17, 20)}-${id.slice(20, 32)}`;
  return {
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
      annotations: {
        'flannel.alpha.coreos.com/backend-data': `{"VNI":1,"VtepMAC":"${n.vtepMAC}"}`,
        'flannel.alpha.coreos.com/backend-type': 'vxlan',
        'flannel.alpha.coreos.com/kube-subnet-manager': 'true',
        'flannel.alpha.coreos.com/public-ip': n.ip,
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: n.podCIDR,
      podCIDRs: [n.podCIDR],
      ...(n.controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: n.ip, type: 'InternalIP' },
        { address: n.name, type: 'Hostname' },
      ],
      allocatable: {
        cpu: '2',
        'ephemeral-storage': '28147453169',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '3927772Ki',
        pods: '110',
      },
      capacity: {
        cpu: '2',
        'ephemeral-storage': '30542784Ki',
        'hugepages-1Gi': '0',
        'hugepages-2Mi': '0',
        memory: '4030172Ki',
        pods: '110',
      },
      conditions: [],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: `${id.slice(32, 40)}-${id.slice(40, 44)}-${id.slice(44, 48)}-${id.slice(48, 52)}-${id.slice(52, 64)}`,
        containerRuntimeVersion: 'containerd://1.7.27',
        kernelVersion: '6.8.0-60-generic',
        kubeProxyVersion: '',
        kubeletVersion: 'v1.33.1',
        machineID: fakeSha256(`machine-${n.name}`).slice(0, 32),
        operatingSystem: 'linux',
        osImage: 'Ubuntu 24.04.2 LTS',
        systemUUID: uuid,
      },
    },
  };
}

/** kubeadm's CoreDNS addon: the kube-dns Service and the coredns Deployment (2 replicas). */
function dns(api: ApiServer): void {
  api.create('deployments.apps', 'kube-system', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          containers: [
            {
              name: 'coredns',
              image: COREDNS_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
              readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' }, periodSeconds: 10, successThreshold: 1, failureThreshold: 3, timeoutSeconds: 1 },
              resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
            },
          ],
          dnsPolicy: 'Default',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: [
            { key: 'CriticalAddonsOnly', operator: 'Exists' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' },
          ],
        },
      },
    },
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
