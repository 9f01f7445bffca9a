/**
 * The system pods of the bootstrapped kubeadm cluster besides CoreDNS, as `kubectl get pods -A`
 * shows them on a real one:
 * - the control plane's static pods on `controlplane` (etcd, kube-apiserver,
 *   kube-controller-manager, kube-scheduler), which the kubelet runs from
 *   /etc/kubernetes/manifests and mirrors into the API (kubelet/pod/mirror_client.go): the
 *   `kubernetes.io/config.*` annotations and the Node as controller owner;
 * - the kube-proxy DaemonSet kubeadm installs (cmd/kubeadm/app/phases/addons/proxy), and the
 *   kube-flannel DaemonSet of flannel's kube-flannel.yml in its own namespace; the DaemonSet
 *   controller then puts one pod on each node as it joins.
 *
 * Trimmed where nothing shows it: flannel's two init containers (install-cni-plugin,
 * install-cni) are left out because the simulated kubelet does not run init containers, and the
 * ConfigMaps and ServiceAccounts these pods name are not created.
 */
import type { ApiServer } from './api/apiserver.ts';
import type { KubeObject } from './api/types.ts';
import { fakeSha256 } from './controllers/images.ts';

export const KUBERNETES_VERSION = 'v1.33.1';
export const KUBE_PROXY_IMAGE = `registry.k8s.io/kube-proxy:${KUBERNETES_VERSION}`;
export const FLANNEL_IMAGE = 'docker.io/flannel/flannel:v0.26.7';
export const CONTROL_PLANE_IMAGES = [
  'registry.k8s.io/etcd:3.5.21-0',
  `registry.k8s.io/kube-apiserver:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${KUBERNETES_VERSION}`,
  `registry.k8s.io/kube-scheduler:${KUBERNETES_VERSION}`,
];

type Obj = Record<string, unknown>;

const hostPath = (name: string, path: string, type?: string): Obj => ({ name, hostPath: { path, ...(type ? { type } : {}) } });
const mount = (name: string, mountPath: string, readOnly = false): Obj => ({ mountPath, name, ...(readOnly ? { readOnly: true } : {}) });
const httpProbe = (path: string, port: number, scheme: string, extra: Obj): Obj => ({
  httpGet: { host: '127.0.0.1', path, port, scheme },
  ...extra,
});

interface StaticPod {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  probePort: number;
  probeScheme: string;
  readyPath?: string;
  mounts: Obj[];
  volumes: Obj[];
  annotations?: Record<string, string>;
}

