/**
 * kubectl describe's describers (staging/src/k8s.io/kubectl/pkg/describe/describe.go), one per
 * kind. Each writes its whole output through one describe tabwriter, as tabbedString does.
 */
import type { ApiServer } from '../../cluster/api/apiserver.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { describeConfigMap, describeNamespace, describeSecret, describeServiceAccount } from './misc.ts';
import { describeNode } from './node.ts';
import { describePod } from './pod.ts';
import { describeEndpoints, describeEndpointSlice, describeService } from './service.ts';
import { describeDaemonSet, describeDeployment, describeReplicaSet, describeReplicationController } from './workloads.ts';

export interface DescribeContext {
  api: ApiServer;
  now: number;
  /** Collects API warnings of the requests a describer makes. */
  warn(w: readonly string[]): void;
  showEvents: boolean;
}

export type Describer = (obj: KubeObject, ctx: DescribeContext) => string;

/** By `group/Kind` (core group: `/Kind`), as describerMap keys on GroupKind. */
export const DESCRIBERS: Record<string, Describer> = {
  '/Service': describeService,
  '/Endpoints': describeEndpoints,
  'discovery.k8s.io/EndpointSlice': describeEndpointSlice,
  '/Pod': describePod,
  '/ReplicationController': describeReplicationController,
  'apps/ReplicaSet': describeReplicaSet,
  'apps/Deployment': describeDeployment,
  'apps/DaemonSet': describeDaemonSet,
  '/Node': describeNode,
  '/Namespace': describeNamespace,
  '/ConfigMap': describeConfigMap,
  '/Secret': describeSecret,
  '/ServiceAccount': describeServiceAccount,
};

export function describerFor(group: string, kind: string): Describer | undefined {
  return DESCRIBERS[`${group}/${kind}`];
}
