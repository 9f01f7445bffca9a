/**
 * Tab completion for the terminal, as kubectl's shell completion (`kubectl __complete`, cobra's
 * ValidArgsFunction in staging/src/k8s.io/kubectl/pkg/util/completion/completion.go) offers it:
 * every kubectl command, subcommands, resource types as `api-resources -o name` names them, the
 * names of objects in the cluster (read through the API, as a real completion does with a `get`),
 * pods and TYPE/ of their owners for exec and logs, the types a verb allows, required flags, flag
 * names, namespaces for -n, output formats for `get -o`, manifests for -f; and where kubectl has
 * nothing to offer, file names, as bash then does. test/conformance/completion.test.ts compares
 * it with the real kubectl's `__complete`; containers after `logs POD` and `exec POD -c`, the
 * kubeconfig's names for --context/--cluster/--user and `config use-context`. Not done: flags
 * kubectl has that KubeLab does not simulate (--token, --as...), and the containers of a
 * controller named as TYPE/NAME (kubectl picks one of its pods).
 * Outside kubectl it completes command names, then file names, as bash does.
 *
 * Pure: everything it reads comes through `CompletionSource`, so tests run in Node.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { ResourceInfo } from '../cluster/api/resources.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { Kubeconfig } from './kubeconfig.ts';
import type { KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { FlagDef } from './flags.ts';
import { GLOBAL_FLAGS } from './kubectl.ts';
import { findResource } from './mapper.ts';
import { KUBECTL_COMMAND_ORDER } from './suggest.ts';

export interface CompletionSource {
  commands: readonly KubectlCommand[];
  globalFlags: readonly FlagDef[];
  resources(): readonly ResourceInfo[];
  /** Names of the objects of a resource (in a namespace when it is namespaced). */
  names(resource: ResourceInfo, namespace: string): string[];
  /** Entries of a directory as `VirtualFS.list` gives them (directories end in '/'), or undefined. */
  list(dir: string): string[] | undefined;
  /** Commands the shell knows besides kubectl. */
  shellCommands: readonly string[];
  namespace: string;
  /** Container names of a pod (`POD` or `pod/POD`), for `logs POD` and `exec -c`. */
  containers(namespace: string, pod: string): string[];
  /** The kubeconfig's context, cluster and user names, for --context and `config use-context`. */
  kubeconfigNames?: { contexts: string[]; clusters: string[]; users: string[] };
}

export interface CompletionResult {
  /** Index in the line where the word being completed starts. */
  start: number;
  candidates: string[];
}

/** Output formats `get -o` completes to (get.go's printer flags: AllowedFormats). */
export const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'go-template', 'go-template-file', 'template', 'templatefile', 'jsonpath', 'jsonpath-as-json', 'jsonpath-file', 'custom-columns', 'custom-columns-file', 'wide'];

/** kubectl v1.33's root commands as its completion lists them (cobra adds `help`). */
const ROOT_COMMANDS = [...KUBECTL_COMMAND_ORDER, 'help'];

/** Subcommands by command path, as cobra completes them where a command has some. */
const SUBCOMMANDS: Record<string, readonly string[]> = {
  create: ['clusterrole', 'clusterrolebinding', 'configmap', 'cronjob', 'deployment', 'ingress', 'job', 'namespace', 'poddisruptionbudget', 'priorityclass', 'quota', 'role', 'rolebinding', 'secret', 'service', 'serviceaccount', 'token'],
  'create service': ['clusterip', 'externalname', 'loadbalancer', 'nodeport'],
  'create secret': ['docker-registry', 'generic', 'tls'],
  config: ['current-context', 'delete-cluster', 'delete-context', 'delete-user', 'get-clusters', 'get-contexts', 'get-users', 'rename-context', 'set', 'set-cluster', 'set-context', 'set-credentials', 'unset', 'use-context', 'view'],
  set: ['env', 'image', 'resources', 'selector', 'serviceaccount', 'subject'],
  rollout: ['history', 'pause', 'restart', 'resume', 'status', 'undo'],
  top: ['node', 'pod'],
  'cluster-info': ['dump'],
  auth: ['can-i', 'reconcile', 'whoami'],
  certificate: ['approve', 'deny'],
  apply: ['edit-last-applied', 'set-last-applied', 'view-last-applied'],
  plugin: ['list'],
};

