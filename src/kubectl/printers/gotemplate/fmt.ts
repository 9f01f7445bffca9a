/**
 * Go's fmt for template values: Sprint, Sprintln and Sprintf with the verbs people use in
 * templates (%v %s %d %q %x %X %o %b %c %e %f %g %t %T %%), flags (- + # 0 space), width and
 * precision, and fmt's complaints written into the output (`%!d(string=x)`, `%!s(MISSING)`,
 * `%!(EXTRA int=2)`), as the real printf writes them.
 */
import { goQuote } from '../gofmt.ts';
import { goFormatFloatG } from '../yaml.ts';
import { kindOf, MISSING, numberOf, sortedKeys, sprint, typeName, type Value } from './values.ts';

interface Spec {
  minus: boolean;
  plus: boolean;
  sharp: boolean;
  zero: boolean;
  space: boolean;
  width?: number;
  precision?: number;
}

/** fmt.Sprint: operands joined, with a space between two operands when neither is a string. */
export function sprintValues(args: readonly Value[]): string {
  let out = '';
  for (let i = 0; i < args.length; i++) {
    if (i > 0 && typeof args[i] !== 'string' && typeof args[i - 1] !== 'string') out += ' ';
    out += sprint(args[i]);
  }
  return out;
}

/** fmt.Sprintln: operands joined by spaces, then a newline. */
export function sprintlnValues(args: readonly Value[]): string {
  return args.map(sprint).join(' ') + '\n';
}

function pad(s: string, spec: Spec, numeric: boolean): string {
  const width = spec.width ?? 0;
  if (s.length >= width) return s;
  if (spec.minus) return s + ' '.repeat(width - s.length);
  if (spec.zero && numeric) {
    const sign = /^[+\- ]/.test(s) ? s[0] : '';
    return sign + '0'.repeat(width - s.length) + s.slice(sign.length);
  }
  return ' '.repeat(width - s.length) + s;
}

function bad(verb: string, v: Value): string {
  if (v === MISSING || v === null) return `%!${verb}(<nil>)`;
  return `%!${verb}(${typeName(v)}=${sprint(v)})`;
}

function signed(s: string, negative: boolean, spec: Spec): string {
  if (negative) return '-' + s;
  if (spec.plus) return '+' + s;
  if (spec.space) return ' ' + s;
  return s;
}

function integer(n: number, verb: string, spec: Spec): string {
  const neg = n < 0;
  const abs = BigInt(Math.abs(n));
  let digits: string;
  switch (verb) {
    case 'd':
    case 'v':
      digits = abs.toString();
      break;
    case 'x':
      digits = (spec.sharp ? '0x' : '') + abs.toString(16);
      break;
    case 'X':
      digits = (spec.sharp ? '0X' : '') + abs.toString(16).toUpperCase();
      break;
    case 'o':
      digits = (spec.sharp ? '0' : '') + abs.toString(8);
      break;
    case 'O':
      digits = '0o' + abs.toString(8);
      break;
    case 'b':
      digits = abs.toString(2);
      break;
    default:
      return '';
  }
  if (spec.precision !== undefined && digits.length < spec.precision) digits = '0'.repeat(spec.precision - digits.length) + digits;
  return signed(digits, neg, spec);
}

function float(f: number, verb: string, spec: Spec): string {
  const neg = f < 0 || Object.is(f, -0);
  const a = Math.abs(f);
  let s: string;
  if (!Number.isFinite(a)) s = Number.isNaN(a) ? 'NaN' : 'Inf';
  else
    switch (verb) {
      case 'f':
      case 'F':
        s = a.toFixed(spec.precision ?? 6);
        break;
      case 'e':
      case 'E': {
        const [m, e] = a.toExponential(spec.precision ?? 6).split('e');
        const exp = Number(e);
        s = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
        if (verb === 'E') s = s.toUpperCase();
        break;
      }
      default: {
        // %g and %v: the shortest representation unless a precision is given.
        if (spec.precision === undefined) s = goFormatFloatG(a);
        else {
          const p = spec.precision === 0 ? 1 : spec.precision;
          const exp = a === 0 ? 0 : Math.floor(Math.log10(Number(a.toPrecision(p))));
          if (exp < -4 || exp >= p) {
            const [m, e] = a.toExponential(p - 1).split('e');
            const x = Number(e);
            s = `${m.includes('.') ? m.replace(/\.?0+$/, '') : m}e${x < 0 ? '-' : '+'}${String(Math.abs(x)).padStart(2, '0')}`;
          } else {
            s = a.toPrecision(p);
            if (s.includes('.')) s = s.replace(/\.?0+$/, '');
          }
        }
        if (verb === 'G') s = s.toUpperCase();
      }
    }
  return signed(s, neg && !Number.isNaN(f), spec);
}

