/** The lab in a real Chromium: editor markers and Apply, reload restores, corrupt storage, embed. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';

const lab = useBuiltSite();

const screen = (page: Page) => page.$eval('[data-testid=terminal] .xterm-rows', (el) => [...el.children].map((r) => r.textContent!.trimEnd()).join('\n'));
const waitFor = (page: Page, text: string) =>
  page.waitForFunction((t) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).join('\n').includes(t), text, { timeout: 8000 });
const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { __kubelabReady?: number }).__kubelabReady !== undefined);

describe('lab', () => {
  it('edits YAML with schema markers, applies it, and finds everything after a reload', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1400, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(lab.site.url);
    await ready(page);
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
    await page.screenshot({ path: '/tmp/kubelab-editor.png' });
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await typeLines(['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  ports:', '  - port: 80']);
    await page.click('[data-testid=apply]');
    await waitFor(page, 'service/web created').catch(async (e) => { console.log('SCREEN', await screen(page)); throw e; });
    expect(await screen(page)).toContain('$ kubectl apply -f web.yaml');
    await page.waitForTimeout(400); // the save is debounced
    await page.reload();
    await ready(page);
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc web');
    await page.keyboard.press('Enter');
    await waitFor(page, 'web   ');
    expect(await screen(page)).not.toContain('NotFound');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    // xterm draws on the next animation frame: wait for the recalled line rather than read at once.
    await waitFor(page, '$ kubectl apply -f web.yaml');
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
    await ready(page);
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
    await ready(page);
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
    await ready(page);
    await page.waitForSelector('[data-testid=step-title]');
    expect(await page.textContent('[data-testid=step-title]')).toMatch(/^단계 3\//);
    expect(new URL(page.url()).hash).toBe('#/ko/01-services-and-endpoints/3');
    await page.screenshot({ path: '/tmp/kubelab-step3-ko.png' });
    await context.close();
  });
});
