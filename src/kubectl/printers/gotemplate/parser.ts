/**
 * The parse tree of a Go template (text/template/parse's node types, as far as templates over
 * JSON use them) and the parser that builds it from tokens. Errors carry Go's messages and the
 * line where the parser stood: `template: output:1: unexpected {{end}}`.
 *
 * Nodes keep their position (an index in the text) and print themselves as Go's Node.String()
 * does, because execution errors name the node: `executing "output" at <.spec.ports.x>`.
 */
import { lex, tokenString, type Token } from './lexer.ts';
import { GoNumber } from './values.ts';

export class GoTemplateParseError extends Error {}

export type Arg =
  | { type: 'field'; pos: number; ident: string[] }
  | { type: 'variable'; pos: number; ident: string[] }
  | { type: 'chain'; pos: number; node: Arg; field: string[] }
  | { type: 'identifier'; pos: number; name: string }
  | { type: 'dot'; pos: number }
  | { type: 'nil'; pos: number }
  | { type: 'bool'; pos: number; value: boolean }
  | { type: 'number'; pos: number; text: string; value: GoNumber | string }
  | { type: 'string'; pos: number; quoted: string; text: string }
  | Pipe;

export interface Command {
  type: 'command';
  pos: number;
  args: Arg[];
}

export interface Pipe {
  type: 'pipe';
  pos: number;
  isAssign: boolean;
  decl: { pos: number; name: string }[];
  cmds: Command[];
}

export type Node =
  | { type: 'text'; pos: number; text: string }
  | { type: 'action'; pos: number; pipe: Pipe }
  | { type: 'if' | 'with' | 'range'; pos: number; pipe: Pipe; list: Node[]; elseList?: Node[] }
  | { type: 'template'; pos: number; name: string; pipe?: Pipe }
  | { type: 'break' | 'continue'; pos: number };

/** What ends an item list: `{{end}}` or `{{else}}` (with a pending `if`/`with` for `else if`). */
type Terminator = { type: 'end' } | { type: 'else'; chained: boolean };

export interface Parsed {
  root: Node[];
  defines: Map<string, Node[]>;
}

// ---------------------------------------------------------------------------------------------
// Node.String()

export function argString(a: Arg): string {
  switch (a.type) {
    case 'field':
      return '.' + a.ident.join('.');
    case 'variable':
      return a.ident.join('.');
    case 'chain':
      return (a.node.type === 'pipe' ? `(${pipeString(a.node)})` : argString(a.node)) + '.' + a.field.join('.');
    case 'identifier':
      return a.name;
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'bool':
      return a.value ? 'true' : 'false';
    case 'number':
      return a.text;
    case 'string':
      return a.quoted;
    case 'pipe':
      return pipeString(a);
  }
}

export function commandString(c: Command): string {
  return c.args.map((a) => (a.type === 'pipe' ? `(${pipeString(a)})` : argString(a))).join(' ');
}

export function pipeString(p: Pipe): string {
  let s = '';
  if (p.decl.length > 0) s = p.decl.map((d) => d.name).join(', ') + (p.isAssign ? ' = ' : ' := ');
  return s + p.cmds.map(commandString).join(' | ');
}

function listString(list: readonly Node[]): string {
  return list.map(nodeString).join('');
}

export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text':
      return n.text;
    case 'action':
      return `{{${pipeString(n.pipe)}}}`;
    case 'if':
    case 'with':
    case 'range':
      return `{{${n.type} ${pipeString(n.pipe)}}}${listString(n.list)}${n.elseList ? `{{else}}${listString(n.elseList)}` : ''}{{end}}`;
    case 'template':
      return n.pipe ? `{{template ${JSON.stringify(n.name)} ${pipeString(n.pipe)}}}` : `{{template ${JSON.stringify(n.name)}}}`;
    case 'break':
    case 'continue':
      return `{{${n.type}}}`;
  }
}

// ---------------------------------------------------------------------------------------------
// Literals

