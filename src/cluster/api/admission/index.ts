/** The strategy of every kind the API server serves, by store key. */
import type { KindStrategy } from '../strategy.ts';
import { serviceStrategy } from './service.ts';

export const STRATEGIES: Record<string, KindStrategy> = {
  services: serviceStrategy,
  endpoints: {
    requestWarnings: ['v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice'],
  },
  pods: { hasStatusSubresource: true, hasGeneration: true },
  'deployments.apps': { hasStatusSubresource: true, hasGeneration: true },
  'replicasets.apps': { hasStatusSubresource: true, hasGeneration: true },
  replicationcontrollers: { hasStatusSubresource: true, hasGeneration: true },
  nodes: { hasStatusSubresource: true },
  namespaces: { hasStatusSubresource: true },
};
