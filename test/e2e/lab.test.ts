/** The lab in a real Chromium: editor markers and Apply, reload restores, corrupt storage, embed. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { openLab, promptReady, terminalText, waitForTerminal } from '../support/lab-page.ts';

const lab = useBuiltSite();


/**
 * The editor's problems as Monaco's own "go to next problem" (F8) walks them from the top: for the
 * first, the count it shows ("1 of 2 problems"), its message, and the line and column it puts the
 * cursor on (the marker's start).
 */
async function firstProblem(page: Page): Promise<{ count: string; message: string; line: number; column: number }> {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('F8');
  const widget = await page.waitForSelector('[data-testid=monaco-host] .marker-widget');
  // Monaco draws the cursor on the next frame.
  await page.waitForFunction(() => (document.querySelector('[data-testid=monaco-host] .marker-widget .message')?.textContent ?? '') !== '');
  const count = (await widget.evaluate((e) => e.closest('.zone-widget')?.textContent ?? '')).match(/\d+ of \d+ problems?/)?.[0] ?? '';
  const message = await widget.$eval('.message', (e) => e.textContent ?? '');
  const where = await page.$eval('[data-testid=monaco-host]', (host) => {
    const line = Number(host.querySelector('.active-line-number')?.textContent);
    // Column from the cursor's offset, in characters of the (monospace) font.
    const sample = host.querySelector('.view-line span') as HTMLElement;
    const charWidth = sample.getBoundingClientRect().width / (sample.textContent ?? ' ').length;
    const left = parseFloat((host.querySelector('.cursor') as HTMLElement).style.left);
    return { line, column: Math.round(left / charWidth) + 1 };
  });
  await page.keyboard.press('Escape');
  return { count, message, ...where };
}

