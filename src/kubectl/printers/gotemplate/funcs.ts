/**
 * The functions a kubectl go-template can call: text/template's builtins (and, or, not, len,
 * index, slice, print, printf, println, html, js, urlquery, eq, ne, lt, le, gt, ge, call) and the
 * two kubectl adds (k8s.io/cli-runtime/pkg/printers/template.go: `exists`, `base64decode`).
 * kubectl v1.33 registers nothing else (no sprig: `upper` is "not defined").
 *
 * A function reports a failure by throwing FunctionError; the executor turns it into
 * `error calling NAME: MESSAGE`.
 */
import { sprintf, sprintlnValues, sprintValues } from './fmt.ts';
import { GoNumber, isMap, kindOf, MISSING, numberOf, truth, typeName, type Value } from './values.ts';

/** An error a function returns: reported as `error calling NAME: MESSAGE`. */
export class FunctionError extends Error {}

/** How an argument is passed: as it is (reflect.Value / interface{}) or checked to be a string. */
export type ParamType = 'value' | 'string';

export interface FunctionSpec {
  params: ParamType[];
  /** The type of the extra arguments of a variadic function. */
  variadic?: ParamType;
  call(args: Value[]): Value;
}

const utf8 = new TextEncoder();

function fail(message: string): never {
  throw new FunctionError(message);
}

/** indirectInterface: a JSON null is nil, MISSING is invalid; both are "nothing" here. */
const isNothing = (v: Value) => v === MISSING || v === null;

function length(v: Value): Value {
  if (v === MISSING) fail('reflect: call of reflect.Value.Type on zero Value');
  if (v === null) fail('len of nil pointer');
  if (typeof v === 'string') return new GoNumber(utf8.encode(v).length, 'int');
  if (Array.isArray(v)) return new GoNumber(v.length, 'int');
  if (isMap(v)) return new GoNumber(Object.keys(v).length, 'int');
  fail(`len of type ${typeName(v)}`);
}

function indexInt(index: Value, length: number): number {
  if (isNothing(index)) fail('cannot index slice/array with nil');
  if (kindOf(index) !== 'int') fail(`cannot index slice/array with type ${typeName(index)}`);
  const x = numberOf(index);
  if (x < 0 || x >= length) fail(`index out of range: ${x}`);
  return x;
}

function index(args: Value[]): Value {
  let item = args[0];
  if (isNothing(item)) fail('index of untyped nil');
  for (const i of args.slice(1)) {
    if (item === null || item === MISSING) fail('index of nil pointer');
    if (typeof item === 'string') {
      const bytes = utf8.encode(item);
      item = new GoNumber(bytes[indexInt(i, bytes.length)], 'int');
    } else if (Array.isArray(item)) item = item[indexInt(i, item.length)];
    else if (isMap(item)) {
      if (isNothing(i)) fail('value is nil; should be of type string');
      if (typeof i !== 'string') fail(`value has type ${typeName(i)}; should be string`);
      item = Object.prototype.hasOwnProperty.call(item, i) ? item[i] : null;
    } else fail(`can't index item of type ${typeName(item)}`);
  }
  return item;
}

function slice(args: Value[]): Value {
  const item = args[0];
  if (isNothing(item)) fail('slice of untyped nil');
  const idx = args.slice(1);
  if (idx.length > 3) fail(`too many slice indexes: ${idx.length}`);
  let len: number;
  if (typeof item === 'string') {
    if (idx.length === 3) fail('cannot 3-index slice a string');
    len = utf8.encode(item).length;
  } else if (Array.isArray(item)) len = item.length;
  else fail(`can't slice item of type ${typeName(item)}`);
  const bounds = [0, len];
  idx.forEach((v, k) => {
    if (isNothing(v)) fail('cannot index slice/array with nil');
    if (kindOf(v) !== 'int') fail(`cannot index slice/array with type ${typeName(v)}`);
    const x = numberOf(v);
    if (x < 0 || x > len) fail(`index out of range: ${x}`);
    bounds[k] = x;
  });
  if (bounds[0] > bounds[1]) fail(`invalid slice index: ${bounds[0]} > ${bounds[1]}`);
  if (typeof item === 'string') return new TextDecoder().decode(utf8.encode(item).slice(bounds[0], bounds[1]));
  return item.slice(bounds[0], bounds[1]);
}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';