/**
 * How a command completes its arguments (its ValidArgsFunction in kubectl's pkg/cmd, the helpers
 * of pkg/util/completion/completion.go): resource types then names (all types, or the ones it
 * allows; `repeat` for more than one object), pods (and TYPE/ of what runs pods), or names of one
 * type. A command without one leaves the word to bash: file names.
 */
type ArgCompletion =
  | { kind: 'types'; allowed?: readonly string[]; repeat: boolean }
  | { kind: 'pods'; thenContainers?: boolean }
  | { kind: 'names'; resource: string }
  | { kind: 'kubeconfig'; names: 'contexts' | 'clusters' | 'users' };
const ANY_TYPE: ArgCompletion = { kind: 'types', repeat: true };
const ROLLOUT_TYPES = ['deployment', 'daemonset', 'statefulset'];
const SCALE_TYPES = ['deployment', 'replicaset', 'replicationcontroller', 'statefulset'];
const ARGS: Record<string, ArgCompletion> = {
  get: ANY_TYPE, describe: ANY_TYPE, delete: ANY_TYPE, edit: ANY_TYPE, label: ANY_TYPE, annotate: ANY_TYPE, patch: ANY_TYPE, debug: ANY_TYPE,
  'apply edit-last-applied': ANY_TYPE, 'apply view-last-applied': ANY_TYPE,
  expose: { kind: 'types', allowed: ['pod', 'service', 'replicationcontroller', 'deployment', 'replicaset'], repeat: true },
  scale: { kind: 'types', allowed: SCALE_TYPES, repeat: true },
  autoscale: { kind: 'types', allowed: SCALE_TYPES, repeat: true },
  'rollout history': { kind: 'types', allowed: ROLLOUT_TYPES, repeat: true },
  'rollout restart': { kind: 'types', allowed: ROLLOUT_TYPES, repeat: true },
  'rollout undo': { kind: 'types', allowed: ROLLOUT_TYPES, repeat: true },
  'rollout status': { kind: 'types', allowed: ROLLOUT_TYPES, repeat: false },
  'rollout pause': { kind: 'types', allowed: ['deployment'], repeat: true },
  'rollout resume': { kind: 'types', allowed: ['deployment'], repeat: true },
  'set image': { kind: 'types', allowed: ['daemonsets', 'deployments', 'pods', 'cronjobs', 'replicasets', 'replicationcontrollers', 'statefulsets'], repeat: false },
  taint: { kind: 'types', allowed: ['node'], repeat: true },
  exec: { kind: 'pods' }, attach: { kind: 'pods' }, logs: { kind: 'pods', thenContainers: true }, 'port-forward': { kind: 'pods' },
  'config use-context': { kind: 'kubeconfig', names: 'contexts' }, 'config delete-context': { kind: 'kubeconfig', names: 'contexts' },
  'config rename-context': { kind: 'kubeconfig', names: 'contexts' }, 'config set-context': { kind: 'kubeconfig', names: 'contexts' },
  'config delete-cluster': { kind: 'kubeconfig', names: 'clusters' }, 'config delete-user': { kind: 'kubeconfig', names: 'users' },
  'top pod': { kind: 'names', resource: 'pod' }, 'top node': { kind: 'names', resource: 'node' },
  drain: { kind: 'names', resource: 'node' }, cordon: { kind: 'names', resource: 'node' }, uncordon: { kind: 'names', resource: 'node' },
  'create token': { kind: 'names', resource: 'serviceaccount' },
};

