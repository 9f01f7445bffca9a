/**
 * `kubectl edit` in the page: the object opens in the editor under kubectl's header comment;
 * saving applies it (`service/kubia edited`); an edit the API server rejects comes back, as the
 * real kubectl reopens its editor, with the reasons in the comment block at the top
 * (pkg/cmd/util/editor/editoptions.go: editHeader.writeTo, editResults.addError).
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';

const lab = useBuiltSite();

const terminalText = (page: Page) => page.$eval('[data-testid=terminal] .xterm-rows', (el) => [...el.children].map((r) => r.textContent!.trimEnd()).join('\n'));
const waitForTerminal = (page: Page, text: string) =>
  page
    .waitForFunction((t) => [...(document.querySelector('[data-testid=terminal] .xterm-rows')?.children ?? [])].map((r) => r.textContent!.trimEnd()).join('\n').includes(t), text, { timeout: 10000 })
    .catch(async (e) => {
      await page.screenshot({ path: '/tmp/kubelab-edit-fail.png' });
      throw e;
    });
/** The editor's visible lines, top to bottom (Monaco positions them absolutely and uses no-break spaces). */
const editorText = (page: Page) =>
  page.$$eval('[data-testid=monaco-host] .view-line', (lines) =>
    lines
      .map((l) => ({ top: parseFloat((l as HTMLElement).style.top), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n'),
  );
const waitForEditor = (page: Page, text: string) =>
  page.waitForFunction(
    (t) =>
      [...document.querySelectorAll('[data-testid=monaco-host] .view-line')]
        .map((l) => ({ top: parseFloat((l as HTMLElement).style.top), text: (l.textContent ?? '').replace(/\u00a0/g, ' ') }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text)
        .join('\n')
        .includes(t),
    text,
    { timeout: 15000 },
  );

/** Find `from` with Monaco's find widget (which selects the match), close it, type `to` over the selection. */
async function replaceInEditor(page: Page, from: string, to: string) {
  await page.click('[data-testid=monaco-host] .view-lines');
  await page.keyboard.press('Control+Home');
  await page.keyboard.press('Control+f');
  await page.keyboard.type(from);
  await page.keyboard.press('Escape');
  await page.keyboard.type(to);
}

describe('kubectl edit', () => {
  it('opens the object in the editor, applies a saved edit, and reopens a rejected one with the reasons on top', async () => {
    const context = await lab.browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(lab.site.url + '?panes=terminal,editor#/en/01-services-and-endpoints/1');
    await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined, undefined, { timeout: 20000 });
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl edit svc kubia');
    await page.keyboard.press('Enter');
    // The object, under kubectl's header, in a tab of its own.
    await page.waitForSelector('[data-testid=edit-save]');
    await waitForEditor(page, "# Please edit the object below. Lines beginning with a '#' will be ignored,");
    await waitForEditor(page, 'kind: Service');
    expect(await page.textContent('[data-testid=editor] [role=tab][aria-selected=true]')).toMatch(/^\/tmp\/kubectl-edit-\d+\.yaml$/);
    await replaceInEditor(page, '- port: 80', '- port: 81');
    await page.click('[data-testid=edit-save]');
    await waitForTerminal(page, 'service/kubia edited');
    expect(await page.$('[data-testid=edit-save]')).toBeNull();
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc kubia');
    await page.keyboard.press('Enter');
    await waitForTerminal(page, '81/TCP');

    // A port out of range: the API server says Invalid, the file comes back with the reasons.
    await page.keyboard.type('kubectl edit svc kubia');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=edit-save]');
    await waitForEditor(page, '- port: 81');
    await replaceInEditor(page, '- port: 81', '- port: 70000');
    await page.click('[data-testid=edit-save]');
    await waitForTerminal(page, 'error: services "kubia" is invalid');
    await waitForEditor(page, '# services "kubia" was not valid:');
    const reopened = await editorText(page);
    expect(reopened.split('\n').slice(0, 7)).toEqual([
      "# Please edit the object below. Lines beginning with a '#' will be ignored,",
      '# and an empty file will abort the edit. If an error occurs while saving this file will be',
      '# reopened with the relevant failures.',
      '#',
      '# services "kubia" was not valid:',
      '# * spec.ports[0].port: Invalid value: 70000: must be between 1 and 65535, inclusive',
      '#',
    ]);
    expect(reopened).toContain('- port: 70000');
    await page.screenshot({ path: '/tmp/kubelab-edit-rejected.png' });
    // Giving up: Cancel ends the edit as closing the editor unsaved does.
    await page.click('[data-testid=editor] button:has-text("Cancel")');
    await waitForTerminal(page, 'Edit cancelled, no changes made.');
    expect(await terminalText(page)).not.toContain('70000/TCP');
    expect(errors).toEqual([]);
    await context.close();
  });
});
