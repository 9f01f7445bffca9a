/**
 * The terminal's small shell language: words with quoting ('...', "...", \), $VAR expansion,
 * pipes, `&&`, `||`, `;`, redirections (>, >>, <, 2>, 2>&1) and heredocs (<<EOF, <<'EOF', <<-EOF).
 * Enough for what people paste from the book, the docs and study notes.
 */

export interface Redirect {
  fd: 1 | 2;
  /** A path, or '&1' / '&2' for duplication. */
  target: string;
  append: boolean;
}

export interface SimpleCommand {
  argv: string[];
  /** Environment assignments before the command (`FOO=bar cmd`). */
  assigns: Record<string, string>;
  redirects: Redirect[];
  /** Standard input from a heredoc or `< file` (the file is read by the runner). */
  stdin?: { heredoc: string } | { file: string };
}

export interface Pipeline {
  commands: SimpleCommand[];
}

/** A list of pipelines joined by operators: `a && b || c ; d`. `ops[i]` joins item i and i+1. */
export interface CommandList {
  pipelines: Pipeline[];
  ops: ('&&' | '||' | ';')[];
}

export class ParseError extends Error {}

/** Thrown when the text needs more lines (open quote, heredoc without its end, trailing `|`). */
export class IncompleteInput extends ParseError {
  /** The here-document whose body has not ended: until a line ends it, every line is body. */
  heredoc?: { delim: string; strip: boolean };
}

type Token =
  | { t: 'word'; parts: WordPart[] }
  | { t: 'op'; v: '|' | '&&' | '||' | ';' | '\n' }
  | { t: 'redir'; fd: 1 | 2; op: '>' | '>>' | '<' | '<<' | '<<-' | '>&' };

/** A word is made of parts; quoted parts are not expanded or split. */
type WordPart = { text: string; quoted: 'none' | 'single' | 'double' };

export type Env = Readonly<Record<string, string>>;

/** Parse a whole input (possibly several lines) into command lists, one per line of commands. */
export function parse(text: string, env: Env = {}): CommandList[] {
  const { tokens, heredocBodies } = lex(text);
  const lists: CommandList[] = [];
  let cur: CommandList = { pipelines: [], ops: [] };
  let pipe: Pipeline = { commands: [] };
  let cmd: SimpleCommand | undefined;
  let heredocIndex = 0;

  const endCommand = () => {
    if (cmd) pipe.commands.push(cmd);
    cmd = undefined;
  };
  const endPipeline = (): boolean => {
    endCommand();
    if (pipe.commands.length === 0) return false;
    cur.pipelines.push(pipe);
    pipe = { commands: [] };
    return true;
  };

  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i];
    if (tok.t === 'word') {
      cmd ??= { argv: [], assigns: {}, redirects: [] };
      const word = expandWord(tok.parts, env);
      const assign = cmd.argv.length === 0 && tok.parts[0]?.quoted === 'none' ? /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(tok.parts[0].text) : null;
      if (assign) cmd.assigns[assign[1]] = word.slice(assign[0].length);
      else cmd.argv.push(word);
      continue;
    }
    if (tok.t === 'redir') {
      cmd ??= { argv: [], assigns: {}, redirects: [] };
      const next = tokens[i + 1];
      if (tok.op === '<<' || tok.op === '<<-') {
        if (!next || next.t !== 'word') throw new ParseError("syntax error near unexpected token `newline'");
        i++;
        const body = heredocBodies[heredocIndex++];
        if (body === undefined) throw new IncompleteInput('here-document not terminated');
        const quotedDelim = next.parts.some((p) => p.quoted !== 'none');
        cmd.stdin = { heredoc: quotedDelim ? body : expandHeredoc(body, env) };
        continue;
      }
      if (!next || next.t !== 'word') throw new ParseError("syntax error near unexpected token `newline'");
      i++;
      const target = expandWord(next.parts, env);
      if (tok.op === '<') cmd.stdin = { file: target };
      else if (tok.op === '>&') cmd.redirects.push({ fd: tok.fd, target: `&${target}`, append: false });
      else cmd.redirects.push({ fd: tok.fd, target, append: tok.op === '>>' });
      continue;
    }
    // operators
    if (tok.v === '|') {
      endCommand();
      if (pipe.commands.length === 0) throw new ParseError("syntax error near unexpected token `|'");
      continue;
    }
    if (tok.v === '&&' || tok.v === '||' || tok.v === ';') {
      if (!endPipeline()) throw new ParseError(`syntax error near unexpected token \`${tok.v}'`);
      cur.ops.push(tok.v);
      continue;
    }
    // newline: ends the list unless the line ended with an operator waiting for more
    const last = tokens[i - 1];
    if (last && last.t === 'op' && (last.v === '|' || last.v === '&&' || last.v === '||')) continue;
    endPipeline();
    if (cur.ops.length > 0 && cur.ops.length === cur.pipelines.length) cur.ops.pop(); // trailing ';'
    if (cur.pipelines.length > 0) lists.push(cur);
    cur = { pipelines: [], ops: [] };
  }
  const last = tokens[tokens.length - 1];
  if (last && last.t === 'op' && (last.v === '|' || last.v === '&&' || last.v === '||')) throw new IncompleteInput('more input needed');
  endPipeline();
  if (cur.ops.length > 0 && cur.ops.length === cur.pipelines.length) cur.ops.pop();
  if (cur.pipelines.length > 0) lists.push(cur);
  return lists;
}

/** Whether the text is a complete input, or the terminal should ask for another line (`> `). */
export function isComplete(text: string): boolean {
  return incompleteness(text) === undefined;
}

