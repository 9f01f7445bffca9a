/**
 * The kubeconfig kubectl reads (client-go clientcmd), as kubeadm writes admin.conf: one cluster
 * `kubernetes`, one user `kubernetes-admin`, one context `kubernetes-admin@kubernetes`. The shell
 * keeps one instance across commands, so `kubectl config set-context --current --namespace=X`
 * changes the namespace later commands use.
 */
export interface KubeconfigCluster {
  name: string;
  cluster: { server: string; 'certificate-authority-data'?: string };
}
export interface KubeconfigContext {
  name: string;
  context: { cluster: string; user: string; namespace?: string };
}
export interface KubeconfigUser {
  name: string;
  user: { 'client-certificate-data'?: string; 'client-key-data'?: string; token?: string };
}
export interface Kubeconfig {
  clusters: KubeconfigCluster[];
  contexts: KubeconfigContext[];
  users: KubeconfigUser[];
  'current-context': string;
}

/** The control plane's address (the first node, as kubeadm init advertises it). */
export const API_SERVER_URL = 'https://192.168.56.10:6443';

// Stand-ins for kubeadm's PEM blocks, base64 as in admin.conf (never printed without --raw).
const CA = btoa('-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIKubeLabCA\n-----END CERTIFICATE-----\n');
const CERT = btoa('-----BEGIN CERTIFICATE-----\nMIIDKTCCAhGgAwIBAgIIKubeLabAdmin\n-----END CERTIFICATE-----\n');
const KEY = btoa('-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAKubeLabKey\n-----END RSA PRIVATE KEY-----\n');

export function kubeadmKubeconfig(): Kubeconfig {
  return {
    clusters: [{ name: 'kubernetes', cluster: { 'certificate-authority-data': CA, server: API_SERVER_URL } }],
    contexts: [{ name: 'kubernetes-admin@kubernetes', context: { cluster: 'kubernetes', user: 'kubernetes-admin' } }],
    users: [{ name: 'kubernetes-admin', user: { 'client-certificate-data': CERT, 'client-key-data': KEY } }],
    'current-context': 'kubernetes-admin@kubernetes',
  };
}

export function currentContext(kc: Kubeconfig, override?: string): KubeconfigContext | undefined {
  const name = override || kc['current-context'];
  return kc.contexts.find((c) => c.name === name);
}

/** The namespace kubectl uses when no -n is given: the context's, else `default`. */
export function kubeconfigNamespace(kc: Kubeconfig, contextOverride?: string): string {
  return currentContext(kc, contextOverride)?.context.namespace || 'default';
}

/** The server URL of the current context's cluster. */
export function serverURL(kc: Kubeconfig, contextOverride?: string): string {
  const ctx = currentContext(kc, contextOverride);
  return kc.clusters.find((c) => c.name === ctx?.context.cluster)?.cluster.server ?? API_SERVER_URL;
}