/** Flags a command marks required (cmd.MarkFlagRequired): offered on an empty word, as cobra does. */
const REQUIRED_FLAGS: Record<string, readonly string[]> = {
  scale: ['replicas'], run: ['image'], autoscale: ['max'], 'create deployment': ['image'], 'create cronjob': ['image', 'schedule'],
  'create clusterrolebinding': ['clusterrole'], 'create service externalname': ['external-name'],
};

/** The kinds of pod owners `kubectl exec`/`logs` accept as TYPE/NAME (doPodResourceCompletion). */
const RESOURCES_WITH_PODS = ['daemonsets', 'deployments', 'pods', 'jobs', 'replicasets', 'replicationcontrollers', 'services', 'statefulsets'];

/** `-f` takes manifests: bash is told to complete files with these extensions (and folders). */
const MANIFEST_EXTENSIONS = ['json', 'yaml', 'yml'];

interface Word {
  text: string;
  start: number;
}

/** Words of the line before the cursor (quotes kept simple: a quoted stretch is one word). */
function words(line: string): Word[] {
  const out: Word[] = [];
  let cur: Word | undefined;
  let quote = '';
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quote) {
      if (ch === quote) quote = '';
      else cur!.text += ch;
      continue;
    }
    if (/\s/.test(ch) || ch === '|' || ch === ';' || ch === '&') {
      if (cur) out.push(cur);
      cur = undefined;
      // A new command after a pipe or list operator starts over.
      if (ch === '|' || ch === ';' || ch === '&') out.length = 0;
      continue;
    }
    cur ??= { text: '', start: i };
    if (ch === '"' || ch === "'") quote = ch;
    else cur.text += ch;
  }
  out.push(cur ?? { text: '', start: line.length });
  return out;
}

const byPrefix = (items: Iterable<string>, prefix: string) => [...new Set([...items].filter((s) => s.startsWith(prefix)))].sort();

export function complete(line: string, cursor: number, src: CompletionSource): CompletionResult {
  const ws = words(line.slice(0, cursor));
  const word = ws[ws.length - 1];
  const before = ws.slice(0, -1).map((w) => w.text);
  const result = (candidates: string[], start = word.start) => ({ start, candidates });
  if (before.length === 0) return result(byPrefix(['kubectl', ...src.shellCommands], word.text));
  if (before[0] !== 'kubectl' && before[0] !== 'k') return result(files(word.text, src));
  return completeKubectl(before.slice(1), word, src);
}

/**
 * kubectl's completion (`kubectl __complete ARGS WORD`) and what bash does with its answer: with
 * no candidates and no "no file completion" directive, bash completes file names.
 */