/** Why the text needs more lines, or undefined when it is complete (or wrong: the run says so). */
export function incompleteness(text: string): IncompleteInput | undefined {
  try {
    parse(text);
    return undefined;
  } catch (e) {
    return e instanceof IncompleteInput ? e : undefined;
  }
}

function lex(text: string): { tokens: Token[]; heredocBodies: string[] } {
  const tokens: Token[] = [];
  const heredocBodies: string[] = [];
  const pending: { delim: string; strip: boolean }[] = [];
  let i = 0;
  let parts: WordPart[] | undefined;
  const flush = () => {
    if (parts) tokens.push({ t: 'word', parts });
    parts = undefined;
  };
  const addText = (s: string, quoted: WordPart['quoted']) => {
    parts ??= [];
    const last = parts[parts.length - 1];
    if (last && last.quoted === quoted) last.text += s;
    else parts.push({ text: s, quoted });
  };

  while (i < text.length) {
    const c = text[i];
    if (c === '\n') {
      flush();
      tokens.push({ t: 'op', v: '\n' });
      i++;
      // Heredoc bodies start on the line after the one that named them.
      while (pending.length > 0) {
        const { delim, strip } = pending.shift()!;
        const lines: string[] = [];
        let found = false;
        while (i < text.length) {
          const nl = text.indexOf('\n', i);
          const line = nl < 0 ? text.slice(i) : text.slice(i, nl);
          i = nl < 0 ? text.length : nl + 1;
          const cmp = strip ? line.replace(/^\t+/, '') : line;
          if (cmp === delim) {
            found = true;
            break;
          }
          lines.push(cmp);
          if (nl < 0) break;
        }
        if (!found) throw Object.assign(new IncompleteInput('here-document not terminated'), { heredoc: { delim, strip } });
        heredocBodies.push(lines.length ? lines.join('\n') + '\n' : '');
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      flush();
      i++;
      continue;
    }
    if (c === '#' && !parts) {
      while (i < text.length && text[i] !== '\n') i++;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= text.length) throw new IncompleteInput('line continuation');
      if (text[i + 1] === '\n') {
        i += 2;
        continue;
      }
      addText(text[i + 1], 'single');
      i += 2;
      continue;
    }
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new IncompleteInput('unterminated quote');
      addText(text.slice(i + 1, end), 'single');
      if (end === i + 1) addText('', 'single');
      i = end + 1;
      continue;
    }
    if (c === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= text.length) throw new IncompleteInput('unterminated quote');
        const d = text[j];
        if (d === '"') break;
        if (d === '\\' && j + 1 < text.length && '"\\$`\n'.includes(text[j + 1])) {
          if (text[j + 1] !== '\n') s += text[j + 1] === '$' ? '\u0000$' : text[j + 1];
          j += 2;
          continue;
        }
        s += d;
        j++;
      }
      parts ??= [];
      parts.push({ text: s, quoted: 'double' });
      i = j + 1;
      continue;
    }
    // operators and redirections
    const rest = text.slice(i);
    const op = /^(\|\||&&|\||;)/.exec(rest);
    if (op) {
      flush();
      tokens.push({ t: 'op', v: op[1] as '|' | '&&' | '||' | ';' });
      i += op[1].length;
      continue;
    }
    // A redirection: `>`, `>>`, `<`, `<<`, `<<-`, `>&`, optionally preceded by fd 1 or 2 at a word start.
    const redir = parts ? /^()(>>|>&|>|<<-|<<|<)/.exec(rest) : /^([12])?(>>|>&|>|<<-|<<|<)/.exec(rest);
    if (redir) {
      flush();
      const fd = (redir[1] === '2' ? 2 : 1) as 1 | 2;
      const kind = redir[2] as '>' | '>>' | '<' | '<<' | '<<-' | '>&';
      tokens.push({ t: 'redir', fd, op: kind });
      i += redir[0].length;
      if (kind === '<<' || kind === '<<-') {
        while (text[i] === ' ' || text[i] === '\t') i++;
        const m = /^(?:'([^']*)'|"([^"]*)"|([^\s;&|<>]+))/.exec(text.slice(i));
        if (!m) throw new ParseError("syntax error near unexpected token `newline'");
        const delim = m[1] ?? m[2] ?? m[3];
        tokens.push({ t: 'word', parts: [{ text: delim, quoted: m[3] !== undefined ? 'none' : 'single' }] });
        pending.push({ delim, strip: kind === '<<-' });
        i += m[0].length;
      }
      continue;
    }
    if (c === '&') {
      // A lone '&' (background) is not supported; treat as a word character.
      addText(c, 'none');
      i++;
      continue;
    }
    addText(c, 'none');
    i++;
  }
  flush();
  if (pending.length > 0) throw new IncompleteInput('here-document not terminated');
  return { tokens, heredocBodies };
}

function expandVars(s: string, env: Env): string {
  return s.replace(/\u0000\$|\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*|\?)/g, (m, a, b) => {
    if (m === '\u0000$') return '$';
    return env[a ?? b] ?? '';
  });
}

function expandWord(parts: WordPart[], env: Env): string {
  let out = '';
  for (const p of parts) {
    if (p.quoted === 'single') out += p.text;
    else if (p.quoted === 'double') out += expandVars(p.text, env);
    else out += expandVars(p.text.replace(/^~(?=\/|$)/, env.HOME ?? '~'), env);
  }
  return out;
}

function expandHeredoc(body: string, env: Env): string {
  return expandVars(body.replace(/\\\$/g, '\u0000$'), env);
}
