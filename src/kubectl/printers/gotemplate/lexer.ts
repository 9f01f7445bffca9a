/**
 * Tokens of Go's text/template syntax, as text/template/parse's lexer splits a template: text
 * between `{{ }}`, the trim markers `{{- ` and ` -}}` (which eat the neighbouring white space),
 * comments (`{{/*` to `*\/}}`), and inside an action: fields `.a`, variables `$x`, identifiers, keywords,
 * strings, numbers, `(`, `)`, `|`, `:=`, `=`. A lexing error ends the token list with an `error`
 * token carrying Go's message ("unclosed action", "bad character U+007D '}'", ...).
 */

export type TokenKind =
  | 'text'
  | 'left'
  | 'right'
  | 'space'
  | 'identifier'
  | 'keyword'
  | 'field'
  | 'variable'
  | 'dot'
  | 'string'
  | 'rawString'
  | 'char'
  | 'number'
  | 'bool'
  | 'nil'
  | 'pipe'
  | 'leftParen'
  | 'rightParen'
  | 'declare'
  | 'assign'
  | 'otherChar'
  | 'eof'
  | 'error';

export interface Token {
  kind: TokenKind;
  text: string;
  /** Index in the template text where the token starts. */
  pos: number;
  /** 1-based line of the token's start. */
  line: number;
}

export const KEYWORDS = new Set(['block', 'break', 'continue', 'define', 'else', 'end', 'if', 'range', 'template', 'with']);

const SPACE = /[ \t\r\n]/;
const isSpace = (c: string | undefined) => c !== undefined && SPACE.test(c);
const isAlphaNumeric = (c: string | undefined) => c !== undefined && /[\p{L}\p{Nd}_]/u.test(c);

/** Go's %#U of a character: `U+007D '}'`. */
export function goRuneName(c: string): string {
  const cp = c.codePointAt(0)!;
  const hex = 'U+' + cp.toString(16).toUpperCase().padStart(4, '0');
  return /[\p{L}\p{M}\p{N}\p{P}\p{S} ]/u.test(c) ? `${hex} '${c}'` : hex;
}

/** Go's %q of a token's text for messages, shortened as item.String() does past 10 characters. */
export function tokenString(t: Token): string {
  switch (t.kind) {
    case 'eof':
      return 'EOF';
    case 'error':
      return t.text;
    case 'keyword':
      return `<${t.text}>`;
  }
  const quoted = JSON.stringify(t.text);
  if ([...t.text].length > 10) return JSON.stringify([...t.text].slice(0, 10).join('')) + '...';
  return quoted;
}

