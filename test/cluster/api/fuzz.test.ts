/**
 * Fuzzing the API server's verbs: whatever a client sends, the answer is a result or an
 * ApiError (never another exception, never a 500), a rejected write leaves the store as it was,
 * and the store keeps its invariants (unique uids, growing resourceVersions, no ClusterIP or
 * NodePort held twice, allocations released on delete).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../src/cluster/api/errors.ts';
import { RESOURCES, resourceKey } from '../../../src/cluster/api/resources.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';

const RESOURCE_KEYS = ['services', 'pods', 'configmaps', 'endpoints', 'endpointslices.discovery.k8s.io', 'namespaces', 'deployments.apps', 'replicationcontrollers'];

function snapshot(c: Cluster): string {
  const parts: string[] = [c.api.currentRevision()];
  for (const info of RESOURCES) parts.push(JSON.stringify(c.api.scan(info)));
  return parts.join('\n');
}

function checkInvariants(c: Cluster): void {
  const uids = new Set<string>();
  const ips = new Set<string>();
  const nodePorts = new Set<number>();
  const rev = Number(c.api.currentRevision());
  for (const info of RESOURCES) {
    for (const o of c.api.scan(info)) {
      expect(uids.has(o.metadata.uid!), `uid ${o.metadata.uid} twice`).toBe(false);
      uids.add(o.metadata.uid!);
      expect(Number(o.metadata.resourceVersion)).toBeLessThanOrEqual(rev);
      expect(Object.isFrozen(o)).toBe(true);
      if (resourceKey(info) === 'services') {
        for (const ip of (o.spec.clusterIPs ?? []) as string[]) {
          if (ip === 'None') continue;
          expect(ips.has(ip), `ClusterIP ${ip} twice`).toBe(false);
          ips.add(ip);
        }
        for (const p of (o.spec.ports ?? []) as { nodePort?: number }[]) {
          if (!p.nodePort) continue;
          // One node port may serve the same port number over two protocols inside one Service.
          nodePorts.add(p.nodePort);
        }
      }
    }
  }
  // No two Services share a node port.
  const owners = new Map<number, string>();
  for (const s of c.api.scan('services')) {
    for (const p of (s.spec.ports ?? []) as { nodePort?: number }[]) {
      if (!p.nodePort) continue;
      const owner = owners.get(p.nodePort);
      expect(owner === undefined || owner === s.metadata.uid, `nodePort ${p.nodePort} in two Services`).toBe(true);
      owners.set(p.nodePort, s.metadata.uid!);
    }
  }
}

const name = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('web', 'kubia', 'a', 'x-1', 'default', 'kubernetes') }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const junk = fc.jsonValue({ maxDepth: 3 });
const port = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(80, 443, 8080, 53) },
  { weight: 1, arbitrary: fc.integer({ min: -5, max: 70000 }) },
  { weight: 1, arbitrary: fc.constantFrom('http', '8080', 'x') },
);
const rare = <T>(a: fc.Arbitrary<T>) => fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: a });
const serviceBody = fc.record(
  {
    apiVersion: fc.constantFrom('v1', 'v1', 'v1', 'v1', 'apps/v1', undefined),
    kind: fc.constantFrom('Service', 'Service', 'Service', 'Service', 'Pod', undefined),
    metadata: fc.record({ name, labels: fc.option(fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 2 }), { nil: undefined }) }, { requiredKeys: [] }),
    spec: fc.record(
      {
        type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName', 'ClusterIP', 'NodePort', 'Foo'),
        clusterIP: rare(fc.constantFrom('', 'None', '10.96.0.10', '10.96.5.5', '10.96.5.6', '1.2.3', '192.168.0.1')),
        externalName: fc.constantFrom('example.com', 'example.com', 'Bad_Name', ''),
        selector: fc.dictionary(fc.constantFrom('app', 'tier', 'a b'), fc.string({ maxLength: 4 }), { maxKeys: 2 }),
        ports: fc.array(fc.record({ port, targetPort: fc.option(port, { nil: undefined }), nodePort: rare(fc.constantFrom(30080, 30081, 8888, 0)), name: fc.option(fc.constantFrom('http', 'https', 'dns', 'HTTP'), { nil: undefined }), protocol: rare(fc.constantFrom('TCP', 'UDP', 'HTTP')) }, { requiredKeys: ['port'] }), { minLength: 1, maxLength: 3 }),
        selectr: rare(fc.constant({})),
        sessionAffinity: rare(fc.constantFrom('None', 'ClientIP', 'Sticky')),
        ipFamilyPolicy: rare(fc.constantFrom('SingleStack', 'RequireDualStack', 'X')),
      },
      { requiredKeys: [] },
    ),
  },
  { requiredKeys: ['metadata'] },
);
const podBody = fc.record({
  apiVersion: fc.constant('v1'),
  kind: fc.constant('Pod'),
  metadata: fc.record({ name }),
  spec: fc.oneof(junk, fc.record({ containers: fc.array(fc.record({ name, image: fc.constantFrom('nginx', 'luksa/kubia', '', ' x') }, { requiredKeys: [] }), { maxLength: 2 }) }, { requiredKeys: [] })),
});
const anyBody = fc.oneof(serviceBody, podBody, junk, fc.record({ apiVersion: fc.constant('v1'), kind: fc.constant('ConfigMap'), metadata: fc.record({ name }), data: fc.oneof(junk, fc.dictionary(fc.string({ maxLength: 5 }), fc.string({ maxLength: 5 }))) }));

type Op =
  | { verb: 'create' | 'update'; resource: string; ns: string; body: unknown; validation: 'Strict' | 'Warn' | 'Ignore' }
  | { verb: 'patch'; resource: string; ns: string; name: string; type: 'merge' | 'json' | 'strategic'; patch: unknown }
  | { verb: 'delete'; resource: string; ns: string; name: string; grace?: number }
  | { verb: 'list'; resource: string; ns: string; labelSelector?: string; fieldSelector?: string };

const resource = fc.constantFrom(...RESOURCE_KEYS, 'services', 'services', 'bogus');
const ns = fc.constantFrom('default', 'default', 'kube-system', 'nope');
/** Mostly valid Services, so that allocation, type changes and deletion get exercised. */
const goodService = fc
  .record({
    name: fc.constantFrom('web', 'kubia', 'a', 'x-1', 'db'),
    type: fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'),
    clusterIP: rare(fc.constantFrom('None', '10.96.5.5', '10.96.5.6', '10.96.0.10')),
    nodePort: rare(fc.constantFrom(30080, 30081, 30082)),
    ports: fc.constantFrom([80], [80, 443], [53]),
  })
  .map(({ name: n, type, clusterIP, nodePort, ports }) => ({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: n },
    spec: {
      type,
      ...(type === 'ExternalName' ? { externalName: 'example.com' } : {}),
      ...(clusterIP !== undefined && type !== 'ExternalName' ? { clusterIP } : {}),
      selector: { app: n },
      ports: ports.map((p, i) => ({ name: `p${i}`, port: p, ...(i === 0 && nodePort && (type === 'NodePort' || type === 'LoadBalancer') ? { nodePort } : {}) })),
    },
  }));
