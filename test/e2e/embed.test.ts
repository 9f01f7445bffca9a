/**
 * The lab inside another site's page, as Notion frames it: a host page on one origin
 * (http://localhost:A) with an iframe of the lab on another site (http://127.0.0.1:B).
 * Checked: nothing grabs focus and a "click to start typing" veil stays until the first click;
 * the bar's pop-out link carries the lesson, the step and the progress into a tab of its own;
 * under `sandbox="allow-scripts"` (an opaque origin: storage really throws) the lab runs in
 * memory and says so, and the editor still marks YAML syntax errors without workers;
 * `?debug=embed` reports what the host allows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Frame, Page } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';
import { labReady, terminalText, waitForTerminal } from '../support/lab-page.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;
let browser: Browser;
let labSite: Awaited<ReturnType<typeof serveStatic>>;
let hostSite: Awaited<ReturnType<typeof serveStatic>>;
let hostDir: string;

beforeAll(async () => {
  // Under an opaque origin the module scripts are fetched with `Origin: null`: they need CORS.
  labSite = await serveStatic(dist, { 'access-control-allow-origin': '*' });
  hostDir = await mkdtemp(join(tmpdir(), 'kubelab-host-'));
  hostSite = await serveStatic(hostDir);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await labSite?.close();
  await hostSite?.close();
  if (hostDir) await rm(hostDir, { recursive: true, force: true });
});

/** A host page on another site (localhost vs 127.0.0.1) framing the lab at `query`. */
async function hostPage(name: string, query: string, attrs: string): Promise<string> {
  const src = labSite.url + query;
  const html = `<!doctype html><html><head><title>Host notes</title><link rel="icon" href="data:,"></head><body style="margin:0;font-family:sans-serif">
<p id="host-text">Notes about Services, with the lab below.</p><input id="host-input" aria-label="host input">
<iframe id="lab" src="${src}" ${attrs} style="width:760px;height:480px;border:1px solid #999"></iframe>
<p style="height:1200px">More notes.</p></body></html>`;
  await writeFile(join(hostDir, name), html);
  return hostSite.url.replace('127.0.0.1', 'localhost') + name;
}

const labFrame = (page: Page): Frame => page.frames().find((f) => f.url().startsWith(labSite.url))!;

