/**
 * kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath: parser.go, jsonpath.go): text
 * with `{...}` actions holding fields (`.a.b`, `['a']`), array indexes and slices (`[0]`,
 * `[-1:]`, `[*]`), unions (`[0,2]`), wildcards, recursive descent (`..name`), filters
 * (`[?(@.type=="Ready")]`), quoted text (`{"\n"}`) and `range`/`end`.
 *
 * The grammar, the result order and the error texts follow client-go; the quirks too (a range
 * over nothing skips the rest of the template; `['a.b']` is two fields). Maps are visited in
 * sorted key order where Go would visit them in random order (`*`, `..`).
 *
 * Parsing fails with JsonPathParseError and execution with JsonPathExecError, nothing else.
 */
import { goJSON, goSprint, goTypeName } from './gofmt.ts';
import { goFormatFloatG } from './yaml.ts';

export class JsonPathParseError extends Error {}
export class JsonPathExecError extends Error {}

interface ArrayParam {
  known: boolean;
  value: number;
  derived: boolean;
}

type Node =
  | { type: 'list'; nodes: Node[] }
  | { type: 'text'; text: string }
  | { type: 'field'; name: string }
  | { type: 'array'; params: [ArrayParam, ArrayParam, ArrayParam] }
  | { type: 'filter'; left: ListNode; right: ListNode; op: string }
  | { type: 'int'; value: number }
  | { type: 'float'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'wildcard' }
  | { type: 'recursive' }
  | { type: 'union'; lists: ListNode[] }
  | { type: 'identifier'; name: string };
type ListNode = Extract<Node, { type: 'list' }>;

// ---------------------------------------------------------------------------------------------
// Parser

const EOF = -1;

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09;
}
function isEndOfLine(r: number): boolean {
  return r === 0x0d || r === 0x0a;
}
function isDigitRune(r: number): boolean {
  return r >= 0 && /\p{Nd}/u.test(String.fromCodePoint(r));
}
function isAlphaNumeric(r: number): boolean {
  return r === 0x5f || (r >= 0 && /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(r)));
}
/** Characters that end a field name or identifier. */
function isTerminator(r: number): boolean {
  return r === EOF || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(String.fromCodePoint(r));
}

/** Go's %#U: `U+007B '{'`, or just `U+0009` for a character that does not print. */
function formatRune(r: number): string {
  const hex = `U+${r.toString(16).toUpperCase().padStart(4, '0')}`;
  const printable = r === 0x20 || /[\p{L}\p{M}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(r));
  return printable ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

/** strconv.UnquoteChar-based unquoting of a "..." or '...' literal (jsonpath UnquoteExtend). */
function unquoteExtend(s: string): string {
  const fail = () => {
    throw new JsonPathParseError(`unquote string ${s} error invalid syntax`);
  };
  if (s.length < 2) fail();
  const quote = s[0];
  if (quote !== s[s.length - 1] || (quote !== '"' && quote !== "'")) fail();
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote)) return body;
  let out = '';
  let i = 0;
  const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
  while (i < body.length) {
    const c = body[i];
    if (c === quote) fail();
    if (c !== '\\') {
      out += c;
      i++;
      continue;
    }
    const e = body[i + 1];
    if (e === undefined) fail();
    if (e in simple) {
      out += simple[e];
      i += 2;
    } else if (e === "'" || e === '"') {
      if (e !== quote) fail();
      out += e;
      i += 2;
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = body.slice(i + 2, i + 2 + n);
      if (hex.length !== n || !/^[0-9a-fA-F]+$/.test(hex)) fail();
      const v = parseInt(hex, 16);
      if (e !== 'x' && (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff))) fail();
      out += String.fromCodePoint(v);
      i += 2 + n;
    } else if (e >= '0' && e <= '7') {
      const oct = body.slice(i + 1, i + 4);
      if (!/^[0-7]{3}$/.test(oct) || parseInt(oct, 8) > 255) fail();
      out += String.fromCharCode(parseInt(oct, 8));
      i += 4;
    } else {
      fail();
    }
  }
  return out;
}

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/s;

/** strconv.Atoi: an optional sign and decimal digits. */
function atoi(s: string): number | undefined {
  return /^[+-]?\d+$/.test(s) ? parseInt(s, 10) : undefined;
}

class Parser {
  private input = '';
  private pos = 0;
  private start = 0;
  private width = 0;
  root: ListNode = { type: 'list', nodes: [] };

  parse(text: string): ListNode {
    this.input = text;
    this.root = { type: 'list', nodes: [] };
    this.pos = 0;
    this.start = 0;
    this.parseText();
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }

