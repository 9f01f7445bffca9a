/**
 * The resources this API server serves, as discovery describes them (`kubectl api-resources`).
 * kubectl resolves what a learner types (`svc`, `endpoints`, `deploy.apps`) against this list,
 * exactly as the real one resolves against the server's discovery documents.
 */
export interface ResourceInfo {
  /** Plural, lower case: the path segment and the key everything else uses. */
  resource: string;
  singular: string;
  kind: string;
  group: string; // '' for the core group
  version: string;
  namespaced: boolean;
  shortNames: string[];
  verbs: string[];
  /** Categories, e.g. `all` for `kubectl get all`. */
  categories: string[];
}

const rw = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

function r(
  resource: string,
  singular: string,
  kind: string,
  group: string,
  version: string,
  namespaced: boolean,
  shortNames: string[] = [],
  categories: string[] = [],
  verbs: string[] = rw,
): ResourceInfo {
  return { resource, singular, kind, group, version, namespaced, shortNames, verbs, categories };
}

/** In the order a real v1.33 API server's discovery lists them (core group first). */
export const RESOURCES: readonly ResourceInfo[] = [
  r('configmaps', 'configmap', 'ConfigMap', '', 'v1', true, ['cm']),
  r('endpoints', 'endpoints', 'Endpoints', '', 'v1', true, ['ep']),
  r('events', 'event', 'Event', '', 'v1', true, ['ev']),
  r('namespaces', 'namespace', 'Namespace', '', 'v1', false, ['ns'], [], ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch']),
  r('nodes', 'node', 'Node', '', 'v1', false, ['no']),
  r('pods', 'pod', 'Pod', '', 'v1', true, ['po'], ['all']),
  r('replicationcontrollers', 'replicationcontroller', 'ReplicationController', '', 'v1', true, ['rc'], ['all']),
  r('secrets', 'secret', 'Secret', '', 'v1', true),
  r('serviceaccounts', 'serviceaccount', 'ServiceAccount', '', 'v1', true, ['sa']),
  r('services', 'service', 'Service', '', 'v1', true, ['svc'], ['all'], ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch']),
  r('daemonsets', 'daemonset', 'DaemonSet', 'apps', 'v1', true, ['ds'], ['all']),
  r('deployments', 'deployment', 'Deployment', 'apps', 'v1', true, ['deploy'], ['all']),
  r('replicasets', 'replicaset', 'ReplicaSet', 'apps', 'v1', true, ['rs'], ['all']),
  r('leases', 'lease', 'Lease', 'coordination.k8s.io', 'v1', true),
  r('endpointslices', 'endpointslice', 'EndpointSlice', 'discovery.k8s.io', 'v1', true),
  r('events', 'event', 'Event', 'events.k8s.io', 'v1', true, ['ev']),
];

/** The resources the store keeps, by key (`services`, `deployments.apps`...). */
export function resourceKey(info: Pick<ResourceInfo, 'resource' | 'group'>): string {
  return info.group ? `${info.resource}.${info.group}` : info.resource;
}

export function apiVersionOf(info: Pick<ResourceInfo, 'group' | 'version'>): string {
  return info.group ? `${info.group}/${info.version}` : info.version;
}

const byKey = new Map<string, ResourceInfo>();
for (const info of RESOURCES) byKey.set(resourceKey(info), info);

/** Look up a served resource by its key: `services`, `endpointslices.discovery.k8s.io`. */
export function resourceInfo(key: string): ResourceInfo | undefined {
  return byKey.get(key);
}

/** The resource serving a kind in an apiVersion (`v1` + `Service`), as a REST mapper finds it. */
export function resourceForKind(apiVersion: string, kind: string): ResourceInfo | undefined {
  return RESOURCES.find((info) => apiVersionOf(info) === apiVersion && info.kind === kind);
}
