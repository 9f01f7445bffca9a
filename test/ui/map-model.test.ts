/** The cluster map's model and its text, for the seed's states. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { Shell } from '../../src/shell/shell.ts';
import { applyHeredoc, kubiaRC, runOk as run } from '../support/manifests.ts';
import { describeMap } from '../../src/ui/map/describe-map.ts';
import { buildMapModel, MapModelBuilder } from '../../src/ui/map/model.ts';

const RC = applyHeredoc(kubiaRC());

describe('cluster map model', () => {
  it('shows a Service, its controller-made slice and the matching pods', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 3 }) });
    await run(shell, RC);
    await run(shell, 'kubectl create service clusterip kubia --tcp=80:8080 || kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  selector:\n    app: kubia\n  ports:\n  - port: 80\n    targetPort: 8080\nEOF');
    shell.cluster.advance(60);
    const m = buildMapModel(shell.cluster.api);
    const svc = m.services.find((s) => s.name === 'kubia')!;
    expect(svc.selector).toBe('app=kubia');
    expect(m.matches.kubia).toHaveLength(3);
    const slice = m.slices.find((s) => s.service === 'kubia')!;
    expect(slice.manager).toBe('controller');
    expect(slice.endpoints.filter((e) => e.ready)).toHaveLength(3);
    expect(slice.endpoints.every((e) => e.pod?.startsWith('kubia-'))).toBe(true);
    expect(m.endpoints.find((e) => e.name === 'kubia')!.manager).toBe('controller');
  });

  it('marks hand-made Endpoints and their mirrored slice, and the outside addresses', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 3 }) });
    await run(
      shell,
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external-service\nsubsets:\n- addresses:\n  - ip: 11.11.11.11\n  - ip: 22.22.22.22\n  ports:\n  - port: 80\nEOF',
    );
    const m = buildMapModel(shell.cluster.api);
    expect(m.endpoints.find((e) => e.name === 'external-service')!.manager).toBe('hand-made');
    expect(m.slices.find((s) => s.service === 'external-service')?.manager).toBe('mirroring');
    expect(m.externals.filter((e) => e.kind === 'ip').map((e) => e.address).sort()).toEqual(['11.11.11.11', '22.22.22.22']);
    expect(m.externals).toContainEqual({ address: '192.168.56.10', kind: 'node' });
    const en = describeMap(m, 'en').join('\n');
    expect(en).toContain('Endpoints external-service (written by hand): 11.11.11.11, 22.22.22.22.');
    const ko = describeMap(m, 'ko').join('\n');
    expect(ko).toContain('엔드포인트(Endpoints) external-service(직접 작성한 것이다): 11.11.11.11, 22.22.22.22.');
  });

  it('shows an ExternalName Service as a DNS alias, and explains a pod left out', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 3 }) });
    await run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: ext\nspec:\n  type: ExternalName\n  externalName: someapi.somecompany.com\nEOF');
    await run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\nEOF');
    await run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Pod\nmetadata:\n  name: kubia-manual\n  labels:\n    app: kubia\nspec:\n  containers:\n  - name: kubia\n    image: luksa/kubia\nEOF');
    shell.cluster.advance(30);
    const m = buildMapModel(shell.cluster.api);
    expect(m.externals).toContainEqual({ address: 'someapi.somecompany.com', kind: 'dns' });
    expect(m.mismatches).toEqual([{ service: 'web', pod: 'kubia-manual', selector: 'app=web', labels: 'app=kubia' }]);
    const en = describeMap(m, 'en');
    expect(en).toContain('Service ext: type ExternalName. Cluster DNS answers with a CNAME to someapi.somecompany.com. No cluster IP, no endpoints, no kube-proxy.');
    expect(en).toContain('  The selector app=web matches no pod.');
    expect(en).toContain('Pod kubia-manual is not behind web: labels app=kubia, selector app=web.');
  });

  it('rebuilds reusing the entries of unchanged objects; a pod behind another Service is not a mismatch', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 3 }) });
    await run(shell, RC);
    await run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n  - port: 80\nEOF');
    await run(shell, 'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: kubia\nspec:\n  selector:\n    app: kubia\n  ports:\n  - port: 80\nEOF');
    shell.cluster.advance(60);
    const builder = new MapModelBuilder(shell.cluster.api);
    const before = builder.build();
    expect(before.mismatches).toEqual([]);
    const [first, second] = before.pods;
    await run(shell, `kubectl label pod ${first.name} app=other --overwrite`);
    const after = builder.build();
    expect(after.pods.find((p) => p.name === second.name)).toBe(second);
    expect(after.pods.find((p) => p.name === first.name)).not.toBe(first);
    expect(after.services.find((s) => s.name === 'web')).toBe(before.services.find((s) => s.name === 'web'));
    expect(after.mismatches.map((m) => `${m.pod} ${m.service} ${m.labels}`).sort()).toEqual([`${first.name} kubia app=other`, `${first.name} web app=other`]);
  });
});
