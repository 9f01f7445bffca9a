/**
 * Command-line flags as spf13/pflag parses them for kubectl: `--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, combined booleans (`-it`), `--` ending flags, flags mixed
 * with arguments. Errors carry pflag's texts; kubectl adds "See 'kubectl <cmd> --help' for usage."
 */
export type FlagType = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagDef {
  name: string;
  shorthand?: string;
  type: FlagType;
  default?: string | boolean | number | string[];
  usage: string;
  /** Hidden from help (deprecated aliases). */
  hidden?: boolean;
  /** For bool flags given without a value; and for flags like -o with NoOptDefVal. */
  noOptDefault?: string;
}

export type FlagValue = string | boolean | number | string[];

export class FlagError extends Error {}

export interface ParsedFlags {
  values: Map<string, FlagValue>;
  /** Flags given on the command line (for "was --x set?"). */
  changed: Set<string>;
  args: string[];
  /** Arguments after `--` (exec's command). */
  argsAfterDash: string[] | undefined;
}

export class FlagSet {
  private readonly byName = new Map<string, FlagDef>();
  private readonly byShort = new Map<string, FlagDef>();

  constructor(defs: FlagDef[] = []) {
    for (const d of defs) this.add(d);
  }

  add(def: FlagDef): this {
    this.byName.set(def.name, def);
    if (def.shorthand) this.byShort.set(def.shorthand, def);
    return this;
  }

  defs(): FlagDef[] {
    return [...this.byName.values()];
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  parse(argv: readonly string[]): ParsedFlags {
    const values = new Map<string, FlagValue>();
    const changed = new Set<string>();
    const args: string[] = [];
    let argsAfterDash: string[] | undefined;
    for (const def of this.byName.values()) values.set(def.name, defaultOf(def));

    const set = (def: FlagDef, raw: string, display: string) => {
      const first = !changed.has(def.name);
      changed.add(def.name);
      switch (def.type) {
        case 'bool': {
          const b = parseBool(raw);
          if (b === undefined) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`);
          values.set(def.name, b);
          break;
        }
        case 'int': {
          if (!/^[+-]?\d+$/.test(raw)) throw new FlagError(`invalid argument "${raw}" for "${display}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`);
          values.set(def.name, parseInt(raw, 10));
          break;
        }
        case 'stringArray': {
          const prev = first ? [] : (values.get(def.name) as string[]);
          values.set(def.name, [...prev, raw]);
          break;
        }
        case 'stringSlice': {
          const prev = first ? [] : (values.get(def.name) as string[]);
          values.set(def.name, [...prev, ...(raw === '' ? [] : splitCsv(raw))]);
          break;
        }
        default:
          values.set(def.name, raw);
      }
    };

    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '--') {
        argsAfterDash = argv.slice(i + 1);
        break;
      }
      if (a.startsWith('--') && a.length > 2) {
        const eq = a.indexOf('=');
        const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
        const def = this.byName.get(name);
        if (!def) throw new FlagError(`unknown flag: --${name}`);
        if (eq >= 0) set(def, a.slice(eq + 1), `--${name}`);
        else if (def.type === 'bool') set(def, 'true', `--${name}`);
        else if (def.noOptDefault !== undefined) set(def, def.noOptDefault, `--${name}`);
        else {
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: --${name}`);
          set(def, argv[++i], `--${name}`);
        }
        continue;
      }
      if (a.startsWith('-') && a.length > 1) {
        // A group of shorthands: -it, -nfoo, -n foo, -n=foo
        let j = 1;
        while (j < a.length) {
          const ch = a[j];
          const def = this.byShort.get(ch);
          if (!def) throw new FlagError(`unknown shorthand flag: '${ch}' in ${a}`);
          const rest = a.slice(j + 1);
          const display = `-${ch}, --${def.name}`;
          if (rest.startsWith('=')) {
            set(def, rest.slice(1), display);
            break;
          }
          if (def.type === 'bool') {
            set(def, 'true', display);
            j++;
            continue;
          }
          if (rest !== '') {
            set(def, rest, display);
            break;
          }
          if (def.noOptDefault !== undefined) {
            set(def, def.noOptDefault, display);
            break;
          }
          if (i + 1 >= argv.length) throw new FlagError(`flag needs an argument: '${ch}' in -${ch}`);
          set(def, argv[++i], display);
          break;
        }
        continue;
      }
      args.push(a);
    }
    return { values, changed, args, argsAfterDash };
  }
}

function defaultOf(def: FlagDef): FlagValue {
  if (def.default !== undefined) return Array.isArray(def.default) ? [...def.default] : def.default;
  switch (def.type) {
    case 'bool':
      return false;
    case 'int':
      return 0;
    case 'stringArray':
    case 'stringSlice':
      return [];
    default:
      return '';
  }
}

function parseBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

/** pflag's stringSlice reads its value as one CSV record. */
function splitCsv(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** Typed access to parsed values. */
export class Flags {
  constructor(private readonly parsed: ParsedFlags) {}
  get args(): string[] {
    return this.parsed.args;
  }
  get argsAfterDash(): string[] | undefined {
    return this.parsed.argsAfterDash;
  }
  string(name: string): string {
    return String(this.parsed.values.get(name) ?? '');
  }
  bool(name: string): boolean {
    return this.parsed.values.get(name) === true;
  }
  int(name: string): number {
    return Number(this.parsed.values.get(name) ?? 0);
  }
  list(name: string): string[] {
    const v = this.parsed.values.get(name);
    return Array.isArray(v) ? v : [];
  }
  changed(name: string): boolean {
    return this.parsed.changed.has(name);
  }
}
