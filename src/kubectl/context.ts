/**
 * What kubectl runs against: the cluster's API (as a REST client would see it), the shell's
 * file system for -f, the clock for AGE columns, and the kubeconfig context's namespace.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { Kubeconfig } from './kubeconfig.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { CommandIO } from '../shell/io.ts';

/** The kubelet side of `kubectl exec` and `kubectl logs` (the pod network issue fills it in). */
export interface PodRuntime {
  /** Run a command in a container; resolves with its exit code. Throws ApiError for API errors. */
  exec(namespace: string, pod: string, container: string | undefined, argv: string[], io: CommandIO, opts: { stdin: boolean; tty: boolean }): Promise<number>;
  logs(namespace: string, pod: string, container: string | undefined, opts: { previous?: boolean; tail?: number; timestamps?: boolean }): string;
  /**
   * Attach to a container's main process (`kubectl run -i/--attach`): its output streams to `io`
   * (and stdin feeds it) until it ends; resolves with its exit code, or null when the command
   * was interrupted first (a server that never ends).
   */
  attach?(namespace: string, pod: string, container: string, io: CommandIO, opts: { stdin: boolean; tty: boolean }): Promise<number | null>;
}

/**
 * Wait until `done()` holds, for at most `timeoutMs` of cluster time; resolves whether it held.
 * The page waits in real time (the clock follows it); the headless shell and tests advance the
 * virtual clock while a command waits.
 */
export type WaitFor = (done: () => boolean, timeoutMs: number, signal: AbortSignal) => Promise<boolean>;

export interface KubectlContext {
  api: ApiServer;
  fs: VirtualFS;
  /** The local clock kubectl reads (AGE is now - creationTimestamp). */
  now(): number;
  /** Namespace of the current kubeconfig context. */
  namespace: string;
  /** The kubeconfig (`kubectl config ...` reads and changes it); the shell keeps it across commands. */
  kubeconfig?: Kubeconfig;
  runtime?: PodRuntime;
  /** How waiting commands (delete --wait, rollout status, wait) let time pass. */
  waitFor?: WaitFor;
  /** Move the cluster's clock forward (used by the default `waitFor`). */
  advance?(ms: number): void;
}

/** Wait through the context's `waitFor`, or by advancing its clock one second at a time. */
export async function waitFor(ctx: KubectlContext, done: () => boolean, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
  if (ctx.waitFor) return ctx.waitFor(done, timeoutMs, signal);
  const start = ctx.now();
  for (;;) {
    if (done()) return true;
    if (signal.aborted || !ctx.advance || ctx.now() - start >= timeoutMs) return false;
    ctx.advance(Math.min(1000, timeoutMs - (ctx.now() - start)));
    await Promise.resolve();
  }
}
