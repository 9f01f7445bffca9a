/** The page in a real Chromium: the terminal's prompt, editing keys, completion, Ctrl+C, layouts. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { openLab, terminalText, waitForTerminal } from '../support/lab-page.ts';

const lab = useBuiltSite();

async function open(path = '', opts: { width?: number; height?: number; locale?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const viewport = { width: opts.width ?? 2400, height: opts.height ?? 800 };
  const { page, errors } = await openLab(lab.browser, lab.site.url + path, { viewport, locale: opts.locale ?? 'en-US' }, 'lab');
  return { page, errors };
}

/** The row holding the prompt (the last non-empty row), as the learner sees it. */
const promptRow = (page: Page) =>
  page.$eval('[data-testid=terminal] .xterm-rows', (el) => [...el.children].map((r) => r.textContent!.trimEnd()).filter((l) => l !== '').pop() ?? '');
/** Wait until the last non-empty row reads exactly `line`. */
async function waitForPromptRow(page: Page, line: string) {
  await page
    .waitForFunction(
      (want) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).filter((l) => l !== '').pop() === want,
      line,
      { timeout: 5000 },
    )
    .catch(async (e) => {
      throw new Error(`prompt row is ${JSON.stringify(await promptRow(page))}, wanted ${JSON.stringify(line)}: ${e}`);
    });
}
/** Paste as the browser does (Ctrl+V, the context menu): a native paste event on xterm's textarea. */
const paste = (page: Page, text: string) =>
  page.$eval(
    '[data-testid=terminal] textarea',
    (el, t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    },
    text,
  );
/** The cursor's cell (row from the top of the screen, column), measured off xterm's DOM renderer; the cursor must sit on a one-cell character or an empty cell. */
const cursorCell = (page: Page) =>
  page.$eval('[data-testid=terminal] .xterm-rows', (rows) => {
    const cursor = rows.querySelector('.xterm-cursor');
    if (!cursor) return undefined;
    const box = rows.getBoundingClientRect();
    const c = cursor.getBoundingClientRect();
    return { row: [...rows.children].findIndex((r) => r.contains(cursor)), col: Math.round((c.left - box.left) / c.width) };
  });
const PROMPT = 'learner@kubelab:~$';
const row = (page: Page, line: string) => waitForPromptRow(page, `${PROMPT} ${line}`);

