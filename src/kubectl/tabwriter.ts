/**
 * Go's text/tabwriter, as kubectl uses it. Cells are terminated by '\t'; the text after the last
 * tab of a line is not part of any column. A column is aligned over a contiguous block of lines
 * that all have a cell in it; a line with fewer cells ends the block. That rule, not per-section
 * alignment, is what makes `describe` and `get` line up the way they do.
 *
 * kubectl's two settings:
 *  - get tables (cli-runtime printers.GetNewTabWriter, github.com/liggitt/tabwriter):
 *    minwidth 6, tabwidth 4, padding 3, flag RememberWidths (column widths never shrink across
 *    flushes, so `get -w` rows stay aligned with the header);
 *  - describe (kubectl describe.tabbedString, text/tabwriter): minwidth 0, tabwidth 8, padding 2.
 * Width is counted in Unicode code points (utf8.RuneCount), not display columns.
 */
export interface TabWriterOptions {
  minWidth: number;
  tabWidth: number;
  padding: number;
  /** Remember column widths across flushes (liggitt/tabwriter's RememberWidths). */
  rememberWidths?: boolean;
}

export const GET_TABLE: TabWriterOptions = { minWidth: 6, tabWidth: 4, padding: 3, rememberWidths: true };
export const DESCRIBE: TabWriterOptions = { minWidth: 0, tabWidth: 8, padding: 2 };

interface Cell {
  text: string;
  width: number;
}

function runeCount(s: string): number {
  // Most cells are ASCII: their length is their width. Otherwise count code points.
  let ascii = true;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7f) {
      ascii = false;
      break;
    }
  }
  if (ascii) return s.length;
  let n = 0;
  for (const _ of s) n++;
  return n;
}

function cellsOf(line: string): Cell[] {
  return line.split('\t').map((text) => ({ text, width: runeCount(text) }));
}

export class TabWriter {
  private pending = '';
  private out = '';
  private widths: number[] = [];
  private readonly maxWidths: number[] = [];

  constructor(private readonly opts: TabWriterOptions) {}

  write(text: string): this {
    this.pending += text;
    return this;
  }

  /** Format everything written so far and return the output produced since the last flush. */
  flush(): string {
    const text = this.pending;
    this.pending = '';
    if (text !== '') {
      const rawLines = text.split('\n');
      const partial = rawLines.pop()!; // text after the final newline, usually empty
      // Go flushes at every newline ending a line of a single cell; format in those segments
      // so that RememberWidths sees the same flush points.
      let segment: Cell[][] = [];
      for (const raw of rawLines) {
        const cells = cellsOf(raw);
        segment.push(cells);
        if (cells.length === 1) {
          this.format(segment, true);
          segment = [];
        }
      }
      if (partial !== '') segment.push(cellsOf(partial));
      if (segment.length > 0) this.format(segment, partial === '');
    }
    const o = this.out;
    this.out = '';
    return o;
  }

  private format(lines: Cell[][], lastHasNewline: boolean): void {
    this.widths = [];
    this.formatBlock(lines, 0, lines.length, lastHasNewline);
  }

  private formatBlock(lines: Cell[][], line0: number, line1: number, lastHasNewline: boolean): void {
    const column = this.widths.length;
    let start = line0;
    let i = line0;
    while (i < line1) {
      if (column >= lines[i].length - 1) {
        i++;
        continue;
      }
      // Lines before this block have no cell in this column: print them as they are.
      this.writeLines(lines, start, i, lastHasNewline);
      start = i;
      let width = this.opts.minWidth;
      for (; i < line1 && column < lines[i].length - 1; i++) {
        const w = lines[i][column].width + this.opts.padding;
        if (w > width) width = w;
      }
      if (this.opts.rememberWidths) {
        if (column < this.maxWidths.length && this.maxWidths[column] > width) width = this.maxWidths[column];
        this.maxWidths[column] = width;
      }
      this.widths.push(width);
      this.formatBlock(lines, start, i, lastHasNewline);
      this.widths.pop();
      start = i;
    }
    this.writeLines(lines, start, line1, lastHasNewline);
  }

  private writeLines(lines: Cell[][], line0: number, line1: number, lastHasNewline: boolean): void {
    for (let i = line0; i < line1; i++) {
      const line = lines[i];
      for (let j = 0; j < line.length; j++) {
        const c = line[j];
        this.out += c.text;
        // Every cell inside a column block is padded to the column's width, empty ones too.
        if (j < this.widths.length) this.out += spaces(this.widths[j] - c.width);
      }
      if (i < lines.length - 1 || lastHasNewline) this.out += '\n';
    }
  }
}

const SPACES: string[] = [];
/** `n` spaces (cached: the same paddings recur on every row). */
function spaces(n: number): string {
  if (n <= 0) return '';
  return (SPACES[n] ??= ' '.repeat(n));
}

/** Format a whole text through a fresh writer. */
export function tabify(text: string, opts: TabWriterOptions): string {
  return new TabWriter(opts).write(text).flush();
}
