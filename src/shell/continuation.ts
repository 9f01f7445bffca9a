/**
 * Lines typed (or pasted, or read from standard input) gathered into one input until it is
 * complete, as bash asks for more with `> ` after an open quote, a trailing `|`, or a heredoc
 * without its end. Inside a heredoc every line but the delimiter is body text, so the input is not
 * parsed again for each of them: a pasted file of thousands of lines is parsed about once.
 */
import { incompleteness, type IncompleteInput } from './parser.ts';

export class ContinuationLines {
  private lines: string[] = [];
  private why?: IncompleteInput;

  /** True while lines wait for the rest of their input. */
  get waiting(): boolean {
    return this.lines.length > 0;
  }

  /** The lines so far, joined. */
  get text(): string {
    return this.lines.join('\n');
  }

  /** Adds a line: the whole input when it is now complete (and starts over), else undefined. */
  add(line: string): string | undefined {
    this.lines.push(line);
    if (this.why && !this.endsHeredoc(line)) return undefined;
    const text = this.text;
    this.why = incompleteness(text);
    if (this.why) return undefined;
    this.clear();
    return text;
  }

  clear(): void {
    this.lines = [];
    this.why = undefined;
  }

  private endsHeredoc(line: string): boolean {
    if (!this.why?.heredoc) return true;
    const { delim, strip } = this.why.heredoc;
    return (strip ? line.replace(/^\t+/, '') : line) === delim;
  }
}
