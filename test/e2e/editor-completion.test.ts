/**
 * Completion and hover from the Kubernetes schema in the page's editor (Monaco + monaco-yaml's
 * worker): the suggest widget opens with the schema's fields and enum values, Tab takes the
 * chosen item, Enter always starts a new line.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { editorText, openInEditor, openLab, typeInTerminal } from '../support/lab-page.ts';

const lab = useBuiltSite();

const suggestions = async (page: Page) => {
  await page.waitForSelector('[data-testid=monaco-host] .suggest-widget.visible .monaco-list-row', { timeout: 15000 });
  return page.$$eval('[data-testid=monaco-host] .suggest-widget.visible .monaco-list-row .label-name', (els) => els.map((e) => e.textContent!.trim()));
};
const suggestClosed = (page: Page) => page.waitForSelector('[data-testid=monaco-host] .suggest-widget.visible', { state: 'detached', timeout: 5000 }).catch(() =>
  page.waitForSelector('[data-testid=monaco-host] .suggest-widget.visible', { state: 'hidden', timeout: 5000 }));

describe('editor completion from the schema', () => {
  it('offers kinds, fields and enum values; Tab takes one, Enter makes a new line; hover names the field', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url);
    await typeInTerminal(page, 'touch svc.yaml');
    await openInEditor(page, 'svc.yaml');

    // An empty file: Ctrl+Space offers a start for each kind.
    await page.keyboard.press('Control+Space');
    const starts = await suggestions(page);
    expect(starts).toEqual(expect.arrayContaining(['ConfigMap (v1)', 'Deployment (apps/v1)', 'Endpoints (v1)']));
    await page.keyboard.type('Service');
    expect((await suggestions(page)).slice(0, 2)).toEqual(['Service (v1)', 'ServiceAccount (v1)']);
    await page.keyboard.press('Tab');
    await page.waitForFunction(() => document.querySelector('[data-testid=monaco-host] .view-lines')?.textContent?.includes('kind:\u00a0Service'));
    expect(await editorText(page)).toBe('apiVersion: v1\nkind: Service');

    // Enter after a line starts a new one even with the widget open; typing a field name offers it.
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('spe');
    expect(await suggestions(page)).toEqual(['spec']);
    await page.keyboard.press('Tab');
    await page.keyboard.type(':');
    await page.keyboard.press('Enter'); // Monaco indents the line after `spec:`
    await page.keyboard.type('ty');
    expect(await suggestions(page)).toContain('type');
    await page.keyboard.press('Escape');
    await page.keyboard.type('pe: ');
    // The space after `type:` triggers the values of the enum.
    expect(await suggestions(page)).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    await page.screenshot({ path: '/tmp/kubelab-editor-suggest.png' });
    await page.keyboard.type('Ext');
    await page.keyboard.press('Tab');
    await suggestClosed(page);
    expect(await editorText(page)).toBe('apiVersion: v1\nkind: Service\nspec:\n  type: ExternalName');

    // Enter with the widget open is a new line, not the suggestion.
    await page.keyboard.press('Enter');
    await page.keyboard.type('ext');
    expect(await suggestions(page)).toContain('externalName');
    await page.keyboard.press('Enter');
    await suggestClosed(page);
    expect(await editorText(page)).toBe('apiVersion: v1\nkind: Service\nspec:\n  type: ExternalName\n  ext\n');

    // Hover over `type` shows the field with its type, as kubectl explain names it, and its description.
    const typeKey = page.locator('[data-testid=monaco-host] .view-line span', { hasText: /^type:?$/ }).first();
    await typeKey.hover();
    const hover = page.locator('.monaco-hover-content');
    await hover.first().waitFor({ timeout: 15000 });
    expect(await hover.first().textContent()).toContain('type <string>');
    expect(await hover.first().textContent()).toContain('type determines how the Service is exposed');
    await page.screenshot({ path: '/tmp/kubelab-editor-hover.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
