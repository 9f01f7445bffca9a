/**
 * kubectl run NAME --image=IMAGE (pkg/cmd/run/run.go and the run-pod/v1 generator in
 * pkg/generate/versioned/run.go): one Pod labelled run=NAME (or --labels), with --port, --env,
 * --restart and a command or arguments after the name. Prints `pod/NAME created`.
 *
 * With -i/--stdin (or --attach) the pod is not printed: kubectl waits for it to run, attaches to
 * its process (pkg/cmd/attach/attach.go; stdin and a TTY when -t), and with --restart=Never or
 * OnFailure waits for the pod to finish and exits with its container's code. --rm deletes the
 * pod at the end (`pod "NAME" deleted`), also when an error follows.
 */
import { ApiError, notFound } from '../../cluster/api/errors.ts';
import { resourceInfo, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { Pod } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { waitFor } from '../context.ts';
import { KubectlError } from '../errors.ts';
import { checkObjectOutput, objectOutput } from '../object-output.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../write-options.ts';

const PODS = resourceInfo('pods') as ResourceInfo;

/** distribution/reference's ReferenceRegexp: [domain[:port]/]path[:tag][@digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*(?::[0-9]+)?)';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,})?$`);

/** generate.ParseLabels: `k=v,k2=v2`. */
export function parseLabelSpec(spec: string): Record<string, string> {
  if (spec === '') throw new KubectlError('no label spec passed');
  const labels: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    labels[kv[0]] = kv[1];
  }
  return labels;
}

/** validation.IsEnvVarName: a C identifier-ish name (letters, digits, `_`, `-`, `.`), not starting with a digit. */
function isEnvVarName(s: string): boolean {
  return /^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(s);
}

function parseEnvs(envs: string[]): { name: string; value: string }[] {
  return envs.map((env) => {
    const pos = env.indexOf('=');
    const name = pos < 0 ? '' : env.slice(0, pos);
    if (pos < 0 || name === '' || !isEnvVarName(name)) throw new KubectlError(`invalid env: ${env}`);
    return { name, value: env.slice(pos + 1) };
  });
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const usageHint = "See 'kubectl run -h' for help and examples";
  const positional = flags.args;
  // cobra checks required flags before the command runs.
  if (!flags.changed('image')) throw new KubectlError('required flag(s) "image" not set');
  if (positional.length === 0) throw new KubectlError('NAME is required for run', usageHint);
  const image = flags.string('image');
  if (image === '') throw new KubectlError('--image is required');
  if (!REFERENCE.test(image)) throw new KubectlError(`Invalid image name "${image}": invalid reference format`);
  const stdin = flags.bool('stdin');
  const tty = flags.bool('tty');
  if (tty && !stdin) throw new KubectlError('-i/--stdin is required for containers with -t/--tty=true', usageHint);
  const restart = flags.string('restart');
  const policy = { always: 'Always', onfailure: 'OnFailure', never: 'Never' }[restart.toLowerCase()];
  if (!policy) throw new KubectlError(`invalid restart policy: ${restart}`, usageHint);
  // --attach defaults to true with -i/--stdin.
  const attach = flags.changed('attach') ? flags.bool('attach') : stdin;
  if (!attach && flags.bool('rm')) throw new KubectlError('--rm should only be used for attached containers', usageHint);
  const dryRun = dryRunStrategy(flags);
  if (attach && dryRun !== 'none') {
    throw new KubectlError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", usageHint);
  }
  const podRunningTimeout = parseTimeout(flags.string('pod-running-timeout'));
  const output = flags.string('output');
  checkObjectOutput(output);

  const [name, ...rest] = positional;
  const args = [...rest, ...(flags.argsAfterDash ?? [])];
  const labels = flags.changed('labels') ? parseLabelSpec(flags.string('labels')) : { run: name };
  const portText = flags.string('port');
  let port: number | undefined;
  if (portText !== '') {
    if (!/^[+-]?\d+$/.test(portText)) throw new KubectlError(`strconv.Atoi: parsing "${portText}": invalid syntax`);
    port = Number(portText);
  }
  const env = parseEnvs(flags.list('env'));
  const container: Record<string, unknown> = { name, image };
  if (args.length > 0) container[flags.bool('command') ? 'command' : 'args'] = args;
  if (port !== undefined) container.ports = [{ containerPort: port }];
  if (env.length > 0) container.env = env;
  container.resources = {};
  if (stdin) {
    container.stdin = true;
    if (!flags.bool('leave-stdin-open')) container.stdinOnce = true;
  }
  if (tty) container.tty = true;
  const pod = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: { name, ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}), creationTimestamp: null, labels },
    spec: { containers: [container], restartPolicy: policy, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  if (dryRun === 'client') {
    io.stdout(objectOutput({ info: PODS, name, object: pod, typed: true }, 'created', dryRun, output));
    return 0;
  }
  let created;
  try {
    const res = ctx.api.create('pods', inv.namespace, pod, { dryRun: dryRun === 'server' });
    inv.warn(res.warnings);
    created = res.object as Pod;
  } catch (e) {
    if (e instanceof ApiError) inv.warn(e.warnings);
    throw e;
  }
  if (!attach) {
    io.stdout(objectOutput({ info: PODS, name, object: created, typed: false }, 'created', dryRun, output));
    return 0;
  }
  const namespace = created.metadata.namespace ?? inv.namespace;
  let outcome: Outcome | null = null;
  try {
    outcome = await attachAndWait(inv, namespace, name, policy, podRunningTimeout, { stdin, tty });
  } finally {
    // The deferred removal: after the session, before any error is printed; not when the
    // client was interrupted (the process ends on the signal).
    if (flags.bool('rm') && outcome !== null) removePod(inv, namespace, name);
  }
  if (outcome === null) return 130;
  // uexec.CodeExitError: printed bare; the container's exit code is kubectl's.
  if (outcome.message) io.stderr(outcome.message);
  return outcome.code;
}

