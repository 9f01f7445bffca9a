/**
 * The terminal's line editor, in the spirit of bash's readline: a prompt, a line being edited
 * (arrows, Home/End, Ctrl+A/E/U/K/W/Y, Alt+B/F/D), history on the arrow keys and Ctrl+R reverse
 * search, and Tab completion (a second Tab lists the candidates).
 *
 * It is plain TypeScript over a `write` function, so it runs and is tested in Node. It redraws
 * the whole input on each change (move to the input's first row, clear below, write, place the
 * cursor), which stays correct when the line wraps or holds two-cell Korean characters.
 */
import { charWidth } from './width.ts';

export interface EditorHost {
  write(text: string): void;
  columns(): number;
}

/** What Tab completion offers: candidates replacing the line from `start` to the cursor. */
export interface Completion {
  start: number;
  candidates: string[];
}

export type Completer = (line: string, cursor: number) => Completion;

export type EditorEvent =
  | { kind: 'submit'; line: string }
  | { kind: 'interrupt'; line: string }
  | { kind: 'eof' }
  | { kind: 'clear-screen' };

export interface LineEditorOptions {
  /** Entries oldest first; the editor reads it each time the arrows reach for it. */
  history: () => readonly string[];
  complete?: Completer;
}

/** Split terminal input into keys: one character, or one escape sequence. */
export function splitKeys(data: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < data.length) {
    if (data[i] === '\x1b' && i + 1 < data.length) {
      if (data[i + 1] === '[') {
        let j = i + 2;
        while (j < data.length && !(data.charCodeAt(j) >= 0x40 && data.charCodeAt(j) <= 0x7e)) j++;
        keys.push(data.slice(i, j + 1));
        i = j + 1;
      } else if (data[i + 1] === 'O' && i + 2 < data.length) {
        keys.push(data.slice(i, i + 3));
        i += 3;
      } else {
        const cp = String.fromCodePoint(data.codePointAt(i + 1)!);
        keys.push('\x1b' + cp);
        i += 1 + cp.length;
      }
    } else {
      const cp = String.fromCodePoint(data.codePointAt(i)!);
      keys.push(cp);
      i += cp.length;
    }
  }
  return keys;
}

interface Position {
  row: number;
  col: number;
}

/**
 * Where each character of the input lands on screen (rows relative to the prompt's row), as xterm
 * places it: a character that does not fit wraps to the next row (a two-cell one leaves the last
 * cell empty); a newline continues on a new row after a `> ` prompt.
 */
export function layout(prompt: string, chars: readonly string[], cols: number): { positions: Position[]; end: Position } {
  let row = 0;
  let col = 0;
  const put = (ch: string) => {
    const w = charWidth(ch);
    if (w === 0) return;
    if (col + w > cols) {
      row++;
      col = 0;
    }
    col += w;
  };
  for (const ch of prompt) put(ch);
  const positions: Position[] = [];
  for (const ch of chars) {
    positions.push({ row, col });
    if (ch === '\n') {
      row++;
      col = 0;
      put('>');
      put(' ');
    } else put(ch);
  }
  const end = { row, col };
  positions.push(end);
  return { positions, end };
}

const isWordChar = (ch: string) => /[\p{L}\p{N}_]/u.test(ch);

export class LineEditor {
  private chars: string[] = [];
  private cursor = 0;
  private prompt = '';
  /** Row of the cursor relative to the prompt's first row, as last drawn. */
  private shownRow = 0;
  private historyIndex = -1;
  private draft: string[] = [];
  private killRing = '';
  private lastKey = '';
  private search?: { query: string; match: number; failed: boolean; saved: string[]; savedCursor: number };

  constructor(
    private readonly host: EditorHost,
    private readonly opts: LineEditorOptions,
  ) {}

  get line(): string {
    return this.chars.join('');
  }

  /** Show a prompt and start an empty line. */
  start(prompt: string, initial = ''): void {
    this.prompt = prompt;
    this.chars = [...initial];
    this.cursor = this.chars.length;
    this.shownRow = 0;
    this.historyIndex = -1;
    this.search = undefined;
    this.lastKey = '';
    this.render(true);
  }

  /** Forget the line once it is handed over (the caller starts the next prompt). */
  private reset(): void {
    this.chars = [];
    this.cursor = 0;
    this.shownRow = 0;
    this.historyIndex = -1;
  }

  /** Insert text at the cursor (typing or a paste without line breaks). */
  insert(text: string): void {
    if (this.search) this.acceptSearch();
    const add = [...text].filter((c) => c === '\t' || c >= ' ');
    const clean = add.map((c) => (c === '\t' ? ' ' : c));
    this.chars.splice(this.cursor, 0, ...clean);
    this.cursor += clean.length;
    this.render();
  }

  /** Draw the input again below whatever was written (after a listing, or Ctrl+L). */
  redrawFresh(): void {
    this.shownRow = 0;
    this.render(true);
  }

