/**
 * kubectl expose (pkg/cmd/expose/expose.go): a Service for a pod, service, replication
 * controller, deployment or replica set, its selector, ports and protocols found by
 * introspection (polymorphichelpers: MapBasedSelectorForObject, PortsForObject,
 * MultiProtocolsForObject) unless given. Prints `service/NAME exposed`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceInfo, resourceKey, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { AggregateError, KubectlError } from '../errors.ts';
import { checkObjectOutput, objectOutput } from '../object-output.ts';
import { parseResourceArgs } from '../resource-args.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../write-options.ts';
import { NO_RESOURCE_ARGS } from './set.ts';

const SERVICES = resourceInfo('services') as ResourceInfo;
const EXPOSABLE = new Set(['Pod', 'Service', 'ReplicationController', 'Deployment', 'ReplicaSet']);

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** expose's parseLabels (also used for --selector): `k=v,k2=v2`. */
function parseLabels(spec: string): Record<string, string> {
  if (spec === '') throw new KubectlError('no label spec passed');
  const out: Record<string, string> = {};
  for (const part of spec.split(',')) {
    const kv = part.split('=');
    if (kv.length !== 2) throw new KubectlError(`unexpected label spec: ${part}`);
    if (kv[0] === '') throw new KubectlError('unexpected empty label key');
    out[kv[0]] = kv[1];
  }
  return out;
}

function podSpecOf(kind: string, o: Obj): Obj | undefined {
  return kind === 'Pod' ? o.spec : o.spec?.template?.spec;
}

/** MapBasedSelectorForObject, as `k=v,...` text. */
function selectorFor(kind: string, o: Obj): string {
  const join = (m: Record<string, string>) => Object.entries(m).map(([k, v]) => `${k}=${v}`).join(',');
  switch (kind) {
    case 'ReplicationController':
      return join(o.spec?.selector ?? {});
    case 'Pod': {
      const labels = o.metadata?.labels ?? {};
      if (Object.keys(labels).length === 0) throw new KubectlError('the pod has no labels and cannot be exposed');
      return join(labels);
    }
    case 'Service': {
      const sel = o.spec?.selector ?? {};
      if (Object.keys(sel).length === 0) throw new KubectlError('the service has no pod selector set');
      return join(sel);
    }
    case 'Deployment':
    case 'ReplicaSet': {
      const what = kind === 'Deployment' ? 'deployment' : 'replicaset';
      const sel = o.spec?.selector;
      if (!sel) throw new KubectlError(`invalid ${what}: no selectors, therefore cannot be exposed`);
      const exprs = sel.matchExpressions ?? [];
      if (exprs.length > 0) {
        const text = exprs.map((e: Obj) => `{Key:${e.key} Operator:${e.operator} Values:[${(e.values ?? []).join(' ')}]}`).join(' ');
        throw new KubectlError(`couldn't convert expressions - "[${text}]" to map-based selector format`);
      }
      return join(sel.matchLabels ?? {});
    }
  }
  return '';
}

/** PortsForObject: container ports (or a Service's ports), duplicates removed, in order. */
function portsFor(kind: string, o: Obj): string[] {
  const ports: string[] = [];
  const add = (p: unknown) => {
    const s = String(p);
    if (!ports.includes(s)) ports.push(s);
  };
  if (kind === 'Service') for (const p of o.spec?.ports ?? []) add(p.port);
  else for (const c of podSpecOf(kind, o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort);
  return ports;
}

/** MultiProtocolsForObject: port -> protocols (TCP when unset). */
function protocolsFor(kind: string, o: Obj): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (port: unknown, protocol: unknown) => {
    const key = String(port);
    const list = out.get(key) ?? [];
    const p = String(protocol || 'TCP');
    if (!list.includes(p)) list.push(p);
    out.set(key, list);
  };
  if (kind === 'Service') for (const p of o.spec?.ports ?? []) add(p.port, p.protocol);
  else for (const c of podSpecOf(kind, o)?.containers ?? []) for (const p of c.ports ?? []) add(p.containerPort, p.protocol);
  return out;
}

interface Generated {
  name: string;
  service: Obj;
}

