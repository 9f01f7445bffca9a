/**
 * Tab completion for the terminal, as kubectl's shell completion (`kubectl __complete`, cobra's
 * ValidArgsFunction in staging/src/k8s.io/kubectl/pkg/util/completion/completion.go) offers it:
 * verbs, resource types, the names of objects in the cluster (read through the API, as a real
 * completion does with a `get`), flags, namespaces for -n, output formats for -o and file names
 * for -f. Outside kubectl it completes command names, then file names, as bash does.
 *
 * Pure: everything it reads comes through `CompletionSource`, so tests run in Node.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import type { ResourceInfo } from '../cluster/api/resources.ts';
import type { VirtualFS } from '../shell/vfs.ts';
import type { KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { FlagDef } from './flags.ts';
import { GLOBAL_FLAGS } from './kubectl.ts';
import { findResource } from './mapper.ts';

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
}

export interface CompletionResult {
  /** Index in the line where the word being completed starts. */
  start: number;
  candidates: string[];
}

/** Output formats kubectl's -o completion offers (get.go's printer flags). */
export const OUTPUT_FORMATS = ['custom-columns=', 'custom-columns-file=', 'go-template=', 'go-template-file=', 'json', 'jsonpath=', 'jsonpath-as-json=', 'jsonpath-file=', 'name', 'template=', 'templatefile=', 'wide', 'yaml'];

/** Verbs whose first argument is a resource type (then names of that type). */
const TAKES_RESOURCE = new Set(['get', 'describe', 'delete', 'edit', 'label', 'annotate', 'patch', 'scale', 'expose', 'explain', 'rollout', 'set', 'wait']);
/** Verbs whose first argument is a pod. */
const TAKES_POD = new Set(['exec', 'logs', 'attach', 'port-forward', 'cp']);

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

function completeKubectl(args: string[], word: Word, src: CompletionSource): CompletionResult {
  const at = (candidates: string[], start = word.start) => ({ start, candidates });
  // Find the verb and the flags given so far.
  let verb: KubectlCommand | undefined;
  let namespace = src.namespace;
  const positionals: string[] = [];
  const flagDefs = (): readonly FlagDef[] => [...(verb?.flags ?? []), ...src.globalFlags];
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
      if (def && def.name === 'namespace' && inline) namespace = a.startsWith('--') ? a.slice(a.indexOf('=') + 1) : a.slice(2).replace(/^=/, '');
      if (def && def.type !== 'bool' && !inline && def.noOptDefault === undefined) expectValueOf = def;
      continue;
    }
    if (!verb) {
      verb = src.commands.find((c) => c.name === a || c.aliases?.includes(a));
      if (!verb) return at([]);
      continue;
    }
    positionals.push(a);
  }
  const text = word.text;
  // A value for the flag just before.
  if (expectValueOf) return at(flagValues(expectValueOf, text, namespace, src));
  // --flag=value
  const eq = text.indexOf('=');
  if (text.startsWith('--') && eq > 0) {
    const def = findFlag(flagDefs(), text.slice(0, eq));
    if (!def) return at([]);
    return at(flagValues(def, text.slice(eq + 1), namespace, src), word.start + eq + 1);
  }
  if (text.startsWith('-')) {
    const names = flagDefs()
      .filter((d) => !d.hidden)
      .map((d) => `--${d.name}${d.type === 'bool' ? '' : '='}`);
    // A flag that takes a value completes to `--name=`; offer the plain form too when typed whole.
    const plain = flagDefs().map((d) => `--${d.name}`);
    const c = byPrefix(names, text);
    return at(c.length === 1 && plain.includes(text) ? [text] : c);
  }
  if (!verb) return at(byPrefix(src.commands.map((c) => c.name), text));
  if (TAKES_POD.has(verb.name) && positionals.length === 0) {
    const pods = src.resources().find((r) => r.resource === 'pods');
    return at(pods ? byPrefix(src.names(pods, namespace), text) : []);
  }
  if (!TAKES_RESOURCE.has(verb.name)) return at([]);
  // TYPE/NAME
  const slash = text.indexOf('/');
  if (slash > 0) {
    const info = findResource(src.resources(), text.slice(0, slash));
    if (!info) return at([]);
    const typed = text.slice(0, slash + 1);
    return at(byPrefix(src.names(info, namespace).map((n) => typed + n), text));
  }
  if (positionals.length === 0 || verb.name === 'explain') return at(byPrefix(resourceNames(src.resources()), text));
  const info = findResource(src.resources(), positionals[0].split(',')[0]);
  if (!info || positionals[0].includes('/')) return at([]);
  const given = new Set(positionals.slice(1));
  return at(byPrefix(src.names(info, namespace).filter((n) => !given.has(n)), text));
}

function findFlag(defs: readonly FlagDef[], arg: string): FlagDef | undefined {
  if (arg.startsWith('--')) {
    const name = arg.slice(2).split('=')[0];
    return defs.find((d) => d.name === name);
  }
  return defs.find((d) => d.shorthand === arg[1]);
}

function flagValues(def: FlagDef, text: string, namespace: string, src: CompletionSource): string[] {
  switch (def.name) {
    case 'filename':
      return files(text, src);
    case 'namespace': {
      const ns = src.resources().find((r) => r.resource === 'namespaces');
      return ns ? byPrefix(src.names(ns, namespace), text) : [];
    }
    case 'output':
      return byPrefix(OUTPUT_FORMATS, text);
    default:
      return [];
  }
}

/** Resource types as kubectl completes them: plural names, group-qualified only where ambiguous. */
function resourceNames(resources: readonly ResourceInfo[]): string[] {
  const count = new Map<string, number>();
  for (const r of resources) count.set(r.resource, (count.get(r.resource) ?? 0) + 1);
  return resources.filter((r) => !r.resource.includes('/')).map((r) => (count.get(r.resource)! > 1 && r.group ? `${r.resource}.${r.group}` : r.resource));
}

function files(text: string, src: CompletionSource): string[] {
  const slash = text.lastIndexOf('/');
  const dir = slash < 0 ? '' : text.slice(0, slash + 1);
  const entries = src.list(dir === '' ? '.' : dir);
  if (!entries) return [];
  return byPrefix(
    entries.map((e) => dir + e),
    text,
  );
}

/** A completion source reading the simulated cluster's API and the shell's files. */
export function completionSource(api: ApiServer, fs: VirtualFS, shellCommands: readonly string[], namespace = 'default'): CompletionSource {
  return {
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