/** Go's strconv.Unquote of a "..." or `...` literal; undefined when malformed. */
export function unquote(text: string): string | undefined {
  if (text.startsWith('`')) return text.slice(1, -1).replace(/\r/g, '');
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = text[++i];
    const simple: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"', "'": "'" };
    if (e in simple) {
      if (e === "'" && text[0] === '"') return undefined;
      if (e === '"' && text[0] === "'") return undefined;
      out += simple[e];
      continue;
    }
    const hex = (n: number) => {
      const h = text.slice(i + 1, i + 1 + n);
      if (h.length !== n || !/^[0-9a-fA-F]+$/.test(h)) return undefined;
      i += n;
      return parseInt(h, 16);
    };
    let cp: number | undefined;
    if (e === 'x') cp = hex(2);
    else if (e === 'u') cp = hex(4);
    else if (e === 'U') cp = hex(8);
    else if (e >= '0' && e <= '7') {
      const o = text.slice(i, i + 3);
      if (!/^[0-7]{3}$/.test(o)) return undefined;
      i += 2;
      cp = parseInt(o, 8);
    }
    if (cp === undefined || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff && e !== 'x')) return undefined;
    // \x and octal escapes are bytes; outside ASCII they make invalid UTF-8, shown as U+FFFD.
    out += (e === 'x' || (e >= '0' && e <= '7')) && cp >= 0x80 ? '\ufffd' : String.fromCodePoint(cp);
  }
  return out;
}

/** A number literal's value as text/template types it when used (int or float64), or the error text. */
function numberValue(text: string, kind: 'number' | 'char'): GoNumber | string {
  if (kind === 'char') {
    const s = unquote(text);
    if (s === undefined || [...s].length !== 1) return `malformed character constant: ${text}`;
    return new GoNumber(s.codePointAt(0)!, 'int');
  }
  if (text.endsWith('i')) return `complex numbers are not supported: ${text}`;
  const clean = text.replace(/_/g, '');
  const neg = clean.startsWith('-');
  const body = clean.replace(/^[+-]/, '');
  let n: number | undefined;
  let isFloat = false;
  if (/^0[xX][0-9a-fA-F]+$/.test(body)) n = parseInt(body.slice(2), 16);
  else if (/^0[oO][0-7]+$/.test(body)) n = parseInt(body.slice(2), 8);
  else if (/^0[bB][01]+$/.test(body)) n = parseInt(body.slice(2), 2);
  else if (/^0[0-7]+$/.test(body)) n = parseInt(body, 8);
  else if (/^\d+$/.test(body)) n = Number(body);
  else if (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(body)) {
    n = Number(body);
    isFloat = true;
  }
  if (n === undefined || Number.isNaN(n)) return `illegal number syntax: ${JSON.stringify(text)}`;
  if (neg) n = -n;
  if (!isFloat) {
    // The exact value decides the overflow (Go's int is 64 bits); beyond 2^53 the printed digits are
    // the nearest double's, a known limit here.
    const digits = body.replace(/^0([0-7]+)$/, '0o$1');
    const exact = (neg ? -1n : 1n) * BigInt(digits);
    if (exact > 2n ** 63n - 1n || exact < -(2n ** 63n)) return `${text} overflows int`;
  }
  return new GoNumber(n, isFloat ? 'float64' : 'int');
}

// ---------------------------------------------------------------------------------------------
// The parser

class Parser {
  private i = 0;
  private vars: string[] = ['$'];
  private rangeDepth = 0;
  readonly defines = new Map<string, Node[]>();

  constructor(
    private readonly tokens: Token[],
    private readonly functions: ReadonlySet<string>,
    private readonly name: string,
  ) {}

  private line = 1;

  private fail(message: string): never {
    throw new GoTemplateParseError(`template: ${this.name}:${this.line}: ${message}`);
  }

  private next(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    this.i++;
    this.line = t.line;
    if (t.kind === 'error') this.fail(t.text);
    return t;
  }

  private peek(): Token {
    const t = this.tokens[Math.min(this.i, this.tokens.length - 1)];
    if (t.kind === 'error') {
      this.line = t.line;
      this.fail(t.text);
    }
    return t;
  }

  private nextNonSpace(): Token {
    let t = this.next();
    while (t.kind === 'space') t = this.next();
    return t;
  }

  private peekNonSpace(): Token {
    const save = this.i;
    const saveLine = this.line;
    const t = this.nextNonSpace();
    this.i = save;
    this.line = saveLine;
    return t;
  }

  private unexpected(t: Token, context: string): never {
    if (t.kind === 'error') this.fail(t.text);
    this.fail(`unexpected ${tokenString(t)} in ${context}`);
  }

  private expect(kind: Token['kind'], context: string): Token {
    const t = this.nextNonSpace();
    if (t.kind !== kind) this.unexpected(t, context);
    return t;
  }