/** How an attached run ends: the exit code, and the message checkErr prints for it. */
interface Outcome {
  code: number;
  message?: string;
}

/** A Go duration as --pod-running-timeout takes it. */
function parseTimeout(text: string): number {
  const m = /^(\d+(?:\.\d+)?)(ms|s|m|h)$/.exec(text) ?? /^(\d+)m(\d+)s$/.exec(text);
  if (!m) throw new KubectlError(`invalid argument "${text}" for "--pod-running-timeout" flag: time: invalid duration "${text}"`);
  if (/^\d+m\d+s$/.test(text)) return (Number(m[1]) * 60 + Number(m[2])) * 1000;
  return Number(m[1]) * { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[m[2] as 'ms' | 's' | 'm' | 'h'];
}

function currentPod(inv: Invocation, namespace: string, name: string): Pod | undefined {
  return inv.ctx.api.peek('pods', namespace, name) as Pod | undefined;
}

/** waitForPod: until `condition` holds for the pod, an error if it goes away or time runs out. */
async function waitForPod(inv: Invocation, namespace: string, name: string, timeoutMs: number, condition: (p: Pod) => boolean): Promise<Pod | null> {
  let gone = false;
  const ok = await waitFor(
    inv.ctx,
    () => {
      const p = currentPod(inv, namespace, name);
      gone = !p;
      return gone || condition(p!);
    },
    timeoutMs,
    inv.io.signal,
  );
  if (inv.io.signal.aborted && !ok) return null;
  if (gone) throw notFound('pods', '', name);
  if (!ok) throw new KubectlError('timed out waiting for the condition');
  return currentPod(inv, namespace, name)!;
}

const finished = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';
const runningAndReady = (p: Pod) =>
  finished(p) || (p.status?.phase === 'Running' && !!p.status.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));

/**
 * handleAttachPod, then the exit code (RunOptions.Run): wait for the pod to run, attach (or read
 * its log when it already finished), and with Never/OnFailure wait for it to finish. Resolves
 * null when interrupted.
 */
