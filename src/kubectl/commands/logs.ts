/**
 * kubectl logs (staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go, v1.33): the log of one
 * container of a pod (POD or TYPE/NAME), or of every pod matching `-l` (then --tail defaults to
 * 10 and at most --max-log-requests pods). `-f` keeps streaming until interrupted.
 */
import type { Pod } from '../../cluster/api/types.ts';
import { ApiError } from '../../cluster/api/errors.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { attachablePod, defaultContainer } from './exec.ts';

const HELP_HINT = "See 'kubectl logs -h' for help and examples";

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const args = flags.args;
  const selector = flags.string('selector');
  if (args.length === 0 && !selector) {
    throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", HELP_HINT);
  }
  if (selector && args.length > 0) throw new KubectlError('only a selector (-l) or a POD name is allowed', HELP_HINT);
  if (args.length > 2) throw new KubectlError("expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command", HELP_HINT);
  if (!ctx.runtime) throw new KubectlError('logs are not available in this terminal');
  const tailGiven = flags.changed('tail');
  let tail = flags.int('tail');
  const allContainers = flags.bool('all-containers');
  let pods: Pod[];
  if (selector) {
    const res = ctx.api.list('pods', inv.namespace, { labelSelector: selector });
    inv.warn(res.warnings);
    pods = res.object.items as Pod[];
    if (!tailGiven) tail = 10;
    const max = flags.int('max-log-requests');
    if (pods.length > max && flags.bool('follow')) {
      throw new KubectlError(`you are attempting to follow ${pods.length} log streams, but maximum allowed concurrency is ${max}, use --max-log-requests to increase the limit`);
    }
    if (pods.length === 0) {
      io.stderr(`No resources found in ${inv.namespace} namespace.\n`);
      return 0;
    }
  } else {
    pods = [attachablePod(inv, args[0])];
  }
  const prefix = flags.bool('prefix');
  const opts = { previous: flags.bool('previous'), tail: tail >= 0 ? tail : undefined, timestamps: flags.bool('timestamps') };
  for (const pod of pods) {
    const containerArg = flags.string('container') || args[1];
    const names = allContainers ? pod.spec.containers.map((c) => c.name) : [containerArg || defaultContainer(inv, pod, selector !== '')];
    for (const c of names) {
      let text: string;
      try {
        text = ctx.runtime.logs(pod.metadata.namespace!, pod.metadata.name!, c, opts);
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        throw e;
      }
      if (prefix) text = text.replace(/^(?=.)/gm, `[pod/${pod.metadata.name}/${c}] `);
      io.stdout(text);
    }
  }
  if (flags.bool('follow')) {
    // Streaming: nothing new arrives while this terminal is busy; wait for Ctrl+C.
    await new Promise<void>((resolve) => {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  return 0;
}

export const logsCommand: KubectlCommand = {
  name: 'logs',
  short: 'Print the logs for a container in a pod',
  help: `Print the logs for a container in a pod or specified resource. If the pod has only one container, the container name is optional.

Examples:
  # Return snapshot logs from pod nginx with only one container
  kubectl logs nginx
  
  # Return snapshot logs from pod nginx, prefixing each line with the source pod and container name
  kubectl logs nginx --prefix
  
  # Return snapshot logs from pod nginx, limiting output to 500 bytes
  kubectl logs nginx --limit-bytes=500
  
  # Return snapshot logs from pod nginx, waiting up to 20 seconds for it to start running.
  kubectl logs nginx --pod-running-timeout=20s
  
  # Return snapshot logs from pod nginx with multi containers
  kubectl logs nginx --all-containers=true
  
  # Return snapshot logs from all pods in the deployment nginx
  kubectl logs deployment/nginx --all-pods=true
  
  # Return snapshot logs from all containers in pods defined by label app=nginx
  kubectl logs -l app=nginx --all-containers=true
  
  # Return snapshot logs from all pods defined by label app=nginx, limiting concurrent log requests to 10 pods
  kubectl logs -l app=nginx --max-log-requests=10
  
  # Return snapshot of previous terminated ruby container logs from pod web-1
  kubectl logs -p -c ruby web-1
  
  # Begin streaming the logs from pod nginx, continuing even if errors occur
  kubectl logs nginx -f --ignore-errors=true
  
  # Begin streaming the logs of the ruby container in pod web-1
  kubectl logs -f -c ruby web-1
  
  # Begin streaming the logs from all containers in pods defined by label app=nginx
  kubectl logs -f -l app=nginx --all-containers=true
  
  # Display only the most recent 20 lines of output in pod nginx
  kubectl logs --tail=20 nginx
  
  # Show all logs from pod nginx written in the last hour
  kubectl logs --since=1h nginx
  
  # Show all logs with timestamps from pod nginx starting from August 30, 2024, at 06:00:00 UTC
  kubectl logs nginx --since-time=2024-08-30T06:00:00Z --timestamps=true
  
  # Show logs from a kubelet with an expired serving certificate
  kubectl logs --insecure-skip-tls-verify-backend nginx
  
  # Return snapshot logs from first container of a job named hello
  kubectl logs job/hello
  
  # Return snapshot logs from container nginx-1 of a deployment named nginx
  kubectl logs deployment/nginx -c nginx-1
`,
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  flags: [
    { name: 'all-containers', type: 'bool', usage: 'Get all containers\' logs in the pod(s).' },
    { name: 'container', shorthand: 'c', type: 'string', usage: 'Print the logs of this container' },
    { name: 'follow', shorthand: 'f', type: 'bool', usage: 'Specify if the logs should be streamed.' },
    { name: 'max-log-requests', type: 'int', default: 5, usage: 'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.' },
    { name: 'prefix', type: 'bool', usage: 'Prefix each log line with the log source (pod name and container name)' },
    { name: 'previous', shorthand: 'p', type: 'bool', usage: 'If true, print the logs for the previous instance of the container in a pod if it exists.' },
    { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.' },
    { name: 'tail', type: 'int', default: -1, usage: 'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.' },
    { name: 'timestamps', type: 'bool', usage: 'Include timestamps on each line in the log output' },
  ],
  run,
};
