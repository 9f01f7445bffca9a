/**
 * What the page keeps and forgets: "Reset step" brings back the step's starting state, "Reset
 * lesson" the lesson's (files and terminal history included), "Reset everything" every lesson's
 * progress; a progress code exported where storage is blocked restores the lab in a fresh browser.
 */
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';

const lab = useBuiltSite();
const LESSON = '01-services-and-endpoints';
const PROMPT = 'learner@kubelab:~$';

const labReady = (page: Page) => page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined, undefined, { timeout: 20000 });
const rows = (page: Page) => page.$$eval('[data-testid=terminal] .xterm-rows > div', (els) => els.map((r) => r.textContent!.trimEnd()));

/** Clear the screen, run the command, and return the screen once the prompt is back. */
async function run(page: Page, command: string): Promise<string> {
  await page.click('[data-testid=terminal]');
  await page.keyboard.press('Control+l');
  await page.waitForFunction((p) => (document.querySelector('[data-testid=terminal] .xterm-rows > div')?.textContent ?? '').trimEnd() === p, PROMPT);
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
  await page.waitForFunction(
    (p) => {
      const lines = [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).filter((l) => l !== '');
      return lines.length >= 2 && lines[lines.length - 1] === p;
    },
    PROMPT,
    { timeout: 10000 },
  );
  return (await rows(page)).filter((l) => l !== '').join('\n');
}

async function reset(page: Page, what: 'step' | 'lesson' | 'all') {
  if (!(await page.isVisible(`[data-testid=reset-${what}]`))) await page.click('[data-testid=lesson] details.tools > summary');
  await page.click(`[data-testid=reset-${what}]`);
  await page.click('[data-testid=confirm-yes]');
}

const stepTitle = (page: Page, prefix: string) => page.waitForFunction((p) => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith(p), prefix, { timeout: 15000 });

async function newPage(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { page, errors };
}

