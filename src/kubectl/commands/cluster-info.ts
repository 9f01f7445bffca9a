/**
 * kubectl cluster-info (pkg/cmd/clusterinfo): the control plane's address from the kubeconfig and
 * the kube-system Services labelled kubernetes.io/cluster-service=true, as API-server proxy URLs.
 * `cluster-info dump` prints the nodes and, per namespace, the objects kubectl dumps (as JSON).
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { API_SERVER_URL, serverURL } from '../kubeconfig.ts';
import { toGoJSON } from '../printers/json.ts';

function host(inv: Invocation): string {
  return inv.ctx.kubeconfig ? serverURL(inv.ctx.kubeconfig, inv.flags.string('context')) : API_SERVER_URL;
}

function run(inv: Invocation): number {
  const { flags, io, ctx } = inv;
  if (flags.args.length > 0) throw new KubectlError(`unknown command "${flags.args[0]}" for "kubectl cluster-info"`, "Run 'kubectl cluster-info --help' for usage.");
  const ns = flags.string('namespace') || 'kube-system';
  const base = host(inv);
  const res = ctx.api.list('services', ns, { labelSelector: 'kubernetes.io/cluster-service=true' });
  inv.warn(res.warnings);
  let out = `Kubernetes control plane is running at ${base}\n`;
  for (const svc of res.object.items) {
    let link = '';
    const ingress = svc.status?.loadBalancer?.ingress ?? [];
    const ports = svc.spec?.ports ?? [];
    if (ingress.length > 0) {
      const ip = ingress[0].ip || ingress[0].hostname;
      for (const p of ports) link += `http://${ip}:${p.port} `;
    } else {
      let name = svc.metadata.name!;
      if (ports.length > 0) {
        const p = ports[0];
        const scheme = p.name === 'https' || p.port === 443 ? 'https' : '';
        // utilnet.JoinSchemeNamePort: [scheme:]name[:port]
        name = `${scheme ? `${scheme}:` : ''}${name}${p.name ? `:${p.name}` : ''}`;
      }
      link = `${base}/api/v1/namespaces/${svc.metadata.namespace}/services/${name}/proxy`;
    }
    const display = svc.metadata.labels?.['kubernetes.io/name'] || svc.metadata.name;
    out += `${display} is running at ${link}\n`;
  }
  out += "\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n";
  io.stdout(out);
  return 0;
}

/** clusterinfo_dump.go: nodes, then per namespace events, RCs, Services, DaemonSets, Deployments, ReplicaSets, Pods. */
function runDump(inv: Invocation): number {
  const { flags, io, ctx } = inv;
  const list = (resource: string, ns?: string): unknown => {
    try {
      const res = ctx.api.list(resource, ns);
      inv.warn(res.warnings);
      return res.object;
    } catch {
      return { kind: 'List', apiVersion: 'v1', metadata: {}, items: [] as KubeObject[] };
    }
  };
  let out = toGoJSON(list('nodes'));
  const namespaces = flags.bool('all-namespaces')
    ? ctx.api.list('namespaces', undefined).object.items.map((n) => n.metadata.name!)
    : flags.list('namespaces').length > 0
      ? flags.list('namespaces')
      : ['kube-system', inv.namespace];
  for (const ns of namespaces) {
    for (const r of ['events', 'replicationcontrollers', 'services', 'daemonsets.apps', 'deployments.apps', 'replicasets.apps', 'pods']) {
      out += toGoJSON(list(r, ns));
    }
  }
  io.stdout(out);
  return 0;
}

const dumpCommand: KubectlCommand = {
  name: 'dump',
  short: 'Dump relevant information for debugging and diagnosis',
  usage: 'kubectl cluster-info dump [flags] [options]',
  flags: [
    { name: 'all-namespaces', shorthand: 'A', type: 'bool', usage: 'If true, dump all namespaces.  If true, --namespaces is ignored.' },
    { name: 'namespaces', type: 'stringSlice', usage: 'A comma separated list of namespaces to dump.' },
    { name: 'output', shorthand: 'o', type: 'string', default: 'json', usage: 'Output format.' },
    { name: 'output-directory', type: 'string', usage: 'Where to output the files.' },
  ],
  run: runDump,
};

export const clusterInfoCommand: KubectlCommand = {
  name: 'cluster-info',
  short: 'Display cluster information',
  usage: 'kubectl cluster-info [flags] [options]',
  flags: [],
  subcommands: [dumpCommand],
  run,
};
