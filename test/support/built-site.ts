/** The browser tests' shared setup: the built site (dist/) served on 127.0.0.1 and one Chromium per test file. */
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from './browser.ts';
import { serveStatic } from './static-server.ts';

const dist = new URL('../../dist/', import.meta.url).pathname;

export interface BuiltSite {
  browser: Browser;
  site: Awaited<ReturnType<typeof serveStatic>>;
}

/** Registers the hooks; the fields are set once beforeAll has run. */
export function useBuiltSite(): BuiltSite {
  const handle = {} as BuiltSite;
  beforeAll(async () => {
    handle.site = await serveStatic(dist);
    handle.browser = await launchBrowser();
  });
  afterAll(async () => {
    await handle.browser?.close();
    await handle.site?.close();
  });
  return handle;
}