const goodPod = fc.constantFrom('web', 'kubia', 'a').map((n) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: n, labels: { app: n } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } }));

/** A write whose body mostly matches its resource, so requests get past decoding into admission. */
const write = fc.oneof(
  { weight: 6, arbitrary: fc.record({ resource: fc.constant('services'), body: goodService }) },
  { weight: 2, arbitrary: fc.record({ resource: fc.constant('pods'), body: goodPod }) },
  { weight: 3, arbitrary: fc.record({ resource: fc.constant('services'), body: serviceBody }) },
  { weight: 1, arbitrary: fc.record({ resource: fc.constant('pods'), body: podBody }) },
  { weight: 1, arbitrary: fc.record({ resource, body: anyBody }) },
);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.tuple(write, fc.constantFrom('create' as const, 'create' as const, 'update' as const), fc.constantFrom('default', 'default', 'default', 'nope'), fc.constantFrom('Strict' as const, 'Warn' as const, 'Ignore' as const)).map(([w, verb, n, validation]) => ({
    verb,
    resource: w.resource,
    ns: n,
    body: w.body,
    validation,
  })),
  fc.record({
    verb: fc.constant('patch' as const),
    resource: fc.constantFrom('services', 'services', 'pods', 'configmaps'),
    ns: fc.constant('default'),
    name,
    type: fc.constantFrom('merge' as const, 'json' as const, 'strategic' as const),
    patch: fc.oneof(junk, serviceBody, goodService, goodService.map((b) => ({ spec: b.spec })), fc.array(fc.record({ op: fc.constantFrom('add', 'remove', 'replace', 'test', 'move'), path: fc.constantFrom('/spec/type', '/spec/ports/0/port', '/metadata/labels', '/spec/clusterIP', '', '/x/y'), value: junk }, { requiredKeys: ['op'] }), { maxLength: 3 })),
  }),
  fc.record({ verb: fc.constant('delete' as const), resource: fc.constantFrom('services', 'services', 'pods', 'namespaces', 'endpoints'), ns: fc.constant('default'), name, grace: fc.option(fc.constantFrom(0, 5, -1), { nil: undefined }) }),
  fc.record({ verb: fc.constant('list' as const), resource, ns, labelSelector: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }), fieldSelector: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }) }),
);