function completeKubectl(args: string[], word: Word, src: CompletionSource): CompletionResult {
  // Bash shows the candidates sorted, whatever order kubectl gave them in.
  const at = (candidates: string[], start = word.start) => ({ start, candidates: [...new Set(candidates)].sort() });
  // The command path (`rollout status`), the simulated command behind it (for its flags), the
  // flags given so far and the positional arguments.
  const path: string[] = [];
  let cmd: KubectlCommand | undefined;
  let namespace = src.namespace;
  const positionals: string[] = [];
  const given = new Set<string>();
  const flagDefs = (): readonly FlagDef[] => [...(cmd?.flags ?? []), ...src.globalFlags];
  let expectValueOf: FlagDef | undefined;
  for (const a of args) {
    if (expectValueOf) {
      if (expectValueOf.name === 'namespace') namespace = a;
      expectValueOf = undefined;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      const def = findFlag(flagDefs(), a);
      const inline = a.includes('=') || (!a.startsWith('--') && a.length > 2);
      if (def) given.add(def.name);
      if (def && def.name === 'namespace' && inline) namespace = a.startsWith('--') ? a.slice(a.indexOf('=') + 1) : a.slice(2).replace(/^=/, '');
      if (def && def.type !== 'bool' && !inline && def.noOptDefault === undefined) expectValueOf = def;
      continue;
    }
    if (path.length === 0) {
      const verb = src.commands.find((c) => c.name === a || c.aliases?.includes(a));
      const name = verb?.name ?? a;
      if (!verb && !ROOT_COMMANDS.includes(name)) return at([]);
      path.push(name);
      cmd = verb;
      continue;
    }
    if (positionals.length === 0 && SUBCOMMANDS[path.join(' ')]?.includes(a)) {
      path.push(a);
      cmd = cmd?.subcommands?.find((c) => c.name === a || c.aliases?.includes(a));
      continue;
    }
    positionals.push(a);
  }
  const text = word.text;
  const key = path.join(' ');
  const verb = path[0];
  // A value for the flag just before, or --flag=value.
  const valueCtx = { namespace, verb, pod: positionals[0] };
  if (expectValueOf) return at(flagValues(expectValueOf, text, valueCtx, src));
  const eq = text.indexOf('=');
  if (text.startsWith('--') && eq > 0) {
    const def = findFlag(flagDefs(), text.slice(0, eq));
    if (!def) return at([]);
    return at(flagValues(def, text.slice(eq + 1), valueCtx, src), word.start + eq + 1);
  }
  if (text.startsWith('-')) {
    const open = flagDefs().filter((d) => !d.hidden && (!given.has(d.name) || d.type === 'stringArray' || d.type === 'stringSlice'));
    const names = open.map((d) => `--${d.name}`);
    if (text === '-') names.push(...open.filter((d) => d.shorthand).map((d) => `-${d.shorthand}`));
    return at(byPrefix(names, text));
  }
  if (path.length === 0) return at(byPrefix(ROOT_COMMANDS, text));
  const required = text === '' ? (REQUIRED_FLAGS[key] ?? []).filter((f) => !given.has(f)).map((f) => `--${f}`) : [];
  const subcommands = SUBCOMMANDS[key];
  if (subcommands && positionals.length === 0) return at([...required, ...byPrefix(subcommands, text)]);
  const how = ARGS[key];
  if (!how) return at(required.length ? required : files(text, src));
  return at([...required, ...completeArgs(how, positionals, text, namespace, src)]);
}

function completeArgs(how: ArgCompletion, positionals: string[], text: string, namespace: string, src: CompletionSource): string[] {
  const namesOf = (type: string, prefix: string) => {
    const info = findResource(src.resources(), type);
    return info ? byPrefix(src.names(info, namespace), prefix) : [];
  };
  const slash = text.indexOf('/');
  const typedNames = () => namesOf(text.slice(0, slash), text.slice(slash + 1)).map((n) => `${text.slice(0, slash)}/${n}`);
  switch (how.kind) {
    case 'names':
      return positionals.length === 0 ? namesOf(how.resource, text) : [];
    case 'kubeconfig':
      return positionals.length === 0 ? byPrefix(src.kubeconfigNames?.[how.names] ?? [], text) : [];
    case 'pods':
      if (positionals.length === 1 && how.thenContainers) return byPrefix(src.containers(namespace, positionals[0]), text);
      if (positionals.length > 0) return [];
      if (slash >= 0) return typedNames();
      return [...namesOf('pods', text), ...RESOURCES_WITH_PODS.filter((r) => r.startsWith(text)).map((r) => `${r}/`)];
    case 'types': {
      const first = positionals[0];
      if (first !== undefined && !first.includes('/')) {
        if (!how.repeat && positionals.length > 1) return [];
        const done = new Set(positionals.slice(1));
        return namesOf(first.split(',')[0], text).filter((n) => !done.has(n));
      }
      if (slash < 0) {
        const types = how.allowed ? how.allowed.filter((t) => t.startsWith(text)) : resourceList(text, src);
        if (first === undefined) return types;
        return how.repeat ? types.map((t) => `${t}/`) : [];
      }
      if (!how.repeat && first !== undefined) return [];
      const done = new Set(positionals);
      return typedNames().filter((n) => !done.has(n));
    }
  }
}

function findFlag(defs: readonly FlagDef[], arg: string): FlagDef | undefined {
  if (arg.startsWith('--')) {
    const name = arg.slice(2).split('=')[0];
    return defs.find((d) => d.name === name);
  }
  return defs.find((d) => d.shorthand === arg[1]);
}

