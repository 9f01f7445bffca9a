// The YAML emitter as it was before it was made faster (src/kubectl/printers/yaml.ts at 830d894,
// unchanged below): test/printers/yaml-same.test.ts checks that the faster one writes byte for
// byte the same text, and fails the same way, on random values. Not used by the app.

/**
 * `-o yaml` as kubectl prints it: cli-runtime's YAMLPrinter calls sigs.k8s.io/yaml.Marshal, which
 * encodes the object as JSON, reads that JSON back with its go-yaml v2 fork (so integers stay
 * integers and everything else is a float) and emits it with go-yaml v2's encoder and libyaml
 * emitter (goyaml.v2 encode.go, emitterc.go, resolve.go, sorter.go). What that decides:
 *
 *  - map keys in go-yaml's "natural" order (sorter.go keyList.Less: digit runs compare as numbers,
 *    a non-letter sorts before a letter), not plain byte order as in `-o json`;
 *  - a string is written plain unless it would read back as something else (`"true"`, `"8080"`,
 *    `"2024-01-01"`, `""`, `"null"`) -> double quotes, or the emitter's analysis forbids plain
 *    (leading indicator, `: `, ` #`, leading or trailing space) -> single quotes, or even those are
 *    not allowed (control characters, characters outside the BMP, a space before a line break) ->
 *    double quotes with escapes;
 *  - strings with a line feed are literal blocks (`|`, `|-`, `|+`, `|2` when they start with a
 *    space) unless the block is not allowed;
 *  - plain and quoted scalars fold at a space once the line is past column 80 (best_width);
 *  - block sequences inside a mapping are not indented ("- " at the key's column), empty
 *    collections are `{}` and `[]`, nil is `null`.
 *
 * Written from the libyaml emitter's rules; not a general YAML library.
 */

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

// ---------------------------------------------------------------------------------------------
// Key order (goyaml.v2 sorter.go)

const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

function isLetter(cp: number): boolean {
  return cp < 128 ? (cp >= 65 && cp <= 90) || (cp >= 97 && cp <= 122) : LETTER.test(String.fromCodePoint(cp));
}
function isDigit(cp: number): boolean {
  return cp < 128 ? cp >= 48 && cp <= 57 : DIGIT.test(String.fromCodePoint(cp));
}
/** Go's `int64(r - '0')` for a digit rune (only ASCII digits have the intended value). */
function digitValue(cp: number): bigint {
  return BigInt(cp - 48);
}

function runes(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0)!);
  return out;
}

/** keyList.Less for two string keys. */
export function yamlKeyLess(a: string, b: string): boolean {
  const ar = runes(a);
  const br = runes(b);
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]);
    const bl = isLetter(br[i]);
    if (al && bl) return ar[i] < br[i];
    if (al || bl) return bl;
    let an = 0n;
    let bn = 0n;
    if (ar[i] === 48 || br[i] === 48) {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) {
        if (ar[j] !== 48) {
          an = 1n;
          bn = 1n;
          break;
        }
      }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = BigInt.asIntN(64, an * 10n + digitValue(ar[ai]));
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = BigInt.asIntN(64, bn * 10n + digitValue(br[bi]));
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i] < br[i];
  }
  return ar.length < br.length;
}

const plainKeyOrder = /^[a-zA-Z]*$/;

