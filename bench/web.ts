/**
 * The page's speed (run by `npm run bench:web`, after the build): serve dist/ on 127.0.0.1,
 * open it N times in headless Chromium and take the median of navigation → a prompt that takes
 * input (`window.__kubelabReady`), navigation → lab ready, and the editor's load; plus the
 * initial JS+CSS gzipped (what index.html pulls in, Monaco and lazy chunks excluded).
 *
 * Then the cluster map with 200 pods behind four Services (plus the lesson's kubia): one cluster
 * update at a time (a pod relabelled out of its Service's selector, a ReplicationController scaled
 * by one), and the time from the write to the map's DOM updated, read from the map's probe
 * (`window.__kubelabMap`, see ClusterMap.svelte): "total" counts from the write, so it includes
 * the write itself (API server and controllers) and waiting for the next frame; "frame work" is
 * the map's redraw inside that frame's callback (model, layout, Svelte's DOM updates).
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
const mapFigures = await benchMap();
await browser.close();
await site.close();
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
console.log(`initial JS+CSS (gzip, ${initial.join(', ')}): ${(initialGz / 1024).toFixed(1)} KB  (target < 150 KB; ${all.length} assets in all)`);
console.log(`prompt ready, median of ${N}: ${median(prompt).toFixed(0)} ms  (target < 300 ms)`);
console.log(`lab ready (cluster + lesson), median: ${median(labReady).toFixed(0)} ms`);
console.log(`editor load (Monaco import + schema, from first shown), median: ${median(editor).toFixed(0)} ms  (target < 1500 ms)`);
const ms = (x: number) => `${x.toFixed(1)} ms`;
console.log(`map, ${mapFigures.pods} pods: first draw ${ms(mapFigures.firstDraw)}`);
console.log(
  `map, one update (${mapFigures.total.length} updates: relabel out of a selector / scale by one), write -> DOM updated: median ${ms(median(mapFigures.total))}, p95 ${ms(p95(mapFigures.total))}; ` +
    `frame work: median ${ms(median(mapFigures.work))}, p95 ${ms(p95(mapFigures.work))}  (target: within one frame, 16.7 ms)`,
);
console.log(
  `  frame work as CPU time of that frame callback (trace; ${mapFigures.cpu.length} redraws, incl. those the clock caused): median ${ms(median(mapFigures.cpu))}, p95 ${ms(p95(mapFigures.cpu))}`,
);
console.log(`  (frame work = model + layout: median ${ms(median(mapFigures.compute))}, p95 ${ms(p95(mapFigures.compute))}; the rest is Svelte updating the DOM)`);
console.log(`  (total includes the write itself, API server + controllers: median ${ms(median(mapFigures.write))}, p95 ${ms(p95(mapFigures.write))})`);

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  tdur?: number;
}

interface Probe {
  cluster: {
    api: {
      create(resource: string, namespace: string, body: unknown): unknown;
      patch(resource: string, namespace: string, name: string, type: string, patch: unknown): unknown;
      scan(resource: string, namespace?: string): { metadata: { name: string; labels?: Record<string, string> } }[];
    };
    advance(seconds: number): void;
  };
  commits: number;
  frameStart: number;
  committed: number;
  compute: number;
}

async function benchMap(): Promise<{ pods: number; firstDraw: number; write: number[]; total: number[]; work: number[]; compute: number[]; cpu: number[] }> {
  const UPDATES = Number(process.env.MAP_UPDATES ?? 30);
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.goto(site.url + '#/en/01-services-and-endpoints/1');
  await page.waitForFunction(() => (window as unknown as { __kubelabMap?: Probe }).__kubelabMap !== undefined, undefined, { timeout: 20000 });
  await page.waitForSelector('[data-testid=cluster-map] [data-id="svc/kubia"]');
  // 4 ReplicationControllers of 50 pods, each behind its own Service; time passes until they are Ready.
  const firstDraw = await page.evaluate(async () => {
    const probe = (window as unknown as { __kubelabMap: Probe }).__kubelabMap;
    const api = probe.cluster.api;
    for (const x of ['a', 'b', 'c', 'd']) {
      const labels = { app: `web-${x}` };
      api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: `web-${x}` }, spec: { selector: labels, ports: [{ port: 80, targetPort: 8080 }] } });
      api.create('replicationcontrollers', 'default', {
        apiVersion: 'v1',
        kind: 'ReplicationController',
        metadata: { name: `web-${x}` },
        spec: { replicas: 50, selector: labels, template: { metadata: { labels }, spec: { containers: [{ name: 'web', image: 'luksa/kubia' }] } } },
      });
    }
    probe.cluster.advance(120);
    const before = probe.commits;
    const t0 = performance.now();
    while (probe.commits === before) await new Promise((r) => requestAnimationFrame(r));
    return probe.committed - t0;
  });
  const pods = await page.$$eval('[data-testid=cluster-map] [data-id^="pod/"]', (els) => els.length);
  // A trace gives each frame callback's CPU time (tdur) besides its wall time: on a loaded machine
  // the wall time also counts the time other processes had the CPU.
  const cdp = await context.newCDPSession(page);
  const traceEvents: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void traceEvents.push(...(e.value as unknown as TraceEvent[])));
  const traced = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,blink.user_timing', transferMode: 'ReportEvents' });
  const write: number[] = [];
  const compute: number[] = [];
  const total: number[] = [];
  const work: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    await page.waitForTimeout(50);
    const r = await page.evaluate(async (i) => {
      const probe = (window as unknown as { __kubelabMap: Probe }).__kubelabMap;
      const api = probe.cluster.api;
      const rc = `web-${'abcd'[i % 4]}`;
      const before = probe.commits;
      const t0 = performance.now();
      if (i % 2 === 0) {
        // A pod relabelled out of its Service's selector (its ReplicationController then replaces it).
        const pod = api.scan('pods', 'default').find((p) => p.metadata.labels?.app === rc)!;
        api.patch('pods', 'default', pod.metadata.name, 'merge', { metadata: { labels: { app: `${rc}-debug` } } });
      } else {
        const cur = (api.scan('replicationcontrollers', 'default').find((x) => x.metadata.name === rc) as unknown as { spec: { replicas: number } }).spec.replicas;
        api.patch('replicationcontrollers', 'default', rc, 'merge', { spec: { replicas: i % 4 === 1 ? cur + 1 : cur - 1 } });
      }
      const written = performance.now();
      while (probe.commits === before) await new Promise((r) => requestAnimationFrame(r));
      return { write: written - t0, total: probe.committed - t0, work: probe.committed - probe.frameStart, compute: probe.compute };
    }, i);
    write.push(r.write);
    compute.push(r.compute);
    total.push(r.total);
    work.push(r.work);
  }
  await cdp.send('Tracing.end');
  await traced;
  await context.close();
  // The frame callbacks that hold a redraw's mark: their CPU time, in ms.
  const marks = traceEvents.filter((e) => e.name === 'kubelab-map-redraw').map((e) => e.ts);
  const cpu = traceEvents
    .filter((e) => e.name === 'FireAnimationFrame' && e.ph === 'X' && e.tdur !== undefined && marks.some((t) => t >= e.ts && t <= e.ts + e.dur!))
    .map((e) => e.tdur! / 1000);
  return { pods, firstDraw, write, total, work, compute, cpu };
}