  private next(): number {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos)!;
    this.width = r > 0xffff ? 2 : 1;
    this.pos += this.width;
    return r;
  }

  private peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  private backup(): void {
    this.pos -= this.width;
  }

  private rest(): string {
    return this.input.slice(this.pos);
  }

  /** Text up to the next `{`, then one action; then text again, always at the root. */
  private parseText(): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const action: ListNode = { type: 'list', nodes: [] };
        this.root.nodes.push(action);
        this.parseInsideAction(action);
        continue;
      }
      if (this.next() === EOF) break;
    }
    if (this.pos > this.start) this.root.nodes.push({ type: 'text', text: this.consume() });
  }

  /** One action, up to its `}`. */
  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return;
      }
      if (rest.startsWith('[?(')) {
        this.parseFilter(cur);
        continue;
      }
      if (rest.startsWith('..')) {
        this.parseRecursive(cur);
        continue;
      }
      const r = this.next();
      if (r === EOF || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === 0x20 || r === 0x40 || r === 0x24) {
        // ' ', '@' and '$' (the current object) mean nothing by themselves.
        this.consume();
      } else if (r === 0x5b) {
        this.parseArray(cur);
      } else if (r === 0x22 || r === 0x27) {
        this.parseQuote(cur, r);
      } else if (r === 0x2e) {
        this.parseField(cur);
      } else if (r === 0x2b || r === 0x2d || isDigitRune(r)) {
        this.backup();
        this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        this.parseIdentifier(cur);
      } else {
        throw new JsonPathParseError(`unrecognized character in action: ${formatRune(r)}`);
      }
    }
  }

  private parseIdentifier(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === 'true' || value === 'false') cur.nodes.push({ type: 'bool', value: value === 'true' });
    else cur.nodes.push({ type: 'identifier', name: value });
  }

  private parseRecursive(cur: ListNode): void {
    const last = cur.nodes[cur.nodes.length - 1];
    if (last && last.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) this.parseField(cur);
  }

  private parseNumber(cur: ListNode): void {
    const first = this.peek();
    if (first === 0x2b || first === 0x2d) this.next();
    for (;;) {
      const r = this.next();
      if (r !== 0x2e && !isDigitRune(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    const i = atoi(value);
    if (i !== undefined) {
      cur.nodes.push({ type: 'int', value: i });
      return;
    }
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(value)) {
      cur.nodes.push({ type: 'float', value: parseFloat(value) });
      return;
    }
    throw new JsonPathParseError(`cannot parse number ${value}`);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated array');
      if (r === 0x5d) break;
    }
    let text = this.consume();
    text = text.slice(1, -1);
    if (text === '*') text = ':';

    const parts = text.split(',');
    if (parts.length > 1) {
      const lists = parts.map((p) => parseAction(`[${p.trim()}]`));
      cur.nodes.push({ type: 'union', lists });
      return;
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1]}`).nodes);
      return;
    }
    const m = SLICE.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    const params: [ArrayParam, ArrayParam, ArrayParam] = [
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
      { known: false, value: 0, derived: false },
    ];
    for (let i = 0; i < 3; i++) {
      let v = m[i + 1] ?? '';
      if (v !== '') {
        if (i > 0) v = v.slice(1);
        if (i > 0 && v === '') params[i].known = false;
        else {
          const n = atoi(v);
          if (n === undefined) throw new JsonPathParseError(`array index ${v} is not a number`);
          params[i] = { known: true, value: n, derived: false };
        }
      } else if (i === 1) {
        params[1] = { known: true, value: params[0].value + 1, derived: true };
      }
    }
    cur.nodes.push({ type: 'array', params });
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = 0;
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated filter');
      if (r === 0x22 || r === 0x27) {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === 0x29 && begin === end) {
        break;
      }
    }
    if (this.next() !== 0x5d) throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) {
      cur.nodes.push({ type: 'filter', left: parseAction(text), right: { type: 'list', nodes: [] }, op: 'exists' });
    } else {
      cur.nodes.push({ type: 'filter', left: parseAction(m[1]), right: parseAction(m[3]), op: m[2] });
    }
  }

  private parseQuote(cur: ListNode, quote: number): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || r === 0x0a) throw new JsonPathParseError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    cur.nodes.push({ type: 'text', text: unquoteExtend(this.consume()) });
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === 0x5c) {
        this.next();
        continue;
      }
      if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (value === '*') cur.nodes.push({ type: 'wildcard' });
    else cur.nodes.push({ type: 'field', name: value.replace(/\\/g, '') });
  }
}

/** parseAction: the nodes of `{text}`. */
function parseAction(text: string): ListNode {
  const root = new Parser().parse(`{${text}}`);
  return root.nodes[0] as ListNode;
}

// ---------------------------------------------------------------------------------------------
// Values: JSON data, plus the literals of the template (Go int and float64, distinct kinds)

/** A literal number of the template: Go `int` (IntNode) or `float64` (FloatNode). */
class Literal {
  constructor(
    readonly value: number,
    readonly kind: 'int' | 'float',
  ) {}
}
type Value = unknown;

function isMap(v: Value): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Literal);
}

type BasicKind = 'bool' | 'int' | 'float' | 'string' | 'invalid';
function basicKind(v: Value): BasicKind {
  if (v instanceof Literal) return v.kind;
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  return 'invalid';
}
function num(v: Value): number {
  return v instanceof Literal ? v.value : (v as number);
}

const BAD_TYPE = 'invalid type for comparison';
const INCOMPATIBLE = 'incompatible types for comparison';

/** text/template's eq for two values (the forked template funcs jsonpath uses). */
function equal(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'invalid' || kb === 'invalid') throw new JsonPathExecError(BAD_TYPE);
  if (ka !== kb) throw new JsonPathExecError(INCOMPATIBLE);
  if (ka === 'int' || ka === 'float') return num(a) === num(b);
  return a === b;
}

function less(a: Value, b: Value): boolean {
  const ka = basicKind(a);
  const kb = basicKind(b);
  if (ka === 'invalid' || kb === 'invalid' || ka === 'bool') throw new JsonPathExecError(BAD_TYPE);
  if (ka !== kb) throw new JsonPathExecError(INCOMPATIBLE);
  if (ka === 'string') return (a as string) < (b as string);
  return num(a) < num(b);
}

// ---------------------------------------------------------------------------------------------
// Execution

class Executor {
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  /** The `end` node that closed the innermost block last (for fast-forwarding past it). */
  private lastEndNode: Node | undefined;

  constructor(
    private readonly root: ListNode,
    private readonly allowMissingKeys: boolean,
  ) {}

  /** FindResults: one list of values per piece of the template, ranges expanded. */
  findResults(data: Value, nodes: Node[] = this.root.nodes): Value[][] {
    const cur: Value[] = [data];
    const full: Value[][] = [];
    for (let i = 0; i < nodes.length; i++) {
      const results = this.walk(cur, nodes[i]);
      // An `end`: close the current block.
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = nodes[i];
        break;
      }
      // A `range`: run the rest of the template once per value, then carry on after its `end`.
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) {
          for (const value of results) full.push(...this.findResults(value, nodes.slice(i + 1)));
        } else {
          // Nothing to range over: still walk the block so that its `end` is found.
          this.findResults(null, nodes.slice(i + 1));
        }
        this.inRange--;
        for (let k = i + 1; k < nodes.length; k++) {
          if (nodes[k] === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  private walk(input: Value[], node: Node): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return this.evalArray(input, node.params);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
        return input.map(() => new Literal(node.value, 'int'));
      case 'float':
        return input.map(() => new Literal(node.value, 'float'));
      case 'bool':
        return input.map(() => node.value);
      case 'wildcard':
        return this.evalWildcard(input);
      case 'recursive':
        return this.evalRecursive(input);
      case 'union': {
        const out: Value[] = [];
        for (const l of node.lists) out.push(...this.evalList(input, l));
        return out;
      }
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], node: ListNode): Value[] {
    let v = input;
    for (const n of node.nodes) v = this.walk(v, n);
    return v;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathExecError('not in range, nothing to end');
    }
    throw new JsonPathExecError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], name: string): Value[] {
    if (input.length === 0) return [];
    const results: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name)) results.push(v[name]);
    }
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathExecError(`${name} is not found`);
    return results;
  }

  private evalArray(input: Value[], params: [ArrayParam, ArrayParam, ArrayParam]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goTypeName(v)} is not array or slice`);
      const len = v.length;
      let from = params[0].known ? params[0].value : 0;
      if (from < 0) from += len;
      let to = params[1].known ? params[1].value : len;
      if (to < 0 || (to === 0 && params[1].derived)) to += len;
      if (to !== from) {
        if (from >= len) throw new JsonPathExecError(`array index out of bounds: index ${from}, length ${len}`);
        if (to > len) throw new JsonPathExecError(`array index out of bounds: index ${to - 1}, length ${len}`);
      }
      // Go's slice expressions panic on these; the template engine reports the panic.
      if (from < 0 || to < from) throw new JsonPathExecError(`slice bounds out of range [${from}:${to}]`);
      if (!params[2].known) {
        out.push(...v.slice(from, to));
      } else {
        const cap = params[2].value;
        if (cap < to || cap > len) throw new JsonPathExecError(`slice bounds out of range [::${cap}] with capacity ${len}`);
        out.push(...v.slice(from, to));
      }
    }
    return out;
  }

  private evalWildcard(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      if (Array.isArray(v)) out.push(...v);
      else if (typeof v === 'string') for (let i = 0; i < v.length; i++) out.push(v.charCodeAt(i));
      else if (isMap(v)) for (const k of Object.keys(v).sort()) out.push(v[k]);
    }
    return out;
  }

  private evalRecursive(input: Value[]): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (v === null || v === undefined) continue;
      let children: Value[] = [];
      if (Array.isArray(v)) children = v;
      else if (typeof v === 'string') children = [...Array(v.length)].map((_, i) => v.charCodeAt(i));
      else if (isMap(v)) children = Object.keys(v).sort().map((k) => v[k]);
      if (children.length > 0) {
        out.push(v);
        out.push(...this.evalRecursive(children));
      }
    }
    return out;
  }

  private evalFilter(input: Value[], node: Extract<Node, { type: 'filter' }>): Value[] {
    const out: Value[] = [];
    for (const v of input) {
      if (!Array.isArray(v)) throw new JsonPathExecError(`${goSprint(v)} is not array or slice and cannot be filtered`);
      for (const item of v) {
        let lefts: Value[];
        let leftErr: unknown;
        try {
          lefts = this.evalList([item], node.left);
        } catch (e) {
          lefts = [];
          leftErr = e;
        }
        if (node.op === 'exists') {
          if (lefts.length > 0) out.push(item);
          continue;
        }
        if (leftErr) throw leftErr;
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathExecError('can only compare one element at a time');
        const [l, r] = [lefts[0], rights[0]];
        let pass: boolean;
        switch (node.op) {
          case '<':
            pass = less(l, r);
            break;
          case '>':
            pass = less(r, l);
            break;
          case '==':
            pass = equal(l, r);
            break;
          case '!=':
            pass = !equal(l, r);
            break;
          case '<=':
            pass = less(l, r) || equal(l, r);
            break;
          case '>=':
            pass = less(r, l) || equal(l, r);
            break;
          default:
            throw new JsonPathExecError(`unrecognized filter operator ${node.op}`);
        }
        if (pass) out.push(item);
      }
    }
    return out;
  }
}