export function sortYamlKeys(keys: string[]): string[] {
  // Keys made of ASCII letters only compare as plain code points: skip the general rule.
  if (keys.every((k) => plainKeyOrder.test(k))) return keys.sort();
  return keys.sort((x, y) => (yamlKeyLess(x, y) ? -1 : yamlKeyLess(y, x) ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// What a plain scalar would read back as (goyaml.v2 resolve.go)

const RESOLVE_MAP = new Set([
  'y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF',
  '', '~', 'null', 'Null', 'NULL',
  '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
]);

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** strconv.ParseInt(s, 0, 64) or ParseUint(s, 0, 64) succeeds (underscores already removed). */
function goParsesAsInteger(s: string): boolean {
  let body = s;
  let neg = false;
  if (body.startsWith('+') || body.startsWith('-')) {
    neg = body[0] === '-';
    body = body.slice(1);
  }
  let digits: string;
  let base: number;
  const lower = body.toLowerCase();
  if (lower.startsWith('0x')) [digits, base] = [body.slice(2), 16];
  else if (lower.startsWith('0o')) [digits, base] = [body.slice(2), 8];
  else if (lower.startsWith('0b')) [digits, base] = [body.slice(2), 2];
  else if (body.length > 1 && body[0] === '0') [digits, base] = [body.slice(1), 8];
  else [digits, base] = [body, 10];
  if (digits === '') return false;
  const valid = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!valid.test(digits)) return false;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = BigInt(prefix + digits);
  if (neg) return v <= 2n ** 63n; // ParseInt; ParseUint rejects a sign
  return v <= 2n ** 64n - 1n; // ParseInt, then ParseUint
}

/** strconv's underscoreOK (decimal): underscores only between digits. */
function underscoreOK(s: string): boolean {
  let saw = '^';
  for (const ch of s.replace(/^[+-]/, '')) {
    if (ch >= '0' && ch <= '9') saw = '0';
    else if (ch === '_') {
      if (saw !== '0') return false;
      saw = '_';
    } else {
      if (saw === '_') return false;
      saw = '!';
    }
  }
  return saw !== '_';
}

/** strconv.ParseFloat accepts it (decimal forms only: what a '.'-led scalar can be). */
function goParsesAsFloat(s: string): boolean {
  if (s.includes('_') && !underscoreOK(s)) return false;
  const plain = s.replace(/_/g, '');
  return /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(plain) || /^[-+]?(inf|infinity|nan)$/i.test(plain);
}

const DATE_ONLY = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const DATE_TIME = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})|[ ](\d{1,2}):(\d{1,2}):(\d{1,2})(?:\.\d+)?)$/;

/** parseTimestamp (resolve.go): the four layouts go-yaml tries with time.Parse. */
function isTimestamp(s: string): boolean {
  const m = DATE_ONLY.exec(s) ?? DATE_TIME.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return false;
  const h = m[4] ?? m[7];
  if (h !== undefined) {
    const mi = m[5] ?? m[8];
    const se = m[6] ?? m[9];
    if (Number(h) > 23 || Number(mi) > 59 || Number(se) > 59) return false;
  }
  return true;
}

/** Whether a plain scalar `s` reads back as a string (resolve() gives !!str) and is not a base-60 float. */
export function resolvesAsString(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  const hint = c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : 'yYnNtTfFoO~'.includes(c) ? 'M' : c === '.' ? '.' : '';
  if (hint !== '') {
    if (RESOLVE_MAP.has(s)) return false;
    if (hint === '.' && goParsesAsFloat(s)) return false;
    if (hint === 'D' || hint === 'S') {
      if (isTimestamp(s)) return false;
      const plain = s.replace(/_/g, '');
      if (goParsesAsInteger(plain)) return false;
      if (YAML_STYLE_FLOAT.test(plain)) return false;
    }
  }
  if ((c === '+' || c === '-' || (c >= '0' && c <= '9')) && s.includes(':') && BASE60_FLOAT.test(s)) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Scalar analysis (emitterc.go yaml_emitter_analyze_scalar)

interface Analysis {
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

function isBreakCp(cp: number): boolean {
  return cp === 0x0a || cp === 0x0d || cp === 0x85 || cp === 0x2028 || cp === 0x2029;
}

/** libyaml is_printable (with unicode output on): the BMP minus controls, surrogates, BOM and U+FFFE/F. */
function isPrintableCp(cp: number): boolean {
  if (cp === 0x0a) return true;
  if (cp >= 0x20 && cp <= 0x7e) return true;
  if (cp >= 0xa0 && cp <= 0xd7ff) return true;
  if (cp >= 0xe000 && cp <= 0xfffd) return cp !== 0xfeff;
  return false;
}

function isBlankOrEnd(cps: number[], i: number): boolean {
  return i >= cps.length || cps[i] === 0x20 || cps[i] === 0x09 || isBreakCp(cps[i]);
}

function analyze(cps: number[]): Analysis {
  if (cps.length === 0) {
    return { multiline: false, flowPlainAllowed: false, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: false };
  }
  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;
  let previousSpace = false;
  let previousBreak = false;
  let precededByWhitespace = true;
  if (cps.length >= 3 && ((cps[0] === 45 && cps[1] === 45 && cps[2] === 45) || (cps[0] === 46 && cps[1] === 46 && cps[2] === 46))) {
    blockIndicators = true;
    flowIndicators = true;
  }
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    const ch = String.fromCodePoint(c);
    const followedByWhitespace = isBlankOrEnd(cps, i + 1);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(ch)) {
        flowIndicators = true;
        blockIndicators = true;
      } else if (ch === '?' || ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '-' && followedByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    } else {
      if (',?[]{}'.includes(ch)) flowIndicators = true;
      else if (ch === ':') {
        flowIndicators = true;
        if (followedByWhitespace) blockIndicators = true;
      } else if (ch === '#' && precededByWhitespace) {
        flowIndicators = true;
        blockIndicators = true;
      }
    }
    if (!isPrintableCp(c)) specialCharacters = true;
    if (c === 0x20) {
      if (i === 0) leadingSpace = true;
      if (i === cps.length - 1) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreakCp(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cps.length - 1) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }
    precededByWhitespace = isBlankOrEnd(cps, i);
  }
  const a: Analysis = { multiline: lineBreaks, flowPlainAllowed: true, blockPlainAllowed: true, singleQuotedAllowed: true, blockAllowed: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
    a.blockAllowed = false;
  }
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}

