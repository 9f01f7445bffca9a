/** The cluster map's layout: stable places, reuse of unchanged boxes and arrows, what is marked new or restyled. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cluster } from '../../src/cluster/cluster.ts';
import { Shell } from '../../src/shell/shell.ts';
import { applyHeredoc, KUBIA_SERVICE, kubiaRC, runOk as run } from '../support/manifests.ts';
import { MapModelBuilder } from '../../src/ui/map/model.ts';
import { MapLayouter, placePods, layoutMap, fit, columns } from '../../src/ui/map/layout.ts';

const KUBIA = applyHeredoc(kubiaRC(), KUBIA_SERVICE);

async function kubia() {
  const shell = new Shell({ cluster: new Cluster({ seed: 5 }) });
  await run(shell, KUBIA);
  shell.cluster.advance(60);
  const builder = new MapModelBuilder(shell.cluster.api);
  const layouter = new MapLayouter('en');
  return { shell, builder, layouter };
}

describe('placePods', () => {
  it('keeps places, gives a gone pod\'s place to a new one, puts the rest last', () => {
    expect(placePods(undefined, ['b', 'a'])).toEqual(['b', 'a']);
    expect(placePods(['a', 'b', 'c'], ['a', 'c', 'd'])).toEqual(['a', 'd', 'c']);
    expect(placePods(['a', 'b', 'c'], ['a', 'b', 'c', 'd', 'e'])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(placePods(['a', 'b', 'c'], ['c'])).toEqual(['c']);
  });

  it('draws every pod exactly once, and pods that stay keep their order', () => {
    const names = fc.uniqueArray(fc.constantFrom<string>('a', 'b', 'c', 'd', 'e', 'f', 'g'), { maxLength: 7 });
    fc.assert(
      fc.property(names, names, (before, now) => {
        const order = placePods(before, now);
        expect([...order].sort()).toEqual([...now].sort());
        const stayed = before.filter((n) => now.includes(n));
        expect(order.filter((n) => stayed.includes(n))).toEqual(stayed);
      }),
    );
  });
});

describe('cluster map layout', () => {
  it('reuses the boxes and arrows of what did not change, and marks what is new', async () => {
    const { shell, builder, layouter } = await kubia();
    const first = layouter.layout(builder.build());
    expect(first.boxes.every((b) => !b.entering)).toBe(true);
    const again = layouter.layout(builder.build());
    expect(again.boxes.every((b, i) => b === first.boxes[i])).toBe(true);
    expect(again.edges.every((e, i) => e === first.edges[i])).toBe(true);

    await run(shell, 'kubectl scale rc kubia --replicas=4');
    shell.cluster.advance(60);
    const model = builder.build();
    const scaled = layouter.layout(model);
    const fresh = scaled.boxes.filter((b) => b.entering);
    expect(fresh.map((b) => b.kind)).toEqual(['pod']);
    const pod = fresh[0].id;
    // The new pod's arrow from the slice and from the Endpoints draws in.
    expect(scaled.edges.filter((e) => e.entering).map((e) => e.to)).toEqual([pod, pod]);
    // The other pods of its node did not move (it went last): they are the same objects as before.
    const nodeOf = new Map(model.pods.map((p) => [`pod/${p.name}`, p.node]));
    const sameNode = first.boxes.filter((b) => b.kind === 'pod' && nodeOf.get(b.id) === nodeOf.get(pod));
    for (const b of sameNode) expect(scaled.byId.get(b.id)).toBe(b);
    expect(scaled.byId.get(pod)!.y).toBeGreaterThan(Math.max(...sameNode.map((b) => b.y)));
    // On the next layout nothing is new any more.
    expect(layouter.layout(builder.build()).boxes.some((b) => b.entering)).toBe(false);
  });

  it('gives a pod relabelled out of the selector its labels next to the selector, and its place to its replacement', async () => {
    const { shell, builder, layouter } = await kubia();
    const first = layouter.layout(builder.build());
    const pods = first.boxes.filter((b) => b.kind === 'pod');
    const victim = pods[0].title;
    await run(shell, `kubectl label pod ${victim} app=debug --overwrite`);
    shell.cluster.advance(60);
    const next = layouter.layout(builder.build());
    expect(next.byId.get(`pod/${victim}`)!.mismatch).toBe('app=debug ≠ app=kubia');
    expect(next.byId.get(`pod/${victim}`)!.y).toBe(pods[0].y);
    expect(next.edges.some((e) => e.to === `pod/${victim}`)).toBe(false);
    expect(next.boxes.filter((b) => b.kind === 'pod')).toHaveLength(4);
  });

  it('marks Endpoints whose manager changed: a selector added, then removed (stale)', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 5 }) });
    await run(shell, applyHeredoc(kubiaRC()));
    await run(
      shell,
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external-service\nsubsets:\n- addresses:\n  - ip: 11.11.11.11\n  ports:\n  - port: 80\nEOF',
    );
    shell.cluster.advance(60);
    const builder = new MapModelBuilder(shell.cluster.api);
    const layouter = new MapLayouter('en');
    const ep = () => layout.byId.get('ep/external-service')!;
    let layout = layouter.layout(builder.build());
    expect(ep()).toMatchObject({ manager: 'hand-made', sub: 'Endpoints · hand-made', restyled: false });
    expect(layout.edges.find((e) => e.id === 'svc/external-service>ep/external-service')!.style).toBe('hand-made');

    await run(shell, 'kubectl set selector svc external-service app=kubia');
    layout = layouter.layout(builder.build());
    expect(ep()).toMatchObject({ manager: 'controller', sub: 'Endpoints · by the controller', restyled: true });
    expect(layout.edges.find((e) => e.id === 'svc/external-service>ep/external-service')!.style).toBe('same-name');

    await run(shell, `kubectl patch svc external-service -p '{"spec":{"selector":null}}'`);
    layout = layouter.layout(builder.build());
    expect(ep()).toMatchObject({ manager: 'stale', sub: 'Endpoints · no longer updated', restyled: true });
    expect(layout.edges.find((e) => e.id === 'svc/external-service>ep/external-service')!.style).toBe('stale');
    expect(layoutMap(builder.build(), 'ko').byId.get('ep/external-service')!.sub).toBe('Endpoints · 갱신 중단됨');
  });

  it('puts an ExternalName Service\'s DNS name beside it, and says the API server keeps the kubernetes endpoints', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 5 }) });
    await run(shell, 'kubectl create service externalname ext --external-name someapi.somecompany.com');
    const layout = layoutMap(new MapModelBuilder(shell.cluster.api).build());
    const svc = layout.byId.get('svc/ext')!;
    const dns = layout.byId.get('ext/someapi.somecompany.com')!;
    expect(dns.x).toBe(layout.byId.get('ep/kubernetes')!.x);
    expect(dns.y).toBe(svc.y);
    expect(svc.sub).toBe('ExternalName, no ClusterIP');
    expect(layout.edges.find((e) => e.id === 'svc/ext>dns')).toMatchObject({ style: 'dns', label: 'CNAME', to: 'ext/someapi.somecompany.com' });
    expect(layout.byId.get('ep/kubernetes')).toMatchObject({ manager: 'apiserver', sub: 'Endpoints · by the API server' });
    expect(layout.byId.get('eps/kubernetes')).toMatchObject({ manager: 'apiserver' });
  });

  it('fits the drawing to the pane: columns as wide as their names, names shortened in the middle only when the pane is too narrow', () => {
    const face = { px: 12, weight: 1 };
    expect(fit('kubia-x4mgh', 200, face)).toBe('kubia-x4mgh');
    const cut = fit('external-service-7wdmn', 100, face);
    expect(cut).toMatch(/^ext.*….*wdmn$/);
    expect(cut.length).toBeLessThan('external-service-7wdmn'.length);
    const wide = columns(1200, [160, 180, 120]);
    expect(wide.w).toEqual([160, 180, 120]);
    const narrow = columns(360, [160, 180, 120]);
    expect(narrow.width).toBeLessThanOrEqual(Math.ceil(360 / 0.8));
    expect(narrow.w.every((w, i) => w < [160, 180, 120][i])).toBe(true);
    // Wide or narrow, the columns never overlap.
    for (const c of [wide, narrow]) expect(c.col[1]).toBeGreaterThan(c.col[0] + c.w[0]);
  });
});
