/**
 * A terminal session: what sits between xterm and the shell. It owns the line editor, turns
 * Enter into commands (asking for more lines with `> ` until the input is complete, so heredocs
 * work typed or pasted), runs them with an AbortController that Ctrl+C aborts, queues what is
 * typed or pasted while a command runs, and serves `readLine` to interactive sessions
 * (`kubectl exec -it ... -- sh`).
 *
 * Plain TypeScript over a `write` function: tested in Node (test/ui/session.test.ts).
 */
import type { CommandIO } from '../../shell/io.ts';
import { ContinuationLines } from '../../shell/continuation.ts';
import type { Shell } from '../../shell/shell.ts';
import { LineEditor, splitKeys, type Completer, type EditorHost } from './line-editor.ts';

/** What the session tells its owner about a command, so progress can be saved and replayed. */
export interface CommandRecord {
  /** A line typed into `readLine`, or the content saved from `editFile` (null: closed/EOF). */
  input(value: string | null): void;
  /** Ctrl+C aborted the command. */
  aborted(): void;
  finished(exitCode: number): void;
}

/** What the session needs of a shell: the page passes the lesson's shell through the lab. */
export type ShellLike = Pick<Shell, 'run' | 'prompt'>;

export interface SessionOptions {
  complete?: Completer;
  /** Earlier history (restored from storage), oldest first. */
  history?: string[];
  onHistory?(history: readonly string[]): void;
  onCommand?(text: string): CommandRecord | undefined;
  /** Opens a file in the editor for `kubectl edit`; resolves when saved (content) or closed (null). */
  editFile?(path: string, content: string, signal: AbortSignal): Promise<string | null>;
  /** Called whenever the session waits at its prompt with nothing queued. */
  onIdle?(): void;
  /** Called when a command starts and ends. */
  onBusy?(busy: boolean): void;
}

type QueueItem = { key: string } | { text: string };

/**
 * First in, first out, in O(1) per item: a paste of thousands of lines queues two items a line,
 * and Array.prototype.shift moves the whole array each time (it was most of such a paste's time).
 */
class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(...items: T[]): void {
    this.items.push(...items);
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head++];
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }

  clear(): void {
    this.items = [];
    this.head = 0;
  }
}

const PASTE_START = '\x1b[200~';
const PASTE_END = '\x1b[201~';
const MAX_HISTORY = 1000;

export class TerminalSession {
  readonly history: string[];
  private readonly editor: LineEditor;
  private readonly execEditor: LineEditor;
  private readonly execHistory: string[] = [];
  private readonly queue = new Fifo<QueueItem>();
  /** Lines entered at `> ` waiting for the rest of their command. */
  private readonly pending = new ContinuationLines();
  private running?: AbortController;
  /**
   * Whether the command's output so far ends a line. A prompt is drawn from the row's first
   * column (the line editor's layout counts from there), so after output without a final newline
   * (`echo -n`, `cat` of a file without one) it starts a row of its own instead of overwriting it.
   */
  private atLineStart = true;
  private reading?: { resolve: (line: string | null) => void; prompt: string };
  private pasting = false;
  private pasteBuffer = '';
  private draining = false;
  private idleWaiters: (() => void)[] = [];

  constructor(
    readonly shell: ShellLike,
    private readonly host: EditorHost,
    private readonly opts: SessionOptions = {},
  ) {
    this.history = [...(opts.history ?? [])];
    this.editor = new LineEditor(host, { history: () => this.history, complete: opts.complete });
    this.execEditor = new LineEditor(host, { history: () => this.execHistory });
  }

  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Turn bracketed paste on (so pasted line breaks are told from Enter) and show the prompt. */
  start(): void {
    this.host.write('\x1b[?2004h');
    this.showPrompt();
  }

  /** Data from the terminal: keys typed, or a paste. */
  input(data: string): void {
    let rest = data;
    while (rest.length > 0) {
      if (this.pasting) {
        const end = rest.indexOf(PASTE_END);
        if (end < 0) {
          this.pasteBuffer += rest;
          return;
        }
        this.pasteBuffer += rest.slice(0, end);
        rest = rest.slice(end + PASTE_END.length);
        this.pasting = false;
        this.paste(this.pasteBuffer);
        this.pasteBuffer = '';
        continue;
      }
      const start = rest.indexOf(PASTE_START);
      const typed = start < 0 ? rest : rest.slice(0, start);
      for (const key of splitKeys(typed)) this.key(key);
      if (start < 0) break;
      rest = rest.slice(start + PASTE_START.length);
      this.pasting = true;
    }
  }

  /** Pasted text: each line break is an Enter; the last line stays on the prompt to edit. */
  paste(text: string): void {
    const lines = text.replace(/\r\n?/g, '\n').split('\n');
    lines.forEach((line, i) => {
      if (line) this.queue.push({ text: line });
      if (i < lines.length - 1) this.queue.push({ key: '\r' });
    });
    void this.drain();
  }

  /** Type a command at the prompt and run it, as if the learner had (the editor's Apply button). */
  typeCommand(command: string): void {
    if (!this.busy && !this.pending.waiting) this.queue.push({ key: '\x05' }, { key: '\x15' });
    this.queue.push({ text: command }, { key: '\r' });
    void this.drain();
  }

