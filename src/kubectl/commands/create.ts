/**
 * kubectl create (staging/src/k8s.io/kubectl/pkg/cmd/create): `create -f` (each object created
 * as given, errors with their source), and the generators: `create service
 * clusterip|nodeport|loadbalancer|externalname`, `create deployment`, `create namespace`,
 * `create configmap`. Each prints `<kind>/<name> created`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceInfo, resourceKey, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { modifiedConfiguration } from '../apply/last-applied.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import type { FlagDef } from '../flags.ts';
import { DRY_RUN_FLAG, VALIDATE_FLAG, dryRunStrategy, operationLine, validationDirective } from '../write-options.ts';
import { forEachBuiltObject, type BuiltObject } from './apply.ts';

const OUTPUT_FLAG: FlagDef = {
  name: 'output',
  shorthand: 'o',
  type: 'string',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};
const SAVE_CONFIG_FLAG: FlagDef = {
  name: 'save-config',
  type: 'bool',
  usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.',
};
const GENERATOR_FLAGS: FlagDef[] = [DRY_RUN_FLAG, OUTPUT_FLAG, SAVE_CONFIG_FLAG, VALIDATE_FLAG];

function checkOutput(output: string): void {
  if (output !== '' && output !== 'name') {
    throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: name`);
  }
}

async function runCreateFromFiles(inv: Invocation): Promise<number> {
  const { ctx, io, flags } = inv;
  if (flags.args.length > 0) throw new KubectlError(`Unexpected args: [${flags.args.join(' ')}]`, "See 'kubectl create -h' for help and examples");
  const files = flags.list('filename');
  if (files.length === 0) throw new KubectlError('must specify one of -f and -k');
  const dryRun = dryRunStrategy(flags);
  const fieldValidation = validationDirective(flags);
  const output = flags.string('output');
  checkOutput(output);
  forEachBuiltObject(inv, { validate: fieldValidation !== 'Ignore', verb: 'creating', command: 'create' }, (b) => {
    const body = flags.bool('save-config') ? modifiedConfiguration(b.object).object : b.object;
    if (dryRun !== 'client') {
      const res = ctx.api.create(resourceKey(b.info), b.info.namespaced ? b.namespace : undefined, body, { fieldValidation, dryRun: dryRun === 'server' });
      inv.warn(res.warnings);
    }
    io.stdout(operationLine(b.info, nameOf(b), 'created', dryRun, output));
  });
  return 0;
}

function nameOf(b: BuiltObject): string {
  return b.name;
}

/** Create one generated object, as the generator commands do (no source to name in errors). */
function createGenerated(inv: Invocation, key: string, obj: KubeObject, wrap?: (e: unknown) => unknown): number {
  const { ctx, io, flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const fieldValidation = validationDirective(flags);
  const output = flags.string('output');
  checkOutput(output);
  const info = resourceInfo(key) as ResourceInfo;
  const body = flags.bool('save-config') ? modifiedConfiguration(obj).object : obj;
  if (dryRun !== 'client') {
    try {
      const res = ctx.api.create(key, info.namespaced ? inv.namespace : undefined, body, { fieldValidation, dryRun: dryRun === 'server' });
      inv.warn(res.warnings);
    } catch (e) {
      if (e instanceof ApiError) inv.warn(e.warnings);
      throw wrap ? wrap(e) : e;
    }
  }
  io.stdout(operationLine(info, obj.metadata.name ?? '', 'created', dryRun, output));
  return 0;
}

/** `exactly one NAME is required, got N` (cmdutil.NameFromCommandArgs). */
function oneName(inv: Invocation): string {
  const args = inv.flags.args;
  if (args.length !== 1) throw new KubectlError(`exactly one NAME is required, got ${args.length}`, `See '${inv.path} -h' for help and examples`);
  return args[0];
}

function requireFlag(inv: Invocation, name: string): void {
  if (!inv.flags.changed(name)) throw new KubectlError(`required flag(s) "${name}" not set`);
}

// ---------------------------------------------------------------------------------------------
// create service <type>

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** parsePorts: `port[:targetPort]`; strconv errors as Go prints them. */
function parsePort(spec: string): { port: number; targetPort: number | string } {
  const [p, t] = spec.includes(':') ? [spec.slice(0, spec.indexOf(':')), spec.slice(spec.indexOf(':') + 1)] : [spec, undefined];
  if (!/^\d+$/.test(p)) throw new KubectlError(`strconv.ParseUint: parsing "${p}": invalid syntax`);
  const port = Number(p);
  if (port > 65535) throw new KubectlError(`strconv.ParseUint: parsing "${p}": value out of range`);
  if (t === undefined) return { port, targetPort: port };
  return { port, targetPort: /^-?\d+$/.test(t) ? Number(t) : t };
}

/** IsDNS1123Subdomain, as the externalname generator checks --external-name. */
function isDNS1123Subdomain(s: string): boolean {
  return s.length > 0 && s.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(s);
}

function serviceRun(type: ServiceType) {
  return (inv: Invocation): number => {
    const { flags } = inv;
    const name = oneName(inv);
    const tcp = flags.list('tcp');
    const clusterIP = flags.string('clusterip');
    const externalName = flags.string('external-name');
    if (clusterIP === 'None' && type !== 'ClusterIP') throw new KubectlError('ClusterIP=None can only be used with ClusterIP service type');
    if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') throw new KubectlError('at least one tcp port specifier must be provided');
    if (type === 'ExternalName' && !isDNS1123Subdomain(externalName)) throw new KubectlError(`invalid service external name ${externalName}`);
    const nodePort = flags.int('node-port');
    const ports = tcp.map((spec) => {
      const { port, targetPort } = parsePort(spec);
      return { name: spec.replace(/:/g, '-'), port, protocol: 'TCP', targetPort, ...(nodePort ? { nodePort } : {}) };
    });
    const spec: Record<string, unknown> = { ...(ports.length > 0 ? { ports } : {}), selector: { app: name }, type };
    if (type === 'ExternalName') spec.externalName = externalName;
    if (clusterIP) spec.clusterIP = clusterIP;
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name, labels: { app: name }, ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}) },
      spec,
    };
    return createGenerated(inv, 'services', obj, (e) =>
      new KubectlError(`failed to create ${type} service: ${e instanceof Error ? e.message : String(e)}`),
    );
  };
}