function generateService(inv: Invocation, defaultName: string, selectorText: string, port: string, ports: string, protocols: Map<string, string[]>, labelsText: string): Generated {
  const { flags } = inv;
  if (selectorText === '') throw new KubectlError('selector must be specified');
  const selector = parseLabels(selectorText);
  const labels = labelsText !== '' ? parseLabels(labelsText) : undefined;
  const name = flags.string('name') || defaultName;
  if (name === '') throw new KubectlError('name must be specified');
  const portText = ports || port;
  const specPorts: Obj[] = [];
  if (portText !== '') {
    const list = portText.split(',');
    list.forEach((p, i) => {
      if (!/^[+-]?\d+$/.test(p)) throw new KubectlError(`strconv.Atoi: parsing "${p}": invalid syntax`);
      const number = Number(p);
      const portName = list.length > 1 ? `port-${i + 1}` : flags.string('port-name');
      let protocol = flags.string('protocol');
      if (protocol === '' && protocols.size === 0) protocol = 'TCP';
      else if (protocol === '' && protocols.size > 0) {
        protocol = 'TCP';
        const found = protocols.get(p);
        if (found && found.length > 1) {
          for (const proto of found) specPorts.push({ name: `port-${i + 1}-${proto.toLowerCase()}`, protocol: proto, port: number });
          return;
        }
        if (found) protocol = found[0];
      }
      specPorts.push({ ...(portName ? { name: portName } : {}), protocol, port: number });
    });
  }
  const targetText = flags.string('target-port');
  for (const p of specPorts) p.targetPort = targetText !== '' ? (/^-?\d+$/.test(targetText) ? Number(targetText) : targetText) : p.port;
  const spec: Obj = { ...(specPorts.length > 0 ? { ports: specPorts } : {}), selector };
  const clusterIP = flags.string('cluster-ip');
  if (clusterIP !== '') spec.clusterIP = clusterIP;
  const type = flags.string('type');
  if (type !== '') spec.type = type;
  const externalIP = flags.string('external-ip');
  if (externalIP !== '') spec.externalIPs = [externalIP];
  const affinity = flags.string('session-affinity');
  if (affinity !== '') {
    if (affinity !== 'None' && affinity !== 'ClientIP') throw new KubectlError(`unknown session affinity: ${affinity}`);
    spec.sessionAffinity = affinity;
  }
  if (type === 'LoadBalancer' && flags.string('load-balancer-ip') !== '') spec.loadBalancerIP = flags.string('load-balancer-ip');
  const service = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: { name, ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}), creationTimestamp: null, ...(labels ? { labels } : {}) },
    spec,
    status: { loadBalancer: {} },
  };
  return { name, service };
}

async function run(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  checkObjectOutput(output);
  if (flags.args.length === 0) throw new KubectlError(NO_RESOURCE_ARGS);
  const requests = parseResourceArgs(ctx.api, flags.args);
  const errors: unknown[] = [];
  for (const req of requests) {
    if (req.names.length === 0) throw new KubectlError('resource(s) were provided, but no name was specified');
    for (const objectName of req.names) {
      try {
        const ns = req.info.namespaced ? inv.namespace : undefined;
        const res = ctx.api.get(resourceKey(req.info), ns, objectName);
        inv.warn(res.warnings);
        const obj = res.object as KubeObject as Obj;
        const kind = req.info.kind;
        if (!EXPOSABLE.has(kind) || (req.info.group !== '' && req.info.group !== 'apps')) {
          throw new KubectlError(`cannot expose a ${req.info.group ? `${kind}.${req.info.group}` : kind}`);
        }
        let selector = flags.string('selector');
        if (selector === '') {
          try {
            selector = selectorFor(kind, obj);
          } catch (e) {
            throw new KubectlError(`couldn't retrieve selectors via --selector flag or introspection: ${(e as Error).message}`);
          }
        }
        let port = flags.string('port');
        let ports = '';
        if (port === '') {
          const found = portsFor(kind, obj);
          if (found.length === 0 && flags.string('cluster-ip') !== 'None') throw new KubectlError("couldn't find port via --port flag or introspection");
          if (found.length === 1) port = found[0];
          else ports = found.join(',');
        }
        const protocols = protocolsFor(kind, obj);
        let labels = flags.string('labels');
        if (labels === '') labels = Object.entries(obj.metadata?.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(',');
        const generated = generateService(inv, objectName.slice(0, 63), selector, port, ports, protocols, labels);
        if (dryRun === 'client') {
          io.stdout(objectOutput({ info: SERVICES, name: generated.name, object: generated.service, typed: true }, 'exposed', dryRun, output));
          continue;
        }
        const created = ctx.api.create('services', inv.namespace, generated.service, { dryRun: dryRun === 'server' });
        inv.warn(created.warnings);
        io.stdout(objectOutput({ info: SERVICES, name: generated.name, object: created.object, typed: false }, 'exposed', dryRun, output));
      } catch (e) {
        if (e instanceof ApiError) inv.warn(e.warnings);
        errors.push(e);
      }
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
  return 0;
}

export const exposeCommand: KubectlCommand = {
  name: 'expose',
  short: 'Take a replication controller, service, deployment or pod and expose it as a new Kubernetes service',
  usage: 'kubectl expose (-f FILENAME | TYPE NAME) [--port=port] [--protocol=TCP|UDP|SCTP] [--target-port=number-or-name] [--name=name] [--external-ip=external-ip-of-service] [--type=type] [options]',
  flags: [
    { name: 'cluster-ip', type: 'string', usage: "ClusterIP to be assigned to the service. Leave empty to auto-allocate, or set to 'None' to create a headless service." },
    DRY_RUN_FLAG,
    { name: 'external-ip', type: 'string', usage: 'Additional external IP address (not managed by Kubernetes) to accept for the service.' },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Labels to apply to the service created by this call.' },
    { name: 'load-balancer-ip', type: 'string', usage: 'IP to assign to the LoadBalancer.' },
    { name: 'name', type: 'string', usage: 'The name for the newly created object.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    { name: 'port', type: 'string', usage: 'The port that the service should serve on.' },
    { name: 'protocol', type: 'string', usage: 'The network protocol for the service to be created. Default is \'TCP\'.' },
    { name: 'selector', type: 'string', usage: 'A label selector to use for this service.' },
    { name: 'session-affinity', type: 'string', usage: "If non-empty, set the session affinity for the service to this; legal values: 'None', 'ClientIP'" },
    { name: 'target-port', type: 'string', usage: 'Name or number for the port on the container that the service should direct traffic to.' },
    { name: 'type', type: 'string', usage: 'Type for this service: ClusterIP, NodePort, LoadBalancer, or ExternalName. Default is \'ClusterIP\'.' },
  ],
  run,
};
