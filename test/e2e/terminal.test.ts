/** The page in a real Chromium: it loads, the terminal takes a command and prints kubectl's output. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../support/browser.ts';
import { serveStatic } from '../support/static-server.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;
let browser: Browser;
let site: Awaited<ReturnType<typeof serveStatic>>;

beforeAll(async () => {
  site = await serveStatic(dist);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

describe('terminal in the page', () => {
  it('runs kubectl get svc and shows the table', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(site.url);
    await page.waitForSelector('.xterm-rows');
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('.xterm-rows')?.textContent?.includes('CLUSTER-IP'));
    const text = await page.$eval('.xterm-rows', (el) => [...el.children].map((r) => r.textContent).join('\n'));
    expect(text).toMatch(/NAME\s+TYPE\s+CLUSTER-IP\s+EXTERNAL-IP\s+PORT\(S\)\s+AGE/);
    expect(text).toMatch(/kubernetes\s+ClusterIP\s+10\.96\.0\.1\s+<none>\s+443\/TCP/);
    expect(errors).toEqual([]);
    await page.close();
  });
});