describe('lab', () => {
  it('edits YAML with schema markers, applies it, and finds everything after a reload', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url, { viewport: { width: 1400, height: 800 }, locale: 'en-US' });
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('echo hi > web.yaml');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=editor] [role=tab]:has-text("web.yaml")');
    await page.click('[data-testid=editor] [role=tab]:has-text("web.yaml")');
    await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 15000 });
    await page.click('[data-testid=monaco-host] .view-lines');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    // Typed line by line without auto-indent surprises: each line starts at column 1 via Home.
    const typeLines = async (lines: string[]) => {
      for (const line of lines) {
        await page.keyboard.press('Shift+Home');
        await page.keyboard.press('Delete');
        await page.keyboard.type(line);
        await page.keyboard.press('Enter');
      }
    };
    await typeLines(['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  portz: 80']);
    // The schema flags the unknown field.
    await page.waitForSelector('[data-testid=monaco-host] .squiggly-error, [data-testid=monaco-host] .squiggly-warning', { timeout: 15000 });
    await expect.poll(() => firstProblem(page), { timeout: 15000 }).toEqual({ count: '1 of 1 problem', message: expect.stringContaining('Property portz is not allowed'), line: 6, column: 3 });
    await page.screenshot({ path: '/tmp/kubelab-editor.png' });
    // A syntax error (a key indented under a plain value): one marker, where kubectl's parser
    // stops (the colon), with kubectl's words; the schema's markers wait until the file parses.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Delete');
    await page.keyboard.type('    labels: x');
    await page.waitForSelector('[data-testid=monaco-host] .squiggly-error', { timeout: 15000 });
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=monaco-host] .squiggly-warning').length === 0);
    await expect.poll(() => firstProblem(page), { timeout: 15000 }).toEqual({ count: '1 of 1 problem', message: expect.stringContaining('YAML syntax error: bad indentation of a mapping entry'), line: 5, column: 11 });
    expect((await firstProblem(page)).message).toContain('yaml: line 5: mapping values are not allowed in this context');
    await page.screenshot({ path: '/tmp/kubelab-editor-syntax.png' });
    // Fixed again: the schema's marker is back.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+k'); // delete the line
    await page.waitForSelector('[data-testid=monaco-host] .squiggly-error', { state: 'detached' });
    await page.waitForSelector('[data-testid=monaco-host] .squiggly-warning, [data-testid=monaco-host] .squiggly-error', { timeout: 15000 });
    await expect.poll(() => firstProblem(page), { timeout: 15000 }).toEqual({ count: '1 of 1 problem', message: expect.stringContaining('Property portz is not allowed'), line: 6, column: 3 });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await typeLines(['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '  - port: 80']);
    await page.click('[data-testid=apply]');
    await waitForTerminal(page, 'service/web created').catch(async (e) => { console.log('SCREEN', await terminalText(page)); throw e; });
    expect(await terminalText(page)).toContain('$ kubectl apply -f web.yaml');
    await page.waitForTimeout(400); // the save is debounced
    await page.reload();
    await promptReady(page);
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc web');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, 'web   ');
    expect(await terminalText(page)).not.toContain('NotFound');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // xterm draws on the next animation frame: wait for the recalled line rather than read at once.
    await waitForTerminal(page, '$ kubectl apply -f web.yaml');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('creates, renames and deletes files the shell sees, and marks what the step checks in its file', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/02-service-without-selector/1', { viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await page.waitForSelector('[data-testid=step-title]');
    const tab = (name: string) => `[data-testid=editor] [role=tab]:text-is("${name}")`;
    const shell = async (command: string, expected: string) => {
      await page.click('[data-testid=terminal]');
      await page.keyboard.press('Control+l');
      await page.keyboard.type(command);
      await page.keyboard.press('Enter');
      await waitForTerminal(page, expected).catch(async (e) => {
        await page.screenshot({ path: '/tmp/kubelab-files-fail.png' });
        throw new Error(`${e}\nSCREEN:\n${await terminalText(page)}`);
      });
      return terminalText(page);
    };
    // New file: the shell lists it.
    await page.click('[data-testid=new-file]');
    await page.fill('[data-testid=file-name]', 'scratch.yaml');
    await page.press('[data-testid=file-name]', 'Enter');
    await page.waitForSelector(tab('scratch.yaml'));
    await shell('ls', 'scratch.yaml');
    // Typed in the editor, read by the shell.
    await page.click(tab('scratch.yaml'));
    await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 15000 });
    await page.click('[data-testid=monaco-host] .view-lines');
    await page.keyboard.type('note: from the editor');
    await shell('cat scratch.yaml', 'note: from the editor\nlearner@');
    // Rename: the old name is gone for both.
    await page.click(tab('scratch.yaml'));
    await page.click('[data-testid=editor] button:text-is("Rename")');
    await page.fill('[data-testid=file-name]', 'renamed.yaml');
    await page.press('[data-testid=file-name]', 'Enter');
    await page.waitForSelector(tab('renamed.yaml'));
    expect(await page.$(tab('scratch.yaml'))).toBeNull();
    let out = await shell('cat renamed.yaml; ls scratch.yaml', 'No such file');
    expect(out).toContain('note: from the editor');
    // Delete, after a confirmation.
    await page.click(tab('renamed.yaml'));
    await page.click('[data-testid=editor] button:text-is("Delete")');
    await page.click('[data-testid=editor] [role=alert] button:text-is("Yes")');
    await page.waitForSelector(tab('renamed.yaml'), { state: 'detached' });
    out = await shell('ls; echo done', 'done\nlearner@');
    expect(out).not.toContain('renamed.yaml');

    // The step's file with a selector the step says it must not have: the check's marker on that line.
    await page.click('[data-testid=create-step-file]');
    await page.click(tab('external-service.yaml'));
    await page.click('[data-testid=monaco-host] .view-lines');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    for (const line of ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: external-service', 'spec:', '  selector:', '    app: kubia', '  ports:', '  - port: 80']) {
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Shift+Home');
      await page.keyboard.press('Delete');
      await page.keyboard.type(line);
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => firstProblem(page), { timeout: 15000 }).toEqual({ count: '1 of 1 problem', message: expect.stringMatching(/selector/), line: 6, column: 3 });
    expect(await page.textContent('[data-testid=checks]')).toMatch(/selector/);
    await page.screenshot({ path: '/tmp/kubelab-step-marker.png' });
    // Without the selector, the marker goes.
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Control+Shift+k');
    await page.keyboard.press('Control+Shift+k');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=monaco-host] .squiggly-warning, [data-testid=monaco-host] .squiggly-error').length === 0, undefined, { timeout: 15000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('starts clean with a notice when the saved progress is corrupt', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1200, height: 700 } });
    await context.addInitScript(() => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem('kubelab:v1:lesson:01-services-and-endpoints', '{"v":1,"lessonId":"01-services-and-endpoints","startStep":0,"log":[{"t":"x"}]');
      }
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(lab.site.url + '#/en/01-services-and-endpoints');
    await promptReady(page);
    await page.waitForSelector('[data-testid=notice]');
    expect(await page.textContent('[data-testid=notice]')).toContain('could not be read');
    await page.waitForSelector('[data-testid=step-title]');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('embed mode shows only the requested panes without site chrome; storage blocked runs in memory', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 700, height: 420 }, locale: 'ko-KR' });
    await context.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(lab.site.url + '?embed=1&panes=terminal,editor#/ko/01-services-and-endpoints/2');
    await promptReady(page);
    expect(await page.$('header')).toBeNull();
    expect(await page.$('[data-testid=pane-lesson]')).toBeNull();
    expect(await page.isVisible('[data-testid=pane-terminal]')).toBe(true);
    expect(await page.textContent('[data-testid=notice]')).toContain('메모리');
    await page.screenshot({ path: '/tmp/kubelab-embed.png' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a shared step link at that step', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1400, height: 800 } });
    const page = await context.newPage();
    await page.goto(lab.site.url + '#/ko/01-services-and-endpoints/3');
    await promptReady(page);
    await page.waitForSelector('[data-testid=step-title]');
    expect(await page.textContent('[data-testid=step-title]')).toMatch(/^단계 3\//);
    expect(new URL(page.url()).hash).toBe('#/ko/01-services-and-endpoints/3');
    await page.screenshot({ path: '/tmp/kubelab-step3-ko.png' });
    await context.close();
  });
});