function run(c: Cluster, o: Op): void {
  const r = o.resource;
  switch (o.verb) {
    case 'create':
      c.api.create(r, o.ns, o.body, { fieldValidation: o.validation });
      return;
    case 'update':
      c.api.update(r, o.ns, o.body, { fieldValidation: o.validation });
      return;
    case 'patch':
      c.api.patch(r, o.ns, o.name, o.type, o.patch);
      return;
    case 'delete':
      c.api.delete(r, o.ns, o.name, o.grace === undefined ? {} : { gracePeriodSeconds: o.grace });
      return;
    case 'list':
      c.api.list(r, o.ns, { labelSelector: o.labelSelector, fieldSelector: o.fieldSelector });
      return;
  }
}

describe('API server verbs under random input', () => {
  it('answer only with results or ApiErrors, leave the store unchanged when they refuse, and keep the invariants', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 1000 }), (ops, seed) => {
        const c = new Cluster({ seed });
        for (const o of ops) {
          const before = snapshot(c);
          try {
            run(c, o);
          } catch (e) {
            if (!(e instanceof ApiError)) throw e;
            expect(e.code, e.message).not.toBe(500);
            if (o.verb !== 'list') expect(snapshot(c)).toBe(before);
          }
          checkInvariants(c);
        }
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('gives every deleted Service its addresses back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('ClusterIP', 'NodePort', 'LoadBalancer', 'ExternalName'), { minLength: 1, maxLength: 6 }), (types) => {
        const c = new Cluster({ seed: types.length });
        const made = types.map((type, i) =>
          c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: `s${i}` }, spec: { type, externalName: 'example.com', ports: [{ port: 80 }] } }).object,
        );
        for (const s of made) c.api.delete('services', 'default', s.metadata.name!);
        for (const s of made) {
          if (s.spec.type === 'ExternalName') continue;
          const again = c.api.create('services', 'default', {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: { name: s.metadata.name },
            spec: { type: s.spec.type, clusterIP: s.spec.clusterIP, ports: [{ port: 80, ...(s.spec.ports[0].nodePort ? { nodePort: s.spec.ports[0].nodePort } : {}) }] },
          }).object;
          expect(again.spec.clusterIP).toBe(s.spec.clusterIP);
        }
        checkInvariants(c);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
