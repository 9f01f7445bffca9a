/**
 * kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go, v1.33): find the pod (POD or
 * TYPE/NAME), refuse completed pods, pick the container (podcmd.FindOrDefaultContainerByName),
 * stream the command through the kubelet, and turn a non-zero exit into
 * `command terminated with exit code N` (cmdutil.CheckErr's handling of exec.CodeExitError).
 */
import { selectorFromLabelSelector, selectorFromMap } from '../../cluster/api/labels.ts';
import type { KubeObject, Pod } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { resolveResource } from '../mapper.ts';

const HELP_HINT = "See 'kubectl exec -h' for help and examples";

/** polymorphichelpers.AttachablePodForObjectFn: a pod itself, or the most active pod of a controller/Service. */
export function attachablePod(inv: Invocation, arg: string): Pod {
  const { ctx } = inv;
  const slash = arg.indexOf('/');
  if (slash < 0) return ctx.api.get('pods', inv.namespace, arg).object as Pod;
  const info = resolveResource(ctx.api, arg.slice(0, slash));
  const name = arg.slice(slash + 1);
  const key = info.group ? `${info.resource}.${info.group}` : info.resource;
  const res = ctx.api.get(key, inv.namespace, name);
  inv.warn(res.warnings);
  const obj: KubeObject = res.object;
  if (info.resource === 'pods') return obj as Pod;
  const spec = obj.spec ?? {};
  const selector =
    info.resource === 'services' || info.resource === 'replicationcontrollers'
      ? selectorFromMap(spec.selector as Record<string, string> | undefined)
      : selectorFromLabelSelector(spec.selector);
  const pods = (ctx.api.scan('pods', inv.namespace) as Pod[]).filter((p) => selector.matches(p.metadata.labels));
  if (pods.length === 0) throw new KubectlError(`cannot attach to ${info.kind}: no pods found`);
  const score = (p: Pod) => (p.status?.phase === 'Running' ? 2 : 0) + (p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ? 1 : 0);
  pods.sort((a, b) => score(b) - score(a) || String(a.metadata.creationTimestamp).localeCompare(String(b.metadata.creationTimestamp)) || a.metadata.name!.localeCompare(b.metadata.name!));
  return pods[0];
}

/** podcmd.FindOrDefaultContainerByName for an empty name: the annotation, else the first container. */
export function defaultContainer(inv: Invocation, pod: Pod, quiet: boolean): string {
  const containers = pod.spec.containers;
  const annotated = pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (annotated && containers.some((c) => c.name === annotated)) return annotated;
  const all = [
    ...containers.map((c) => c.name),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
    ...((pod.spec.ephemeralContainers as { name: string }[] | undefined) ?? []).map((c) => `${c.name} (ephem)`),
  ];
  if (all.length > 1 && !quiet) inv.io.stderr(`Defaulted container "${containers[0].name}" out of: ${all.join(', ')}\n`);
  return containers[0].name;
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const args = flags.args;
  let command = flags.argsAfterDash;
  const quiet = flags.bool('quiet');
  if (command === undefined && args.length > 1) throw new KubectlError('exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead', HELP_HINT);
  if (args.length === 0) throw new KubectlError('pod, type/name or --filename must be specified');
  command ??= [];
  if (command.length === 0) throw new KubectlError('you must specify at least one command for the container');
  const pod = attachablePod(inv, args[0]);
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') throw new KubectlError(`cannot exec into a container in a completed pod; current phase is ${phase}`);
  const container = flags.string('container') || defaultContainer(inv, pod, quiet);
  const stdin = flags.bool('stdin');
  let tty = flags.bool('tty') && stdin;
  if (tty && !io.readLine) {
    if (!quiet) io.stderr('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    tty = false;
  }
  if (!ctx.runtime) throw new KubectlError('exec is not available in this terminal');
  const code = await ctx.runtime.exec(pod.metadata.namespace!, pod.metadata.name!, container, command, io, { stdin, tty });
  if (code !== 0) {
    io.stderr(`command terminated with exit code ${code}\n`);
    return code;
  }
  return 0;
}

export const execCommand: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  help: `Execute a command in a container.

Examples:
  # Get output from running the 'date' command from pod mypod, using the first container by default
  kubectl exec mypod -- date
  
  # Get output from running the 'date' command in ruby-container from pod mypod
  kubectl exec mypod -c ruby-container -- date
  
  # Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
  # and sends stdout/stderr from 'bash' back to the client
  kubectl exec mypod -c ruby-container -i -t -- bash -il
  
  # List contents of /usr from the first container of pod mypod and sort by modification time
  # If the command you want to execute in the pod has any flags in common (e.g. -i),
  # you must use two dashes (--) to separate your command's flags/arguments
  # Also note, do not surround your command and its flags/arguments with quotes
  # unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
  kubectl exec mypod -i -t -- ls -t /usr
  
  # Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
  kubectl exec deploy/mydeployment -- date
  
  # Get output from running 'date' command from the first pod of the service myservice, using the first container by default
  kubectl exec svc/myservice -- date
`,
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...] [options]',
  flags: [
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'filename', shorthand: 'f', type: 'stringSlice', default: [], usage: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'duration', default: '1m0s', usage: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
    { name: 'quiet', shorthand: 'q', type: 'bool', usage: 'Only print output from the remote session' },
    { name: 'stdin', shorthand: 'i', type: 'bool', usage: 'Pass stdin to the container' },
    { name: 'tty', shorthand: 't', type: 'bool', usage: 'Stdin is a TTY' },
  ],
  run,
};