describe('progress', () => {
  it('resets the step, the lesson and everything', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const { page, errors } = await newPage(context);
    // Some progress in lesson 02 first, to see "everything" go.
    await page.goto(`${lab.site.url}#/en/02-service-without-selector`);
    await labReady(page);
    await run(page, 'echo other lesson');
    await page.evaluate((l) => (location.hash = `#/en/${l}/1`), LESSON);
    await stepTitle(page, 'Step 1/');
    expect(await run(page, 'kubectl get svc kubia')).toMatch(/kubia\s+ClusterIP/);

    // Reset step: the Service deleted in this step is back.
    expect(await run(page, 'kubectl delete svc kubia')).toContain('service "kubia" deleted');
    await reset(page, 'step');
    await page.waitForFunction(() => !document.querySelector('[data-testid=confirm-yes]'));
    await expect.poll(() => run(page, 'kubectl get svc kubia')).toMatch(/kubia\s+ClusterIP/);
    await stepTitle(page, 'Step 1/');

    // Reset lesson: from step 2 with a file of the learner's and a deleted Service, back to step 1
    // with neither change, and no history on the arrows.
    await page.click('[data-testid=skip]');
    await stepTitle(page, 'Step 2/');
    await run(page, 'echo mine > mine.txt');
    await page.waitForSelector('[data-testid=editor] [role=tab]:has-text("mine.txt")');
    await run(page, 'kubectl delete svc kubia');
    await reset(page, 'lesson');
    await stepTitle(page, 'Step 1/');
    await page.waitForSelector('[data-testid=editor] [role=tab]:has-text("mine.txt")', { state: 'detached' });
    expect(await run(page, 'ls')).not.toContain('mine.txt');
    expect(await run(page, 'kubectl get svc kubia')).toMatch(/kubia\s+ClusterIP/);
    await page.keyboard.press('Control+l');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.waitForFunction((p) => (document.querySelector('[data-testid=terminal] .xterm-rows > div')?.textContent ?? '').trimEnd() === `${p} ls`, PROMPT);
    await page.keyboard.press('Control+u');

    // Reset everything: lesson 02's progress goes too; the language setting stays.
    const saved = () => page.evaluate(() => Object.keys(localStorage).filter((k) => /:(lesson|sandbox):/.test(k)).sort());
    expect(await saved()).toEqual([`kubelab:v1:lesson:${LESSON}`, 'kubelab:v1:lesson:02-service-without-selector']);
    await page.selectOption('[data-testid=lang]', 'ko');
    await reset(page, 'all');
    await expect.poll(saved).toEqual([`kubelab:v1:lesson:${LESSON}`]);
    await stepTitle(page, '단계 1/');
    await page.reload();
    await labReady(page);
    await stepTitle(page, '단계 1/');
    expect(await page.getAttribute('html', 'lang')).toBe('ko');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports a progress code where storage is blocked and restores it in a fresh browser', async () => {
    // Storage throws, as in a third-party frame with storage blocked: the lab runs in memory.
    const blocked = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('Access is denied for this document.', 'SecurityError');
        },
      });
    });
    const first = await newPage(blocked);
    await first.page.goto(`${lab.site.url}#/en/${LESSON}/1`);
    await labReady(first.page);
    expect(await first.page.textContent('[data-testid=notice]')).toContain('kept in memory only');
    await first.page.click('[data-testid=skip]');
    await stepTitle(first.page, 'Step 2/');
    await run(first.page, 'kubectl label svc kubia team=blue');
    await run(first.page, 'echo from the frame > note.txt');
    await first.page.click('[data-testid=lesson] details.tools > summary');
    await first.page.click('[data-testid=export]');
    await first.page.waitForFunction(() => ((document.querySelector('[data-testid=progress-code]') as HTMLTextAreaElement | null)?.value ?? '').length > 20);
    const code = await first.page.inputValue('[data-testid=progress-code]');
    expect(first.errors).toEqual([]);
    await blocked.close();

    // Another browser, nothing saved: import the code.
    const fresh = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const second = await newPage(fresh);
    await second.page.goto(`${lab.site.url}#/en/${LESSON}`);
    await labReady(second.page);
    await stepTitle(second.page, 'Step 1/');
    await second.page.click('[data-testid=lesson] details.tools > summary');
    await second.page.click('[data-testid=import]');
    await second.page.fill('[data-testid=import-code]', 'not a code');
    await second.page.click('[data-testid=lesson] form.code button[type=submit]');
    await second.page.waitForSelector('[data-testid=lesson] form.code [role=alert]');
    await second.page.fill('[data-testid=import-code]', code);
    await second.page.click('[data-testid=lesson] form.code button[type=submit]');
    await second.page.waitForFunction(() => [...document.querySelectorAll('[data-testid=notice]')].some((n) => n.textContent?.includes('Progress restored')));
    await stepTitle(second.page, 'Step 2/');
    expect((await run(second.page, 'kubectl get svc kubia -o name --show-labels -o custom-columns=L:.metadata.labels.team'))).toMatch(/^blue$/m);
    expect(await run(second.page, 'cat note.txt')).toContain('from the frame');
    // The history came along.
    await second.page.keyboard.press('Control+l');
    await second.page.keyboard.press('ArrowUp');
    await second.page.keyboard.press('ArrowUp');
    await second.page.keyboard.press('ArrowUp');
    await second.page.waitForFunction((p) => (document.querySelector('[data-testid=terminal] .xterm-rows > div')?.textContent ?? '').trimEnd() === `${p} echo from the frame > note.txt`, PROMPT);
    // And it is saved in this browser now: a reload keeps it.
    await second.page.waitForFunction((l) => (localStorage.getItem(`kubelab:v1:lesson:${l}`) ?? '').includes('from the frame'), LESSON);
    await second.page.reload();
    await labReady(second.page);
    await stepTitle(second.page, 'Step 2/');
    expect(await run(second.page, 'cat note.txt')).toContain('from the frame');
    expect(second.errors).toEqual([]);
    await fresh.close();
  });
});
