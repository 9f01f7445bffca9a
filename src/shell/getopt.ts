/**
 * Command-line options as GNU tools read them (getopt_long): bundled short options (`-rf`, `-A3`),
 * values after or attached to the option, long options with `=`, options after operands, `--`
 * ending them; and GNU's messages for a bad one ("invalid option -- 'x'", "Try 'TOOL --help'").
 * Shared by the text tools and the file tools.
 */
import type { CommandIO } from './io.ts';

export interface OptionSpec {
  /** Short options that take a value (`-A 3`, `-A3`). */
  withValue: string;
  /** Short options without a value. */
  flags: string;
  /** Long options: name -> the short option it means ('' for accepted and ignored). */
  long?: Record<string, string>;
}

export interface Parsed {
  opts: Map<string, string[]>;
  operands: string[];
}

export class UsageError extends Error {}
/** A bad option value: GNU tools print the message alone, without the usage lines. */
export class ValueError extends Error {}

/** getopt_long as GNU tools use it: options may follow operands; `--` ends them. */
export function parseOptions(tool: string, args: string[], spec: OptionSpec): Parsed {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const short = spec.long[name];
      if (short === undefined) throw new UsageError(`${tool}: unrecognized option '${a}'`);
      if (short === '') continue;
      if (spec.withValue.includes(short)) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) throw new UsageError(`${tool}: option '--${name}' requires an argument`);
        add(short, v);
      } else add(short, '');
      continue;
    }
    if (a.length > 1 && a.startsWith('-') && !/^-\d/.test(a)) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (spec.withValue.includes(c)) {
          const v = j + 1 < a.length ? a.slice(j + 1) : args[++i];
          if (v === undefined) throw new UsageError(`${tool}: option requires an argument -- '${c}'`);
          add(c, v);
          break;
        }
        if (!spec.flags.includes(c)) throw new UsageError(`${tool}: invalid option -- '${c}'`);
        add(c, '');
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** Print what a UsageError or ValueError says, as GNU does, and return the exit code; rethrow anything else. */
export function reportUsage(io: CommandIO, e: unknown, tool: string, code: number): number {
  if (e instanceof ValueError) {
    io.stderr(`${e.message}\n`);
    return code;
  }
  if (!(e instanceof UsageError)) throw e;
  const hint = tool === 'grep' ? "Usage: grep [OPTION]... PATTERNS [FILE]...\n" : '';
  io.stderr(`${e.message}\n${hint}Try '${tool} --help' for more information.\n`);
  return code;
}
