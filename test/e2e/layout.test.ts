/**
 * The page's settings and layout in a real Chromium: the language follows the browser until the
 * learner picks one, which is remembered; the theme follows the system (live) until the learner
 * picks one; panes resize by dragging a splitter or from the keyboard, and keep their size; the
 * terminal's screen-reader mode switches on and off.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { labReady, openLab } from '../support/lab-page.ts';

const lab = useBuiltSite();

const theme = (page: Page) => page.getAttribute('.app', 'data-theme');
const paneWidth = (page: Page, pane: string) => page.$eval(`[data-testid=pane-${pane}]`, (el) => el.getBoundingClientRect().width);

describe('settings and layout', () => {
  it('takes the language from the browser, switches it and remembers the choice', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url, { viewport: { width: 1400, height: 900 }, locale: 'ko-KR' }, 'lab');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(await page.inputValue('[data-testid=lang]')).toBe('ko');
    await page.waitForSelector('[data-testid=step-title]');
    expect(await page.textContent('[data-testid=step-title]')).toMatch(/^단계 1\//);
    expect(new URL(page.url()).hash).toMatch(/^#\/ko\//);
    await page.screenshot({ path: '/tmp/kubelab-wide-ko-light.png' });
    // English, at once, in the address too.
    await page.selectOption('[data-testid=lang]', 'en');
    await page.waitForFunction(() => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith('Step 1/'));
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(new URL(page.url()).hash).toMatch(/^#\/en\//);
    // Remembered: a new visit without a language in the address stays English in a Korean browser.
    const again = await context.newPage();
    await again.goto(lab.site.url);
    await labReady(again);
    await again.waitForSelector('[data-testid=step-title]');
    expect(await again.getAttribute('html', 'lang')).toBe('en');
    expect(await again.textContent('[data-testid=step-title]')).toMatch(/^Step 1\//);
    // A link naming a language wins over the remembered one.
    await again.goto(lab.site.url + '#/ko/01-services-and-endpoints/2');
    await again.reload();
    await labReady(again);
    await again.waitForFunction(() => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith('단계 2/'));
    expect(errors).toEqual([]);
    await context.close();
  });

  it('follows the system theme until one is picked; resizes panes by mouse and keyboard; switches screen-reader mode', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/01-services-and-endpoints/1', { viewport: { width: 1400, height: 900 }, locale: 'en-US', colorScheme: 'dark' }, 'lab');
    // The system's scheme, followed as it changes.
    expect(await theme(page)).toBe('dark');
    expect(await page.inputValue('[data-testid=theme]')).toBe('auto');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.querySelector('.app')?.getAttribute('data-theme') === 'light');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid=terminal] .xterm-rows')!).color === 'rgb(31, 35, 48)');
    // Picked: it stays whatever the system does, and after a reload.
    await page.selectOption('[data-testid=theme]', 'dark');
    expect(await theme(page)).toBe('dark');
    // The terminal's own colours follow (its text too, drawn by xterm, not by the page's CSS).
    await page.waitForFunction(() => getComputedStyle(document.querySelector('[data-testid=terminal] .xterm-rows')!).color === 'rgb(228, 230, 240)');
    expect(await page.$eval('[data-testid=terminal] .xterm-viewport', (el) => getComputedStyle(el).backgroundColor)).toBe('rgb(30, 30, 46)');

    // Drag the splitter between the lesson and the terminal 140 px to the right.
    const splitter = page.locator('[role=separator]').first();
    const before = { lesson: await paneWidth(page, 'lesson'), value: Number(await splitter.getAttribute('aria-valuenow')) };
    const box = (await splitter.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 70, box.y + box.height / 2, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2 + 140, box.y + box.height / 2, { steps: 4 });
    await page.mouse.up();
    const dragged = await paneWidth(page, 'lesson');
    expect(Math.abs(dragged - before.lesson - 140)).toBeLessThan(8);
    const afterDrag = Number(await splitter.getAttribute('aria-valuenow'));
    expect(afterDrag).toBeGreaterThan(before.value);
    // From the keyboard: a focusable separator (in the Tab order), arrows move it 2 %, Shift+arrows 10 %.
    expect(await splitter.getAttribute('tabindex')).toBe('0');
    await splitter.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Shift+ArrowLeft');
    await expect.poll(async () => Number(await splitter.getAttribute('aria-valuenow'))).toBe(afterDrag - 12);
    const keyed = await paneWidth(page, 'lesson');
    expect(keyed).toBeLessThan(dragged);

    // Screen-reader mode: xterm's accessibility tree (the screen's rows as a list, a live region) appears and goes.
    expect(await page.$('[data-testid=terminal] .xterm-accessibility')).toBeNull();
    await page.check('[data-testid=screen-reader]');
    await page.waitForSelector('[data-testid=terminal] .xterm-accessibility [role=list]', { state: 'attached' });
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('echo read me aloud');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid=terminal] .xterm-accessibility [role=listitem]')].some((r) => r.textContent === 'read me aloud'));

    // Theme, pane size and screen-reader mode are all kept.
    await page.waitForFunction(() => JSON.parse(localStorage.getItem('kubelab:settings') ?? '{}').screenReader === true);
    await page.reload();
    await labReady(page);
    expect(await theme(page)).toBe('dark');
    expect(Number(await page.locator('[role=separator]').first().getAttribute('aria-valuenow'))).toBe(afterDrag - 12);
    expect(Math.abs((await paneWidth(page, 'lesson')) - keyed)).toBeLessThan(2);
    expect(await page.isChecked('[data-testid=screen-reader]')).toBe(true);
    await page.waitForSelector('[data-testid=terminal] .xterm-accessibility [role=list]', { state: 'attached' });
    await page.uncheck('[data-testid=screen-reader]');
    await page.waitForSelector('[data-testid=terminal] .xterm-accessibility', { state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
