/**
 * kubectl's root command: find the verb (global flags may come before it), parse flags as pflag
 * does, run, and report errors as kubectl does (`error: ...`, `Error from server (...)`).
 */
import type { CommandIO } from '../shell/io.ts';
import type { Invocation, KubectlCommand } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import type { KubectlContext } from './context.ts';
import { errorText, KubectlError } from './errors.ts';
import { FlagError, Flags, FlagSet, type FlagDef } from './flags.ts';
import { helpText } from './help.ts';
import { KUBECTL_COMMAND_ORDER, unknownCommandMessage } from './suggest.ts';

/** kubectl's persistent flags (the ones `kubectl options` lists) that we accept. */
export const GLOBAL_FLAGS: FlagDef[] = [
  { name: 'namespace', shorthand: 'n', type: 'string', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', shorthand: 's', type: 'string', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: 'The length of time to wait before giving up on a single server request.' },
  { name: 'v', shorthand: 'v', type: 'int', usage: 'number for the log level verbosity' },
  { name: 'warnings-as-errors', type: 'bool', usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'insecure-skip-tls-verify', type: 'bool', usage: "If true, the server's certificate will not be checked for validity." },
  { name: 'match-server-version', type: 'bool', usage: 'Require server version to match client version' },
  { name: 'help', shorthand: 'h', type: 'bool', usage: 'help for kubectl' },
];

const GLOBAL = new FlagSet(GLOBAL_FLAGS);

export function findCommand(name: string): KubectlCommand | undefined {
  return COMMANDS.find((c) => c.name === name || c.aliases?.includes(name));
}

/** Run `kubectl <args>`; resolves with the exit code. Never throws. */
export async function runKubectl(args: readonly string[], ctx: KubectlContext, io: CommandIO): Promise<number> {
  try {
    return await dispatch(args, ctx, io);
  } catch (e) {
    io.stderr(errorText(e));
    return 1;
  }
}

async function dispatch(args: readonly string[], ctx: KubectlContext, io: CommandIO): Promise<number> {
  // Find the verb: skip global flags (and their values) that come first, as cobra does.
  let i = 0;
  while (i < args.length && args[i].startsWith('-') && args[i] !== '--') {
    const a = args[i];
    const def = a.startsWith('--') ? GLOBAL.defs().find((d) => d.name === a.slice(2).split('=')[0]) : GLOBAL.defs().find((d) => d.shorthand === a[1]);
    if (def && def.type !== 'bool' && !a.includes('=') && (a.startsWith('--') || a.length === 2)) i += 2;
    else i++;
  }
  if (i >= args.length) {
    io.stdout(helpText(undefined, []));
    return 0;
  }
  const name = args[i];
  const found = findCommand(name);
  if (!found) {
    // A real kubectl command this one does not simulate: say so, instead of cobra's "unknown
    // command" with the command itself as the suggestion.
    if (KUBECTL_COMMAND_ORDER.includes(name)) throw new KubectlError(`"kubectl ${name}" is not simulated in KubeLab`);
    throw new KubectlError(unknownCommandMessage(name));
  }
  let cmd: KubectlCommand = found;
  const rest = [...args.slice(0, i), ...args.slice(i + 1)];
  const path = ['kubectl', cmd.name];
  // Subcommands (`create service clusterip`, `config view`): the first plain argument names one.
  let remaining = rest;
  while (cmd.subcommands?.length) {
    const idx = remaining.findIndex((a) => !a.startsWith('-'));
    const sub: KubectlCommand | undefined = idx >= 0 ? cmd.subcommands.find((s) => s.name === remaining[idx] || s.aliases?.includes(remaining[idx])) : undefined;
    if (!sub) break;
    cmd = sub;
    path.push(sub.name);
    remaining = [...remaining.slice(0, idx), ...remaining.slice(idx + 1)];
  }
  const flagSet = new FlagSet([...GLOBAL_FLAGS, ...cmd.flags]);
  const hint = `See '${path.join(' ')} --help' for usage.`;
  let flags: Flags;
  try {
    flags = new Flags(flagSet.parse(remaining));
  } catch (e) {
    if (e instanceof FlagError) throw new KubectlError(e.message, hint);
    throw e;
  }
  if (flags.bool('help')) {
    io.stdout(helpText(cmd, path));
    return 0;
  }
  if (!cmd.run) {
    // cmdutil.DefaultSubCommandRun: a command group run alone prints its help on stderr, exit 1.
    io.stderr(helpText(cmd, path));
    return 1;
  }
  const printed = new Set<string>();
  const inv: Invocation = {
    ctx,
    io,
    flags,
    namespace: flags.string('namespace') || ctx.namespace,
    namespaceGiven: flags.changed('namespace'),
    path: path.join(' '),
    warn(warnings) {
      for (const w of warnings) {
        if (printed.has(w)) continue;
        printed.add(w);
        io.stderr(`Warning: ${w}\n`);
      }
    },
  };
  return await cmd.run(inv);
}