  parse(): Node[] {
    const root: Node[] = [];
    while (this.peek().kind !== 'eof') {
      if (this.peek().kind === 'left') {
        const save = this.i;
        this.next();
        const t = this.nextNonSpace();
        if (t.kind === 'keyword' && t.text === 'define') {
          this.parseDefinition();
          continue;
        }
        this.i = save;
      }
      const n = this.textOrAction();
      if ('terminator' in n) this.fail(`unexpected ${n.terminator.type === 'end' ? '{{end}}' : '{{else}}'}`);
      root.push(n);
    }
    return root;
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const { name } = this.templateName(context);
    this.expect('right', context);
    const outerVars = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail(`unexpected {{else}} in ${context}`);
    this.vars = outerVars;
    this.defines.set(name, list);
  }

  private itemList(): [Node[], Terminator] {
    const list: Node[] = [];
    while (this.peekNonSpace().kind !== 'eof') {
      const n = this.textOrAction();
      if ('terminator' in n) return [list, n.terminator];
      list.push(n);
    }
    this.next();
    this.fail('unexpected EOF');
  }

  private textOrAction(): Node | { terminator: Terminator } {
    const t = this.nextNonSpace();
    if (t.kind === 'text') return { type: 'text', pos: t.pos, text: t.text };
    if (t.kind === 'left') return this.action();
    this.unexpected(t, 'input');
  }

  private action(): Node | { terminator: Terminator } {
    const t = this.nextNonSpace();
    if (t.kind === 'keyword') {
      switch (t.text) {
        case 'block':
          return this.blockControl();
        case 'break':
        case 'continue': {
          const r = this.nextNonSpace();
          if (r.kind !== 'right') this.unexpected(r, `{{${t.text}}}`);
          if (this.rangeDepth === 0) this.fail(`{{${t.text}}} outside {{range}}`);
          return { type: t.text, pos: t.pos };
        }
        case 'else': {
          const p = this.peekNonSpace();
          if (p.kind === 'keyword' && (p.text === 'if' || p.text === 'with')) return { terminator: { type: 'else', chained: true } };
          this.expect('right', 'else');
          return { terminator: { type: 'else', chained: false } };
        }
        case 'end':
          this.expect('right', 'end');
          return { terminator: { type: 'end' } };
        case 'if':
        case 'range':
        case 'with':
          return this.control(t.text);
        case 'template':
          return this.templateControl();
      }
    }
    this.i--;
    const first = this.peekNonSpace();
    return { type: 'action', pos: first.pos, pipe: this.pipeline('command', 'right') };
  }

  private control(context: 'if' | 'range' | 'with'): Node {
    const mark = this.vars.length;
    const pipe = this.pipeline(context, 'right');
    if (context === 'range') this.rangeDepth++;
    const [list, next] = this.itemList();
    if (context === 'range') this.rangeDepth--;
    let elseList: Node[] | undefined;
    if (next.type === 'else') {
      const kw = this.peekNonSpace();
      if (next.chained && kw.kind === 'keyword' && kw.text === context && context !== 'range') {
        // `{{else if x}}` is `{{else}}{{if x}}...{{end}}{{end}}`: the inner one takes the {{end}}.
        this.nextNonSpace();
        elseList = [this.control(context)];
      } else {
        const [l, end] = this.itemList();
        if (end.type !== 'end') this.fail('expected end; found {{else}}');
        elseList = l;
      }
    }
    this.vars.length = mark;
    return { type: context, pos: pipe.pos, pipe, list, elseList };
  }

  /** The quoted template name after `define` or `template`. */
  private templateName(context: string): { name: string; pos: number } {
    const t = this.nextNonSpace();
    if (t.kind !== 'string' && t.kind !== 'rawString') this.unexpected(t, context);
    const name = unquote(t.text);
    if (name === undefined) this.fail('invalid syntax');
    return { name, pos: t.pos };
  }

  private templateControl(): Node {
    const context = 'template clause';
    const { name, pos } = this.templateName(context);
    let pipe: Pipe | undefined;
    if (this.nextNonSpace().kind !== 'right') {
      this.i--;
      pipe = this.pipeline(context, 'right');
    }
    return { type: 'template', pos, name, pipe };
  }

  private blockControl(): Node {
    const context = 'block clause';
    const { name, pos } = this.templateName(context);
    const pipe = this.pipeline(context, 'right');
    const outerVars = this.vars;
    this.vars = ['$'];
    const [list, end] = this.itemList();
    if (end.type !== 'end') this.fail(`unexpected {{else}} in ${context}`);
    this.vars = outerVars;
    this.defines.set(name, list);
    return { type: 'template', pos, name, pipe };
  }