/** How one result prints: maps and lists as compact JSON, the rest as fmt.Fprint does. */
function resultText(v: Value): string {
  if (v instanceof Literal) return v.kind === 'int' ? String(v.value) : goFormatFloatG(v.value);
  if (Array.isArray(v) || isMap(v)) return goJSON(v);
  return goSprint(v);
}

export interface JsonPathOptions {
  allowMissingKeys?: boolean;
  /** `-o jsonpath-as-json`: each piece's results as one indented JSON array. */
  outputJSON?: boolean;
}

/** A parsed template. */
export class JsonPath {
  private constructor(
    readonly template: string,
    private readonly root: ListNode,
  ) {}

  /** Throws JsonPathParseError. */
  static parse(template: string): JsonPath {
    try {
      return new JsonPath(template, new Parser().parse(template));
    } catch (e) {
      if (e instanceof JsonPathParseError) throw e;
      throw new JsonPathParseError(e instanceof Error ? e.message : String(e));
    }
  }

  /** The values each piece of the template yields (FindResults). Throws JsonPathExecError. */
  findResults(data: unknown, opts: JsonPathOptions = {}): unknown[][] {
    try {
      return new Executor(this.root, opts.allowMissingKeys ?? true).findResults(data);
    } catch (e) {
      if (e instanceof JsonPathExecError) throw e;
      throw new JsonPathExecError(e instanceof Error ? e.message : String(e));
    }
  }

  /** Execute: the text the template prints for `data`. Throws JsonPathExecError. */
  execute(data: unknown, opts: JsonPathOptions = {}): string {
    let out = '';
    for (const results of this.findResults(data, opts)) {
      if (opts.outputJSON) out += goJSON(results.map((r) => (r instanceof Literal ? r.value : r)), '    ') + '\n';
      else out += results.map(resultText).join(' ');
    }
    return out;
  }
}

/** The text of one value the way custom-columns prints a cell (printOneObject: fmt %v). */
export function cellText(v: unknown): string {
  if (v instanceof Literal) return v.kind === 'int' ? String(v.value) : goFormatFloatG(v.value);
  return goSprint(v);
}
