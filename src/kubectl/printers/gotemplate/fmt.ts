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

/** The exact decimal digits of a finite non-negative double: digits and the position of the point. */
function exactDecimal(a: number): { digits: string; point: number } {
  if (a === 0) return { digits: '0', point: 1 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, a);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e2 = exp - 1075;
  if (exp === 0) e2 = -1074;
  else mant |= 1n << 52n;
  // a = mant * 2^e2 = mant * 5^-e2 / 10^-e2 when e2 < 0.
  if (e2 >= 0) {
    const digits = (mant << BigInt(e2)).toString();
    return { digits, point: digits.length };
  }
  const digits = (mant * 5n ** BigInt(-e2)).toString();
  return { digits, point: digits.length + e2 };
}

/** Round exact digits to `keep` digits with ties to even (strconv's rounding of the exact value). */
function roundDigits(d: { digits: string; point: number }, keep: number): { digits: string; point: number } {
  if (keep < 0) return { digits: '0', point: d.point };
  if (d.digits.length <= keep) return { digits: d.digits.padEnd(keep, '0'), point: d.point };
  const head = d.digits.slice(0, keep);
  const rest = d.digits.slice(keep);
  const first = rest.charCodeAt(0) - 48;
  const tail = /[1-9]/.test(rest.slice(1));
  const up = first > 5 || (first === 5 && (tail || (keep > 0 && (head.charCodeAt(keep - 1) - 48) % 2 === 1)));
  if (!up) return { digits: head || '0', point: d.point };
  const n = (BigInt(head || '0') + 1n).toString();
  if (keep === 0) return { digits: '1', point: d.point + 1 };
  return n.length > keep ? { digits: n.slice(0, keep), point: d.point + 1 } : { digits: n.padStart(keep, '0'), point: d.point };
}

/** %.Nf of a finite non-negative double, as Go rounds it. */
function fixed(a: number, precision: number): string {
  const d = exactDecimal(a);
  const r = roundDigits(d, d.point + precision);
  let digits = r.digits;
  let point = r.point;
  if (point <= 0) {
    digits = '0'.repeat(1 - point) + digits;
    point = 1;
  }
  digits = digits.padEnd(point + precision, '0');
  const int = digits.slice(0, point) || '0';
  const frac = digits.slice(point, point + precision);
  return precision > 0 ? `${int}.${frac}` : int;
}

/** %.Ne of a finite non-negative double: mantissa digits and exponent, as Go rounds them. */
function exponent(a: number, precision: number): { mant: string; exp: number } {
  if (a === 0) return { mant: precision > 0 ? '0.' + '0'.repeat(precision) : '0', exp: 0 };
  const d = exactDecimal(a);
  const lead = d.digits.search(/[1-9]/);
  const r = roundDigits({ digits: d.digits.slice(lead), point: d.point - lead }, precision + 1);
  return { mant: precision > 0 ? `${r.digits[0]}.${r.digits.slice(1)}` : r.digits[0], exp: r.point - 1 };
}

function expText(mant: string, exp: number): string {
  return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
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
        s = fixed(a, spec.precision ?? 6);
        break;
      case 'e':
      case 'E': {
        const { mant, exp } = exponent(a, spec.precision ?? 6);
        s = expText(mant, exp);
        if (verb === 'E') s = s.toUpperCase();
        break;
      }
      default: {
        // %g and %v: the shortest representation unless a precision is given.
        if (spec.precision === undefined) s = goFormatFloatG(a);
        else {
          const p = spec.precision === 0 ? 1 : spec.precision;
          const { mant, exp } = exponent(a, p - 1);
          const trimmed = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
          if (exp < -4 || exp >= p) s = expText(trimmed, exp);
          else {
            const digits = trimmed.replace('.', '');
            s = exp >= 0 ? (digits.length > exp + 1 ? `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}` : digits.padEnd(exp + 1, '0')) : `0.${'0'.repeat(-exp - 1)}${digits}`;
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
      const s = spec.precision !== undefined ? [...(v as string)].slice(0, spec.precision).join('') : (v as string);
      switch (verb) {
        case 'v':
        case 's':
          return pad(s, spec, false);
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
  let reordered = false;
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
    // An explicit argument index, `%[2]d` or `%[1]*d`: the next argument is that one.
    const argIndex = () => {
      const m = /^\[(\d+)\]/.exec(format.slice(i));
      if (!m) return;
      i += m[0].length;
      argi = Number(m[1]) - 1;
      reordered = true;
    };
    argIndex();
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
      argIndex();
      spec.precision = num() ?? 0;
    }
    argIndex();
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
  if (!reordered && argi < args.length) {
    out += '%!(EXTRA ' + args.slice(argi).map((a) => `${typeName(a)}=${a === MISSING || a === null ? '<nil>' : sprint(a)}`).join(', ') + ')';
  }
  return out;
}
