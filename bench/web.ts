/**
 * The page's speed (run by `npm run bench:web`, after the build): serve dist/ on 127.0.0.1,
 * open it N times in headless Chromium and take the median of navigation → a prompt that takes
 * input (`window.__kubelabReady`), navigation → lab ready, and the editor's load; plus the
 * initial JS+CSS gzipped (what index.html pulls in, Monaco and lazy chunks excluded).
 */
import { readFile, readdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';
import { launchBrowser } from '../test/support/browser.ts';
import { serveStatic } from '../test/support/static-server.ts';

const N = Number(process.env.N ?? 15);
const dist = new URL('../dist/', import.meta.url).pathname;
const html = await readFile(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
let initialGz = 0;
for (const f of initial) initialGz += gzipSync(await readFile(join(dist, f))).length;
const all = await readdir(join(dist, 'assets'));
const site = await serveStatic(dist);
const browser = await launchBrowser();
const prompt: number[] = [];
const labReady: number[] = [];
const editor: number[] = [];
for (let i = 0; i < N; i++) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 800 } });
  const page = await context.newPage();
  await page.goto(site.url);
  await page.waitForFunction(() => (window as unknown as { __kubelabLabReady?: number }).__kubelabLabReady !== undefined);
  await page.waitForFunction(() => (window as unknown as { __kubelabEditorLoad?: number }).__kubelabEditorLoad !== undefined, undefined, { timeout: 20000 });
  const m = await page.evaluate(() => {
    const w = window as unknown as { __kubelabReady: number; __kubelabLabReady: number; __kubelabEditorLoad: number };
    return { prompt: w.__kubelabReady, lab: w.__kubelabLabReady, editor: w.__kubelabEditorLoad };
  });
  prompt.push(m.prompt);
  labReady.push(m.lab);
  editor.push(m.editor);
  await context.close();
}
await browser.close();
await site.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`initial JS+CSS (gzip, ${initial.join(', ')}): ${(initialGz / 1024).toFixed(1)} KB  (target < 150 KB; ${all.length} assets in all)`);
console.log(`prompt ready, median of ${N}: ${median(prompt).toFixed(0)} ms  (target < 300 ms)`);
console.log(`lab ready (cluster + lesson), median: ${median(labReady).toFixed(0)} ms`);
console.log(`editor load (Monaco import + schema, from first shown), median: ${median(editor).toFixed(0)} ms  (target < 1500 ms)`);