type Style = 'plain' | 'single' | 'double' | 'literal';

/** encode.go stringv + emitterc.go yaml_emitter_select_scalar_style, in block context. */
function stringStyle(s: string, cps: number[], a: Analysis, simpleKey: boolean): Style {
  const canUsePlain = resolvesAsString(s);
  let style: Style = s.includes('\n') ? 'literal' : canUsePlain ? 'plain' : 'double';
  if (simpleKey && a.multiline) style = 'double';
  if (style === 'plain') {
    if (!a.blockPlainAllowed) style = 'single';
    if (cps.length === 0 && simpleKey) style = 'single';
  }
  if (style === 'single' && !a.singleQuotedAllowed) style = 'double';
  if (style === 'literal' && (!a.blockAllowed || simpleKey)) style = 'double';
  return style;
}

// ---------------------------------------------------------------------------------------------
// Output with libyaml's column bookkeeping

class Out {
  text = '';
  column = 0;
  /** The last character written is whitespace (libyaml `whitespace`). */
  whitespace = true;
  /** Only indentation so far on this line (libyaml `indention`). */
  indention = true;

  put(s: string): void {
    this.text += s;
    this.column++;
  }
  /** Write a run of characters without breaks. */
  write(s: string): void {
    this.text += s;
    for (const _ of s) this.column++;
  }
  breakLine(): void {
    this.text += '\n';
    this.column = 0;
    this.indention = true;
  }
  /** yaml_emitter_write_indent. */
  indent(indent: number): void {
    const n = Math.max(indent, 0);
    if (!this.indention || this.column > n || (this.column === n && !this.whitespace)) this.breakLine();
    while (this.column < n) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  /** yaml_emitter_write_indicator. */
  indicator(ind: string, needWhitespace: boolean, isWhitespace: boolean, isIndention: boolean): void {
    if (needWhitespace && !this.whitespace) this.put(' ');
    this.write(ind);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }
}

function writePlain(out: Out, cps: number[], indent: number, allowBreaks: boolean): void {
  if (!out.whitespace) out.put(' ');
  let spaces = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === 0x20) {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && cps[i + 1] !== 0x20) {
        out.indent(indent);
      } else {
        out.put(' ');
      }
      spaces = true;
    } else {
      out.put(String.fromCodePoint(c));
      out.indention = false;
      spaces = false;
    }
  }
  out.whitespace = false;
  out.indention = false;
}

function writeSingleQuoted(out: Out, cps: number[], indent: number, allowBreaks: boolean): void {
  out.indicator("'", true, false, false);
  let spaces = false;
  let breaks = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (c === 0x20) {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1 && cps[i + 1] !== 0x20) {
        out.indent(indent);
      } else {
        out.put(' ');
      }
      spaces = true;
    } else if (isBreakCp(c)) {
      if (!breaks && c === 0x0a) out.breakLine();
      if (c === 0x0a) out.breakLine();
      else {
        out.text += String.fromCodePoint(c);
        out.column = 0;
        out.indention = true;
      }
      out.indention = true;
      breaks = true;
    } else {
      if (breaks) out.indent(indent);
      if (c === 0x27) out.put("'");
      out.put(String.fromCodePoint(c));
      out.indention = false;
      spaces = false;
      breaks = false;
    }
  }
  out.indicator("'", false, false, false);
  out.whitespace = false;
  out.indention = false;
}

