/** The terminal's line editor on a small simulated screen: editing keys, history, search, wrapping. */
import { describe, expect, it } from 'vitest';
import { LineEditor, splitKeys, type EditorEvent } from '../../src/ui/terminal/line-editor.ts';
import { Screen } from '../support/screen.ts';

function setup(cols = 40, history: string[] = [], candidates?: (line: string) => { start: number; candidates: string[] }) {
  const screen = new Screen(cols);
  const ed = new LineEditor({ write: (t) => screen.write(t), columns: () => cols }, { history: () => history, complete: candidates && ((l, c) => candidates(l.slice(0, c))) });
  ed.start('$ ');
  const events: EditorEvent[] = [];
  const type = (data: string) => {
    for (const k of splitKeys(data)) {
      const ev = ed.feed(k);
      if (ev) events.push(ev);
    }
  };
  return { screen, ed, type, events };
}

describe('line editor', () => {
  it('splits keys and escape sequences', () => {
    expect(splitKeys('ab\x1b[D\x1bb\x1b[1;5C한\x7f')).toEqual(['a', 'b', '\x1b[D', '\x1bb', '\x1b[1;5C', '한', '\x7f']);
  });

  it('edits in the middle of the line with arrows, Home/End and Ctrl keys', () => {
    const { type, events, screen } = setup();
    type('kubectl get svc');
    type('\x1b[D\x1b[D\x1b[D'); // before "svc"
    type('-o wide ');
    type('\x01# \x05!');
    expect(screen.text()).toBe('$ # kubectl get -o wide svc!');
    type('\x7f\x01\x1b[3~\x1b[3~\r');
    expect(events).toEqual([{ kind: 'submit', line: 'kubectl get -o wide svc' }]);
  });

  it('kills words and lines and yanks them back', () => {
    const { type, ed } = setup();
    type('kubectl get svc kuba');
    type('\x17');
    expect(ed.line).toBe('kubectl get svc ');
    type('\x19');
    expect(ed.line).toBe('kubectl get svc kuba');
    type('\x1bb\x1bb\x0b');
    expect(ed.line).toBe('kubectl get ');
    type('\x15');
    expect(ed.line).toBe('');
    type('abc def\x1bb\x1bb\x1bf!');
    expect(ed.line).toBe('abc! def');
  });

  it('walks the history with the arrows and keeps the draft', () => {
    const { type, ed } = setup(40, ['one', 'two', 'three']);
    type('dra');
    type('\x1b[A');
    expect(ed.line).toBe('three');
    type('\x1b[A\x1b[A\x1b[A');
    expect(ed.line).toBe('one');
    type('\x1b[B\x1b[B\x1b[B');
    expect(ed.line).toBe('dra');
  });

  it('searches the history backwards with Ctrl+R', () => {
    const { type, events, screen } = setup(60, ['kubectl get svc', 'kubectl describe svc kuba', 'ls']);
    type('\x12svc');
    expect(screen.text()).toBe("(reverse-i-search)`svc': kubectl describe svc kuba");
    type('\x12');
    expect(screen.text()).toBe("(reverse-i-search)`svc': kubectl get svc");
    type('\x12xyz');
    expect(screen.text()).toContain('failed reverse-i-search');
    type('\x07');
    expect(screen.text()).toBe('$');
    type('\x12describe\x1b[C\r');
    expect(events).toEqual([{ kind: 'submit', line: 'kubectl describe svc kuba' }]);
  });

  it('Ctrl+C abandons the line; Ctrl+D on an empty line is end of input', () => {
    const { type, events, screen } = setup();
    type('half a command\x03');
    type('\x04');
    expect(events).toEqual([{ kind: 'interrupt', line: 'half a command' }, { kind: 'eof' }]);
    expect(screen.text()).toBe('$ half a command^C');
  });

  it('places the cursor right after wide Korean characters and across wrapped rows', () => {
    const { type, screen } = setup(10);
    type('echo 안녕하세요'); // 2 + 5 + 10 cells: wraps twice
    expect(screen.text()).toBe('$ echo 안\n녕하세요');
    type('\x01');
    expect([screen.row, screen.col]).toEqual([0, 2]);
    type('\x05');
    expect([screen.row, screen.col]).toEqual([1, 8]);
    type('\x1b[D\x1b[D');
    expect([screen.row, screen.col]).toEqual([1, 4]);
    type('!');
    expect(screen.text()).toBe('$ echo 안\n녕하!세요');
  });

  it('keeps a line that fills the row exactly in place', () => {
    const { type, screen } = setup(10);
    type('12345678');
    expect([screen.row, screen.col]).toEqual([1, 0]);
    type('9\x01');
    expect(screen.text()).toBe('$ 12345678\n9');
    expect([screen.row, screen.col]).toEqual([0, 2]);
  });

  it('completes with Tab: one candidate inserts it, a second Tab lists them', () => {
    const cands = (line: string) => {
      const start = line.lastIndexOf(' ') + 1;
      const word = line.slice(start);
      return { start, candidates: ['describe', 'delete', 'get'].filter((c) => c.startsWith(word)) };
    };
    const { type, ed, screen } = setup(40, [], cands);
    type('kubectl g\t');
    expect(ed.line).toBe('kubectl get ');
    type('\x15kubectl d\t');
    expect(ed.line).toBe('kubectl de');
    type('\t');
    expect(screen.text()).toBe('$ kubectl de\ndescribe  delete\n$ kubectl de');
    type('\x15kubectl x\t\t');
    expect(ed.line).toBe('kubectl x');
  });
});