function staticPods(ip: string): StaticPod[] {
  const pki = [mount('ca-certs', '/etc/ssl/certs', true), mount('k8s-certs', '/etc/kubernetes/pki', true)];
  const pkiVolumes = [hostPath('ca-certs', '/etc/ssl/certs', 'DirectoryOrCreate'), hostPath('k8s-certs', '/etc/kubernetes/pki', 'DirectoryOrCreate')];
  return [
    {
      component: 'etcd',
      image: CONTROL_PLANE_IMAGES[0],
      command: [
        'etcd',
        `--advertise-client-urls=https://${ip}:2379`,
        '--cert-file=/etc/kubernetes/pki/etcd/server.crt',
        '--client-cert-auth=true',
        '--data-dir=/var/lib/etcd',
        '--experimental-initial-corrupt-check=true',
        '--experimental-watch-progress-notify-interval=5s',
        `--initial-advertise-peer-urls=https://${ip}:2380`,
        `--initial-cluster=controlplane=https://${ip}:2380`,
        '--key-file=/etc/kubernetes/pki/etcd/server.key',
        `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`,
        '--listen-metrics-urls=http://127.0.0.1:2381',
        `--listen-peer-urls=https://${ip}:2380`,
        '--name=controlplane',
        '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt',
        '--peer-client-cert-auth=true',
        '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key',
        '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
        '--snapshot-count=10000',
        '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt',
      ],
      cpu: '100m',
      memory: '100Mi',
      probePort: 2381,
      probeScheme: 'HTTP',
      readyPath: '/readyz',
      mounts: [mount('etcd-data', '/var/lib/etcd'), mount('etcd-certs', '/etc/kubernetes/pki/etcd')],
      volumes: [hostPath('etcd-certs', '/etc/kubernetes/pki/etcd', 'DirectoryOrCreate'), hostPath('etcd-data', '/var/lib/etcd', 'DirectoryOrCreate')],
      annotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      component: 'kube-apiserver',
      image: CONTROL_PLANE_IMAGES[1],
      command: [
        'kube-apiserver',
        `--advertise-address=${ip}`,
        '--allow-privileged=true',
        '--authorization-mode=Node,RBAC',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--enable-admission-plugins=NodeRestriction',
        '--enable-bootstrap-token-auth=true',
        '--etcd-servers=https://127.0.0.1:2379',
        '--secure-port=6443',
        '--service-account-issuer=https://kubernetes.default.svc.cluster.local',
        '--service-account-key-file=/etc/kubernetes/pki/sa.pub',
        '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt',
        '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key',
      ],
      cpu: '250m',
      probePort: 6443,
      probeScheme: 'HTTPS',
      readyPath: '/readyz',
      mounts: pki,
      volumes: pkiVolumes,
      annotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      component: 'kube-controller-manager',
      image: CONTROL_PLANE_IMAGES[2],
      command: [
        'kube-controller-manager',
        '--allocate-node-cidrs=true',
        '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--bind-address=127.0.0.1',
        '--client-ca-file=/etc/kubernetes/pki/ca.crt',
        '--cluster-cidr=10.244.0.0/16',
        '--cluster-name=kubernetes',
        '--controllers=*,bootstrapsigner,tokencleaner',
        '--kubeconfig=/etc/kubernetes/controller-manager.conf',
        '--leader-elect=true',
        '--service-cluster-ip-range=10.96.0.0/12',
        '--use-service-account-credentials=true',
      ],
      cpu: '200m',
      probePort: 10257,
      probeScheme: 'HTTPS',
      mounts: pki,
      volumes: pkiVolumes,
    },
    {
      component: 'kube-scheduler',
      image: CONTROL_PLANE_IMAGES[3],
      command: [
        'kube-scheduler',
        '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf',
        '--bind-address=127.0.0.1',
        '--kubeconfig=/etc/kubernetes/scheduler.conf',
        '--leader-elect=true',
      ],
      cpu: '100m',
      probePort: 10259,
      probeScheme: 'HTTPS',
      readyPath: '/readyz',
      mounts: [mount('kubeconfig', '/etc/kubernetes/scheduler.conf', true)],
      volumes: [hostPath('kubeconfig', '/etc/kubernetes/scheduler.conf', 'FileOrCreate')],
    },
  ];
}

