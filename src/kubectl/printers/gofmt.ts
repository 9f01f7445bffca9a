/**
 * How Go prints the plain JSON values kubectl holds (map[string]interface{}, []interface{},
 * string, int64, float64, bool, nil) with fmt's verbs, and encoding/json's output. jsonpath
 * and custom-columns print through these: `%v` for cells, `%#v` for the object dump of a failed
 * template, json.Marshal for maps and lists.
 */
import { goFormatFloatG } from './yaml.ts';

/** Go's name for the dynamic type of a JSON value (`%T`, reflect.Type.String()). */
export function goTypeName(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return '[]interface {}';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'number':
      return Number.isInteger(v) ? 'int64' : 'float64';
    default:
      return 'map[string]interface {}';
  }
}

function goNumber(n: number): string {
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? BigInt(n).toString() : goFormatFloatG(n);
}

function isGoPrintable(cp: number): boolean {
  // unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space.
  if (cp === 0x20) return true;
  return /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp));
}

/** strconv.Quote (what %#v and %q print for a string). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    switch (ch) {
      case '"':
        out += '\\"';
        continue;
      case '\\':
        out += '\\\\';
        continue;
      case '\x07':
        out += '\\a';
        continue;
      case '\b':
        out += '\\b';
        continue;
      case '\f':
        out += '\\f';
        continue;
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
      case '\v':
        out += '\\v';
        continue;
    }
    if (cp >= 0xd800 && cp <= 0xdfff) out += '\\ufffd';
    else if (isGoPrintable(cp)) out += ch;
    else if (cp < 0x80) out += `\\x${cp.toString(16).padStart(2, '0')}`;
    else if (cp < 0x10000) out += `\\u${cp.toString(16).padStart(4, '0')}`;
    else out += `\\U${cp.toString(16).padStart(8, '0')}`;
  }
  return out + '"';
}

function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(compareCodePoints);
}

/** Byte order of UTF-8, i.e. code point order (what Go's sort of strings gives). */
export function compareCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (astral code points) sort after the rest of the BMP in code point order.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? (y >= 0xe000 ? 1 : x - y) : x >= 0xe000 ? -1 : x - y;
    return x - y;
  }
  return a.length - b.length;
}

/** fmt `%v` of a JSON value: `map[a:1 b:[x y]]`, `<nil>`, numbers and strings bare. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const o = v as Record<string, unknown>;
  return `map[${sortedKeys(o).map((k) => `${k}:${goSprint(o[k])}`).join(' ')}]`;
}

/** fmt `%#v` of a JSON value: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`. */
export function goSprintSharpV(v: unknown, top = true): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number') return goNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSprintSharpV(x, false)).join(', ')}}`;
  const o = v as Record<string, unknown>;
  void top;
  return `map[string]interface {}{${sortedKeys(o).map((k) => `${goQuote(k)}:${goSprintSharpV(o[k], false)}`).join(', ')}}`;
}

// ---------------------------------------------------------------------------------------------
// encoding/json

/** Strings with nothing to escape (the character test below, as one pattern). */
const JSON_AS_IS = /^[^\x00-\x1f"\\<>&\u2028\u2029\ud800-\udfff]*$/;

function jsonString(s: string): string {
  // Most strings need no escape: one pattern test instead of a string built a character at a time.
  if (JSON_AS_IS.test(s)) return '"' + s + '"';
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x20 && c !== 0x22 && c !== 0x5c && c !== 0x3c && c !== 0x3e && c !== 0x26 && c !== 0x2028 && c !== 0x2029 && !(c >= 0xd800 && c <= 0xdfff)) {
      out += s[i];
      continue;
    }
    switch (c) {
      case 0x22:
        out += '\\"';
        break;
      case 0x5c:
        out += '\\\\';
        break;
      case 0x0a:
        out += '\\n';
        break;
      case 0x0d:
        out += '\\r';
        break;
      case 0x09:
        out += '\\t';
        break;
      case 0x08:
        out += '\\b';
        break;
      case 0x0c:
        out += '\\f';
        break;
      default:
        if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
          const d = s.charCodeAt(i + 1);
          if (d >= 0xdc00 && d <= 0xdfff) {
            out += s[i] + s[i + 1];
            i++;
            break;
          }
        }
        if (c >= 0xd800 && c <= 0xdfff) out += '\\ufffd';
        else out += `\\u${c.toString(16).padStart(4, '0')}`;
    }
  }
  return out + '"';
}

const NEW_LINES = new Map<string, string[]>();
/** A line break and `level` indents, made once per indent and level. */
function newLine(indent: string, level: number): string {
  let lines = NEW_LINES.get(indent);
  if (!lines) NEW_LINES.set(indent, (lines = []));
  return (lines[level] ??= '\n' + indent.repeat(level));
}

/**
 * json.Marshal (indent '') or json.MarshalIndent(v, '', indent) of a JSON value as Go writes an
 * unstructured object: map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped.
 */
export function goJSON(v: unknown, indent = '', level = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return jsonString(v);
  if (typeof v === 'number') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const nl = indent ? newLine(indent, level + 1) : '';
  const end = indent ? newLine(indent, level) : '';
  const sep = indent ? ': ' : ':';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[' + v.map((x) => nl + goJSON(x, indent, level + 1)).join(',') + end + ']';
  }
  const o = v as Record<string, unknown>;
  const keys = sortedKeys(o).filter((k) => o[k] !== undefined);
  if (keys.length === 0) return '{}';
  return '{' + keys.map((k) => nl + jsonString(k) + sep + goJSON(o[k], indent, level + 1)).join(',') + end + '}';
}