  /** Handle one key; returns what the caller must act on, if anything. */
  feed(key: string): EditorEvent | undefined {
    const prevKey = this.lastKey;
    this.lastKey = key;
    if (this.search) {
      const r = this.feedSearch(key);
      if (r !== 'pass') return r;
    }
    switch (key) {
      case '\r':
      case '\n': {
        const line = this.line;
        this.cursor = this.chars.length;
        this.render();
        this.host.write('\r\n');
        this.reset();
        return { kind: 'submit', line };
      }
      case '\x03': {
        const line = this.line;
        this.cursor = this.chars.length;
        this.render();
        this.host.write('^C\r\n');
        this.reset();
        return { kind: 'interrupt', line };
      }
      case '\x04':
        if (this.chars.length === 0) return { kind: 'eof' };
        this.deleteRange(this.cursor, this.cursor + 1);
        return;
      case '\x0c':
        return { kind: 'clear-screen' };
      case '\x7f':
      case '\x08':
        this.deleteRange(this.cursor - 1, this.cursor);
        return;
      case '\x1b[3~':
        this.deleteRange(this.cursor, this.cursor + 1);
        return;
      case '\x1b[D':
      case '\x1bOD':
      case '\x02':
        this.moveTo(this.cursor - 1);
        return;
      case '\x1b[C':
      case '\x1bOC':
      case '\x06':
        this.moveTo(this.cursor + 1);
        return;
      case '\x1b[H':
      case '\x1bOH':
      case '\x1b[1~':
      case '\x01':
        this.moveTo(0);
        return;
      case '\x1b[F':
      case '\x1bOF':
      case '\x1b[4~':
      case '\x05':
        this.moveTo(this.chars.length);
        return;
      case '\x1bb':
      case '\x1b[1;5D':
      case '\x1b[1;3D':
        this.moveTo(this.wordStart(this.cursor));
        return;
      case '\x1bf':
      case '\x1b[1;5C':
      case '\x1b[1;3C':
        this.moveTo(this.wordEnd(this.cursor));
        return;
      case '\x15':
        this.kill(0, this.cursor);
        return;
      case '\x0b':
        this.kill(this.cursor, this.chars.length);
        return;
      case '\x17': {
        // Ctrl+W: the previous whitespace-delimited word, as bash's unix-word-rubout.
        let i = this.cursor;
        while (i > 0 && /\s/.test(this.chars[i - 1])) i--;
        while (i > 0 && !/\s/.test(this.chars[i - 1])) i--;
        this.kill(i, this.cursor);
        return;
      }
      case '\x1b\x7f':
        this.kill(this.wordStart(this.cursor), this.cursor);
        return;
      case '\x1bd':
        this.kill(this.cursor, this.wordEnd(this.cursor));
        return;
      case '\x19':
        this.insert(this.killRing);
        return;
      case '\x1b[A':
      case '\x1bOA':
      case '\x10':
        this.historyMove(-1);
        return;
      case '\x1b[B':
      case '\x1bOB':
      case '\x0e':
        this.historyMove(1);
        return;
      case '\x12':
        this.search = { query: '', match: -1, failed: false, saved: [...this.chars], savedCursor: this.cursor };
        this.render();
        return;
      case '\t':
        this.completeAtCursor(prevKey === '\t');
        return;
    }
    if (key.length >= 1 && !key.startsWith('\x1b') && key >= ' ') this.insert(key);
    return;
  }

  private feedSearch(key: string): EditorEvent | undefined | 'pass' {
    const s = this.search!;
    if (key === '\x12') {
      this.findMatch(s.query, s.match === -1 ? this.opts.history().length - 1 : s.match - 1);
      return;
    }
    if (key === '\x07' || key === '\x03') {
      this.chars = s.saved;
      this.cursor = s.savedCursor;
      this.search = undefined;
      this.render();
      return key === '\x03' ? this.feed(key) : undefined;
    }
    if (key === '\x7f' || key === '\x08') {
      s.query = [...s.query].slice(0, -1).join('');
      this.findMatch(s.query, this.opts.history().length - 1);
      return;
    }
    if (!key.startsWith('\x1b') && key >= ' ' && key !== '\x7f') {
      s.query += key;
      this.findMatch(s.query, s.match === -1 ? this.opts.history().length - 1 : s.match);
      return;
    }
    // Any other key ends the search with the match on the line, then acts as itself.
    this.acceptSearch();
    if (key === '\x1b') return;
    return 'pass';
  }

  private findMatch(query: string, from: number): void {
    const s = this.search!;
    const history = this.opts.history();
    for (let i = Math.min(from, history.length - 1); i >= 0; i--) {
      const at = history[i].lastIndexOf(query);
      if (at >= 0) {
        s.match = i;
        s.failed = false;
        this.chars = [...history[i]];
        this.cursor = [...history[i].slice(0, at)].length;
        this.render();
        return;
      }
    }
    s.failed = query !== '';
    this.render();
  }

