/**
 * What kubectl runs against: the cluster's API (as a REST client would see it), the shell's
 * file system for -f, the clock for AGE columns, and the kubeconfig context's namespace.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { CommandIO } from '../shell/io.ts';

/** The kubelet side of `kubectl exec` and `kubectl logs` (the pod network issue fills it in). */
export interface PodRuntime {
  /** Run a command in a container; resolves with its exit code. Throws ApiError for API errors. */
  exec(namespace: string, pod: string, container: string | undefined, argv: string[], io: CommandIO, opts: { stdin: boolean; tty: boolean }): Promise<number>;
  logs(namespace: string, pod: string, container: string | undefined, opts: { previous?: boolean; tail?: number; timestamps?: boolean }): string;
}

export interface KubectlContext {
  api: ApiServer;
  fs: VirtualFS;
  /** The local clock kubectl reads (AGE is now - creationTimestamp). */
  now(): number;
  /** Namespace of the current kubeconfig context. */
  namespace: string;
  runtime?: PodRuntime;
}