describe('embedded in another site', () => {
  it('gives link previews their title and text in the static HTML (crawlers run no JavaScript)', async () => {
    const html = await (await fetch(labSite.url, { headers: { 'user-agent': 'Mozilla/5.0 (compatible; Notion)' } })).text();
    expect(html).toMatch(/<meta property="og:title" content="KubeLab — Kubernetes Services in your browser" \/>/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]{40,}" \/>/);
    expect(html).toMatch(/<meta name="twitter:card" content="summary" \/>/);
  });

  it('waits for a click before taking keys, then pops out to the same step with the progress', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = await hostPage('notion-like.html', '?embed=1&panes=lesson,terminal#/en/01-services-and-endpoints/2', 'allow="fullscreen"');
    await page.goto(url);
    await page.waitForFunction(() => !!document.querySelector('iframe'));
    await page.waitForFunction(() => document.querySelector('iframe')!.contentWindow !== null);
    const frame = await (await page.$('#lab'))!.contentFrame();
    await labReady(frame!);
    const f = labFrame(page);
    // Nothing took focus on load, and the host did not scroll to the frame.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    expect(await f.isVisible('[data-testid=click-to-type]')).toBe(true);
    expect(await f.textContent('[data-testid=click-to-type]')).toContain('Click to start typing');
    // Keys typed before the click stay with the host.
    await page.click('#host-input');
    await page.keyboard.type('abc');
    expect(await page.inputValue('#host-input')).toBe('abc');
    // The first click into the lab lifts the veil and lands on the terminal.
    await f.click('[data-testid=terminal]');
    expect(await f.$('[data-testid=click-to-type]')).toBeNull();
    await page.keyboard.type('kubectl get svc kubia');
    await page.keyboard.press('Enter');
    await waitForTerminal(f, 'kubia   ClusterIP');
    expect(await page.inputValue('#host-input')).toBe('abc');
    // The bar: the Ctrl+W warning, fullscreen (the host allows it), the pop-out link.
    expect(await f.textContent('[data-testid=ctrl-w-warning]')).toContain('Ctrl+W');
    expect(await f.isVisible('[data-testid=fullscreen]')).toBe(true);
    await f.waitForFunction(() => (document.querySelector('[data-testid=pop-out]') as HTMLAnchorElement).href.includes('resume='), undefined, { timeout: 10000 });
    const href = await f.$eval('[data-testid=pop-out]', (a) => (a as HTMLAnchorElement).href);
    expect(href).toContain('#/en/01-services-and-endpoints/2');
    expect(href).not.toContain('embed=');
    expect(href).not.toContain('panes=');
    await page.screenshot({ path: '/tmp/kubelab-iframe.png' });
    // Popping out opens the same step in a tab of its own, with the frame's history restored.
    const [tab] = await Promise.all([context.waitForEvent('page'), f.click('[data-testid=pop-out]')]);
    await labReady(tab);
    expect(new URL(tab.url()).search).toBe('');
    expect(new URL(tab.url()).hash).toBe('#/en/01-services-and-endpoints/2');
    await tab.waitForSelector('[data-testid=notice]');
    expect(await tab.textContent('[data-testid=notice]')).toContain('Progress restored');
    expect(await tab.$('[data-testid=embed-bar]')).toBeNull();
    await tab.click('[data-testid=terminal]');
    await tab.keyboard.press('ArrowUp');
    await tab.waitForFunction(() => (document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent ?? '').includes('$ kubectl get svc kubia'), undefined, { timeout: 10000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('copies and pastes in the terminal with the native events only, never the Clipboard API', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 700 }, locale: 'en-US' });
    // In every frame: count calls to the async Clipboard API (blocked in frames without
    // allow="clipboard-read/write"), and note what native copy events carry.
    await context.addInitScript(() => {
      const w = window as unknown as { __clipboardCalls: string[]; __copied: string[] };
      w.__clipboardCalls = [];
      w.__copied = [];
      const real = navigator.clipboard;
      if (real) {
        for (const m of ['read', 'readText', 'write', 'writeText'] as const) {
          Object.defineProperty(real, m, { value: () => (w.__clipboardCalls.push(m), Promise.reject(new DOMException('blocked by permissions policy', 'NotAllowedError'))) });
        }
      }
      // Bubbling to the window: after xterm's own handler has put the selection in.
      addEventListener('copy', (e) => w.__copied.push(e.clipboardData?.getData('text/plain') ?? ''));
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const url = await hostPage('clipboard.html', '?embed=1&panes=terminal#/en/01-services-and-endpoints/1', '');
    await page.goto(url);
    const f = (await (await page.waitForSelector('#lab')).contentFrame())!;
    await labReady(f);
    await f.click('[data-testid=terminal]');
    await page.keyboard.type('echo copy-me-please');
    await page.keyboard.press('Enter');
    await waitForTerminal(f, 'copy-me-please\nlearner@');
    // A selection and Ctrl+C: the browser's copy event carries it; no ^C is sent.
    const out = f.locator('[data-testid=terminal] .xterm-rows > div', { hasText: /^copy-me-please/ }).first();
    await out.dblclick({ force: true, position: { x: 20, y: 5 } });
    await page.keyboard.press('Control+c');
    await f.waitForFunction(() => (window as unknown as { __copied: string[] }).__copied.length > 0);
    expect(await f.evaluate(() => (window as unknown as { __copied: string[] }).__copied)).toEqual(['copy-me-please']);
    expect(await terminalText(f)).not.toContain('^C');
    // Without a selection Ctrl+C abandons the line, as in a shell.
    await f.click('[data-testid=terminal]');
    await page.keyboard.type('half a line');
    await page.keyboard.press('Control+c');
    await waitForTerminal(f, 'half a line^C');
    // A paste event (what Ctrl+V, Shift+Insert and the context menu's Paste fire) types the text in.
    await f.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'kubectl get svc kubia');
      document.querySelector('[data-testid=terminal] textarea')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await page.keyboard.press('Enter');
    await waitForTerminal(f, 'kubia   ClusterIP');
    expect(await f.evaluate(() => (window as unknown as { __clipboardCalls: string[] }).__clipboardCalls)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('runs in memory under a sandbox without allow-same-origin, and reports it with ?debug=embed', async () => {
    const context = await browser.newContext({ viewport: { width: 1000, height: 800 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    const url = await hostPage('sandboxed.html', '?embed=1&panes=lesson,terminal,editor&debug=embed#/en/01-services-and-endpoints/1', 'sandbox="allow-scripts"');
    await page.goto(url);
    await page.waitForFunction(() => document.querySelector('iframe')?.contentWindow !== null);
    const frame = (await (await page.$('#lab'))!.contentFrame())!;
    await labReady(frame);
    expect(await frame.textContent('[data-testid=notice]')).toContain('kept in memory only');
    expect(await frame.textContent('[data-testid=embed-diagnostics] [data-key="framed"]')).toBe('yes');
    expect(await frame.textContent('[data-testid=embed-diagnostics] [data-key="storage"]')).toBe('memory only (blocked)');
    expect(await frame.textContent('[data-testid=embed-diagnostics] [data-key="ancestor origins"]')).toContain('http://localhost:');
    expect(await frame.textContent('[data-testid=embed-diagnostics] [data-key="fullscreen enabled"]')).toBe('no');
    // No fullscreen button where the host does not allow it.
    expect(await frame.$('[data-testid=fullscreen]')).toBeNull();
    await frame.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc kubia');
    await page.keyboard.press('Enter');
    await waitForTerminal(frame, 'kubia   ClusterIP').catch(async (e) => {
      console.log(await terminalText(frame));
      throw e;
    });
    await page.keyboard.type('touch s.yaml');
    await page.keyboard.press('Enter');
    // No worker can start here: monaco-yaml's language service runs on the page's thread instead,
    // with the same completion and schema markers.
    await frame.click('#tab-editor');
    await frame.click('[data-testid=editor] [role=tab]:has-text("s.yaml")');
    await frame.waitForSelector('[data-testid=monaco-host] .view-lines', { timeout: 20000 });
    await frame.click('[data-testid=monaco-host] .view-lines');
    await page.keyboard.type('apiVersion: v1');
    await page.keyboard.press('Enter');
    await page.keyboard.type('kind: Service');
    await page.keyboard.press('Enter');
    await page.keyboard.type('spec:');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+Space');
    await frame.waitForSelector('[data-testid=monaco-host] .suggest-widget.visible .monaco-list-row', { timeout: 15000 });
    const offered = await frame.$$eval('[data-testid=monaco-host] .suggest-widget.visible .label-name', (els) => els.map((e) => e.textContent!.trim()));
    expect(offered).toEqual(expect.arrayContaining(['allocateLoadBalancerNodePorts', 'clusterIP']));
    await page.keyboard.press('Escape');
    await page.keyboard.type('bogus: 1');
    await frame.waitForSelector('[data-testid=monaco-host] .squiggly-warning, [data-testid=monaco-host] .squiggly-error', { timeout: 15000 });
    // The YAML syntax markers (js-yaml on the main thread) flag a mapping inside a plain value.
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('note: a: b');
    await frame.waitForSelector('[data-testid=monaco-host] .squiggly-error', { timeout: 15000 }).catch(async (e) => {
      await page.screenshot({ path: '/tmp/kubelab-sbx-fail.png' });
      throw e;
    });
    // The context menu's Paste needs clipboard-read, which a frame lacks: the editor says to use the keys.
    await frame.click('[data-testid=monaco-host] .view-lines', { button: 'right' });
    await frame.waitForSelector('[data-testid=paste-hint]');
    expect(await frame.textContent('[data-testid=paste-hint]')).toContain('Ctrl+V');
    // ...and the menu has no Paste entry that could only fail (its Cut and Copy work: native events).
    await frame.waitForSelector('.monaco-menu .action-label');
    const entries = await frame.$$eval('.monaco-menu .action-label', (els) => els.map((e) => e.textContent?.trim()).filter(Boolean));
    expect(entries).toContain('Copy');
    expect(entries).not.toContain('Paste');
    await page.keyboard.press('Escape');
    await page.screenshot({ path: '/tmp/kubelab-iframe-sandboxed.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