  private acceptSearch(): void {
    if (!this.search) return;
    if (this.search.match >= 0) this.historyIndex = this.search.match;
    this.search = undefined;
    this.render();
  }

  private historyMove(delta: number): void {
    const history = this.opts.history();
    if (history.length === 0) return;
    let idx = this.historyIndex === -1 ? history.length : this.historyIndex;
    if (this.historyIndex === -1) this.draft = [...this.chars];
    idx = Math.max(0, Math.min(history.length, idx + delta));
    if (idx === history.length) {
      this.historyIndex = -1;
      this.chars = [...this.draft];
    } else {
      this.historyIndex = idx;
      this.chars = [...history[idx]];
    }
    this.cursor = this.chars.length;
    this.render();
  }

  private completeAtCursor(second: boolean): void {
    if (!this.opts.complete) return;
    const text = this.chars.slice(0, this.cursor).join('');
    const { start, candidates } = this.opts.complete(this.line, text.length);
    if (candidates.length === 0) return;
    const word = text.slice(start);
    const startIndex = [...text.slice(0, start)].length;
    const replaceWith = (s: string) => {
      this.chars.splice(startIndex, this.cursor - startIndex, ...s);
      this.cursor = startIndex + [...s].length;
      this.render();
    };
    if (candidates.length === 1) {
      const c = candidates[0];
      replaceWith(/[/=]$/.test(c) ? c : c + ' ');
      return;
    }
    const prefix = commonPrefix(candidates);
    if (prefix.length > word.length) {
      // As bash: the common part now, the list on the next Tab.
      replaceWith(prefix);
      return;
    }
    if (!second) {
      this.host.write('\x07');
      return;
    }
    // Second Tab: list the candidates in columns, then draw the line again below.
    this.moveTo(this.chars.length);
    this.host.write('\r\n' + columnsOf(candidates, this.host.columns()));
    this.redrawFresh();
  }

  private kill(from: number, to: number): void {
    if (to <= from) return;
    this.killRing = this.chars.slice(from, to).join('');
    this.deleteRange(from, to);
  }

  private deleteRange(from: number, to: number): void {
    from = Math.max(0, from);
    to = Math.min(this.chars.length, to);
    if (to <= from) return;
    this.chars.splice(from, to - from);
    this.cursor = from;
    this.render();
  }

  private moveTo(i: number): void {
    this.cursor = Math.max(0, Math.min(this.chars.length, i));
    this.render();
  }

  private wordStart(i: number): number {
    while (i > 0 && !isWordChar(this.chars[i - 1])) i--;
    while (i > 0 && isWordChar(this.chars[i - 1])) i--;
    return i;
  }

  private wordEnd(i: number): number {
    const n = this.chars.length;
    while (i < n && !isWordChar(this.chars[i])) i++;
    while (i < n && isWordChar(this.chars[i])) i++;
    return i;
  }

  private currentPrompt(): string {
    const s = this.search;
    if (!s) return this.prompt;
    return `(${s.failed ? 'failed ' : ''}reverse-i-search)\`${s.query}': `;
  }

  private render(fresh = false): void {
    const cols = Math.max(1, this.host.columns());
    const prompt = this.currentPrompt();
    const { positions, end } = layout(prompt, this.chars, cols);
    let out = '';
    if (!fresh && this.shownRow > 0) out += `\x1b[${this.shownRow}A`;
    out += '\r\x1b[J' + prompt + this.line.replace(/\n/g, '\r\n> ');
    let endRow = end.row;
    if (end.col >= cols) {
      // The cursor waits in the last column for the next character: step to the next row.
      out += '\r\n';
      endRow++;
    }
    const at = positions[this.cursor];
    const row = at.col >= cols ? at.row + 1 : at.row;
    const col = at.col >= cols ? 0 : at.col;
    if (endRow > row) out += `\x1b[${endRow - row}A`;
    out += '\r';
    if (col > 0) out += `\x1b[${col}C`;
    this.shownRow = row;
    this.host.write(out);
  }
}

export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let p = items[0];
  for (const s of items) while (!s.startsWith(p)) p = p.slice(0, -1);
  return p;
}

/** Candidates in columns across the terminal, as bash lists completions. */
export function columnsOf(items: readonly string[], cols: number): string {
  const width = Math.max(...items.map((s) => s.length)) + 2;
  const perRow = Math.max(1, Math.floor(cols / width));
  const rows = Math.ceil(items.length / perRow);
  let out = '';
  for (let r = 0; r < rows; r++) {
    let line = '';
    for (let c = 0; c < perRow; c++) {
      const item = items[c * rows + r];
      if (item === undefined) continue;
      line += c === perRow - 1 || items[(c + 1) * rows + r] === undefined ? item : item.padEnd(width);
    }
    out += line + '\r\n';
  }
  return out;
}