/** The mirror pods the control-plane kubelet writes for its static pods. */
export function createControlPlaneMirrorPods(api: ApiServer, node: KubeObject, ip: string, seenAt: string): void {
  for (const p of staticPods(ip)) {
    const hash = fakeSha256(`static-pod/${p.component}`).slice(0, 32);
    const livez = p.component === 'kube-controller-manager' || p.component === 'kube-scheduler' ? '/healthz' : '/livez';
    const container: Obj = {
      command: p.command,
      image: p.image,
      imagePullPolicy: 'IfNotPresent',
      livenessProbe: httpProbe(p.component === 'etcd' ? '/livez' : livez, p.probePort, p.probeScheme, {
        failureThreshold: 8,
        initialDelaySeconds: 10,
        periodSeconds: 10,
        timeoutSeconds: 15,
      }),
      name: p.component,
      ...(p.readyPath
        ? { readinessProbe: httpProbe(p.readyPath, p.probePort, p.probeScheme, { failureThreshold: 3, periodSeconds: 1, timeoutSeconds: 15 }) }
        : {}),
      resources: { requests: { cpu: p.cpu, ...(p.memory ? { memory: p.memory } : {}) } },
      startupProbe: httpProbe(p.component === 'etcd' ? '/readyz' : livez, p.probePort, p.probeScheme, {
        failureThreshold: 24,
        initialDelaySeconds: 10,
        periodSeconds: 10,
        timeoutSeconds: 15,
      }),
      volumeMounts: p.mounts,
    };
    api.create('pods', 'kube-system', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${p.component}-${node.metadata.name}`,
        labels: { component: p.component, tier: 'control-plane' },
        annotations: {
          ...p.annotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': seenAt,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: node.metadata.name!, uid: node.metadata.uid! }],
      },
      spec: {
        containers: [container],
        hostNetwork: true,
        nodeName: node.metadata.name,
        priorityClassName: 'system-node-critical',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
        volumes: p.volumes,
      },
    });
  }
}

/** kubeadm's kube-proxy addon: a DaemonSet on every node (it tolerates every taint). */
export function createKubeProxy(api: ApiServer): void {
  api.create('daemonsets.apps', 'kube-system', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          containers: [
            {
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }],
              image: KUBE_PROXY_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              name: 'kube-proxy',
              securityContext: { privileged: true },
              volumeMounts: [mount('kube-proxy', '/var/lib/kube-proxy'), mount('xtables-lock', '/run/xtables.lock'), mount('lib-modules', '/lib/modules', true)],
            },
          ],
          hostNetwork: true,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ operator: 'Exists' }],
          volumes: [
            { configMap: { name: 'kube-proxy' }, name: 'kube-proxy' },
            hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
            hostPath('lib-modules', '/lib/modules'),
          ],
        },
      },
      updateStrategy: { type: 'RollingUpdate' },
    },
  });
}

/** flannel's kube-flannel.yml: its namespace and the kube-flannel-ds DaemonSet. */
export function createFlannel(api: ApiServer): void {
  api.create('namespaces', undefined, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: 'kube-flannel',
      labels: { 'k8s-app': 'flannel', 'kubernetes.io/metadata.name': 'kube-flannel', 'pod-security.kubernetes.io/enforce': 'privileged' },
    },
    spec: { finalizers: ['kubernetes'] },
  });
  const fieldEnv = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
  api.create('daemonsets.apps', 'kube-flannel', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-flannel-ds', labels: { app: 'flannel', 'k8s-app': 'flannel', tier: 'node' } },
    spec: {
      selector: { matchLabels: { app: 'flannel' } },
      template: {
        metadata: { labels: { app: 'flannel', tier: 'node' } },
        spec: {
          affinity: {
            nodeAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: {
                nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/os', operator: 'In', values: ['linux'] }] }],
              },
            },
          },
          containers: [
            {
              args: ['--ip-masq', '--kube-subnet-mgr'],
              command: ['/opt/bin/flanneld'],
              env: [fieldEnv('POD_NAME', 'metadata.name'), fieldEnv('POD_NAMESPACE', 'metadata.namespace'), { name: 'EVENT_QUEUE_DEPTH', value: '5000' }],
              image: FLANNEL_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              name: 'kube-flannel',
              resources: { requests: { cpu: '100m', memory: '50Mi' } },
              securityContext: { capabilities: { add: ['NET_ADMIN', 'NET_RAW'] }, privileged: false },
              volumeMounts: [mount('run', '/run/flannel'), mount('flannel-cfg', '/etc/kube-flannel/'), mount('xtables-lock', '/run/xtables.lock')],
            },
          ],
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'flannel',
          tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
          volumes: [
            hostPath('run', '/run/flannel'),
            hostPath('cni-plugin', '/opt/cni/bin'),
            hostPath('cni', '/etc/cni/net.d'),
            { configMap: { name: 'kube-flannel-cfg' }, name: 'flannel-cfg' },
            hostPath('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
          ],
        },
      },
    },
  });
}
