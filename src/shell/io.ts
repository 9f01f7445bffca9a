/**
 * What a command sees of the terminal it runs in. The page's terminal, the headless shell and
 * tests all provide one; commands never touch the DOM or Node's streams.
 */
export interface CommandIO {
  /** Text for standard output, written as it comes (a watch streams). */
  stdout(text: string): void;
  stderr(text: string): void;
  /** Standard input: a heredoc, a pipe, or '' when none. */
  stdin: string;
  /** Aborted on Ctrl+C (or at the end of input in the headless shell). */
  signal: AbortSignal;
  /** Whether stdout is a terminal (kubectl exec -t, colours, line editing). */
  tty: boolean;
  /**
   * Read one line typed by the user while the command runs (`kubectl exec -it POD -- sh`).
   * Resolves null at end of input or on Ctrl+D. Absent when nothing can be typed.
   */
  readLine?(prompt: string): Promise<string | null>;
  /** Open a file in the editor and resolve when it is saved or closed (`kubectl edit`). */
  editFile?(path: string, content: string): Promise<string | null>;
  /** Terminal width in columns. */
  columns: number;
}

/** Collects output into strings: for tests, pipes and command substitution. */
export class BufferIO implements CommandIO {
  out = '';
  err = '';
  /** Interleaved output, as a terminal would show it. */
  all = '';
  stdin: string;
  signal: AbortSignal;
  tty = false;
  columns = 80;

  constructor(stdin = '', signal: AbortSignal = new AbortController().signal) {
    this.stdin = stdin;
    this.signal = signal;
  }

  stdout(text: string): void {
    this.out += text;
    this.all += text;
  }

  stderr(text: string): void {
    this.err += text;
    this.all += text;
  }
}