const TCP_FLAG: FlagDef = { name: 'tcp', type: 'stringSlice', usage: 'Port pairs can be specified as \'<port>:<targetPort>\'.' };

const serviceSubcommands: KubectlCommand[] = [
  {
    name: 'clusterip',
    short: 'Create a ClusterIP service',
    usage: 'kubectl create service clusterip NAME [--tcp=<port>:<targetPort>] [--dry-run=server|client|none] [options]',
    flags: [
      { name: 'clusterip', type: 'string', usage: 'Assign your own ClusterIP or set to \'None\' for a \'headless\' service (no loadbalancing).' },
      TCP_FLAG,
      ...GENERATOR_FLAGS,
    ],
    run: serviceRun('ClusterIP'),
  },
  {
    name: 'externalname',
    short: 'Create an ExternalName service',
    usage: 'kubectl create service externalname NAME --external-name external.name [--dry-run=server|client|none] [options]',
    flags: [{ name: 'external-name', type: 'string', usage: 'External name of service' }, TCP_FLAG, ...GENERATOR_FLAGS],
    run: (inv) => {
      requireFlag(inv, 'external-name');
      return serviceRun('ExternalName')(inv);
    },
  },
  {
    name: 'loadbalancer',
    short: 'Create a LoadBalancer service',
    usage: 'kubectl create service loadbalancer NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    flags: [TCP_FLAG, ...GENERATOR_FLAGS],
    run: serviceRun('LoadBalancer'),
  },
  {
    name: 'nodeport',
    short: 'Create a NodePort service',
    usage: 'kubectl create service nodeport NAME [--tcp=port:targetPort] [--dry-run=server|client|none] [options]',
    flags: [{ name: 'node-port', type: 'int', usage: 'Port used to expose the service on each node in a cluster.' }, TCP_FLAG, ...GENERATOR_FLAGS],
    run: serviceRun('NodePort'),
  },
];

// ---------------------------------------------------------------------------------------------
// create deployment / namespace / configmap