async function attachAndWait(
  inv: Invocation,
  namespace: string,
  name: string,
  policy: string,
  timeoutMs: number,
  opts: { stdin: boolean; tty: boolean },
): Promise<Outcome | null> {
  const { ctx, io, flags } = inv;
  const quiet = flags.bool('quiet');
  const ready = await waitForPod(inv, namespace, name, timeoutMs, runningAndReady);
  if (!ready) return null;
  const container = ready.spec.containers[0].name;
  if (!ctx.runtime?.attach) throw new KubectlError('attach is not available in this terminal');
  if (finished(ready)) {
    io.stdout(ctx.runtime.logs(namespace, name, container, {}));
  } else {
    // The client's terminal goes raw only when it is one; the container keeps its TTY (one
    // stream: what the program writes to stderr arrives on stdout).
    let rawTTY = opts.tty;
    if (rawTTY && !io.readLine) {
      if (!quiet) io.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
      rawTTY = false;
    }
    if (!quiet) io.stderr("If you don't see a command prompt, try pressing enter.\n");
    const code = await ctx.runtime.attach(namespace, name, container, io, { stdin: opts.stdin, tty: opts.tty });
    if (code === null) return null;
    if (!quiet && opts.stdin && rawTTY && policy === 'Always') {
      io.stdout(`Session ended, resume using 'kubectl attach ${name} -c ${container} -i -t' command when the pod is running\n`);
    }
  }
  const waitForExitCode = !flags.bool('leave-stdin-open') && (policy === 'Never' || policy === 'OnFailure');
  if (!waitForExitCode) return { code: 0 };
  const pod = await waitForPod(inv, namespace, name, timeoutMs, policy === 'OnFailure' ? (p) => p.status?.phase === 'Succeeded' : finished);
  if (!pod) return null;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded') return { code: 0 };
  if (phase === 'Failed') {
    const terminated = pod.status?.containerStatuses?.[0]?.state?.terminated;
    if (!terminated || !terminated.exitCode) throw new KubectlError(`pod ${namespace}/${name} failed with unknown exit code`);
    const message = `pod ${namespace}/${name} terminated (${terminated.reason ?? ''})\n${(terminated as { message?: string }).message ?? ''}`;
    return { code: terminated.exitCode, message: message.endsWith('\n') ? message : message + '\n' };
  }
  throw new KubectlError(`pod ${namespace}/${name} left in phase ${phase}`);
}

/** --rm: delete what was created (DeleteOptions with IgnoreNotFound, no waiting). */
function removePod(inv: Invocation, namespace: string, name: string): void {
  try {
    const res = inv.ctx.api.delete('pods', namespace, name);
    inv.warn(res.warnings);
    inv.io.stdout(`pod "${name}" deleted\n`);
  } catch (e) {
    if (!(e instanceof ApiError) || e.reason !== 'NotFound') throw e;
  }
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'attach', type: 'bool', usage: "If true, wait for the Pod to start running, and then attach to the Pod as if 'kubectl attach ...' were called.  Default false, unless '-i/--stdin' is set, in which case the default is true. With '--restart=Never' the exit code of the container process is returned." },
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    DRY_RUN_FLAG,
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    { name: 'leave-stdin-open', type: 'bool', usage: 'If the pod is started in interactive mode or with stdin, leave stdin open after the first attach completes. By default, stdin will be closed after the first attach completes.' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'If true, suppress prompt messages.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.' },
    { name: 'rm', type: 'bool', usage: "If true, delete the pod after it exits.  Only valid when attaching to the container, e.g. with '--attach' or with '-i/--stdin'." },
    { name: 'stdin', shorthand: 'i', type: 'bool', usage: 'Keep stdin open on the container in the pod, even if nothing is attached.' },
    { name: 'tty', shorthand: 't', type: 'bool', usage: 'Allocate a TTY for the container in the pod.' },
  ],
  run,
};