  /**
   * Type a command key by key, as the learner would (the lesson's "run" buttons and "show me"),
   * then press Enter unless `enter` is false; resolves once the command has finished and the
   * prompt is back. A command still running (a watch) is stopped first, as Ctrl+C would.
   * `pause` runs between keys so the typing can be seen.
   */
  async typeVisibly(command: string, opts: { enter?: boolean; pause?: () => Promise<void> } = {}): Promise<void> {
    if (this.running && !this.reading) this.interrupt();
    await this.whenIdle();
    if (!this.pending.waiting) this.queue.push({ key: '\x05' }, { key: '\x15' });
    for (const ch of command) {
      this.queue.push({ key: ch });
      void this.drain();
      await opts.pause?.();
    }
    if (opts.enter === false) return;
    this.queue.push({ key: '\r' });
    void this.drain();
    await this.whenIdle();
  }

  /** Resolves when no command runs and nothing typed waits. */
  whenIdle(): Promise<void> {
    if (!this.running && this.queue.length === 0 && !this.draining) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Interrupt what runs, as Ctrl+C does. */
  interrupt(): void {
    this.key('\x03');
  }

  private key(key: string): void {
    // Ctrl+C reaches a running command at once; everything else waits its turn.
    if (key === '\x03' && this.running && !this.reading) {
      this.queue.clear();
      this.host.write('^C\r\n');
      this.atLineStart = true;
      this.running.abort();
      return;
    }
    this.queue.push({ key });
    void this.drain();
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.queue.length > 0 && (!this.running || this.reading)) {
        const item = this.queue.shift()!;
        const editor = this.reading ? this.execEditor : this.editor;
        if ('text' in item) {
          editor.insert(item.text);
          continue;
        }
        const ev = editor.feed(item.key);
        if (!ev) continue;
        if (this.reading) this.onExecEvent(ev);
        else await this.onShellEvent(ev);
      }
    } finally {
      this.draining = false;
    }
    if (!this.running && this.queue.length === 0) {
      this.opts.onIdle?.();
      for (const w of this.idleWaiters.splice(0)) w();
    }
  }

  private onExecEvent(ev: NonNullable<ReturnType<LineEditor['feed']>>): void {
    const r = this.reading!;
    if (ev.kind === 'submit') {
      if (ev.line.trim()) this.execHistory.push(ev.line);
      this.reading = undefined;
      r.resolve(ev.line);
    } else if (ev.kind === 'eof') {
      this.reading = undefined;
      this.host.write('\r\n');
      r.resolve(null);
    } else if (ev.kind === 'interrupt') {
      this.execEditor.start(r.prompt);
    } else if (ev.kind === 'clear-screen') {
      this.host.write('\x1b[H\x1b[2J');
      this.execEditor.redrawFresh();
    }
  }

  private async onShellEvent(ev: NonNullable<ReturnType<LineEditor['feed']>>): Promise<void> {
    switch (ev.kind) {
      case 'interrupt':
        this.pending.clear();
        this.showPrompt();
        return;
      case 'eof':
        return;
      case 'clear-screen':
        this.host.write('\x1b[H\x1b[2J');
        this.editor.redrawFresh();
        return;
      case 'submit': {
        const text = this.pending.add(ev.line);
        if (text === undefined) {
          this.editor.start('> ');
          return;
        }
        // Not awaited: the queue keeps draining into readLine while the command runs.
        void this.execute(text);
        return;
      }
    }
  }

  private async execute(text: string): Promise<void> {
    if (text.trim()) this.remember(text);
    const ac = new AbortController();
    this.running = ac;
    this.opts.onBusy?.(true);
    const rec = text.trim() ? this.opts.onCommand?.(text) : undefined;
    ac.signal.addEventListener('abort', () => rec?.aborted());
    const write = (t: string) => {
      if (t) this.atLineStart = t.endsWith('\n');
      this.host.write(t.replace(/\r?\n/g, '\r\n'));
    };
    const io: CommandIO = {
      stdout: write,
      stderr: write,
      stdin: '',
      signal: ac.signal,
      tty: true,
      columns: this.host.columns(),
      readLine: (prompt) =>
        new Promise<string | null>((resolve) => {
          if (ac.signal.aborted) return resolve(null);
          this.reading = { prompt, resolve: (v) => (rec?.input(v), resolve(v)) };
          this.endLine();
          this.execEditor.start(prompt);
          void this.drain();
        }),
      editFile: this.opts.editFile
        ? async (path, content) => {
            const v = await this.opts.editFile!(path, content, ac.signal);
            rec?.input(v);
            return v;
          }
        : undefined,
    };
    let code = 1;
    try {
      code = await this.shell.run(text, io);
    } finally {
      if (this.reading) {
        const r = this.reading;
        this.reading = undefined;
        r.resolve(null);
      }
      rec?.finished(code);
      this.running = undefined;
      this.opts.onBusy?.(false);
      this.showPrompt();
      void this.drain();
    }
  }

  private remember(text: string): void {
    // As bash with HISTCONTROL=ignoreboth: no lines starting with a space, no repeats.
    if (text.startsWith(' ') || this.history[this.history.length - 1] === text) return;
    this.history.push(text);
    if (this.history.length > MAX_HISTORY) this.history.splice(0, this.history.length - MAX_HISTORY);
    this.opts.onHistory?.(this.history);
  }

  private endLine(): void {
    if (!this.atLineStart) this.host.write('\r\n');
    this.atLineStart = true;
  }

  private showPrompt(): void {
    this.endLine();
    this.editor.start(this.pending.waiting ? '> ' : this.shell.prompt());
  }
}
