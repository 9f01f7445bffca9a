/**
 * The kubelet's streaming side of `kubectl exec` and `kubectl logs` over the simulated cluster:
 * finds the container, checks it runs, starts the program in it (a tool of the image, or its
 * shell), and reads container logs. Errors carry the texts kubectl prints for them.
 */
import { notFound } from '../../cluster/api/errors.ts';
import { ApiError } from '../../cluster/api/errors.ts';
import type { Pod } from '../../cluster/api/types.ts';
import type { Cluster } from '../../cluster/cluster.ts';
import { parseRFC3339 } from '../../cluster/clock.ts';
import type { PodRuntime } from '../../kubectl/context.ts';
import type { CommandIO } from '../io.ts';
import type { PodContext } from './context.ts';
import { profileForImage } from './images.ts';
import { resolveImage } from '../../cluster/controllers/images.ts';
import { findProgram, runShell } from './podshell.ts';

export type Sleep = (seconds: number, signal: AbortSignal) => Promise<void>;

export interface LogOptions {
  previous?: boolean;
  tail?: number;
  timestamps?: boolean;
}

function badRequest(message: string): ApiError {
  return new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason: 'BadRequest', code: 400 });
}

/** RFC 3339 with nanoseconds, as the kubelet stamps log lines (`--timestamps`). */
function nanoStamp(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
}

export class ClusterPodRuntime implements PodRuntime {
  constructor(
    private readonly cluster: Cluster,
    private readonly sleep: Sleep,
  ) {}

  private pod(namespace: string, name: string): Pod {
    const pod = this.cluster.api.peek('pods', namespace, name) as Pod | undefined;
    if (!pod) throw notFound('pods', '', name);
    return pod;
  }

  async exec(namespace: string, podName: string, container: string | undefined, argv: string[], io: CommandIO, opts: { stdin: boolean; tty: boolean }): Promise<number> {
    const pod = this.pod(namespace, podName);
    const name = container ?? pod.spec.containers[0]?.name;
    const spec = pod.spec.containers.find((c) => c.name === name);
    // The API server checks the container name (pkg/registry/core/pod/strategy.go); the
    // rejected upgrade reaches kubectl through the SPDY fallback.
    if (!spec) throw new Error(`unable to upgrade connection: container ${name} is not valid for pod ${podName}`);
    const runtime = this.cluster.runtime;
    if (!runtime.isRunning(namespace, podName, name)) throw new Error(`Internal error occurred: unable to upgrade connection: container not found ("${name}")`);
    const env = [...(runtime.containerEnv(namespace, podName, name) ?? [])];
    const profile = profileForImage(spec.image ?? '');
    const podIP = pod.status?.podIP ?? '';
    const ctx: PodContext = {
      network: this.cluster.network,
      runtime,
      clock: this.cluster.clock,
      pod,
      namespace,
      container: name,
      profile,
      env,
      client: { ip: podIP, nodeName: pod.spec.nodeName ?? '', pod: { namespace, name: podName } },
      hostname: podName,
      podIP,
      cwd: profile.cwd,
      files: new Map(),
      sleep: this.sleep,
    };
    const prog = findProgram(ctx, argv[0]);
    if (prog === undefined) {
      const id = this.cluster.random.hex(64);
      throw new Error(
        `Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "${id}": OCI runtime exec failed: exec failed: unable to start container process: exec: "${argv[0]}": executable file not found in $PATH: unknown`,
      );
    }
    // With a TTY the remote side has one stream: stderr arrives on stdout.
    const streams: CommandIO = {
      stdout: (t) => io.stdout(t),
      stderr: opts.tty ? (t) => io.stdout(t) : (t) => io.stderr(t),
      stdin: opts.stdin ? io.stdin : '',
      signal: io.signal,
      tty: opts.tty,
      readLine: opts.stdin && opts.tty ? io.readLine : undefined,
      columns: io.columns,
    };
    if (prog === 'shell') return runShell(ctx, argv[0], argv.slice(1), streams);
    return await prog(argv.slice(1), streams, ctx);
  }

  /**
   * The container's main process, as an attached client sees it: the command and arguments of
   * its spec run like an exec'd program (an image's shell when there are none, for images whose
   * default process is a shell); when it returns, the container exits with its code. An image
   * whose default process is a server prints nothing and runs until the client is interrupted.
   */
  async attach(namespace: string, podName: string, container: string, io: CommandIO, opts: { stdin: boolean; tty: boolean }): Promise<number | null> {
    const pod = this.pod(namespace, podName);
    const spec = pod.spec.containers.find((c) => c.name === container);
    let argv = [...((spec?.command as string[] | undefined) ?? []), ...((spec?.args as string[] | undefined) ?? [])];
    if (argv.length === 0) {
      const profile = profileForImage(spec?.image ?? '');
      if (!resolveImage(spec?.image ?? '').behaviour?.exitsWithoutCommand || !profile.shells.includes('sh')) {
        await new Promise<void>((resolve) => {
          if (io.signal.aborted) return resolve();
          io.signal.addEventListener('abort', () => resolve(), { once: true });
        });
        return null;
      }
      argv = ['sh'];
    }
    let code: number;
    try {
      code = await this.exec(namespace, podName, container, argv, io, opts);
    } catch {
      // The runtime could not start the program (not in the image): the container fails to run.
      code = 128;
    }
    if (io.signal.aborted) return null;
    this.cluster.runtime.endProcess(namespace, podName, container, code);
    return code;
  }

  logs(namespace: string, podName: string, container: string | undefined, opts: LogOptions): string {
    const pod = this.pod(namespace, podName);
    const name = container ?? pod.spec.containers[0]?.name;
    const spec = pod.spec.containers.find((c) => c.name === name);
    if (!spec) throw badRequest(`container ${name} is not valid for pod ${podName}`);
    const status = pod.status?.containerStatuses?.find((s) => s.name === name);
    let instance: number;
    let startedAt: number | undefined;
    if (opts.previous) {
      const last = status?.lastState?.terminated;
      if (!status || !last) throw badRequest(`previous terminated container "${name}" in pod "${podName}" not found`);
      instance = status.restartCount - 1;
      startedAt = last.startedAt ? parseRFC3339(last.startedAt) : undefined;
    } else {
      const running = status?.state?.running;
      const terminated = status?.state?.terminated;
      if (!running && !terminated) {
        const reason = status?.state?.waiting?.reason ?? 'ContainerCreating';
        // A restarting container still has the last run's log.
        if (status?.lastState?.terminated) return this.logs(namespace, podName, name, { ...opts, previous: true });
        throw badRequest(`container "${name}" in pod "${podName}" is waiting to start: ${reason}`);
      }
      instance = status?.restartCount ?? 0;
      startedAt = this.cluster.runtime.containerStartedAt(namespace, podName, name);
    }
    let lines = this.cluster.network.containerLog(pod, name, instance, startedAt);
    if (opts.tail !== undefined && opts.tail >= 0) lines = opts.tail === 0 ? [] : lines.slice(-opts.tail);
    return lines.map((l) => (opts.timestamps ? `${nanoStamp(l.time)} ${l.text}\n` : `${l.text}\n`)).join('');
  }
}