  private pipeline(context: string, end: 'right' | 'rightParen'): Pipe {
    const first = this.peekNonSpace();
    const pipe: Pipe = { type: 'pipe', pos: first.pos, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.kind !== 'variable') break;
      const save = this.i;
      this.nextNonSpace();
      const next = this.peekNonSpace();
      if (next.kind === 'assign' || next.kind === 'declare') {
        pipe.isAssign = next.kind === 'assign';
        this.nextNonSpace();
        pipe.decl.push({ pos: v.pos, name: v.text });
        this.vars.push(v.text);
        break;
      }
      if (next.kind === 'otherChar' && next.text === ',') {
        this.nextNonSpace();
        pipe.decl.push({ pos: v.pos, name: v.text });
        this.vars.push(v.text);
        if (context === 'range' && pipe.decl.length < 2) {
          const k = this.peekNonSpace().kind;
          if (k === 'variable' || k === 'right' || k === 'rightParen') continue;
          this.fail('range can only initialize variables');
        }
        this.fail(`too many declarations in ${context}`);
      }
      this.i = save;
      break;
    }
    for (;;) {
      const t = this.nextNonSpace();
      if (t.kind === end) {
        if (pipe.cmds.length === 0) this.fail(`missing value for ${context}`);
        pipe.cmds.forEach((c, i) => {
          const k = c.args[0].type;
          if (i > 0 && (k === 'bool' || k === 'dot' || k === 'nil' || k === 'number' || k === 'string')) this.fail(`non executable command in pipeline stage ${i + 1}`);
        });
        return pipe;
      }
      switch (t.kind) {
        case 'bool':
        case 'char':
        case 'dot':
        case 'field':
        case 'identifier':
        case 'number':
        case 'nil':
        case 'rawString':
        case 'string':
        case 'variable':
        case 'leftParen':
          this.i--;
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(t, context);
      }
    }
  }

  private command(): Command {
    const cmd: Command = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      while (this.peek().kind === 'space') this.next();
      const operand = this.operand();
      if (operand) cmd.args.push(operand);
      const t = this.next();
      if (t.kind === 'space') continue;
      if (t.kind === 'right' || t.kind === 'rightParen') this.i--;
      else if (t.kind !== 'pipe') this.unexpected(t, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.fail('empty command');
    return cmd;
  }

  private operand(): Arg | undefined {
    const node = this.term();
    if (!node) return undefined;
    if (this.peek().kind !== 'field') return node;
    const chainPos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().kind === 'field') fields.push(this.next().text.slice(1));
    switch (node.type) {
      case 'field':
        return { type: 'field', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos: chainPos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.fail(`unexpected . after term ${JSON.stringify(argString(node))}`);
      // falls through (fail never returns)
      default:
        return { type: 'chain', pos: chainPos, node, field: fields };
    }
  }

  private term(): Arg | undefined {
    const t = this.nextNonSpace();
    switch (t.kind) {
      case 'identifier':
        if (!this.functions.has(t.text)) this.fail(`function ${JSON.stringify(t.text)} not defined`);
        return { type: 'identifier', pos: t.pos, name: t.text };
      case 'dot':
        return { type: 'dot', pos: t.pos };
      case 'nil':
        return { type: 'nil', pos: t.pos };
      case 'variable': {
        if (!this.vars.includes(t.text)) this.fail(`undefined variable ${JSON.stringify(t.text)}`);
        return { type: 'variable', pos: t.pos, ident: [t.text] };
      }
      case 'field':
        return { type: 'field', pos: t.pos, ident: [t.text.slice(1)] };
      case 'bool':
        return { type: 'bool', pos: t.pos, value: t.text === 'true' };
      case 'number':
      case 'char': {
        const value = numberValue(t.text, t.kind);
        if (typeof value === 'string' && !value.endsWith('overflows int')) this.fail(value);
        return { type: 'number', pos: t.pos, text: t.text, value };
      }
      case 'leftParen':
        return this.pipeline('parenthesized pipeline', 'rightParen');
      case 'string':
      case 'rawString': {
        const s = unquote(t.text);
        if (s === undefined) this.fail('invalid syntax');
        return { type: 'string', pos: t.pos, quoted: t.text, text: s };
      }
    }
    this.i--;
    return undefined;
  }
}

/** Parse a template named `name` (kubectl's is "output"); throws GoTemplateParseError. */
export function parseTemplate(text: string, functions: ReadonlySet<string>, name = 'output'): Parsed {
  const parser = new Parser(lex(text), functions, name);
  const root = parser.parse();
  return { root, defines: parser.defines };
}
