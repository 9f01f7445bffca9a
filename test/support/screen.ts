/**
 * A tiny terminal screen for tests of the line editor: enough of xterm's behaviour (wrapping with
 * a pending-wrap last column, two-cell characters, CR/LF, cursor up/right, erase below) to check
 * what the learner would see and where the cursor is.
 */
import { charWidth } from '../../src/ui/terminal/width.ts';

export class Screen {
  rows: string[][] = [[]];
  row = 0;
  col = 0;
  private pendingWrap = false;

  constructor(readonly cols: number) {}

  write(data: string): void {
    let i = 0;
    while (i < data.length) {
      const ch = String.fromCodePoint(data.codePointAt(i)!);
      i += ch.length;
      if (ch === '\x1b') {
        const m = /^\[(\??[\d;]*)([A-Za-z~])/.exec(data.slice(i));
        if (!m) continue;
        i += m[0].length;
        const n = Number(m[1] || '1');
        if (m[2] === 'A') this.row = Math.max(0, this.row - n);
        else if (m[2] === 'C') this.col = Math.min(this.cols - 1, this.col + n);
        else if (m[2] === 'J' && m[1] === '') {
          this.line().length = this.col;
          this.rows.length = this.row + 1;
        } else if (m[2] === 'H') {
          this.row = 0;
          this.col = 0;
        } else if (m[2] === 'J' && m[1] === '2') this.rows = [[]];
        this.pendingWrap = false;
        continue;
      }
      if (ch === '\r') {
        this.col = 0;
        this.pendingWrap = false;
      } else if (ch === '\n') {
        this.row++;
        this.pendingWrap = false;
      } else if (ch === '\x07') {
        // bell
      } else {
        const w = charWidth(ch);
        if (this.pendingWrap || this.col + w > this.cols) {
          this.row++;
          this.col = 0;
          this.pendingWrap = false;
        }
        const line = this.line();
        while (line.length < this.col) line.push(' ');
        line[this.col] = ch;
        if (w === 2) line[this.col + 1] = '';
        this.col += w;
        if (this.col >= this.cols) {
          this.col = this.cols - 1;
          this.pendingWrap = true;
        }
      }
    }
  }

  private line(): string[] {
    while (this.rows.length <= this.row) this.rows.push([]);
    return this.rows[this.row];
  }

  text(): string {
    return this.rows.map((r) => r.join('').trimEnd()).join('\n').replace(/\n+$/, '');
  }
}
