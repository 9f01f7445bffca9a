/**
 * The built site works offline after the first visit (static/sw.js), editor included (Monaco's
 * chunks, its YAML language chunk and the schema worker), and reloads still get fresh pages.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { labReady, openLab } from '../support/lab-page.ts';

const lab = useBuiltSite();

// static/sw.js stores precache.json last, once every built file is in the cache.
const fullyCached = (page: Page) =>
  page.waitForFunction(async () => {
    for (const name of await caches.keys()) if (await (await caches.open(name)).match('./precache.json')) return true;
    return false;
  }, undefined, { timeout: 30000, polling: 200 });

describe('offline', () => {
  it('reloads with the service worker in control, then works with the network off', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/01-services-and-endpoints/1', { viewport: { width: 1400, height: 800 }, locale: 'en-US' }, 'lab');
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15000 });
    await fullyCached(page);
    // An online reload through the worker: the page is as before.
    await page.reload();
    await labReady(page);
    await page.waitForSelector('[data-testid=cluster-map] [data-id="svc/kubia"]');
    // Offline: everything comes from the cache.
    // The server goes away (Playwright's setOffline also cuts dedicated workers off from the
    // service worker, which a real offline browser does not).
    lab.site.server.closeAllConnections();
    await lab.site.close();
    await page.reload();
    await labReady(page);
    await page.waitForSelector('[data-testid=cluster-map] [data-id="svc/kubia"]');
    await page.click('[data-testid=terminal]');
    await page.keyboard.type('kubectl get svc kubia');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /kubia\s+ClusterIP/.test(document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent ?? ''), undefined, { timeout: 8000 });
    // The editor, offline: a YAML file from the shell opens, and the schema worker flags it
    // (apiVersion is missing: a warning), so the language chunk and the worker came from the cache.
    await page.keyboard.type('echo "kind: Service" > offline.yaml');
    await page.keyboard.press('Enter');
    await page.click('[data-testid=editor] [role=tab]:has-text("offline.yaml")');
    await page.waitForFunction(() => (window as unknown as { __kubelabEditorReady?: number }).__kubelabEditorReady !== undefined, undefined, { timeout: 15000 });
    await page.waitForSelector('[data-testid=monaco-host] .squiggly-warning, [data-testid=monaco-host] .squiggly-error', { timeout: 15000 });
    await page.screenshot({ path: '/tmp/kubelab-offline.png' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
