/**
 * Accessibility of the page in both themes: axe-core's WCAG AA colour-contrast rule and its label
 * rules (every control and pane named), and the keyboard: Tab reaches every part of the page
 * (terminal and editor included, each with a way back out) with a visible focus indicator.
 */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';

const lab = useBuiltSite();
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const RULES = ['color-contrast', 'label', 'button-name', 'select-name', 'link-name', 'input-button-name', 'aria-input-field-name', 'aria-toggle-field-name', 'frame-title', 'region'];

async function openLab(page: Page, query: string) {
  await page.goto(lab.site.url + query);
  await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined, undefined, { timeout: 20000 });
  await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 20000 });
  await page.waitForSelector('[data-testid=cluster-map] [data-id="svc/kubia"]');
}

async function axe(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(async (rules) => {
    const w = window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: { id: string; nodes: { target: string[]; failureSummary: string }[] }[] }> } };
    return w.axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
  }, RULES.filter((r) => r !== 'region'));
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}: ${n.failureSummary.replace(/\s+/g, ' ')}`));
}

describe('accessibility', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`meets WCAG AA contrast and names every control in the ${theme} theme`, async () => {
      const context = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
      const page = await context.newPage();
      await openLab(page, `?theme=${theme}#/en/01-services-and-endpoints/1`);
      // Some output in the terminal, so its colours are checked too.
      await page.click('[data-testid=terminal]');
      await page.keyboard.type('kubectl get svc');
      await page.keyboard.press('Enter');
      await page.waitForFunction(() => (document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent ?? '').includes('ClusterIP'));
      await page.screenshot({ path: `/tmp/kubelab-wide-${theme}.png` });
      expect(await axe(page)).toEqual([]);
      await context.close();
    });
  }

  it('reaches every part of the page with Tab, with a visible focus', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    await openLab(page, '#/en/01-services-and-endpoints/1');
    // Styles change at once, so a focused element can be compared with itself unfocused.
    await page.addStyleTag({ content: '*, *::before, *::after { transition: none !important; animation: none !important; }' });
    // The ways out: Escape then Tab leaves the terminal; Ctrl+M then Tab the editor (Monaco's
    // tab-focus mode stays on for the walk below).
    const focusIn = () => page.evaluate(() => document.activeElement?.closest('[data-testid^=pane-]')?.getAttribute('data-testid'));
    await page.click('[data-testid=terminal]');
    await page.keyboard.press('Tab');
    expect(await focusIn()).toBe('pane-terminal');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    expect(await focusIn()).not.toBe('pane-terminal');
    await page.click('[data-testid=monaco-host] .view-lines');
    await page.keyboard.press('Tab');
    expect(await focusIn()).toBe('pane-editor');
    await page.keyboard.press('Control+m');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'))).toBe(false);
    const seen: string[] = [];
    const invisible: string[] = [];
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return undefined;
        const s = getComputedStyle(el);
        // An outline or a shadow; the map's SVG boxes change their border instead (compared with
        // the same box unfocused).
        let visible = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
        const rect = el instanceof SVGElement ? el.querySelector('rect') : null;
        if (!visible && rect) {
          const look = () => `${getComputedStyle(rect).stroke} ${getComputedStyle(rect).strokeWidth}`;
          const focused = look();
          el.blur();
          visible = look() !== focused;
          el.focus();
        }
        const where = el.closest('[data-testid^=pane-]')?.getAttribute('data-testid') ?? (el.closest('header') ? 'header' : 'page');
        const name = el.getAttribute('aria-label') ?? el.getAttribute('data-testid') ?? el.textContent?.trim().slice(0, 30) ?? '';
        return { key: `${where}|${el.tagName.toLowerCase()}|${(el.getAttribute('class') ?? '').split(' ')[0]}|${name}`, visible, monaco: !!el.closest('.monaco-editor') };
      });
      if (!f) continue;
      if (!seen.includes(f.key)) seen.push(f.key);
      // Monaco draws its own focus (a cursor and a border on the editor), xterm its cursor.
      if (!f.visible && !f.monaco && !f.key.includes('xterm-helper-textarea')) invisible.push(f.key);
      if (f.key.includes('xterm-helper-textarea')) {
        // Tab completes in the terminal; Escape then Tab leaves it.
        await page.keyboard.press('Escape');
      }
    }
    const has = (re: RegExp) => seen.some((k) => re.test(k));
    expect(has(/\|select\|.*Language/), 'language select').toBe(true);
    expect(has(/pane-lesson\|button/), 'lesson buttons').toBe(true);
    expect(has(/pane-terminal\|textarea\|xterm-helper-textarea/), 'terminal').toBe(true);
    expect(has(/pane-map\|button/), 'map').toBe(true);
    expect(has(/pane-editor\|button\|.*apply/), 'editor Apply').toBe(true);
    expect(has(/pane-editor\|(textarea|div\|native-edit-context)/), 'the editor itself').toBe(true);
    expect(invisible).toEqual([]);
    await context.close();
  });
});
