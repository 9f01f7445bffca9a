import { describe, expect, it } from 'vitest';
import { applyStrategicMergePatch, mergePatch } from '../../../src/cluster/api/patch.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { failure, svc } from './helpers.ts';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'kubia' },
  spec: {
    selector: { matchLabels: { app: 'kubia' } },
    template: {
      metadata: { labels: { app: 'kubia' } },
      spec: {
        containers: [
          { name: 'kubia', image: 'luksa/kubia:v1', ports: [{ containerPort: 8080 }], env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] },
          { name: 'sidecar', image: 'busybox' },
        ],
      },
    },
  },
};

describe('strategic merge patch', () => {
  it('merges containers by name, env by name and ports by containerPort', () => {
    const out = applyStrategicMergePatch(
      deployment,
      {
        spec: {
          template: {
            spec: {
              containers: [{ name: 'kubia', image: 'luksa/kubia:v2', env: [{ name: 'B', value: 'two' }, { name: 'C', value: '3' }], ports: [{ containerPort: 9090 }] }],
            },
          },
        },
      },
      'apps.v1.Deployment',
    ) as typeof deployment;
    const [kubia, sidecar] = out.spec.template.spec.containers;
    expect(kubia.image).toBe('luksa/kubia:v2');
    expect(kubia.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: 'two' }, { name: 'C', value: '3' }]);
    expect(kubia.ports).toEqual([{ containerPort: 8080 }, { containerPort: 9090 }]);
    expect(sidecar).toEqual({ name: 'sidecar', image: 'busybox' });
  });

  it('honours $patch: delete and replace, $retainKeys, $setElementOrder and $deleteFromPrimitiveList', () => {
    const del = applyStrategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ name: 'sidecar', $patch: 'delete' }] } } } }, 'apps.v1.Deployment') as typeof deployment;
    expect(del.spec.template.spec.containers.map((c) => c.name)).toEqual(['kubia']);
    const rep = applyStrategicMergePatch(deployment, { spec: { template: { spec: { containers: [{ $patch: 'replace' }, { name: 'only', image: 'x' }] } } } }, 'apps.v1.Deployment') as typeof deployment;
    expect(rep.spec.template.spec.containers).toEqual([{ name: 'only', image: 'x' }]);
    const mapRep = applyStrategicMergePatch({ metadata: { labels: { a: '1', b: '2' } } }, { metadata: { labels: { $patch: 'replace', c: '3' } } }, 'core.v1.Service') as { metadata: { labels: Record<string, string> } };
    expect(mapRep.metadata.labels).toEqual({ c: '3' });
    const retained = applyStrategicMergePatch(
      { spec: { strategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%' } } } },
      { spec: { strategy: { $retainKeys: ['type'], type: 'Recreate' } } },
      'apps.v1.Deployment',
    ) as { spec: { strategy: unknown } };
    expect(retained.spec.strategy).toEqual({ type: 'Recreate' });
    const ordered = applyStrategicMergePatch(deployment, { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'sidecar' }, { name: 'kubia' }] } } } }, 'apps.v1.Deployment') as typeof deployment;
    expect(ordered.spec.template.spec.containers.map((c) => c.name)).toEqual(['sidecar', 'kubia']);
    const fin = applyStrategicMergePatch({ metadata: { finalizers: ['a', 'b'] } }, { metadata: { '$deleteFromPrimitiveList/finalizers': ['a'], finalizers: ['c'] } }, 'core.v1.ConfigMap') as { metadata: { finalizers: string[] } };
    expect(fin.metadata.finalizers).toEqual(['b', 'c']);
  });

  it('merges Service ports by port and replaces lists without a strategy', () => {
    const out = applyStrategicMergePatch(
      { spec: { ports: [{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 8443 }], externalIPs: ['1.1.1.1'] } },
      { spec: { ports: [{ port: 443, targetPort: 9443 }], externalIPs: ['2.2.2.2'] } },
      'core.v1.Service',
    ) as { spec: { ports: unknown[]; externalIPs: string[] } };
    expect(out.spec.ports).toEqual([{ port: 80, targetPort: 8080 }, { port: 443, targetPort: 9443 }]);
    expect(out.spec.externalIPs).toEqual(['2.2.2.2']);
  });

  it('goes through the API server: kubectl patch svc --type strategic', () => {
    const c = new Cluster();
    c.api.create('services', 'default', svc('web', { selector: { app: 'a' }, ports: [{ name: 'http', port: 80 }, { name: 'https', port: 443 }] }));
    const r = c.api.patch('services', 'default', 'web', 'strategic', { spec: { ports: [{ port: 443, targetPort: 8443, name: 'https' }], selector: { app: null, tier: 'web' } } });
    expect(r.object.spec.ports).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 80 },
      { name: 'https', port: 443, protocol: 'TCP', targetPort: 8443 },
    ]);
    expect(r.object.spec.selector).toEqual({ tier: 'web' });
  });
});

