/**
 * One kubectl verb: its help, its flags and what it does. Each lives in commands/<verb>.ts and is
 * listed in commands/index.ts, like cobra commands under kubectl's root.
 */
import type { CommandIO } from '../shell/io.ts';
import type { KubectlContext } from './context.ts';
import type { FlagDef, Flags } from './flags.ts';

export interface Invocation {
  ctx: KubectlContext;
  io: CommandIO;
  flags: Flags;
  /** -n, else the context's namespace. */
  namespace: string;
  /** Whether -n/--namespace was given. */
  namespaceGiven: boolean;
  /** `kubectl get`, for "See 'kubectl get --help' for usage." */
  path: string;
  /** Print API warnings (`Warning: ...` on stderr), once each per command. */
  warn(warnings: readonly string[]): void;
}

export interface KubectlCommand {
  name: string;
  aliases?: string[];
  /** One line for `kubectl --help`. */
  short: string;
  /** The whole `--help` text up to the flags (description, examples, usage line). */
  help?: string;
  /** The `Usage:` line(s), e.g. `kubectl get [(-o|--output=)json|yaml|...] (TYPE...) [flags] [options]`. */
  usage: string;
  flags: FlagDef[];
  subcommands?: KubectlCommand[];
  run?(inv: Invocation): Promise<number> | number;
}
