/**
 * Properties over random sequences of writes: whatever learners do, the controllers keep the
 * invariants a real cluster keeps.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import type { EndpointSlice, Endpoints, Pod, Service } from '../../../src/cluster/api/types.ts';
import { ApiError } from '../../../src/cluster/api/errors.ts';

const APPS = ['a', 'b', 'c'];

type Op =
  | { kind: 'createPod'; app: string; probe: boolean }
  | { kind: 'deletePod'; index: number }
  | { kind: 'relabelPod'; index: number; app: string }
  | { kind: 'setSelector'; service: number; app: string | null }
  | { kind: 'scale'; replicas: number }
  | { kind: 'ready'; index: number }
  | { kind: 'wait'; seconds: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createPod' as const), app: fc.constantFrom(...APPS), probe: fc.boolean() }),
  fc.record({ kind: fc.constant('deletePod' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('relabelPod' as const), index: fc.nat(20), app: fc.constantFrom(...APPS) }),
  fc.record({ kind: fc.constant('setSelector' as const), service: fc.nat(2), app: fc.option(fc.constantFrom(...APPS), { nil: null }) }),
  fc.record({ kind: fc.constant('scale' as const), replicas: fc.nat(4) }),
  fc.record({ kind: fc.constant('ready' as const), index: fc.nat(20) }),
  fc.record({ kind: fc.constant('wait' as const), seconds: fc.integer({ min: 1, max: 40 }) }),
);

let podCounter = 0;

function apply(c: Cluster, o: Op): void {
  const pods = () => c.api.scan('pods', 'default') as Pod[];
  try {
    switch (o.kind) {
      case 'createPod':
        c.api.create('pods', 'default', {
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: { name: `p${podCounter++}`, labels: { app: o.app } },
          spec: {
            containers: [
              { name: 'c', image: 'luksa/kubia', ports: [{ containerPort: 8080 }], ...(o.probe ? { readinessProbe: { exec: { command: ['ls', '/var/ready'] }, periodSeconds: 2 } } : {}) },
            ],
          },
        });
        break;
      case 'deletePod': {
        const p = pods()[o.index % Math.max(1, pods().length)];
        if (p) c.api.delete('pods', 'default', p.metadata.name!);
        break;
      }
      case 'relabelPod': {
        const p = pods()[o.index % Math.max(1, pods().length)];
        if (p) c.api.patch('pods', 'default', p.metadata.name!, 'merge', { metadata: { labels: { app: o.app } } });
        break;
      }
      case 'setSelector':
        c.api.patch('services', 'default', `svc${o.service}`, 'merge', { spec: { selector: o.app === null ? null : { app: o.app } } });
        break;
      case 'scale':
        c.api.patch('replicationcontrollers', 'default', 'rc', 'merge', { spec: { replicas: o.replicas } });
        break;
      case 'ready': {
        const p = pods()[o.index % Math.max(1, pods().length)];
        if (p) c.runtime.writeFile('default', p.metadata.name!, undefined, '/var/ready');
        break;
      }
      case 'wait':
        c.advance(o.seconds);
        break;
    }
  } catch (e) {
    if (!(e instanceof ApiError)) throw e;
  }
}

function isReady(p: Pod): boolean {
  return p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True') ?? false;
}

function checkInvariants(c: Cluster, lastWritten: Map<string, string>): void {
  const pods = c.api.scan('pods', 'default') as Pod[];
  // No two pods share an IP.
  const ips = pods.map((p) => p.status?.podIP).filter((x): x is string => !!x);
  expect(new Set(ips).size).toBe(ips.length);
  // uids are unique across every kind.
  const uids = new Set<string>();
  let count = 0;
  for (const info of c.api.discovery()) {
    for (const o of c.api.scan(info.group ? `${info.resource}.${info.group}` : info.resource)) {
      uids.add(o.metadata.uid!);
      count++;
    }
  }
  expect(uids.size).toBe(count);
  for (const svc of c.api.scan('services', 'default') as Service[]) {
    const name = svc.metadata.name!;
    if (name === 'kubernetes') continue;
    const ep = c.api.peek('endpoints', 'default', name) as Endpoints | undefined;
    const sel = svc.spec.selector;
    if (sel && Object.keys(sel).length > 0) {
      const matching = pods.filter((p) => p.metadata.labels?.app === sel.app && p.status?.podIP && !p.metadata.deletionTimestamp);
      const ready = matching.filter(isReady).map((p) => p.status!.podIP!).sort();
      const notReady = matching.filter((p) => !isReady(p)).map((p) => p.status!.podIP!).sort();
      const gotReady = (ep?.subsets ?? []).flatMap((s) => s.addresses ?? []).map((a) => a.ip).sort();
      const gotNotReady = (ep?.subsets ?? []).flatMap((s) => s.notReadyAddresses ?? []).map((a) => a.ip).sort();
      expect(gotReady).toEqual(ready);
      expect(gotNotReady).toEqual(notReady);
      const slices = (c.api.scan('endpointslices.discovery.k8s.io', 'default') as EndpointSlice[]).filter(
        (s) => s.metadata.labels?.['kubernetes.io/service-name'] === name && s.metadata.labels['endpointslice.kubernetes.io/managed-by'] === 'endpointslice-controller.k8s.io',
      );
      const sliceReady = slices.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.ready).map((e) => e.addresses[0]).sort();
      expect(sliceReady).toEqual(ready);
      // Slices keep terminating pods (ready false, terminating true); Endpoints drop them.
      const withTerminating = pods.filter((p) => p.metadata.labels?.app === sel.app && p.status?.podIP);
      expect(slices.flatMap((s) => s.endpoints ?? []).length).toBe(withTerminating.length);
      const terminating = slices.flatMap((s) => s.endpoints ?? []).filter((e) => e.conditions?.terminating).length;
      expect(terminating).toBe(withTerminating.filter((p) => p.metadata.deletionTimestamp).length);
      // No mirrored slices for a Service with a selector.
      expect(c.api.scan('endpointslices.discovery.k8s.io', 'default').some((s) => s.metadata.labels?.['kubernetes.io/service-name'] === name && s.metadata.labels['endpointslice.kubernetes.io/managed-by'] !== 'endpointslice-controller.k8s.io')).toBe(false);
      if (ep) lastWritten.set(name, ep.metadata.resourceVersion!);
    } else if (ep && lastWritten.has(name)) {
      // Selector removed: the object stays as last written.
      expect(ep.metadata.resourceVersion).toBe(lastWritten.get(name));
    }
  }
}

describe('controller properties', () => {
  it('endpoints list exactly the matching pods, split ready/not ready; uids unique; IPs unique; resourceVersions grow', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.array(op, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        const c = new Cluster({ seed });
        for (let i = 0; i < 3; i++) {
          c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: `svc${i}` }, spec: { selector: { app: APPS[i] }, ports: [{ port: 80, targetPort: 8080 }] } });
        }
        c.api.create('replicationcontrollers', 'default', {
          apiVersion: 'v1',
          kind: 'ReplicationController',
          metadata: { name: 'rc' },
          spec: { replicas: 2, selector: { app: 'a' }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'luksa/kubia' }] } } },
        });
        let lastRV = Number(c.api.currentRevision());
        const lastWritten = new Map<string, string>();
        const rvs = new Map<string, number>();
        const checkVersions = () => {
          const now = Number(c.api.currentRevision());
          expect(now).toBeGreaterThanOrEqual(lastRV);
          lastRV = now;
          for (const info of c.api.discovery()) {
            const key = info.group ? `${info.resource}.${info.group}` : info.resource;
            for (const o of c.api.scan(key)) {
              const k = `${key}/${o.metadata.namespace}/${o.metadata.name}/${o.metadata.uid}`;
              const rv = Number(o.metadata.resourceVersion);
              expect(rv).toBeGreaterThanOrEqual(rvs.get(k) ?? 0);
              expect(rv).toBeLessThanOrEqual(now);
              rvs.set(k, rv);
            }
          }
        };
        for (const o of ops) {
          apply(c, o);
          checkInvariants(c, lastWritten);
          checkVersions();
        }
        c.advance(30);
        checkInvariants(c, lastWritten);
        // The RC keeps its replica count of active pods it owns.
        const rc = c.api.get('replicationcontrollers', 'default', 'rc').object;
        const owned = (c.api.scan('pods', 'default') as Pod[]).filter((p) => p.metadata.ownerReferences?.[0]?.uid === rc.metadata.uid && !p.metadata.deletionTimestamp);
        expect(owned.length).toBe(rc.spec.replicas);
      }),
      { numRuns: 25 },
    );
  });
});
