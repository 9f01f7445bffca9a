/**
 * kubectl top pod|node (pkg/cmd/top): resource usage from the Metrics API. A kubeadm cluster has
 * no metrics-server until one is installed, so discovery lists no metrics.k8s.io group and kubectl
 * stops with "Metrics API not available" (top_pod.go / top_node.go), as it does here.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import type { FlagDef } from '../flags.ts';
import { KubectlError } from '../errors.ts';

const SELECTOR: FlagDef = { name: 'selector', shorthand: 'l', type: 'string', usage: 'Selector (label query) to filter on.' };
const SORT_BY: FlagDef = { name: 'sort-by', type: 'string', usage: "If non-empty, sort list using specified field. The field can be either 'cpu' or 'memory'." };
const NO_HEADERS: FlagDef = { name: 'no-headers', type: 'bool', usage: 'If present, print output without headers.' };
const PROTOBUF: FlagDef = { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' };

function metricsUnavailable(inv: Invocation): number {
  // Validate() runs before the Metrics API is looked for.
  if (inv.flags.args.length > 0 && inv.flags.string('selector') !== '') throw new KubectlError('only one of NAME or selector can be provided');
  const sort = inv.flags.string('sort-by');
  if (sort !== '' && sort !== 'cpu' && sort !== 'memory') throw new KubectlError(`--sort-by accepts only cpu or memory`);
  const hasMetrics = inv.ctx.api.discovery().some((r) => r.group === 'metrics.k8s.io');
  if (!hasMetrics) throw new KubectlError('Metrics API not available');
  return 0;
}

export const topCommand: KubectlCommand = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  flags: [],
  subcommands: [
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      short: 'Display resource (CPU/memory) usage of nodes',
      usage: 'kubectl top node [NAME | -l label] [options]',
      flags: [NO_HEADERS, SELECTOR, { name: 'show-capacity', type: 'bool', usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' }, SORT_BY, PROTOBUF],
      run: metricsUnavailable,
    },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      short: 'Display resource (CPU/memory) usage of pods',
      usage: 'kubectl top pod [NAME | -l label] [options]',
      flags: [
        { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If present, list the requested object(s) across all namespaces.' },
        { name: 'containers', type: 'bool', usage: 'If present, print usage of containers within a pod.' },
        { name: 'field-selector', type: 'string', usage: 'Selector (field query) to filter on.' },
        NO_HEADERS,
        SELECTOR,
        SORT_BY,
        { name: 'sum', type: 'bool', usage: 'Print the sum of the resource usage' },
        PROTOBUF,
      ],
      run: metricsUnavailable,
    },
  ],
};