function containerName(image: string, random: () => string): string {
  let name = image.split('/').pop() ?? image;
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${random()}`;
  return name;
}

const deploymentCommand: KubectlCommand = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'image', type: 'stringSlice', usage: 'Image names to run. A deployment can have multiple images set for multi-container pod.' },
    { name: 'port', type: 'int', default: -1, usage: 'The containerPort that this deployment exposes.' },
    { name: 'replicas', shorthand: 'r', type: 'int', default: 1, usage: 'Number of replicas to create. Default is 1.' },
    ...GENERATOR_FLAGS,
  ],
  run: (inv) => {
    requireFlag(inv, 'image');
    const name = oneName(inv);
    const images = inv.flags.list('image');
    const port = inv.flags.int('port');
    if (images.length > 1 && port >= 0) throw new KubectlError('cannot expose multiple containers on a single port');
    const command = inv.flags.argsAfterDash;
    const containers = images.map((image) => ({
      name: containerName(image, () => inv.ctx.api.random.nameSuffix()),
      image,
      ...(command && command.length > 0 ? { command } : {}),
      ...(port >= 0 ? { ports: [{ containerPort: port }] } : {}),
      resources: {},
    }));
    const labels = { app: name };
    const obj: KubeObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}), creationTimestamp: null, labels },
      spec: {
        replicas: inv.flags.int('replicas'),
        selector: { matchLabels: labels },
        // The typed Deployment as Go marshals it: the template's zero creationTimestamp is sent
        // as null, and the API server keeps it (it is what `get -o yaml` then shows).
        template: { metadata: { creationTimestamp: null, labels }, spec: { containers } },
        strategy: {},
      },
      status: {},
    } as unknown as KubeObject;
    return createGenerated(inv, 'deployments.apps', obj);
  },
};

const namespaceCommand: KubectlCommand = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  usage: 'kubectl create namespace NAME [--dry-run=server|client|none] [options]',
  flags: [...GENERATOR_FLAGS],
  run: (inv) => createGenerated(inv, 'namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: oneName(inv) }, spec: {} }),
};

const configmapCommand: KubectlCommand = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  usage: 'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none] [options]',
  flags: [
    { name: 'from-file', type: 'stringSlice', usage: 'Key file can be specified using its file path, in which case file basename will be used as configmap key, or optionally with a key and file path, in which case the given key will be used.  Specifying a directory will iterate each named file in the directory whose basename is a valid configmap key.' },
    { name: 'from-literal', type: 'stringArray', usage: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)' },
    ...GENERATOR_FLAGS,
  ],
  run: (inv) => {
    const name = oneName(inv);
    const data: Record<string, string> = {};
    const fs = inv.ctx.fs;
    for (const source of inv.flags.list('from-file')) {
      const eq = source.indexOf('=');
      const [key, path] = eq >= 0 ? [source.slice(0, eq), source.slice(eq + 1)] : [source.split('/').filter(Boolean).pop() ?? source, source];
      if (!fs.exists(path)) throw new KubectlError(`error reading ${path}: no such file or directory`);
      if (fs.isDir(path)) {
        for (const f of fs.filesUnder(path)) data[f.split('/').pop()!] = fs.read(f) ?? '';
        continue;
      }
      data[key] = fs.read(path) ?? '';
    }
    for (const literal of inv.flags.list('from-literal')) {
      const eq = literal.indexOf('=');
      if (eq <= 0) throw new KubectlError(`invalid literal source ${literal}, expected key=value`);
      data[literal.slice(0, eq)] = literal.slice(eq + 1).replace(/^"(.*)"$/, '$1');
    }
    const obj: KubeObject = {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name, ...(inv.namespaceGiven ? { namespace: inv.namespace } : {}) },
      ...(Object.keys(data).length > 0 ? { data } : {}),
    };
    return createGenerated(inv, 'configmaps', obj);
  },
};

const serviceCommand: KubectlCommand = {
  name: 'service',
  aliases: ['svc'],
  short: 'Create a service using a specified subcommand',
  usage: 'kubectl create service [flags] [options]',
  flags: [],
  subcommands: serviceSubcommands,
};

export const createCommand: KubectlCommand = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [
    { name: 'filename', shorthand: 'f', type: 'stringSlice', usage: 'Filename, directory, or URL to files to use to create the resource' },
    ...GENERATOR_FLAGS,
  ],
  subcommands: [configmapCommand, deploymentCommand, namespaceCommand, serviceCommand],
  run: runCreateFromFiles,
};
