/**
 * A simulated cluster: the API server, the controllers, one clock and one random source, wired
 * together. A fresh cluster looks like a small kubeadm cluster two days old.
 */
import { ApiServer } from './api/apiserver.ts';
import { Clock } from './clock.ts';
import { EndpointsController } from './controllers/endpoints.ts';
import { ControllerManager } from './controllers/manager.ts';
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

  constructor(opts: ClusterOptions = {}) {
    const now = opts.now ?? DEFAULT_START;
    this.clock = new Clock(now - CLUSTER_AGE_MS);
    this.random = new Random(opts.seed ?? 1);
    this.api = new ApiServer(this.clock, this.random);
    this.controllers = new ControllerManager(this.api);
    this.controllers.add(new EndpointsController(this.api));
    bootstrap(this);
    this.clock.advanceTo(now);
  }

  /** Let simulated time pass (`sleep N` in the shell), running what falls due. */
  advance(seconds: number): void {
    this.clock.advance(seconds * 1000);
  }
}