const SHORT_ESCAPES: Record<number, string> = {
  0x00: '0', 0x07: 'a', 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0b: 'v', 0x0c: 'f', 0x0d: 'r', 0x1b: 'e',
  0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function writeDoubleQuoted(out: Out, cps: number[], indent: number, allowBreaks: boolean): void {
  out.indicator('"', true, false, false);
  // go-yaml's is_bom looks at the start of the value, not at the current character: a value
  // that starts with a BOM has every character escaped.
  const bom = cps[0] === 0xfeff;
  let spaces = false;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (bom || !isPrintableCp(c) || isBreakCp(c) || c === 0x22 || c === 0x5c) {
      out.put('\\');
      const short = SHORT_ESCAPES[c];
      if (short !== undefined) out.put(short);
      else {
        const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
        out.put(letter);
        out.write(c.toString(16).toUpperCase().padStart(width, '0'));
      }
      spaces = false;
    } else if (c === 0x20) {
      if (allowBreaks && !spaces && out.column > BEST_WIDTH && i !== 0 && i !== cps.length - 1) {
        out.indent(indent);
        if (cps[i + 1] === 0x20) out.put('\\');
      } else {
        out.put(' ');
      }
      spaces = true;
    } else {
      out.put(String.fromCodePoint(c));
      spaces = false;
    }
  }
  out.indicator('"', false, false, false);
  out.whitespace = false;
  out.indention = false;
}

function writeLiteral(out: Out, cps: number[], indent: number): void {
  out.indicator('|', true, false, false);
  // yaml_emitter_write_block_scalar_hints
  if (cps[0] === 0x20 || isBreakCp(cps[0])) out.indicator(String(BEST_INDENT), false, false, false);
  const last = cps.length - 1;
  if (!isBreakCp(cps[last])) out.indicator('-', false, false, false);
  else if (last === 0 || isBreakCp(cps[last - 1])) out.indicator('+', false, false, false);
  out.breakLine();
  out.indention = true;
  out.whitespace = true;
  let breaks = true;
  for (let i = 0; i < cps.length; i++) {
    const c = cps[i];
    if (isBreakCp(c)) {
      if (c === 0x0a) out.breakLine();
      else {
        out.text += String.fromCodePoint(c);
        out.column = 0;
        out.indention = true;
      }
      breaks = true;
    } else {
      if (breaks) out.indent(indent);
      out.put(String.fromCodePoint(c));
      out.indention = false;
      breaks = false;
    }
  }
}

/**
 * The one line break Go's encoding/json leaves raw is NEL (U+0085). go-yaml reads the JSON
 * string as a double-quoted scalar and folds it like any line break there: blanks around it
 * dropped, one break -> a space, n breaks -> n-1 line feeds (scannerc.go scan_flow_scalar).
 */
function foldNEL(s: string): string {
  if (!s.includes('\u0085')) return s;
  return s.replace(/ *\u0085[ \u0085]*/g, (run) => {
    let n = 0;
    for (const ch of run) if (ch === '\u0085') n++;
    return n === 1 ? ' ' : '\n'.repeat(n - 1);
  });
}

/** Strings that are plain whatever the context: no indicators, spaces or breaks, short. */
const SIMPLE_PLAIN = /^[a-zA-Z_/][a-zA-Z0-9_./-]{0,59}$/;

function writeString(out: Out, raw: string, indent: number, simpleKey: boolean): void {
  if (SIMPLE_PLAIN.test(raw) && resolvesAsString(raw)) {
    // Fast path (most keys and values): the analysis below would choose plain style anyway.
    if (!out.whitespace) out.put(' ');
    out.text += raw;
    out.column += raw.length;
    out.whitespace = false;
    out.indention = false;
    return;
  }
  const s = foldNEL(raw);
  const cps = runes(s);
  const a = analyze(cps);
  const style = stringStyle(s, cps, a, simpleKey);
  const allowBreaks = !simpleKey;
  switch (style) {
    case 'plain':
      return writePlain(out, cps, indent, allowBreaks);
    case 'single':
      return writeSingleQuoted(out, cps, indent, allowBreaks);
    case 'double':
      return writeDoubleQuoted(out, cps, indent, allowBreaks);
    case 'literal':
      return writeLiteral(out, cps, indent);
  }
}

// ---------------------------------------------------------------------------------------------
// Numbers: what go-yaml reads from encoding/json's text, then writes back

/**
 * Go strconv.FormatFloat(f, 'g', -1, 64): the shortest digits that read back as f, in %e form
 * when the exponent is below -4 or at least 6 (the shortest format's fixed eprec), else %f.
 */
export function goFormatFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant, expStr] = f.toExponential().split('e');
  const exp = Number(expStr);
  const neg = f < 0;
  const digits = mant.replace('-', '').replace('.', '');
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const e = Math.abs(exp) < 10 ? `0${Math.abs(exp)}` : String(Math.abs(exp));
    return `${neg ? '-' : ''}${m}e${exp < 0 ? '-' : '+'}${e}`;
  }
  // Between 1e-4 and 1e6 JavaScript prints the same shortest digits in positional form.
  return String(f);
}

