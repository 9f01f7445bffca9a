/**
 * kubectl run NAME --image=IMAGE (pkg/cmd/run/run.go and the run-pod/v1 generator in
 * pkg/generate/versioned/run.go): one Pod labelled run=NAME (or --labels), with --port, --env,
 * --restart and a command or arguments after the name. Prints `pod/NAME created`.
 */
import { ApiError } from '../../cluster/api/errors.ts';
import { resourceInfo, type ResourceInfo } from '../../cluster/api/resources.ts';
import type { Invocation, KubectlCommand } from '../command.ts';
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
  const restart = flags.string('restart');
  const policy = { always: 'Always', onfailure: 'OnFailure', never: 'Never' }[restart.toLowerCase()];
  if (!policy) throw new KubectlError(`invalid restart policy: ${restart}`, usageHint);
  const dryRun = dryRunStrategy(flags);
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
  try {
    const res = ctx.api.create('pods', inv.namespace, pod, { dryRun: dryRun === 'server' });
    inv.warn(res.warnings);
    io.stdout(objectOutput({ info: PODS, name, object: res.object, typed: false }, 'created', dryRun, output));
  } catch (e) {
    if (e instanceof ApiError) inv.warn(e.warnings);
    throw e;
  }
  return 0;
}

export const runCommand: KubectlCommand = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    { name: 'command', type: 'bool', usage: 'If true and extra arguments are present, use them as the \'command\' field in the container, rather than the \'args\' field which is the default.' },
    DRY_RUN_FLAG,
    { name: 'env', type: 'stringArray', usage: 'Environment variables to set in the container.' },
    { name: 'image', type: 'string', usage: 'The image for the container to run.' },
    { name: 'labels', shorthand: 'l', type: 'string', usage: 'Comma separated labels to apply to the pod. Will override previous values.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    { name: 'port', type: 'string', usage: 'The port that this container exposes.' },
    { name: 'restart', type: 'string', default: 'Always', usage: 'The restart policy for this Pod.' },
  ],
  run,
};
