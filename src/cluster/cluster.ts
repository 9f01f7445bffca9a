/**
 * A simulated cluster: the API server, the controllers, one clock and one random source, wired
 * together. A fresh cluster looks like a small kubeadm cluster two days old.
 */
import { ApiServer } from './api/apiserver.ts';
import { Clock } from './clock.ts';
import { ObjectCache } from './controllers/cache.ts';
import type { ControllerContext } from './controllers/context.ts';
import { DaemonSetController } from './controllers/daemonset.ts';
import { DeploymentController } from './controllers/deployment.ts';
import { EndpointsController } from './controllers/endpoints.ts';
import { EndpointSliceController } from './controllers/endpointslice.ts';
import { EventRecorder } from './controllers/events.ts';
import { GarbageCollector, NamespaceController } from './controllers/gc.ts';
import { Kubelets } from './controllers/kubelet.ts';
import { ControllerManager } from './controllers/manager.ts';
import { EndpointSliceMirroringController } from './controllers/mirroring.ts';
import { ReplicationManager } from './controllers/replication.ts';
import { ContainerRuntime, type RuntimeView } from './controllers/runtime.ts';
import { Scheduler } from './controllers/scheduler.ts';
import { Network } from './network/network.ts';
import { Random } from './random.ts';
import { bootstrap } from './bootstrap.ts';

export interface ClusterOptions {
  /** Seed of the random source: names, IPs, endpoint choices. */
  seed?: number;
  /** The simulated time at which the cluster is handed to the learner (ms since epoch). */
  now?: number;
}

/** Tests and the headless shell start here, so transcripts do not depend on the day they run. */
export const DEFAULT_START = Date.UTC(2026, 10, 26, 4, 0, 0);
/** How old the cluster is when the learner arrives. */
export const CLUSTER_AGE_MS = 2 * 24 * 3600 * 1000 + 3 * 3600 * 1000;

export class Cluster {
  readonly clock: Clock;
  readonly random: Random;
  readonly api: ApiServer;
  readonly controllers: ControllerManager;
  /** What the container runtime knows (process environments...): read by `kubectl exec`. */
  readonly runtime: RuntimeView;
  /** The kubelets of all nodes (bootstrap preloads images through it). */
  readonly kubelets: Kubelets;
  /** The data plane: kube-proxy, cluster DNS, the outside world, the apps' logs (`kubectl exec`, `kubectl logs`). */
  readonly network: Network;

  constructor(opts: ClusterOptions = {}) {
    const now = opts.now ?? DEFAULT_START;
    this.clock = new Clock(now - CLUSTER_AGE_MS);
    this.random = new Random(opts.seed ?? 1);
    this.api = new ApiServer(this.clock, this.random);
    // The informer cache must see each write before any controller does.
    const cache = new ObjectCache(this.api);
    // The control plane's components write through the internal client: what they build is
    // copied, not strictly decoded (ApiServer.internalClient).
    const internal = this.api.internalClient();
    const ctx: ControllerContext = { api: internal, cache, recorder: new EventRecorder(internal) };
    const runtime = new ContainerRuntime();
    this.runtime = runtime;
    this.controllers = new ControllerManager(this.api);
    this.kubelets = new Kubelets(ctx, this.clock, this.random, runtime);
    this.controllers.add(new Scheduler(ctx, this.clock, this.random));
    this.controllers.add(this.kubelets);
    this.controllers.add(ReplicationManager.replicaSets(ctx, this.clock));
    this.controllers.add(ReplicationManager.replicationControllers(ctx, this.clock));
    this.controllers.add(new DeploymentController(ctx, this.clock));
    this.controllers.add(new DaemonSetController(ctx, this.clock));
    this.controllers.add(new EndpointsController(ctx));
    this.controllers.add(new EndpointSliceController(ctx));
    this.controllers.add(new EndpointSliceMirroringController(ctx));
    this.controllers.add(new GarbageCollector(ctx));
    this.controllers.add(new NamespaceController(ctx, this.clock));
    this.network = new Network(this.api, this.clock, this.random, runtime);
    bootstrap(this, internal, now);
  }

  /** Let simulated time pass (`sleep N` in the shell), running what falls due. */
  advance(seconds: number): void {
    this.clock.advance(seconds * 1000);
  }
}