/** Completions registered for flag values (kubectl's RegisterFlagCompletionFunc calls). */
function flagValues(def: FlagDef, text: string, { namespace, verb, pod }: { namespace: string; verb?: string; pod?: string }, src: CompletionSource): string[] {
  switch (def.name) {
    case 'context':
      return byPrefix(src.kubeconfigNames?.contexts ?? [], text);
    case 'cluster':
      return byPrefix(src.kubeconfigNames?.clusters ?? [], text);
    case 'user':
      return byPrefix(src.kubeconfigNames?.users ?? [], text);
    case 'container':
      if (verb === 'exec') return pod ? byPrefix(src.containers(namespace, pod), text) : [];
      return files(text, src);
    case 'filename':
      return files(text, src, MANIFEST_EXTENSIONS);
    case 'namespace': {
      const ns = src.resources().find((r) => r.resource === 'namespaces');
      return ns ? byPrefix(src.names(ns, namespace), text) : [];
    }
    case 'output':
      // Only `get` registers a completion for -o; elsewhere bash completes file names.
      if (verb === 'get') return byPrefix(OUTPUT_FORMATS, text);
      return files(text, src);
    default:
      // No completion registered for the flag's value: bash completes file names.
      return files(text, src);
  }
}

/**
 * Resource types as `kubectl api-resources -o name --verbs=get` names them (compGetResourceList):
 * `resource` in the core group, `resource.group` in the others. In a comma-separated list only
 * the last one is completed.
 */
function resourceList(text: string, src: CompletionSource): string[] {
  const comma = text.lastIndexOf(',');
  const [head, tail] = [text.slice(0, comma + 1), text.slice(comma + 1)];
  const names = src
    .resources()
    .filter((r) => !r.resource.includes('/') && r.verbs.includes('get'))
    .map((r) => (r.group ? `${r.resource}.${r.group}` : r.resource));
  return byPrefix(names, tail).map((n) => head + n);
}

/** File names bash completes for the word; with extensions, only those files (and folders). */
function files(text: string, src: CompletionSource, extensions?: readonly string[]): string[] {
  const slash = text.lastIndexOf('/');
  const dir = slash < 0 ? '' : text.slice(0, slash + 1);
  const entries = src.list(dir === '' ? '.' : dir);
  if (!entries) return [];
  const wanted = (e: string) => !extensions || e.endsWith('/') || extensions.some((x) => e.endsWith(`.${x}`));
  return byPrefix(
    entries.filter(wanted).map((e) => dir + e),
    text,
  );
}

/** A completion source reading the simulated cluster's API and the shell's files. */
export function completionSource(api: ApiServer, fs: VirtualFS, shellCommands: readonly string[], namespace = 'default', kubeconfig?: Kubeconfig): CompletionSource {
  return {
    // A pod named as POD or pod/POD (kubectl also turns a controller's TYPE/NAME into one of its
    // pods; not done here).
    containers: (ns, arg) => {
      const m = /^(?:(?:pods?|po)\/)?([^/]+)$/.exec(arg);
      if (!m) return [];
      try {
        const pod = api.get('pods', ns, m[1]).object as { spec?: { containers?: { name: string }[] } };
        return (pod.spec?.containers ?? []).map((c) => c.name);
      } catch {
        return [];
      }
    },
    kubeconfigNames: kubeconfig && {
      contexts: kubeconfig.contexts.map((c) => c.name),
      clusters: kubeconfig.clusters.map((c) => c.name),
      users: kubeconfig.users.map((u) => u.name),
    },
    commands: COMMANDS,
    globalFlags: GLOBAL_FLAGS,
    resources: () => api.discovery(),
    names: (r, ns) => {
      try {
        return api.list(r.resource, r.namespaced ? ns : undefined).object.items.map((o) => o.metadata.name as string);
      } catch {
        return [];
      }
    },
    list: (dir) => (fs.isDir(dir) ? fs.list(dir) : undefined),
    shellCommands,
    namespace,
  };
}
