/** The page in a real Chromium: the terminal's prompt, editing keys, completion, Ctrl+C, layouts. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';

const lab = useBuiltSite();

async function open(path = '', opts: { width?: number; height?: number; locale?: string } = {}): Promise<{ page: Page; errors: string[] }> {
  const context = await lab.browser.newContext({ viewport: { width: opts.width ?? 2400, height: opts.height ?? 800 }, locale: opts.locale ?? 'en-US' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(lab.site.url + path);
  await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined);
  return { page, errors };
}

const screenText = (page: Page) => page.$eval('[data-testid=terminal] .xterm-rows', (el) => [...el.children].map((r) => r.textContent!.trimEnd()).join('\n'));
/** Wait until the screen (rows joined with newlines) contains the text. */
async function waitForText(page: Page, text: string) {
  await page.waitForFunction(
    (t) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).join('\n').includes(t),
    text,
    { timeout: 5000 },
  );
}

describe('terminal in the page', () => {
  it('runs kubectl get svc and shows the table, with history on the arrows', async () => {
    const { page, errors } = await open();
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc');
    await page.keyboard.press('Enter');
    await waitForText(page, 'CLUSTER-IP');
    let text = await screenText(page);
    expect(text).toMatch(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(text).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Home');
    await page.keyboard.type('echo ');
    await page.keyboard.press('Enter');
    await waitForText(page, '$ echo kubectl get svc\nkubectl get svc').catch(async (e) => { console.log('SCREEN', await screenText(page)); throw e; });
    text = await screenText(page);
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
    await waitForText(page, 'Name:');
    const text = await screenText(page);
    expect(text.replace(/\n/g, '')).toContain('$ kubectl describe svc -n kube-system kube-dns');
    expect(text).toMatch(/Name:\s+kube-dns/);
    await page.keyboard.type('kubectl get endpoint');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await waitForText(page, 'endpointslices');
    expect(await screenText(page)).toMatch(/endpoints\s+endpointslices/);
    await page.context().close();
  });

  it('Ctrl+C stops a running command; help prints in Korean for the Korean interface', async () => {
    const { page } = await open('#/ko', { locale: 'ko-KR' });
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('sleep 30; echo no');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+c');
    await waitForText(page, '^C');
    await page.keyboard.type('help');
    await page.keyboard.press('Enter');
    await waitForText(page, '터미널');
    const text = await screenText(page);
    expect(text).not.toContain('\nno\n');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    await page.screenshot({ path: '/tmp/kubelab-wide-ko.png' });
    await page.context().close();
  });

  it('shows one pane at a time with tabs on a narrow screen', async () => {
    const { page } = await open('', { width: 420, height: 760 });
    expect(await page.isVisible('[data-testid=pane-terminal]')).toBe(true);
    expect(await page.isVisible('[data-testid=pane-lesson]')).toBe(false);
    await page.screenshot({ path: '/tmp/kubelab-narrow.png' });
    await page.click('#tab-lesson');
    expect(await page.isVisible('[data-testid=pane-lesson]')).toBe(true);
    expect(await page.isVisible('[data-testid=pane-terminal]')).toBe(false);
    await page.context().close();
  });
});
