/** The table printer of each kind (printers.go AddHandlers). */
import type { KindTablePrinter } from './columns.ts';
import { configMapPrinter } from './configmap.ts';
import { daemonSetPrinter } from './daemonset.ts';
import { deploymentPrinter } from './deployment.ts';
import { endpointSlicePrinter } from './endpointslice.ts';
import { endpointsPrinter } from './endpoints.ts';
import { eventPrinter } from './event.ts';
import { leasePrinter } from './lease.ts';
import { namespacePrinter } from './namespace.ts';
import { nodePrinter } from './node.ts';
import { podPrinter } from './pod.ts';
import { replicaSetPrinter, replicationControllerPrinter } from './replicaset.ts';
import { secretPrinter } from './secret.ts';
import { serviceAccountPrinter } from './serviceaccount.ts';
import { servicePrinter } from './service.ts';

export const TABLE_PRINTERS: Record<string, KindTablePrinter> = {
  Pod: podPrinter,
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  EndpointSlice: endpointSlicePrinter,
  DaemonSet: daemonSetPrinter,
  Deployment: deploymentPrinter,
  ReplicaSet: replicaSetPrinter,
  ReplicationController: replicationControllerPrinter,
  Node: nodePrinter,
  Namespace: namespacePrinter,
  ConfigMap: configMapPrinter,
  Secret: secretPrinter,
  ServiceAccount: serviceAccountPrinter,
  Event: eventPrinter,
  Lease: leasePrinter,
};