/** A JSON number as go-yaml writes it back: integers in decimal, floats in Go's %g. */
function numberText(n: number): string {
  const json = JSON.stringify(n); // the same text Go's encoding/json writes for a float64
  if (/^-?\d+$/.test(json)) {
    const v = BigInt(json);
    if (v >= -(2n ** 63n) && v < 2n ** 64n) return v.toString();
  }
  return goFormatFloatG(n);
}

// ---------------------------------------------------------------------------------------------
// Nodes

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function isEmptyCollection(v: unknown): boolean {
  if (Array.isArray(v)) return v.length === 0;
  return v !== null && typeof v === 'object' && Object.keys(v).length === 0;
}

function writeScalar(out: Out, v: unknown, indent: number, simpleKey: boolean): void {
  // Scalars are written with the indentation raised by one step (emit_scalar increase_indent).
  const scalarIndent = indent < 0 ? BEST_INDENT : indent + BEST_INDENT;
  if (typeof v === 'string') return writeString(out, v, scalarIndent, simpleKey);
  let text: string;
  if (v === null || v === undefined) text = 'null';
  else if (typeof v === 'boolean') text = v ? 'true' : 'false';
  else if (typeof v === 'number') text = numberText(v);
  else text = String(v);
  writePlain(out, runes(text), scalarIndent, !simpleKey);
}

/** A key is a simple key unless multi-line or longer than 128 bytes (yaml_emitter_check_simple_key). */
function isSimpleKey(k: string): boolean {
  if (k.length > 42 && utf8Length(k) > 128) return false;
  return !runes(k).some(isBreakCp);
}

function utf8Length(s: string): number {
  let n = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}

function writeNode(out: Out, v: unknown, indent: number, ctx: 'root' | 'mapping' | 'sequence'): void {
  if (Array.isArray(v) || (v !== null && typeof v === 'object')) {
    if (isEmptyCollection(v)) {
      out.indicator(Array.isArray(v) ? '[' : '{', true, true, false);
      out.indicator(Array.isArray(v) ? ']' : '}', false, false, false);
      return;
    }
    if (Array.isArray(v)) {
      // Sequences directly under a mapping key are "indentless".
      const seqIndent = indent < 0 ? 0 : ctx === 'mapping' && !out.indention ? indent : indent + BEST_INDENT;
      for (const item of v) {
        out.indent(seqIndent);
        out.indicator('-', true, false, true);
        writeNode(out, item, seqIndent, 'sequence');
      }
      return;
    }
    const mapIndent = indent < 0 ? 0 : indent + BEST_INDENT;
    const obj = v as Record<string, unknown>;
    const keys = new Map<string, string>();
    for (const k of Object.keys(obj)) keys.set(foldNEL(k), k);
    for (const k of sortYamlKeys([...keys.keys()])) {
      const value = obj[keys.get(k)!];
      out.indent(mapIndent);
      if (isSimpleKey(k)) {
        writeScalar(out, k, mapIndent, true);
        out.indicator(':', false, false, false);
      } else {
        out.indicator('?', true, false, true);
        writeScalar(out, k, mapIndent, false);
        out.indent(mapIndent);
        out.indicator(':', true, false, true);
      }
      writeNode(out, value, mapIndent, 'mapping');
    }
    return;
  }
  writeScalar(out, v, indent, false);
}

/** go-yaml's reader refuses these in its input, the JSON text of the object (reader.go). */
const READER_REJECTS = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What sigs.k8s.io/yaml fails with; kubectl prints it as `error: yaml: ...`. */
export class YamlError extends Error {}

function checkReadable(v: unknown): void {
  if (typeof v === 'string') {
    if (READER_REJECTS.test(v)) throw new YamlError('yaml: control characters are not allowed');
  } else if (Array.isArray(v)) {
    for (const x of v) checkReadable(x);
  } else if (v !== null && typeof v === 'object') {
    for (const [k, x] of Object.entries(v)) {
      checkReadable(k);
      checkReadable(x);
    }
  }
}

/**
 * sigs.k8s.io/yaml.Marshal of a JSON value, as kubectl's YAMLPrinter writes it. Throws
 * YamlError where go-yaml cannot read the intermediate JSON (DEL and C1 control characters).
 */
export function toYAML(value: unknown): string {
  checkReadable(value);
  const out = new Out();
  writeNode(out, value as Json, -1, 'root');
  // yaml_emitter_emit_document_end writes the final line break.
  out.indent(-1);
  return out.text;
}