function basicKind(v: Value): BasicKind {
  const k = kindOf(v);
  return k === 'bool' || k === 'int' || k === 'float' || k === 'string' ? k : 'invalid';
}

function eq(args: Value[]): Value {
  const [a, ...rest] = args;
  if (rest.length === 0) fail('missing argument for comparison');
  const k1 = basicKind(a);
  for (const b of rest) {
    const k2 = basicKind(b);
    let equal = false;
    if (k1 !== k2) {
      if (!isNothing(a) && !isNothing(b) && k1 !== 'invalid' && k2 !== 'invalid') fail('incompatible types for comparison');
      if (!isNothing(a) && !isNothing(b)) fail('incompatible types for comparison');
    } else if (k1 === 'invalid') {
      if (!isNothing(a) && !isNothing(b)) {
        // Maps and lists: Go's messages print the values with %s.
        if (typeName(a) !== typeName(b)) fail(`non-comparable types ${sprintf('%s', [a])}: ${typeName(a)}, ${typeName(b)}: ${sprintf('%s', [b])}`);
        fail(`non-comparable type ${sprintf('%s', [b])}: ${typeName(b)}`);
      }
      equal = isNothing(a) && isNothing(b);
    } else if (k1 === 'int' || k1 === 'float') equal = numberOf(a) === numberOf(b);
    else equal = a === b;
    if (equal) return true;
  }
  return false;
}

function less(a: Value, b: Value): boolean {
  const k1 = basicKind(a);
  if (k1 === 'invalid') fail('invalid type for comparison');
  const k2 = basicKind(b);
  if (k2 === 'invalid') fail('invalid type for comparison');
  if (k1 !== k2) fail('incompatible types for comparison');
  if (k1 === 'bool') fail('invalid type for comparison');
  if (k1 === 'string') return (a as string) < (b as string);
  return numberOf(a) < numberOf(b);
}

/** evalArgs of html/js/urlquery: one string as it is, else fmt.Sprint of all. */
function textOf(args: Value[]): string {
  if (args.length === 1 && typeof args[0] === 'string') return args[0];
  return sprintValues(args);
}