function formatOne(verb: string, v: Value, spec: Spec): string {
  if (verb === 'T') return pad(typeName(v), spec, false);
  if (verb === 'v' && spec.sharp) return pad(sprint(v), spec, false);
  const kind = kindOf(v);
  switch (kind) {
    case 'invalid':
    case 'nil':
      return verb === 'v' ? pad('<nil>', spec, false) : bad(verb, v);
    case 'bool':
      return verb === 'v' || verb === 't' ? pad(v ? 'true' : 'false', spec, false) : bad(verb, v);
    case 'string': {
      const s = v as string;
      switch (verb) {
        case 'v':
        case 's':
          return pad(spec.precision !== undefined ? [...s].slice(0, spec.precision).join('') : s, spec, false);
        case 'q':
          return pad(goQuote(s), spec, false);
        case 'x':
        case 'X': {
          const hex = [...new TextEncoder().encode(s)].map((b) => b.toString(16).padStart(2, '0')).join(spec.space ? ' ' : '');
          return pad(verb === 'X' ? hex.toUpperCase() : hex, spec, false);
        }
        default:
          return bad(verb, v);
      }
    }
    case 'int': {
      const n = numberOf(v);
      if (verb === 'c') return pad(String.fromCodePoint(n), spec, false);
      if (verb === 'q') return pad(`'${String.fromCodePoint(n)}'`, spec, false);
      if (verb === 'U') return pad('U+' + n.toString(16).toUpperCase().padStart(4, '0'), spec, false);
      const s = integer(n, verb, spec);
      return s === '' ? bad(verb, v) : pad(s, spec, spec.precision === undefined);
    }
    case 'float': {
      if (!'vgGeEfF'.includes(verb)) return bad(verb, v);
      return pad(float(numberOf(v), verb, spec), spec, true);
    }
    case 'slice':
      return `[${(v as Value[]).map((x) => formatOne(verb, x, spec)).join(' ')}]`;
    case 'map': {
      const o = v as { [k: string]: Value };
      return `map[${sortedKeys(o).map((k) => `${formatOne(verb, k, spec)}:${formatOne(verb, o[k], spec)}`).join(' ')}]`;
    }
  }
}

/** fmt.Sprintf. */
export function sprintf(format: string, args: readonly Value[]): string {
  let out = '';
  let argi = 0;
  let i = 0;
  while (i < format.length) {
    const c = format[i];
    if (c !== '%') {
      out += c;
      i++;
      continue;
    }
    i++;
    const spec: Spec = { minus: false, plus: false, sharp: false, zero: false, space: false };
    for (; i < format.length; i++) {
      const f = format[i];
      if (f === '-') spec.minus = true;
      else if (f === '+') spec.plus = true;
      else if (f === '#') spec.sharp = true;
      else if (f === '0') spec.zero = !spec.minus;
      else if (f === ' ') spec.space = true;
      else break;
    }
    const num = (): number | undefined => {
      if (format[i] === '*') {
        i++;
        const a = args[argi++];
        return kindOf(a ?? MISSING) === 'int' ? numberOf(a) : undefined;
      }
      const m = /^\d+/.exec(format.slice(i));
      if (!m) return undefined;
      i += m[0].length;
      return Number(m[0]);
    };
    spec.width = num();
    if (spec.width !== undefined && spec.width < 0) {
      spec.minus = true;
      spec.width = -spec.width;
    }
    if (format[i] === '.') {
      i++;
      spec.precision = num() ?? 0;
    }
    if (i >= format.length) {
      out += '%!(NOVERB)';
      break;
    }
    const verb = String.fromCodePoint(format.codePointAt(i)!);
    i += verb.length;
    if (verb === '%') {
      out += '%';
      continue;
    }
    if (argi >= args.length) {
      out += `%!${verb}(MISSING)`;
      continue;
    }
    const arg = args[argi++];
    if (!'vTtsqxXdobcUeEfFgGO'.includes(verb)) {
      out += bad(verb, arg);
      continue;
    }
    out += formatOne(verb, arg, spec);
  }
  if (argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => `${typeName(a)}=${a === MISSING || a === null ? '<nil>' : sprint(a)}`).join(', ') + ')';
  }
  return out;
}