export function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let start = 0;
  let line = 1;
  let startLine = 1;
  let parenDepth = 0;

  const emit = (kind: TokenKind, text = input.slice(start, pos)) => {
    tokens.push({ kind, text, pos: start, line: startLine });
    for (let k = start; k < pos; k++) if (input.charCodeAt(k) === 10) line++;
    start = pos;
    startLine = line;
  };
  const skip = () => {
    for (let k = start; k < pos; k++) if (input.charCodeAt(k) === 10) line++;
    start = pos;
    startLine = line;
  };
  const fail = (message: string) => {
    tokens.push({ kind: 'error', text: message, pos: start, line: startLine });
    return tokens;
  };
  /** At a right delimiter (`}}`, or ` -}}` with its trim marker)? Returns its length, 0 if not. */
  const rightDelimAt = (i: number): { length: number; trim: boolean } | undefined => {
    if (isSpace(input[i]) && input[i + 1] === '-' && input.startsWith('}}', i + 2)) return { length: 4, trim: true };
    if (input.startsWith('}}', i)) return { length: 2, trim: false };
    return undefined;
  };
  const atTerminator = (i: number) => {
    const c = input[i];
    return c === undefined || isSpace(c) || '.,|:()'.includes(c) || input.startsWith('}}', i);
  };

  while (true) {
    // Text up to the next left delimiter.
    const left = input.indexOf('{{', pos);
    if (left < 0) {
      pos = input.length;
      if (pos > start) emit('text');
      tokens.push({ kind: 'eof', text: '', pos, line });
      return tokens;
    }
    const trimLeft = input[left + 2] === '-' && isSpace(input[left + 3]);
    let textEnd = left;
    if (trimLeft) while (textEnd > start && isSpace(input[textEnd - 1])) textEnd--;
    pos = textEnd;
    if (pos > start) emit('text');
    pos = left;
    skip();
    pos = left + 2;
    const afterMarker = trimLeft ? left + 4 : left + 2;
    // A comment: `{{/* ... */}}`, right after the delimiter (and its trim marker).
    if (input.startsWith('/*', afterMarker)) {
      const close = input.indexOf('*/', afterMarker + 2);
      if (close < 0) return fail('unclosed comment');
      const delim = rightDelimAt(close + 2);
      if (!delim) return fail('comment ends before closing delimiter');
      pos = close + 2 + delim.length;
      if (delim.trim) while (isSpace(input[pos])) pos++;
      skip();
      continue;
    }
    emit('left', '{{');
    if (trimLeft) {
      pos = afterMarker;
      skip();
    }
    parenDepth = 0;
    // Inside an action.
    for (;;) {
      const delim = rightDelimAt(pos);
      if (delim) {
        if (parenDepth > 0) return fail('unclosed left paren');
        pos += delim.length;
        emit('right', '}}');
        if (delim.trim) {
          while (isSpace(input[pos])) pos++;
          skip();
        }
        break;
      }
      const c = input[pos];
      if (c === undefined) return fail('unclosed action');
      if (isSpace(c)) {
        // Spaces, but not the one that starts a ` -}}` marker.
        while (isSpace(input[pos]) && !rightDelimAt(pos)?.trim) pos++;
        if (pos > start) emit('space');
        continue;
      }
      if (c === '=') {
        pos++;
        emit('assign');
        continue;
      }
      if (c === ':') {
        if (input[pos + 1] !== '=') return fail('expected :=');
        pos += 2;
        emit('declare');
        continue;
      }
      if (c === '|') {
        pos++;
        emit('pipe');
        continue;
      }
      if (c === '"') {
        if (!scanQuoted('"')) return fail('unterminated quoted string');
        emit('string');
        continue;
      }
      if (c === '`') {
        const close = input.indexOf('`', pos + 1);
        if (close < 0) return fail('unterminated raw quoted string');
        pos = close + 1;
        emit('rawString');
        continue;
      }
      if (c === "'") {
        if (!scanQuoted("'")) return fail('unterminated character constant');
        emit('char');
        continue;
      }
      if (c === '$' || c === '.') {
        if (c === '.' && /[0-9]/.test(input[pos + 1] ?? '')) {
          if (!scanNumber()) return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
          emit('number');
          continue;
        }
        pos++;
        while (isAlphaNumeric(input[pos])) pos++;
        if (c === '.' && pos === start + 1) {
          emit('dot');
          continue;
        }
        if (!atTerminator(pos)) return fail(`bad character ${goRuneName(String.fromCodePoint(input.codePointAt(pos)!))}`);
        emit(c === '$' ? 'variable' : 'field');
        continue;
      }
      if (c === '+' || c === '-' || /[0-9]/.test(c)) {
        if (!scanNumber()) return fail(`bad number syntax: ${JSON.stringify(input.slice(start, pos))}`);
        emit('number');
        continue;
      }
      if (isAlphaNumeric(c)) {
        while (isAlphaNumeric(input[pos])) pos++;
        if (!atTerminator(pos)) return fail(`bad character ${goRuneName(String.fromCodePoint(input.codePointAt(pos)!))}`);
        const word = input.slice(start, pos);
        emit(KEYWORDS.has(word) ? 'keyword' : word === 'true' || word === 'false' ? 'bool' : word === 'nil' ? 'nil' : 'identifier');
        continue;
      }
      if (c === '(') {
        pos++;
        parenDepth++;
        emit('leftParen');
        continue;
      }
      if (c === ')') {
        pos++;
        parenDepth--;
        if (parenDepth < 0) return fail(`unexpected right paren ${goRuneName(')')}`);
        emit('rightParen');
        continue;
      }
      const ch = String.fromCodePoint(input.codePointAt(pos)!);
      if (ch.charCodeAt(0) < 0x80 && /[ -~]/.test(ch)) {
        pos++;
        emit('otherChar');
        continue;
      }
      return fail(`unrecognized character in action: ${goRuneName(ch)}`);
    }
  }

  /** text/template's scanNumber: sign, base prefix, digits, fraction, exponent, `i`. */
  /** From an opening quote past its closing one, skipping backslash escapes; false at a newline or the end. */
  function scanQuoted(quote: string): boolean {
    pos++;
    for (;;) {
      const d = input[pos];
      if (d === '\\' && pos + 1 < input.length && input[pos + 1] !== '\n') {
        pos += 2;
        continue;
      }
      if (d === undefined || d === '\n') return false;
      pos++;
      if (d === quote) return true;
    }
  }

  function scanNumber(): boolean {
    const accept = (set: string) => {
      if (pos < input.length && set.includes(input[pos])) {
        pos++;
        return true;
      }
      return false;
    };
    const acceptRun = (set: string) => {
      while (pos < input.length && set.includes(input[pos])) pos++;
    };
    accept('+-');
    let digits = '0123456789_';
    if (accept('0')) {
      if (accept('xX')) digits = '0123456789abcdefABCDEF_';
      else if (accept('oO')) digits = '01234567_';
      else if (accept('bB')) digits = '01_';
    }
    acceptRun(digits);
    if (accept('.')) acceptRun(digits);
    if (digits.length === 11 && accept('eE')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    if (digits.length === 23 && accept('pP')) {
      accept('+-');
      acceptRun('0123456789_');
    }
    accept('i');
    if (isAlphaNumeric(input[pos])) {
      pos++;
      return false;
    }
    return true;
  }
}

/** The 1-based line of an index in the text. */
export function lineOf(input: string, index: number): number {
  let n = 1;
  for (let k = 0; k < index && k < input.length; k++) if (input.charCodeAt(k) === 10) n++;
  return n;
}
