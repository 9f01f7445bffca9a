/**
 * What the learner ran, as checks see it: each history line parsed as the shell parses it, each
 * kubectl invocation split into verb, resource, names, flags and the command after `--`.
 * `kubectl describe service kubia`, `k describe svc/kubia` and `kubectl -n default describe svc
 * kubia` all read as verb describe, resource services, name kubia.
 */
import { RESOURCES } from '../cluster/api/resources.ts';
import { findResource } from '../kubectl/mapper.ts';
import { parse } from '../shell/parser.ts';
import type { HistoryEntry } from '../shell/shell.ts';
import type { RanCheck } from './types.ts';

export interface Invocation {
  /** The whole history line. */
  line: string;
  exitCode: number;
  program: string;
  /** kubectl only. */
  verb?: string;
  /** Positional arguments after the verb. */
  positionals: string[];
  /** After `--`: what `kubectl exec` runs in the container. */
  afterDash: string[];
}

/** kubectl flags that take a separate value (`-n default`), so the value is not read as an argument. */
const VALUE_FLAGS = new Set([
  '-n', '--namespace', '-o', '--output', '-l', '--selector', '-c', '--container', '-f', '--filename',
  '--context', '--kubeconfig', '--cluster', '--user', '--field-selector', '--type', '--port',
  '--target-port', '--name', '--image', '--replicas', '-p', '--patch', '--sort-by', '--template',
  '-L', '--label-columns', '--timeout', '--for', '--protocol', '--external-name', '--tcp',
  '--current-replicas', '--resource-version', '--env', '--labels', '--restart', '--grace-period',
  '--request-timeout', '-s', '--server', '--chunk-size', '--selector-type', '--subresource',
]);

export function invocations(entry: HistoryEntry): Invocation[] {
  let lists;
  try {
    lists = parse(entry.command, {});
  } catch {
    return [];
  }
  const out: Invocation[] = [];
  for (const list of lists)
    for (const pipeline of list.pipelines)
      for (const cmd of pipeline.commands) {
        if (cmd.argv.length === 0) continue;
        const [program, ...args] = cmd.argv;
        const inv: Invocation = { line: entry.command, exitCode: entry.exitCode, program: program === 'k' ? 'kubectl' : program, positionals: [], afterDash: [] };
        for (let i = 0; i < args.length; i++) {
          const a = args[i];
          if (a === '--') {
            inv.afterDash = args.slice(i + 1);
            break;
          }
          if (a.startsWith('-')) {
            if (!a.includes('=') && VALUE_FLAGS.has(a)) i++;
            continue;
          }
          if (inv.program === 'kubectl' && inv.verb === undefined) inv.verb = a;
          else inv.positionals.push(a);
        }
        out.push(inv);
      }
  return out;
}

/** The resource key kubectl would resolve a typed resource to (`svc` -> `services`). */
export function canonicalResource(typed: string): string | undefined {
  const info = findResource(RESOURCES, typed);
  return info ? (info.group ? `${info.resource}.${info.group}` : info.resource) : undefined;
}

/** The resource and names an invocation addresses: `svc kubia`, `svc/kubia`, `pod/a pod/b`. */
function targets(inv: Invocation): { resource?: string; name?: string }[] {
  const [first, ...rest] = inv.positionals;
  if (first === undefined) return [];
  if (inv.verb === 'exec' || inv.verb === 'logs') {
    const slash = first.indexOf('/');
    return slash < 0 ? [{ resource: 'pods', name: first }] : [{ resource: canonicalResource(first.slice(0, slash)), name: first.slice(slash + 1) }];
  }
  if (first.includes('/')) {
    return inv.positionals
      .filter((p) => p.includes('/'))
      .map((p) => ({ resource: canonicalResource(p.slice(0, p.indexOf('/'))), name: p.slice(p.indexOf('/') + 1) }));
  }
  const resources = first.split(',').map(canonicalResource);
  const names = rest.filter((r) => !/^[^=]+=/.test(r) && !/^[^=]+-$/.test(r)); // not label arguments
  if (names.length === 0) return resources.map((resource) => ({ resource }));
  return resources.flatMap((resource) => names.map((name) => ({ resource, name })));
}

export function invocationMatches(inv: Invocation, want: RanCheck['ran']): boolean {
  if (inv.program !== (want.command ?? 'kubectl')) return false;
  if (inv.exitCode !== (want.exitCode ?? 0)) return false;
  if (want.verb !== undefined && inv.verb !== want.verb) return false;
  if (want.matches !== undefined && !new RegExp(want.matches).test(inv.line)) return false;
  if (want.exec !== undefined && inv.afterDash[0] !== want.exec) return false;
  if (want.resource !== undefined || want.name !== undefined) {
    const wantResource = want.resource === undefined ? undefined : (canonicalResource(want.resource) ?? want.resource);
    const ok = targets(inv).some(
      (t) => (wantResource === undefined || t.resource === wantResource) && (want.name === undefined || t.name === want.name),
    );
    if (!ok) return false;
  }
  return true;
}
