/** The strategy of every kind the API server serves, by store key. */
import type { KindStrategy } from '../strategy.ts';
import { configMapStrategy, eventStrategy, eventsV1Strategy, leaseStrategy, nodeStrategy, secretStrategy, serviceAccountStrategy } from './config.ts';
import { endpointsStrategy } from './endpoints.ts';
import { endpointSliceStrategy } from './endpointslice.ts';
import { namespaceStrategy } from './namespace.ts';
import { podStrategy } from './pod.ts';
import { serviceStrategy } from './service.ts';
import { daemonSetStrategy, deploymentStrategy, replicaSetStrategy, replicationControllerStrategy } from './workloads.ts';

export const STRATEGIES: Record<string, KindStrategy> = {
  services: serviceStrategy,
  endpoints: endpointsStrategy,
  'endpointslices.discovery.k8s.io': endpointSliceStrategy,
  pods: podStrategy,
  'daemonsets.apps': daemonSetStrategy,
  'deployments.apps': deploymentStrategy,
  'replicasets.apps': replicaSetStrategy,
  replicationcontrollers: replicationControllerStrategy,
  nodes: nodeStrategy,
  namespaces: namespaceStrategy,
  configmaps: configMapStrategy,
  secrets: secretStrategy,
  serviceaccounts: serviceAccountStrategy,
  'leases.coordination.k8s.io': leaseStrategy,
  events: eventStrategy,
  'events.events.k8s.io': eventsV1Strategy,
};
