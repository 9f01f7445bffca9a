/**
 * Runs the controllers as a real kube-controller-manager would, but synchronously: every write
 * to the API server queues work for the controllers that watch it, and the queue is drained to a
 * fixed point before the writing call returns. Controllers are ordinary API clients.
 */
import type { ApiServer, WatchEvent } from '../api/apiserver.ts';

export interface Controller {
  readonly name: string;
  /** Called for every write in the cluster; returns true when the controller has work to do. */
  observe(event: WatchEvent): void;
  /** Does queued work; returns true if it did anything (it may have written objects). */
  sync(): boolean;
}

/** Guards against controllers that keep undoing each other. */
const MAX_ROUNDS = 1000;

export class ControllerManager {
  private settling = false;
  private readonly controllers: Controller[] = [];

  constructor(private readonly api: ApiServer) {
    api.watch(undefined, undefined, (event) => {
      for (const c of this.controllers) c.observe(event);
      this.settle();
    });
  }

  add(controller: Controller): void {
    this.controllers.push(controller);
  }

  /** Run every controller until none has work left. Re-entrant calls (writes made by controllers) return at once. */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        let busy = false;
        for (const c of this.controllers) if (c.sync()) busy = true;
        if (!busy) return;
      }
      throw new Error('controllers did not settle');
    } finally {
      this.settling = false;
    }
  }
}
