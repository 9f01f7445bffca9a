/** The cluster map in the page: fed by the lesson's cluster, follows back/skip, shows an object's YAML and describe. */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../support/built-site.ts';
import { labReady, openLab, typeInTerminal } from '../support/lab-page.ts';

const lab = useBuiltSite();

const box = (id: string) => `[data-testid=cluster-map] [data-id="${id}"]`;
const count = (page: Page, sel: string) => page.$$eval(sel, (els) => els.length);

describe('cluster map', () => {
  it('shows the Service, its EndpointSlice and pods, opens YAML and describe, and follows the lesson going back', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/01-services-and-endpoints/1', { viewport: { width: 1400, height: 900 }, locale: 'en-US' }, 'lab');
    // The lesson's setup applied a Service with a selector and a ReplicationController of 3 pods.
    await page.waitForSelector(box('svc/kubia'));
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster-map] [data-id^="pod/kubia-"]').length === 3);
    expect(await count(page, '[data-testid=cluster-map] [data-id^="eps/kubia-"]')).toBe(1);
    expect(await count(page, '[data-testid=cluster-map] [data-id="ep/kubia"]')).toBe(1);
    expect(await page.isVisible('[data-testid=pane-map]')).toBe(true);

    await page.click(box('svc/kubia'));
    await page.waitForSelector('[data-testid=map-details]');
    const yaml = await page.textContent('[data-testid=map-details-text]');
    expect(yaml).toMatch(/kind: Service|"kind": "Service"/);
    expect(yaml).toContain('kubia');
    await page.click('[data-testid=map-details] [role=tab]:has-text("describe")');
    expect(await page.textContent('[data-testid=map-details-text]')).toMatch(/^Name:\s+kubia$/m);
    expect(await page.textContent('[data-testid=map-details-text]')).toMatch(/^Selector:\s+app=kubia$/m);
    await page.screenshot({ path: '/tmp/kubelab-map.png' });

    // Skip then Back: the lesson replaces its shell and cluster; the map follows the new one.
    await page.click('button:has-text("Skip")');
    await page.waitForFunction(() => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith('Step 2/'));
    await page.click('button:has-text("Back")');
    await page.waitForFunction(() => document.querySelector('[data-testid=step-title]')?.textContent?.startsWith('Step 1/'));
    await page.waitForSelector(box('svc/kubia'));
    expect(await page.$('[data-testid=map-details]')).toBeNull();
    await typeInTerminal(page, 'kubectl delete svc kubia');
    await page.waitForSelector(box('svc/kubia'), { state: 'detached', timeout: 8000 });
    // The pods stay: only the Service (and its endpoints) went.
    expect(await count(page, '[data-testid=cluster-map] [data-id^="pod/kubia-"]')).toBe(3);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the external IPs of a selector-less Service with hand-made Endpoints, in a tab on a narrow screen', async () => {
    // Step 3 starts after the Service without a selector and its hand-made Endpoints exist.
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/ko/02-service-without-selector/3', { viewport: { width: 700, height: 800 }, locale: 'ko-KR' }, 'lab');
    expect(await page.isVisible('[data-testid=pane-map]')).toBe(false);
    await page.click('#tab-map');
    expect(await page.isVisible('[data-testid=pane-map]')).toBe(true);
    await page.waitForSelector(box('svc/external-service'));
    await page.waitForSelector(box('ext/11.11.11.11'));
    await page.waitForSelector(box('ext/22.22.22.22'));
    expect(await page.textContent('[data-testid=pane-map] h2')).toBe('클러스터 맵');
    await page.screenshot({ path: '/tmp/kubelab-map-external.png' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('marks the endpoint kube-proxy picked for a curl through the Service, then lets the mark go', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/01-services-and-endpoints/1', { viewport: { width: 1400, height: 900 }, locale: 'en-US' }, 'lab');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=cluster-map] [data-id^="pod/kubia-"]').length === 3);
    const pods = await page.$$eval('[data-testid=cluster-map] [data-id^="pod/kubia-"]', (els) => els.map((e) => e.getAttribute('data-id')!.slice(4)));
    expect(await count(page, '[data-testid=cluster-map] .picked')).toBe(0);
    await typeInTerminal(page, `kubectl exec ${pods[0]} -- curl -s http://kubia`);
    await page.waitForFunction(() => /You've hit kubia-\w+/.test(document.querySelector('[data-testid=terminal] .xterm-rows')?.textContent ?? ''), undefined, { timeout: 8000 });
    const hit = (await page.textContent('[data-testid=terminal] .xterm-rows'))!.match(/You've hit (kubia-[a-z0-9]{5})/)![1];
    expect(pods).toContain(hit);
    // The pod that answered is the one marked, and only it: Service -> slice and Endpoints -> that pod.
    await page.waitForSelector(`${box(`pod/${hit}`)}.picked`);
    expect(await page.$$eval('[data-testid=cluster-map] .box.pod.picked', (els) => els.map((e) => e.getAttribute('data-id')))).toEqual([`pod/${hit}`]);
    expect(await count(page, `${box('svc/kubia')}.picked`)).toBe(1);
    const edges = await page.$$eval('[data-testid=cluster-map] .edge.picked', (els) => els.map((e) => e.getAttribute('data-edge')!));
    expect(edges).toContain(`ep/kubia>pod/${hit}`);
    expect(edges.some((e) => /^eps\/kubia-\w+>pod\//.test(e) && e.endsWith(`>pod/${hit}`))).toBe(true);
    expect(edges.every((e) => e.startsWith('svc/kubia>') || e.endsWith(`>pod/${hit}`))).toBe(true);
    expect(await page.textContent('[data-testid=map-path]')).toContain(`pod ${hit}`);
    // A few seconds later the mark is gone.
    await page.waitForSelector('[data-testid=cluster-map] .picked', { state: 'detached', timeout: 15000 });
    expect(await page.textContent('[data-testid=map-path]')).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('animates the lesson 3 changes: a selector added (managed), pods joining, the selector removed (stale); no motion when asked for less', async () => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/03-adding-and-removing-a-selector/1', { viewport: { width: 1400, height: 900 }, locale: 'en-US', reducedMotion }, 'lab');
      // Hand-made Endpoints: drawn dashed, no arrow to any pod.
      await page.waitForSelector(`${box('ep/external-service')}.hand-made`);
      expect(await count(page, '[data-testid=cluster-map] [data-edge^="ep/external-service>pod/"]')).toBe(0);
      const type = (line: string) => typeInTerminal(page, line);

      await type('kubectl set selector svc external-service app=kubia');
      // The endpoints controller takes the Endpoints over: restyled as managed, arrows to the pods draw in.
      await page.waitForSelector(`${box('ep/external-service')}.managed.restyled`);
      await page.waitForSelector('[data-testid=cluster-map] .edge.entering[data-edge^="ep/external-service>pod/kubia-"]');
      const animation = () =>
        page.$eval(`${box('ep/external-service')} rect`, (r) => getComputedStyle(r).animationName);
      const drawIn = () =>
        page.$eval('[data-testid=cluster-map] .edge.entering[data-edge^="ep/external-service>pod/kubia-"] path', (p) => getComputedStyle(p).animationName);
      if (reducedMotion === 'reduce') {
        expect(await animation()).toBe('none');
        expect(await drawIn()).toBe('none');
      } else {
        expect(await animation()).toMatch(/restyle/);
        expect(await drawIn()).toMatch(/draw-in/);
      }
      expect(await count(page, '[data-testid=map-stale] li')).toBe(0);

      await type(`kubectl patch svc external-service -p '{"spec":{"selector":null}}'`);
      // Nobody updates the Endpoints any more: the map says so.
      await page.waitForSelector(`${box('ep/external-service')}.stale`);
      expect(await page.textContent('[data-testid=map-stale]')).toContain('ep/external-service is no longer updated: its Service has no selector.');
      expect(await page.getAttribute(box('ep/external-service'), 'aria-label')).toBe('ep/external-service Endpoints · no longer updated');

      if (reducedMotion === 'no-preference') {
        // New pods join no endpoints now: they enter the map without an arrow.
        const before = await count(page, '[data-testid=cluster-map] [data-id^="pod/kubia-"]');
        await type('kubectl scale rc kubia --replicas=5');
        await page.waitForFunction((n) => document.querySelectorAll('[data-testid=cluster-map] [data-id^="pod/kubia-"]').length === n + 2, before);
        const fresh = await page.$$eval('[data-testid=cluster-map] .box.pod.entering', (els) => els.map((e) => e.getAttribute('data-id')!));
        expect(fresh).toHaveLength(2);
        for (const id of fresh) expect(await count(page, `[data-testid=cluster-map] [data-edge$=">${id}"]`)).toBe(0);
        await page.screenshot({ path: '/tmp/kubelab-map-stale.png' });
      }
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('draws the seed\'s states readably: no box over another, every name fits its box, on a wide and a phone screen', async () => {
    const states = ['#/en/01-services-and-endpoints/1', '#/ko/02-service-without-selector/3', '#/en/03-adding-and-removing-a-selector/2', '#/ko/04-externalname-service/3'];
    for (const viewport of [{ width: 1400, height: 900 }, { width: 390, height: 844 }]) {
      const context = await lab.browser.newContext({ viewport });
      const page = await context.newPage();
      for (const hash of states) {
        await page.goto(lab.site.url + hash);
        await page.reload();
        await labReady(page);
        if (viewport.width < 760) await page.click('#tab-map');
        await page.waitForSelector('[data-testid=cluster-map] .box.service');
        await page.waitForTimeout(400); // the entering fade
        const problems = await page.$$eval('[data-testid=cluster-map] .box', (els) => {
          const out: string[] = [];
          const rects = els.map((g) => ({ id: g.getAttribute('data-id')!, node: g.classList.contains('node'), r: g.querySelector('rect')!.getBoundingClientRect() }));
          for (const g of els) {
            const rect = g.querySelector('rect')!;
            for (const t of g.querySelectorAll('text')) {
              if ((t as SVGTextElement).getComputedTextLength() + 8 > rect.width.baseVal.value) out.push(`${g.getAttribute('data-id')}: "${t.textContent}" wider than its box`);
            }
          }
          for (const a of rects)
            for (const b of rects) {
              if (a.id >= b.id || a.node || b.node) continue;
              const overlap = a.r.left < b.r.right - 1 && b.r.left < a.r.right - 1 && a.r.top < b.r.bottom - 1 && b.r.top < a.r.bottom - 1;
              if (overlap) out.push(`${a.id} over ${b.id}`);
            }
          return out;
        });
        expect(problems, `${hash} at ${viewport.width}px`).toEqual([]);
        if (viewport.width > 760) {
          // Wide enough: nothing is shortened.
          expect(await page.$$eval('[data-testid=cluster-map] .box text', (ts) => ts.map((t) => t.textContent).filter((x) => x?.includes('…')))).toEqual([]);
        }
      }
      await context.close();
    }
  });

  it('shows an ExternalName Service with its DNS name in place of endpoints, and no ClusterIP', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/04-externalname-service/3', { viewport: { width: 1400, height: 900 }, locale: 'en-US' }, 'lab');
    await page.waitForSelector(box('ext/someapi.somecompany.com'));
    expect(await page.getAttribute(box('svc/external-service'), 'aria-label')).toBe('svc/external-service ExternalName, no ClusterIP');
    expect(await count(page, '[data-testid=cluster-map] .edge.dns[data-edge="svc/external-service>dns"]')).toBe(1);
    expect(await count(page, '[data-testid=cluster-map] [data-id^="ep/external-service"], [data-testid=cluster-map] [data-id^="eps/external-service"]')).toBe(0);
    const [svc, dns] = [(await page.$(box('svc/external-service')))!, (await page.$(box('ext/someapi.somecompany.com')))!];
    const [a, b] = [(await svc.boundingBox())!, (await dns.boundingBox())!];
    expect(b.x).toBeGreaterThan(a.x + a.width);
    expect(b.y).toBeLessThan(a.y + a.height);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is a column of its own beside the terminal on a very wide screen', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '#/en/01-services-and-endpoints/1', { viewport: { width: 2000, height: 700 }, locale: 'en-US' }, 'lab');
    await page.waitForSelector(box('svc/kubia'));
    const map = (await page.$('section[data-testid=pane-map]'))!;
    const term = (await page.$('section[data-testid=pane-terminal]'))!;
    const [m, t] = [(await map.boundingBox())!, (await term.boundingBox())!];
    expect(m.x).toBeGreaterThanOrEqual(t.x + t.width);
    expect(m.height).toBeCloseTo(t.height, 0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('embeds the map alone with panes=map', async () => {
    const { context, page, errors } = await openLab(lab.browser, lab.site.url + '?embed=1&panes=map#/en/01-services-and-endpoints/1', { viewport: { width: 800, height: 500 }, locale: 'en-US' }, 'lab');
    await page.waitForSelector(box('svc/kubia'));
    expect(await page.$('[data-testid=pane-terminal]')).toBeNull();
    expect(await page.$('[role=tablist][aria-label]')).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });
});
