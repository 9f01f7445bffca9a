/** Deployment, garbage collection, namespaces, scheduling failures and events. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import type { KubeObject, Pod } from '../../../src/cluster/api/types.ts';
import { computeHash, safeEncodeString } from '../../../src/cluster/controllers/deployment.ts';
import { formatGoDuration } from '../../../src/cluster/controllers/kubelet.ts';

function deployment(c: Cluster, name: string, image: string, replicas = 3) {
  return c.api.create('deployments.apps', 'default', {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name },
    spec: {
      replicas,
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image }] } },
    },
  }).object;
}

function eventsOf(c: Cluster, kind: string, name: string, ns = 'default'): string[] {
  return c.api
    .scan('events', ns)
    .filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name)
    .sort((a, b) => (a.metadata.name! < b.metadata.name! ? -1 : 1))
    .map((e) => `${e.type} ${e.reason} ${e.message}`);
}

describe('deployment controller', () => {
  it('creates <deploy>-<hash> with revision annotations, then reports Available and Progressing', () => {
    const c = new Cluster({ seed: 41 });
    deployment(c, 'nginx', 'nginx:1.27');
    const [rs] = c.api.scan('replicasets.apps', 'default');
    const hash = rs.metadata.labels!['pod-template-hash'];
    expect(hash).toMatch(/^[456789bcdf]{1,10}$/);
    expect(rs.metadata.name).toBe(`nginx-${hash}`);
    expect(rs.metadata.annotations).toEqual({
      'deployment.kubernetes.io/desired-replicas': '3',
      'deployment.kubernetes.io/max-replicas': '4',
      'deployment.kubernetes.io/revision': '1',
    });
    expect(rs.spec.selector.matchLabels).toEqual({ app: 'nginx', 'pod-template-hash': hash });
    const pods = c.api.scan('pods', 'default') as Pod[];
    expect(pods.map((p) => p.metadata.name)).toEqual(pods.map(() => expect.stringMatching(new RegExp(`^nginx-${hash}-[bcdfghjklmnpqrstvwxz2456789]{5}$`))));
    let d = c.api.get('deployments.apps', 'default', 'nginx').object;
    expect(d.status.conditions.map((x: { type: string; status: string; reason: string }) => `${x.type}/${x.status}/${x.reason}`)).toEqual([
      'Available/False/MinimumReplicasUnavailable',
      'Progressing/True/ReplicaSetUpdated',
    ]);
    c.advance(15);
    d = c.api.get('deployments.apps', 'default', 'nginx').object;
    expect(d.metadata.annotations).toEqual({ 'deployment.kubernetes.io/revision': '1' });
    expect(d.status).toMatchObject({ observedGeneration: 1, replicas: 3, updatedReplicas: 3, readyReplicas: 3, availableReplicas: 3 });
    expect(d.status.unavailableReplicas).toBeUndefined();
    expect(d.status.conditions.map((x: { type: string; reason: string; message: string }) => `${x.type}/${x.reason}/${x.message}`)).toEqual([
      'Available/MinimumReplicasAvailable/Deployment has minimum availability.',
      `Progressing/NewReplicaSetAvailable/ReplicaSet "nginx-${hash}" has successfully progressed.`,
    ]);
    expect(eventsOf(c, 'Deployment', 'nginx')).toEqual([`Normal ScalingReplicaSet Scaled up replica set nginx-${hash} from 0 to 3`]);
    expect(eventsOf(c, 'ReplicaSet', `nginx-${hash}`).filter((e) => e.startsWith('Normal SuccessfulCreate Created pod: nginx-'))).toHaveLength(3);
  });

  it('rolls a new template out with maxSurge and maxUnavailable 25%', () => {
    const c = new Cluster({ seed: 42 });
    deployment(c, 'nginx', 'nginx:1.27', 4);
    c.advance(15);
    const oldRS = c.api.scan('replicasets.apps', 'default')[0].metadata.name!;
    c.api.patch('deployments.apps', 'default', 'nginx', 'merge', { spec: { template: { spec: { containers: [{ name: 'nginx', image: 'nginx:1.28' }] } } } });
    // Nothing becomes ready without time passing: 1 surge pod, 1 old pod down.
    let rss = c.api.scan('replicasets.apps', 'default');
    const newRS = rss.find((r) => r.metadata.name !== oldRS)!;
    expect(newRS.metadata.annotations!['deployment.kubernetes.io/revision']).toBe('2');
    expect(Object.fromEntries(rss.map((r) => [r.metadata.name === oldRS ? 'old' : 'new', r.spec.replicas]))).toEqual({ old: 3, new: 2 });
    c.advance(60);
    rss = c.api.scan('replicasets.apps', 'default');
    expect(Object.fromEntries(rss.map((r) => [r.metadata.name === oldRS ? 'old' : 'new', r.spec.replicas]))).toEqual({ old: 0, new: 4 });
    const d = c.api.get('deployments.apps', 'default', 'nginx').object;
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ replicas: 4, updatedReplicas: 4, availableReplicas: 4 });
    const ev = eventsOf(c, 'Deployment', 'nginx');
    expect(ev[0]).toBe(`Normal ScalingReplicaSet Scaled up replica set ${oldRS} from 0 to 4`);
    expect(ev[1]).toBe(`Normal ScalingReplicaSet Scaled up replica set ${newRS.metadata.name} from 0 to 1`);
    expect(ev).toContain(`Normal ScalingReplicaSet Scaled down replica set ${oldRS} from 1 to 0`);
    expect((c.api.scan('pods', 'default') as Pod[]).every((p) => p.metadata.name!.startsWith(newRS.metadata.name!))).toBe(true);
  });

  it('hashes like ComputeHash: SafeEncodeString of a decimal uint32', () => {
    expect(safeEncodeString('0123456789')).toBe('456789bcdf');
    expect(computeHash({ a: 1 })).toBe(computeHash({ a: 1 }));
    expect(computeHash({ a: 1 })).not.toBe(computeHash({ a: 1 }, 1));
  });
});

describe('garbage collector and namespace controller', () => {
  it('deleting a Deployment removes its ReplicaSets and their pods', () => {
    const c = new Cluster({ seed: 51 });
    deployment(c, 'nginx', 'nginx');
    c.advance(10);
    c.api.delete('deployments.apps', 'default', 'nginx');
    c.advance(40);
    expect(c.api.scan('replicasets.apps', 'default')).toEqual([]);
    expect(c.api.scan('pods', 'default')).toEqual([]);
  });

  it('deleting a namespace deletes what it holds', () => {
    const c = new Cluster({ seed: 52 });
    c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    c.api.create('services', 'lab', { apiVersion: 'v1', kind: 'Service', metadata: { name: 's' }, spec: { selector: { app: 'x' }, ports: [{ port: 80 }] } });
    c.api.create('pods', 'lab', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', labels: { app: 'x' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } });
    c.advance(10);
    expect(c.api.scan('endpoints', 'lab')).toHaveLength(1);
    c.api.delete('namespaces', undefined, 'lab');
    c.advance(40);
    for (const r of ['pods', 'services', 'endpoints', 'endpointslices.discovery.k8s.io']) expect(c.api.scan(r, 'lab')).toEqual([]);
    expect(c.api.peek('namespaces', undefined, 'lab')).toBeUndefined();
  });

  it('orphan propagation keeps the pods and removes their owner reference', () => {
    const c = new Cluster({ seed: 53 });
    c.api.create('replicationcontrollers', 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { replicas: 2, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    });
    c.advance(10);
    c.api.delete('replicationcontrollers', 'default', 'kubia', { propagationPolicy: 'Orphan' });
    c.advance(1);
    expect(c.api.peek('replicationcontrollers', 'default', 'kubia')).toBeUndefined();
    const pods = c.api.scan('pods', 'default') as Pod[];
    expect(pods).toHaveLength(2);
    for (const p of pods) expect(p.metadata.ownerReferences).toBeUndefined();
  });

  it('a deleted pod is Terminating until the kubelet has stopped its containers (Killing), then gone', () => {
    const c = new Cluster({ seed: 54 });
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web' }, spec: { containers: [{ name: 'nginx', image: 'nginx' }] } });
    c.advance(10);
    c.api.delete('pods', 'default', 'web');
    expect(c.api.get('pods', 'default', 'web').object.metadata.deletionTimestamp).toBeDefined();
    expect(eventsOf(c, 'Pod', 'web')).toContain('Normal Killing Stopping container nginx');
    c.advance(2);
    expect(c.api.peek('pods', 'default', 'web')).toBeUndefined();
  });
});

describe('scheduler', () => {
  it('reports FailedScheduling with the scheduler text when no node fits', () => {
    const c = new Cluster({ seed: 61 });
    c.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'big-pod' },
      spec: { containers: [{ name: 'c', image: 'nginx', resources: { requests: { cpu: '3' } } }] },
    });
    const p = c.api.get('pods', 'default', 'big-pod').object as Pod;
    expect(p.spec.nodeName).toBeUndefined();
    const msg =
      '0/4 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 3 Insufficient cpu. preemption: 0/4 nodes are available: 1 Preemption is not helpful for scheduling, 3 No preemption victims found for incoming pod.';
    expect(p.status?.conditions).toMatchObject([{ type: 'PodScheduled', status: 'False', lastTransitionTime: '2026-11-26T04:00:00Z', reason: 'Unschedulable', message: msg }]);
    const [ev] = c.api.scan('events', 'default').filter((e) => e.involvedObject.name === 'big-pod');
    expect(ev).toMatchObject({ type: 'Warning', reason: 'FailedScheduling', message: msg, reportingComponent: 'default-scheduler', action: 'Scheduling', source: {} });
    expect(ev.eventTime).toMatch(/^2026-11-26T04:00:00\.\d{6}Z$/);
    expect(ev.metadata.name).toMatch(/^big-pod\.[0-9a-f]{16}$/);
  });

  it('spreads the pods of one owner over node01..node03 and never uses the tainted control plane', () => {
    const c = new Cluster({ seed: 62 });
    deployment(c, 'web', 'nginx', 6);
    const nodes = (c.api.scan('pods', 'default') as Pod[]).map((p) => p.spec.nodeName).sort();
    expect(nodes).toEqual(['node01', 'node01', 'node02', 'node02', 'node03', 'node03']);
  });
});

describe('events', () => {
  it('names events <object>.<hex nanos> and aggregates identical repeats', () => {
    const c = new Cluster({ seed: 71 });
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bad' }, spec: { containers: [{ name: 'c', image: 'doesnotexist' }] } });
    c.advance(120);
    const pulling = c.api.scan('events', 'default').filter((e) => e.involvedObject.name === 'bad' && e.reason === 'Pulling');
    expect(pulling).toHaveLength(1);
    const [e] = pulling;
    expect(e.metadata.name).toMatch(/^bad\.[0-9a-f]{16}$/);
    expect(e.count).toBeGreaterThan(2);
    expect(e.lastTimestamp > e.firstTimestamp).toBe(true);
    expect(e.source).toEqual({ component: 'kubelet', host: (c.api.get('pods', 'default', 'bad').object as Pod).spec.nodeName });
    expect(e.involvedObject.fieldPath).toBe('spec.containers{c}');
    expect(e.reportingComponent).toBe('kubelet');
    const failed = c.api.scan('events', 'default').find((x) => x.involvedObject.name === 'bad' && x.message.startsWith('Failed to pull'));
    expect(failed?.message).toBe(
      'Failed to pull image "doesnotexist": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/doesnotexist:latest": failed to resolve reference "docker.io/library/doesnotexist:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    );
  });

  it('formats pull durations as Go does', () => {
    expect(formatGoDuration(812)).toBe('812ms');
    expect(formatGoDuration(1500)).toBe('1.5s');
    expect(formatGoDuration(62003)).toBe('1m2.003s');
  });
});

export type { KubeObject };
