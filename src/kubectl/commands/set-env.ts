/**
 * kubectl set env (pkg/cmd/set/set_env.go): `TYPE NAME KEY=VALUE ... KEY- ...` (and -e) sets and
 * removes environment variables of the containers -c picks (a glob, all by default) in a pod
 * spec or template: existing variables keep their place, new ones are appended (updateEnv).
 * `--list` prints each container's variables instead of changing anything. Prints
 * `deployment.apps/NAME env updated`; nothing when nothing changed.
 */
import type { Invocation, KubectlCommand } from '../command.ts';
import { KubectlError } from '../errors.ts';
import { checkObjectOutput } from '../object-output.ts';
import { changeEachPodSpec, patchPodSpecChange, selectContainers } from '../pod-template.ts';
import { DRY_RUN_FLAG, dryRunStrategy } from '../write-options.ts';
import { NO_RESOURCE_ARGS } from './set.ts';

type Obj = Record<string, unknown>;
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: Obj;
}

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** envutil.SplitEnvironmentFromResources: resources first, then KEY=VALUE and KEY- arguments. */
function splitEnvironment(args: readonly string[]): { resources: string[]; envArgs: string[] } {
  const resources: string[] = [];
  const envArgs: string[] = [];
  for (const a of args) {
    const isEnv = /^.+=/s.test(a) || a.endsWith('-');
    if (isEnv) envArgs.push(a);
    else if (envArgs.length > 0) throw new KubectlError(`all resources must be specified before environment changes: ${args.join(' ')}`, "See 'kubectl set env -h' for help and examples");
    else resources.push(a);
  }
  return { resources, envArgs };
}

/** envutil.ParseEnv: what to set and what to remove. */
function parseEnv(specs: readonly string[]): { env: EnvVar[]; remove: string[] } {
  const env: EnvVar[] = [];
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      const name = spec.slice(0, eq);
      if (!ENV_NAME.test(name)) throw new KubectlError(`"${name}" is not a valid key name: ${ENV_NAME_ERROR}`);
      env.push({ name, value: spec.slice(eq + 1) });
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else throw new KubectlError(`unknown environment variable: ${spec}`);
  }
  return { env, remove };
}

/** updateEnv: replaced in place, removed, new ones appended in the order given. */
function updateEnv(existing: EnvVar[], env: EnvVar[], remove: string[]): EnvVar[] {
  const covered = new Set(remove);
  const out: EnvVar[] = [];
  for (const e of existing) {
    if (covered.has(e.name)) continue;
    const newer = env.find((n) => n.name === e.name);
    if (newer) {
      covered.add(e.name);
      out.push(newer);
    } else out.push(e);
  }
  for (const e of env) {
    if (covered.has(e.name)) continue;
    covered.add(e.name);
    out.push(e);
  }
  return out;
}

/** envutil.GetEnvVarRefString: where a variable's value comes from, for --list. */
function refString(from: Obj): string {
  const ref = (k: string) => from[k] as Obj | undefined;
  if (ref('configMapKeyRef')) return `configmap ${ref('configMapKeyRef')!.name}, key ${ref('configMapKeyRef')!.key}`;
  if (ref('secretKeyRef')) return `secret ${ref('secretKeyRef')!.name}, key ${ref('secretKeyRef')!.key}`;
  if (ref('fieldRef')) return `field path ${ref('fieldRef')!.fieldPath}`;
  if (ref('resourceFieldRef')) {
    const r = ref('resourceFieldRef')!;
    return `resource field ${r.containerName ? `${r.containerName}/` : ''}${r.resource}`;
  }
  return 'invalid source';
}

async function run(inv: Invocation): Promise<number> {
  const { io, flags } = inv;
  const dryRun = dryRunStrategy(flags);
  const output = flags.string('output');
  checkObjectOutput(output);
  const { resources, envArgs } = splitEnvironment(flags.args);
  if (resources.length === 0) throw new KubectlError(NO_RESOURCE_ARGS);
  const { env, remove } = parseEnv([...flags.list('env'), ...envArgs]);
  const list = flags.bool('list');
  const selector = flags.string('containers');
  changeEachPodSpec(inv, resources, (t, before, after, spec) => {
    const containers = [...selectContainers(spec.containers, selector), ...selectContainers(spec.initContainers, selector)];
    if (containers.length === 0) {
      io.stderr(`Warning: ${t.info.kind}/${t.name} does not have any containers matching "${selector}"\n`);
      return;
    }
    for (const c of containers) {
      const existing = (c.env as EnvVar[] | undefined) ?? [];
      if (!flags.bool('overwrite')) {
        for (const e of env) {
          const old = existing.find((x) => x.name === e.name);
          if (old && old.value !== e.value) {
            throw new KubectlError(`${t.info.resource}/${t.name} '${e.name}' already has a value (${old.value ?? ''}), and --overwrite is false`);
          }
        }
      }
      const updated = updateEnv(existing, env, remove);
      if (updated.length > 0) c.env = updated;
      else delete c.env;
      if (list) {
        let text = `# ${t.info.kind} ${t.name}, container ${c.name}\n`;
        for (const e of updated) text += e.valueFrom ? `# ${e.name} from ${refString(e.valueFrom)}\n` : `${e.name}=${e.value ?? ''}\n`;
        io.stdout(text);
      }
    }
    if (!list) patchPodSpecChange(inv, t, before, after, 'env updated', dryRun, output);
  });
  return 0;
}

export const setEnvCommand: KubectlCommand = {
  name: 'env',
  short: 'Update environment variables on a pod template',
  usage: 'kubectl set env RESOURCE/NAME KEY_1=VAL_1 ... KEY_N=VAL_N [options]',
  flags: [
    { name: 'all', type: 'bool', usage: 'If true, select all resources in the namespace of the specified resource types' },
    { name: 'containers', shorthand: 'c', type: 'string', default: '*', usage: 'The names of containers in the selected pod templates to change - may use wildcards' },
    DRY_RUN_FLAG,
    { name: 'env', shorthand: 'e', type: 'stringArray', usage: 'Specify a key-value pair for an environment variable to set into each container.' },
    { name: 'list', type: 'bool', usage: 'If true, display the environment and any changes in the standard format. this flag will removed when we have kubectl view env.' },
    { name: 'output', shorthand: 'o', type: 'string', usage: 'Output format.' },
    { name: 'overwrite', type: 'bool', default: true, usage: 'If true, allow environment to be overwritten, otherwise reject updates that overwrite existing environment.' },
  ],
  run,
};