describe('JSON merge patch', () => {
  it('merges maps, deletes with null and replaces lists', () => {
    expect(mergePatch({ a: 1, b: { c: 2, d: 3 }, l: [1, 2] }, { b: { c: null, e: 4 }, l: [3] })).toEqual({ a: 1, b: { d: 3, e: 4 }, l: [3] });
    const c = new Cluster();
    c.api.create('services', 'default', svc('web', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    const r = c.api.patch('services', 'default', 'web', 'merge', { spec: { selector: null } });
    expect(r.object.spec.selector).toBeUndefined();
  });
});

describe('JSON patch', () => {
  it('applies RFC 6902 operations', () => {
    const c = new Cluster();
    c.api.create('services', 'default', svc('web', { selector: { app: 'a' }, ports: [{ port: 80 }] }));
    const r = c.api.patch('services', 'default', 'web', 'json', [
      { op: 'replace', path: '/spec/selector/app', value: 'b' },
      { op: 'add', path: '/spec/ports/-', value: { name: 'x', port: 81 } },
      { op: 'add', path: '/spec/ports/0/name', value: 'y' },
      { op: 'add', path: '/metadata/labels', value: { 'x.io/c': 'd' } },
      { op: 'add', path: '/metadata/labels/x.io~1e', value: 'f' },
      { op: 'copy', from: '/spec/selector', path: '/metadata/annotations' },
      { op: 'test', path: '/spec/selector/app', value: 'b' },
    ]);
    expect(r.object.spec.selector).toEqual({ app: 'b' });
    expect(r.object.spec.ports.map((p: { port: number }) => p.port)).toEqual([80, 81]);
    expect(r.object.metadata.annotations).toEqual({ app: 'b' });
    expect(r.object.metadata.labels).toEqual({ 'x.io/c': 'd', 'x.io/e': 'f' });
  });

  it('fails as the server does, with the json-patch text as the cause', () => {
    const c = new Cluster();
    c.api.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    const f = failure(() => c.api.patch('services', 'default', 'web', 'json', [{ op: 'remove', path: '/spec/selector' }]));
    expect(f.status).toEqual({
      kind: 'Status',
      apiVersion: 'v1',
      metadata: {},
      status: 'Failure',
      message: 'the server rejected our request due to an error in our request',
      reason: 'Invalid',
      details: { causes: [{ reason: 'UnexpectedServerResponse', message: 'Unable to remove nonexistent key: selector: missing value' }] },
      code: 422,
    });
    expect(failure(() => c.api.patch('services', 'default', 'web', 'json', [{ op: 'replace', path: '/spec/nope', value: 1 }])).status.details?.causes?.[0].message).toBe(
      'replace operation does not apply: doc is missing key: /spec/nope: missing value',
    );
    expect(failure(() => c.api.patch('services', 'default', 'web', 'json', [{ op: 'add', path: '/spec/a/b', value: 1 }])).status.details?.causes?.[0].message).toBe(
      'add operation does not apply: doc is missing path: "/spec/a/b": missing value',
    );
    expect(failure(() => c.api.patch('services', 'default', 'web', 'json', [{ op: 'test', path: '/spec/type', value: 'NodePort' }])).status.details?.causes?.[0].message).toBe(
      'testing value /spec/type failed: test failed',
    );
    expect(failure(() => c.api.patch('services', 'default', 'web', 'json', [{ op: 'frobnicate', path: '/spec' }])).status.details?.causes?.[0].message).toBe(
      'Unexpected kind: frobnicate: unknown object type',
    );
    expect(failure(() => c.api.patch('services', 'default', 'web', 'json', { op: 'add' })).status.message).toBe(
      'json: cannot unmarshal object into Go value of type jsonpatch.Patch',
    );
  });
});