describe('terminal in the page', () => {
  it('runs kubectl get svc and shows the table, with history on the arrows', async () => {
    const { page, errors } = await open();
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'CLUSTER-IP');
    let text = await terminalText(page);
    expect(text).toMatch(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(text).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await page.keyboard.type('echo ');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, '$ echo kubectl get svc\nkubectl get svc').catch(async (e) => { console.log('SCREEN', await terminalText(page)); throw e; });
    text = await terminalText(page);
    expect(text).toContain('\nkubectl get svc\n');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('completes with Tab and lists candidates on a second Tab', async () => {
    const { page } = await open();
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl desc');
    await page.keyboard.press('Tab');
    await page.keyboard.type('svc -n kube-s');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'Name:');
    const text = await terminalText(page);
    expect(text.replace(/\n/g, '')).toContain('$ kubectl describe svc -n kube-system kube-dns');
    expect(text).toMatch(/Name:\s+kube-dns/);
    await page.keyboard.type('kubectl get endpoint');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await waitForTerminal(page, 'endpointslices');
    expect(await terminalText(page)).toMatch(/endpoints\s+endpointslices/);
    await page.context().close();
  });

  it('edits the line with readline keys, searches history with Ctrl+R, clears the screen with Ctrl+L and clear', async () => {
    const { page, errors } = await open();
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('echo one two three');
    // Alt+B / Alt+F move by words, Ctrl+A / Ctrl+E and Home / End to the ends: a letter typed shows where the cursor is.
    await page.keyboard.press('Alt+b');
    await page.keyboard.type('X');
    await row(page, 'echo one two Xthree');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Alt+f');
    await page.keyboard.press('Alt+f');
    await page.keyboard.type('Y');
    await row(page, 'echo oneY two Xthree');
    await page.keyboard.press('Control+e');
    await page.keyboard.type('Z');
    await row(page, 'echo oneY two XthreeZ');
    await page.keyboard.press('Home');
    await page.keyboard.type('#');
    await row(page, '#echo oneY two XthreeZ');
    await page.keyboard.press('End');
    await page.keyboard.type('!');
    await row(page, '#echo oneY two XthreeZ!');
    // Ctrl+W rubs out a word, Ctrl+U to the line's start, Ctrl+K to its end.
    await page.keyboard.press('Control+w');
    await row(page, '#echo oneY two');
    await page.keyboard.press('Alt+b');
    await page.keyboard.press('Control+k');
    await row(page, '#echo oneY');
    await page.keyboard.press('Alt+b');
    await page.keyboard.press('Control+u');
    await row(page, 'oneY');
    await page.keyboard.press('Control+k');
    await waitForPromptRow(page, PROMPT);
    await page.keyboard.type('kubectl get svc kubernetes');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'kubernetes   ClusterIP');
    await page.keyboard.type('echo second');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'second\nlearner@');
    // Ctrl+R: the newest command holding the text; Enter runs it.
    await page.keyboard.press('Control+r');
    await page.keyboard.type('get s');
    await waitForPromptRow(page, "(reverse-i-search)`get s': kubectl get svc kubernetes");
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent ?? '').split('kubectl get svc kubernetes').length === 3);
    // Ctrl+L clears the screen, keeping the line being typed; `clear` too.
    await page.keyboard.type('echo kept');
    await page.keyboard.press('Control+l');
    await page.waitForFunction((p) => (document.querySelector('[data-testid=terminal] .xterm-rows > div')?.textContent ?? '').trimEnd() === p, `${PROMPT} echo kept`);
    expect((await terminalText(page)).trim()).toBe(`${PROMPT} echo kept`);
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'kept\nlearner@');
    await page.keyboard.type('clear');
    await page.keyboard.press('Enter');
    await page.waitForFunction((p) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).join('\n').trim() === p, PROMPT);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('runs a pasted heredoc and the apply after it, completes flags and file names, and Ctrl+C stops a watch', async () => {
    const { page, errors } = await open('#/en/01-services-and-endpoints/1');
    await page.click('[data-testid=terminal]');
    // A multi-line paste: each line runs in turn, the heredoc's lines go into the file.
    await paste(page, ['cat <<EOF > pasted.yaml', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: pasted', 'spec:', '  ports:', '  - port: 8080', 'EOF', 'kubectl apply -f pasted.yaml', ''].join('\n'));
    await waitForTerminal(page, 'service/pasted created');
    // The shell's file is the editor's: it shows as a tab.
    await page.waitForSelector('[data-testid=editor] [role=tab]:has-text("pasted.yaml")');
    await page.keyboard.type('ls');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'pasted.yaml');
    // File names complete after -f; flags complete after --.
    await page.keyboard.type('kubectl delete -f pas');
    await page.keyboard.press('Tab');
    await row(page, 'kubectl delete -f pasted.yaml'); // and a space after it
    await page.keyboard.type('--dry-r');
    await page.keyboard.press('Tab');
    // As in bash with kubectl's completion: the flag's name and a space (the real __complete
    // answers `--dry-run`); the value goes after an `=`.
    await row(page, 'kubectl delete -f pasted.yaml --dry-run');
    await page.keyboard.press('Backspace');
    await page.keyboard.type('=client');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'service "pasted" deleted (dry run)');
    // A watch runs until Ctrl+C; the prompt comes back and takes commands.
    await page.keyboard.type('kubectl get pods -w');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'READY   STATUS');
    await page.keyboard.press('Control+c');
    await waitForTerminal(page, '^C');
    await waitForPromptRow(page, PROMPT);
    await page.keyboard.type('echo after-watch');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'after-watch\nlearner@');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('Ctrl+C stops a running command; help prints in Korean for the Korean interface', async () => {
    const { page } = await open('#/ko', { locale: 'ko-KR' });
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('sleep 30; echo no');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+c');
    await waitForTerminal(page, '^C');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, '터미널');
    const text = await terminalText(page);
    expect(text).not.toContain('\nno\n');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await page.screenshot({ path: '/tmp/kubelab-wide-ko.png' });
    await page.context().close();
  });

  it('shows one pane at a time with tabs on a narrow screen', async () => {
    const { page } = await open('', { width: 420, height: 760 });
    expect(await page.isVisible('[data-testid=pane-terminal]')).toBe(true);
    expect(await page.isVisible('[data-testid=pane-lesson]')).toBe(false);
    // Korean takes two cells a character: a long line wraps before a character that does not
    // fit, and the cursor stands where the next character will go.
    await page.click('[data-testid=terminal]');
    const cell = (await page.$eval('[data-testid=terminal] .xterm-cursor', (c) => c.getBoundingClientRect().width))!;
    const cols = Math.round((await page.$eval('[data-testid=terminal] .xterm-rows', (r) => r.getBoundingClientRect().width)) / cell);
    const at = async () => {
      const c = (await page.$eval('[data-testid=terminal] .xterm-rows', (rows) => {
        const cursor = rows.querySelector('.xterm-cursor')!;
        return { row: [...rows.children].findIndex((r) => r.contains(cursor)), left: cursor.getBoundingClientRect().left - rows.getBoundingClientRect().left };
      }))!;
      return { row: c.row, col: Math.round(c.left / cell) };
    };
    const korean = '쿠버네티스서비스와엔드포인트를배워요'.repeat(3);
    await page.keyboard.type(`echo ${korean}`);
    // Where each character goes, counted independently of the line editor: 1 cell for ASCII, 2 for Hangul, wrapping at `cols`.
    const expected: string[] = [''];
    let width = 0;
    for (const ch of `${PROMPT} echo ${korean}`) {
      const w = /[\u3131-\uD7A3]/.test(ch) ? 2 : 1;
      if (width + w > cols) {
        expected.push('');
        width = 0;
      }
      expected[expected.length - 1] += ch;
      width += w;
    }
    const firstRow = (await page.$$eval('[data-testid=terminal] .xterm-rows > div', (rows) => rows.map((r) => r.textContent!.trimEnd()))).findIndex((l) => l.startsWith(PROMPT));
    await page.waitForFunction(
      ({ first, want }) => {
        const rows = [...document.querySelectorAll('[data-testid=terminal] .xterm-rows > div')].map((r) => r.textContent!.trimEnd());
        return want.every((w: string, i: number) => rows[first + i] === w);
      },
      { first: firstRow, want: expected },
    );
    expect(expected.length).toBeGreaterThan(2);
    expect(await at()).toEqual({ row: firstRow + expected.length - 1, col: width });
    // Three characters back: six cells, across the row boundary if need be.
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowLeft');
    const lastRow = [...expected[expected.length - 1]];
    const back = lastRow.length >= 3 ? { row: firstRow + expected.length - 1, col: width - 6 } : undefined;
    if (back) await page.waitForFunction((want) => {
      const rows = document.querySelector('[data-testid=terminal] .xterm-rows')!;
      const cursor = rows.querySelector('.xterm-cursor')!;
      return [...rows.children].findIndex((r) => r.contains(cursor)) === want;
    }, back.row);
    if (back) expect(await at()).toEqual(back);
    await page.keyboard.press('Enter');
    await waitForTerminal(page, `${expected[expected.length - 1]}\n${korean.slice(0, 4)}`);
    await page.screenshot({ path: '/tmp/kubelab-narrow.png' });
    await page.click('#tab-lesson');
    expect(await page.isVisible('[data-testid=pane-lesson]')).toBe(true);
    expect(await page.isVisible('[data-testid=pane-terminal]')).toBe(false);
    await page.context().close();
  });
});