function htmlEscape(s: string): string {
  return s.replace(/[\0"'&<>]/g, (c) => ({ '\0': '\ufffd', '"': '&#34;', "'": '&#39;', '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function jsEscape(s: string): string {
  let out = '';
  for (const c of s) {
    const cp = c.codePointAt(0)!;
    if (c === '\\') out += '\\\\';
    else if (c === "'") out += "\\'";
    else if (c === '"') out += '\\"';
    else if (c === '<') out += '\\u003C';
    else if (c === '>') out += '\\u003E';
    else if (c === '&') out += '\\u0026';
    else if (c === '=') out += '\\u003D';
    else if (cp < 0x20) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else if (cp >= 0x80 && !/[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(c)) out += '\\u' + cp.toString(16).toUpperCase().padStart(4, '0');
    else out += c;
  }
  return out;
}

/** url.QueryEscape. */
function queryEscape(s: string): string {
  let out = '';
  for (const b of utf8.encode(s)) {
    const c = String.fromCharCode(b);
    if (/[A-Za-z0-9\-_.~]/.test(c)) out += c;
    else if (c === ' ') out += '+';
    else out += '%' + b.toString(16).toUpperCase().padStart(2, '0');
  }
  return out;
}

/** kubectl's exists: whether the path of keys and indexes leads to a non-nil value. */
function exists(args: Value[]): Value {
  let v = args[0];
  for (const i of args.slice(1)) {
    if (isNothing(v)) return false;
    if (Array.isArray(v) || typeof v === 'string') {
      if (kindOf(i) !== 'int') return false;
      const x = numberOf(i);
      const len = typeof v === 'string' ? utf8.encode(v).length : v.length;
      if (x < 0 || x >= len) return false;
      v = typeof v === 'string' ? new GoNumber(utf8.encode(v)[x], 'int') : v[x];
    } else if (isMap(v)) {
      if (typeof i !== 'string') return false;
      v = Object.prototype.hasOwnProperty.call(v, i) ? v[i] : null;
    } else return false;
  }
  return !isNothing(v);
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** base64.StdEncoding.DecodeString, with Go's error for the first bad byte. */
function base64decode(s: string): string {
  const bytes: number[] = [];
  const clean: { c: string; at: number }[] = [];
  for (let i = 0; i < s.length; i++) if (s[i] !== '\n' && s[i] !== '\r') clean.push({ c: s[i], at: i });
  let q: number[] = [];
  for (let k = 0; k < clean.length; k++) {
    const { c, at } = clean[k];
    if (c === '=') {
      // Padding: only in the last quantum, after at least two characters.
      const rest = clean.slice(k);
      const want = 4 - q.length;
      if (q.length < 2 || rest.length !== want || rest.some((r) => r.c !== '=')) fail(`base64 decode failed: illegal base64 data at input byte ${q.length < 2 ? at : rest.length > want ? clean[k + want].at : at}`);
      break;
    }
    const v = B64.indexOf(c);
    if (v < 0) fail(`base64 decode failed: illegal base64 data at input byte ${at}`);
    q.push(v);
    if (q.length === 4) {
      bytes.push((q[0] << 2) | (q[1] >> 4), ((q[1] & 15) << 4) | (q[2] >> 2), ((q[2] & 3) << 6) | q[3]);
      q = [];
    }
  }
  if (q.length === 1) fail(`base64 decode failed: illegal base64 data at input byte ${s.length - 1}`);
  if (q.length >= 2 && clean.every((r) => r.c !== '=')) fail(`base64 decode failed: illegal base64 data at input byte ${s.length}`);
  if (q.length >= 2) bytes.push((q[0] << 2) | (q[1] >> 4));
  if (q.length === 3) bytes.push(((q[1] & 15) << 4) | (q[2] >> 2));
  return new TextDecoder().decode(new Uint8Array(bytes));
}

export const FUNCTIONS: Record<string, FunctionSpec> = {
  and: { params: ['value'], variadic: 'value', call: () => MISSING },
  or: { params: ['value'], variadic: 'value', call: () => MISSING },
  not: { params: ['value'], call: ([a]) => !truth(a) },
  len: { params: ['value'], call: ([a]) => length(a) },
  index: { params: ['value'], variadic: 'value', call: index },
  slice: { params: ['value'], variadic: 'value', call: slice },
  print: { params: [], variadic: 'value', call: (args) => sprintValues(args) },
  printf: { params: ['string'], variadic: 'value', call: ([f, ...args]) => sprintf(f as string, args) },
  println: { params: [], variadic: 'value', call: (args) => sprintlnValues(args) },
  html: { params: [], variadic: 'value', call: (args) => htmlEscape(textOf(args)) },
  js: { params: [], variadic: 'value', call: (args) => jsEscape(textOf(args)) },
  urlquery: { params: [], variadic: 'value', call: (args) => queryEscape(textOf(args)) },
  eq: { params: ['value'], variadic: 'value', call: eq },
  ne: { params: ['value', 'value'], call: ([a, b]) => !eq([a, b]) },
  lt: { params: ['value', 'value'], call: ([a, b]) => less(a, b) },
  le: { params: ['value', 'value'], call: ([a, b]) => less(a, b) || (eq([a, b]) as boolean) },
  gt: { params: ['value', 'value'], call: ([a, b]) => !(less(a, b) || (eq([a, b]) as boolean)) },
  ge: { params: ['value', 'value'], call: ([a, b]) => !less(a, b) },
  call: {
    params: ['value'],
    variadic: 'value',
    call: ([f]) => fail(isNothing(f) ? 'call of nil' : `non-function of type ${typeName(f)}`),
  },
  exists: { params: ['value'], variadic: 'value', call: exists },
  base64decode: { params: ['string'], call: ([s]) => base64decode(s as string) },
};

export const FUNCTION_NAMES: ReadonlySet<string> = new Set(Object.keys(FUNCTIONS));
