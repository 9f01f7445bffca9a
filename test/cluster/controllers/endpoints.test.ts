/**
 * The endpoints, EndpointSlice and mirroring controllers against the scenario table of
 * controllers-1.33.md §3 and the seed's lesson (Kubernetes in Action 5.2).
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import type { EndpointSlice, Endpoints, KubeObject, Pod } from '../../../src/cluster/api/types.ts';

const SLICES = 'endpointslices.discovery.k8s.io';

function rc(c: Cluster, name: string, replicas: number, extra: { readinessProbe?: unknown } = {}) {
  c.api.create('replicationcontrollers', 'default', {
    apiVersion: 'v1',
    kind: 'ReplicationController',
    metadata: { name },
    spec: {
      replicas,
      selector: { app: name },
      template: {
        metadata: { labels: { app: name } },
        spec: { containers: [{ name, image: 'luksa/kubia', ports: [{ containerPort: 8080, name: 'http' }], ...extra }] },
      },
    },
  });
}

function svc(c: Cluster, name: string, spec: Record<string, unknown>, labels?: Record<string, string>) {
  return c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name, ...(labels ? { labels } : {}) }, spec }).object;
}

function ep(c: Cluster, name: string): Endpoints | undefined {
  return c.api.peek('endpoints', 'default', name) as Endpoints | undefined;
}

function slices(c: Cluster, service: string, managedBy?: string): EndpointSlice[] {
  return (c.api.scan(SLICES, 'default') as EndpointSlice[]).filter(
    (s) => s.metadata.labels?.['kubernetes.io/service-name'] === service && (!managedBy || s.metadata.labels['endpointslice.kubernetes.io/managed-by'] === managedBy),
  );
}

const CONTROLLER = 'endpointslice-controller.k8s.io';
const MIRROR = 'endpointslicemirroring-controller.k8s.io';

function podIPs(c: Cluster, app: string): string[] {
  return (c.api.scan('pods', 'default') as Pod[])
    .filter((p) => p.metadata.labels?.app === app)
    .map((p) => p.status!.podIP!)
    .sort();
}

describe('endpoints controller', () => {
  it('lists the ready pods of a selector Service, sorted by IP, with managed-by label and trigger time', () => {
    const c = new Cluster({ seed: 21 });
    rc(c, 'kubia', 3);
    const s = svc(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] });
    c.advance(10);
    const e = ep(c, 'kubia')!;
    expect(e.metadata.labels).toEqual({ 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(e.metadata.annotations?.['endpoints.kubernetes.io/last-change-trigger-time']).toMatch(/^2026-11-26T04:00:\d\dZ$/);
    expect(e.subsets).toHaveLength(1);
    expect(e.subsets![0].addresses!.map((a) => a.ip)).toEqual(podIPs(c, 'kubia'));
    expect(e.subsets![0].notReadyAddresses).toBeUndefined();
    expect(e.subsets![0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    const a = e.subsets![0].addresses![0];
    expect(Object.keys(a).sort()).toEqual(['ip', 'nodeName', 'targetRef']);
    expect(Object.keys(a.targetRef!).sort()).toEqual(['kind', 'name', 'namespace', 'uid']);

    const [slice] = slices(c, 'kubia');
    expect(slice.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(slice.metadata.generateName).toBe('kubia-');
    expect(slice.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/managed-by': CONTROLLER, 'kubernetes.io/service-name': 'kubia' });
    expect(slice.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Service', name: 'kubia', uid: s.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(slice.ports).toEqual([{ name: '', port: 8080, protocol: 'TCP' }]);
    expect(slice.endpoints!.map((x) => x.addresses[0])).toEqual(podIPs(c, 'kubia'));
    expect(slice.endpoints![0].conditions).toEqual({ ready: true, serving: true, terminating: false });
    expect(slice.endpoints![0].zone).toBeUndefined();
  });

  it('resolves a named targetPort per pod and splits not-ready pods (readiness probe ls /var/ready)', () => {
    const c = new Cluster({ seed: 22 });
    rc(c, 'kubia', 2, { readinessProbe: { exec: { command: ['ls', '/var/ready'] }, periodSeconds: 1 } });
    svc(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 'http' }] });
    c.advance(10);
    let e = ep(c, 'kubia')!;
    expect(e.subsets![0].addresses).toBeUndefined();
    expect(e.subsets![0].notReadyAddresses!.map((a) => a.ip)).toEqual(podIPs(c, 'kubia'));
    expect(e.subsets![0].ports).toEqual([{ port: 8080, protocol: 'TCP' }]);
    expect(slices(c, 'kubia')[0].endpoints!.map((x) => x.conditions)).toEqual([
      { ready: false, serving: false, terminating: false },
      { ready: false, serving: false, terminating: false },
    ]);
    const pod = (c.api.scan('pods', 'default') as Pod[])[0];
    expect(c.runtime.writeFile('default', pod.metadata.name!, undefined, '/var/ready')).toBe(true);
    c.advance(2);
    e = ep(c, 'kubia')!;
    expect(e.subsets![0].addresses!.map((a) => a.ip)).toEqual([pod.status!.podIP]);
    expect(e.subsets![0].notReadyAddresses).toHaveLength(1);
    // Unready events from the probe.
    const reasons = c.api.scan('events', 'default').filter((x) => x.reason === 'Unhealthy').map((x) => x.message);
    expect(reasons[0]).toBe("Readiness probe failed: ls: cannot access '/var/ready': No such file or directory");
  });

  it('skips a pod whose named port does not resolve, and gives a Service matching nothing a placeholder slice', () => {
    const c = new Cluster({ seed: 23 });
    rc(c, 'kubia', 1);
    svc(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 'nope' }] });
    svc(c, 'empty', { selector: { app: 'nothing' }, ports: [{ port: 80 }] });
    c.advance(10);
    expect(ep(c, 'kubia')!.subsets).toBeUndefined();
    expect(ep(c, 'empty')!.subsets).toBeUndefined();
    const [placeholder] = slices(c, 'empty');
    expect(placeholder.endpoints).toBeNull();
    expect(placeholder.ports).toBeNull();
  });

  it('ExternalName gets neither Endpoints nor EndpointSlices', () => {
    const c = new Cluster({ seed: 24 });
    svc(c, 'external-service', { type: 'ExternalName', externalName: 'someapi.somecompany.com', ports: [{ port: 80 }] });
    expect(ep(c, 'external-service')).toBeUndefined();
    expect(slices(c, 'external-service')).toEqual([]);
  });
});

describe('scenario table (controllers-1.33.md §3)', () => {
  function handMade(c: Cluster) {
    svc(c, 'external-service', { ports: [{ port: 80 }] }, { tier: 'outside' });
    c.api.create('endpoints', 'default', {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'external-service', labels: { hand: 'made' } },
      subsets: [{ addresses: [{ ip: '22.22.22.22' }, { ip: '11.11.11.11' }], ports: [{ port: 80 }] }],
    });
  }

  it('selector-less Service + hand-made Endpoints: Endpoints as written, one mirrored slice', () => {
    const c = new Cluster({ seed: 31 });
    handMade(c);
    const e = ep(c, 'external-service')!;
    expect(e.metadata.labels).toEqual({ hand: 'made' });
    expect(e.subsets![0].addresses!.map((a) => a.ip)).toEqual(['22.22.22.22', '11.11.11.11']);
    expect(slices(c, 'external-service', CONTROLLER)).toEqual([]);
    const mirrored = slices(c, 'external-service', MIRROR);
    expect(mirrored).toHaveLength(1);
    const m = mirrored[0];
    expect(m.metadata.name).toMatch(/^external-service-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(m.metadata.labels).toEqual({ hand: 'made', 'kubernetes.io/service-name': 'external-service', 'endpointslice.kubernetes.io/managed-by': MIRROR });
    expect(m.metadata.ownerReferences).toEqual([{ apiVersion: 'v1', kind: 'Endpoints', name: 'external-service', uid: e.metadata.uid, controller: true, blockOwnerDeletion: true }]);
    expect(m.endpoints).toEqual([
      { addresses: ['11.11.11.11'], conditions: { ready: true } },
      { addresses: ['22.22.22.22'], conditions: { ready: true } },
    ]);
    expect(m.ports).toEqual([{ name: '', port: 80, protocol: 'TCP' }]);
  });

  it('adding a selector: the endpoints controller takes the Endpoints over, mirrored slices go', () => {
    const c = new Cluster({ seed: 32 });
    handMade(c);
    rc(c, 'kubia', 3);
    c.advance(10);
    c.api.patch('services', 'default', 'external-service', 'merge', { spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] } });
    const e = ep(c, 'external-service')!;
    expect(e.metadata.labels).toEqual({ tier: 'outside', 'endpoints.kubernetes.io/managed-by': 'endpoint-controller' });
    expect(e.subsets![0].addresses!.map((a) => a.ip)).toEqual(podIPs(c, 'kubia'));
    expect(slices(c, 'external-service', MIRROR)).toEqual([]);
    expect(slices(c, 'external-service', CONTROLLER)).toHaveLength(1);
  });

  it('removing the selector again: updates stop, the object stays as last written, a mirrored set appears beside the stale slices', () => {
    const c = new Cluster({ seed: 33 });
    handMade(c);
    rc(c, 'kubia', 3);
    c.advance(10);
    c.api.patch('services', 'default', 'external-service', 'merge', { spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] } });
    const before = ep(c, 'external-service')!;
    c.api.patch('services', 'default', 'external-service', 'merge', { spec: { selector: null } });
    // Scale the pods away: the frozen Endpoints does not notice.
    c.api.patch('replicationcontrollers', 'default', 'kubia', 'merge', { spec: { replicas: 1 } });
    c.advance(40);
    const after = ep(c, 'external-service')!;
    expect(after.metadata.resourceVersion).toBe(before.metadata.resourceVersion);
    expect(after.subsets![0].addresses).toHaveLength(3);
    expect(after.metadata.labels?.['endpoints.kubernetes.io/managed-by']).toBe('endpoint-controller');
    const stale = slices(c, 'external-service', CONTROLLER);
    expect(stale).toHaveLength(1);
    expect(stale[0].endpoints).toHaveLength(3);
    const mirrored = slices(c, 'external-service', MIRROR);
    expect(mirrored).toHaveLength(1);
    expect(mirrored[0].metadata.labels).toEqual({
      tier: 'outside',
      'endpoints.kubernetes.io/managed-by': 'endpoint-controller',
      'kubernetes.io/service-name': 'external-service',
      'endpointslice.kubernetes.io/managed-by': MIRROR,
    });
    expect(mirrored[0].endpoints!.map((x) => x.addresses[0])).toEqual(stale[0].endpoints!.map((x) => x.addresses[0]));
    expect(mirrored[0].endpoints![0].nodeName).toBeDefined();
    expect(mirrored[0].endpoints![0].targetRef?.kind).toBe('Pod');
  });

  it('deleting the Service deletes the Endpoints (hand-made too), the mirrored and the controller slices', () => {
    const c = new Cluster({ seed: 34 });
    handMade(c);
    rc(c, 'kubia', 1);
    svc(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] });
    c.advance(10);
    c.api.delete('services', 'default', 'external-service');
    c.api.delete('services', 'default', 'kubia');
    expect(ep(c, 'external-service')).toBeUndefined();
    expect(ep(c, 'kubia')).toBeUndefined();
    expect(slices(c, 'external-service')).toEqual([]);
    expect(slices(c, 'kubia')).toEqual([]);
  });

  it('deleting the Endpoints: recreated at once for a selector Service; gone (with its mirror) for a selector-less one', () => {
    const c = new Cluster({ seed: 35 });
    handMade(c);
    rc(c, 'kubia', 1);
    svc(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] });
    c.advance(10);
    const old = ep(c, 'kubia')!;
    c.api.delete('endpoints', 'default', 'kubia');
    const fresh = ep(c, 'kubia')!;
    expect(fresh.metadata.uid).not.toBe(old.metadata.uid);
    expect(fresh.subsets).toEqual(old.subsets);
    c.api.delete('endpoints', 'default', 'external-service');
    expect(ep(c, 'external-service')).toBeUndefined();
    expect(slices(c, 'external-service')).toEqual([]);
  });

  it('the kubernetes Endpoints carries skip-mirror and is not mirrored', () => {
    const c = new Cluster({ seed: 36 });
    expect(ep(c, 'kubernetes')!.metadata.labels).toEqual({ 'endpointslice.kubernetes.io/skip-mirror': 'true' });
    expect(slices(c, 'kubernetes').map((s) => s.metadata.name)).toEqual(['kubernetes']);
  });
});

export type { KubeObject };
