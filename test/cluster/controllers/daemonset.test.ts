/**
 * The DaemonSet controller (pkg/controller/daemon) and the system DaemonSets of the bootstrapped
 * cluster: one pod per fitting node, pinned by node affinity, following node labels and taints,
 * replaced when it fails, rolled one node at a time on a template change.
 */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { EVENT_TTL_MS } from '../../../src/cluster/api/apiserver.ts';
import { ApiError } from '../../../src/cluster/api/errors.ts';
import { clone, type KubeObject, type Pod } from '../../../src/cluster/api/types.ts';

const DS = 'daemonsets.apps';

function daemonPods(c: Cluster, ns: string, app: string): Pod[] {
  return (c.api.list('pods', ns, { labelSelector: `app=${app}` }).object.items as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
}

function nodesOf(pods: Pod[]): string[] {
  return pods.map((p) => p.spec.nodeName ?? '').sort();
}

function createDaemonSet(c: Cluster, name: string, podSpec: Record<string, unknown> = {}): KubeObject {
  return c.api.create(DS, 'default', {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name },
    spec: {
      selector: { matchLabels: { app: name } },
      template: { metadata: { labels: { app: name } }, spec: { containers: [{ name, image: 'nginx:1.27' }], ...podSpec } },
    },
  }).object;
}

function label(c: Cluster, node: string, labels: Record<string, string | null>): void {
  c.api.patch('nodes', undefined, node, 'merge', { metadata: { labels } });
}

describe('bootstrapped cluster', () => {
  it('runs kube-proxy and flannel on every node and the control plane as static pods', () => {
    const c = new Cluster({ seed: 1 });
    const proxies = c.api.list('pods', 'kube-system', { labelSelector: 'k8s-app=kube-proxy' }).object.items as Pod[];
    expect(nodesOf(proxies)).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    expect(nodesOf(daemonPods(c, 'kube-flannel', 'flannel'))).toEqual(['controlplane', 'node01', 'node02', 'node03']);
    for (const p of proxies) {
      expect(p.status?.phase).toBe('Running');
      // hostNetwork: the pod's IP is its node's.
      const node = c.api.get('nodes', undefined, p.spec.nodeName!).object;
      expect(p.status?.podIP).toBe(node.status!.addresses[0].address);
      expect(p.metadata.labels).toMatchObject({ 'pod-template-generation': '1' });
      expect(p.spec.priority).toBe(2000001000);
    }
    const etcd = c.api.get('pods', 'kube-system', 'etcd-controlplane').object as Pod;
    expect(etcd.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Node', name: 'controlplane', controller: true });
    expect(etcd.spec.serviceAccountName).toBeUndefined();
    const ds = c.api.get(DS, 'kube-system', 'kube-proxy').object;
    expect(ds.status).toEqual({
      currentNumberScheduled: 4,
      desiredNumberScheduled: 4,
      numberAvailable: 4,
      numberMisscheduled: 0,
      numberReady: 4,
      observedGeneration: 1,
      updatedNumberScheduled: 4,
    });
  });

  it('keeps no event older than the event TTL', () => {
    const c = new Cluster({ seed: 1 });
    expect(c.api.list('events', undefined).object.items).toEqual([]);
    c.api.create('pods', 'default', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'p', image: 'nginx' }] } });
    c.advance(10);
    expect(c.api.list('events', 'default').object.items.length).toBeGreaterThan(0);
    c.advance(EVENT_TTL_MS / 1000);
    expect(c.api.list('events', 'default').object.items).toEqual([]);
  });
});

describe('DaemonSet controller', () => {
  it('puts one pod on each worker, pinned by node affinity, with the daemon tolerations', () => {
    const c = new Cluster({ seed: 2 });
    createDaemonSet(c, 'agent');
    c.advance(10);
    const pods = daemonPods(c, 'default', 'agent');
    // The control plane's NoSchedule taint is not tolerated by this template.
    expect(nodesOf(pods)).toEqual(['node01', 'node02', 'node03']);
    const p = pods.find((x) => x.spec.nodeName === 'node02')!;
    expect((p.spec.affinity as any).nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms).toEqual([
      { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node02'] }] },
    ]);
    expect((p.spec.tolerations as any[]).map((t) => `${t.key}:${t.effect}`)).toEqual([
      'node.kubernetes.io/not-ready:NoExecute',
      'node.kubernetes.io/unreachable:NoExecute',
      'node.kubernetes.io/disk-pressure:NoSchedule',
      'node.kubernetes.io/memory-pressure:NoSchedule',
      'node.kubernetes.io/pid-pressure:NoSchedule',
      'node.kubernetes.io/unschedulable:NoSchedule',
    ]);
    expect(p.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'DaemonSet', name: 'agent', controller: true });
    expect(c.api.get(DS, 'default', 'agent').object.status).toMatchObject({ desiredNumberScheduled: 3, numberReady: 3, numberAvailable: 3 });
  });

  it('follows node labels: a nodeSelector adds and removes pods as nodes are labelled', () => {
    const c = new Cluster({ seed: 3 });
    createDaemonSet(c, 'gpu', { nodeSelector: { gpu: 'true' } });
    c.advance(5);
    expect(daemonPods(c, 'default', 'gpu')).toEqual([]);
    label(c, 'node01', { gpu: 'true' });
    label(c, 'node03', { gpu: 'true' });
    c.advance(5);
    expect(nodesOf(daemonPods(c, 'default', 'gpu'))).toEqual(['node01', 'node03']);
    label(c, 'node01', { gpu: null });
    c.advance(40);
    expect(nodesOf(daemonPods(c, 'default', 'gpu'))).toEqual(['node03']);
  });

  it('replaces a deleted daemon pod on the same node', () => {
    const c = new Cluster({ seed: 4 });
    createDaemonSet(c, 'agent');
    c.advance(10);
    const victim = daemonPods(c, 'default', 'agent').find((p) => p.spec.nodeName === 'node01')!;
    c.api.delete('pods', 'default', victim.metadata.name!, { gracePeriodSeconds: 0 });
    c.advance(10);
    const now = daemonPods(c, 'default', 'agent');
    expect(nodesOf(now)).toEqual(['node01', 'node02', 'node03']);
    expect(now.map((p) => p.metadata.name)).not.toContain(victim.metadata.name);
  });

  it('rolls a template change one node at a time and bumps the template generation', () => {
    const c = new Cluster({ seed: 5 });
    createDaemonSet(c, 'agent');
    c.advance(10);
    const ds = clone(c.api.get(DS, 'default', 'agent').object);
    ds.spec.template.spec.containers[0].image = 'nginx:1.28';
    c.api.update(DS, 'default', ds);
    expect(c.api.get(DS, 'default', 'agent').object.metadata.annotations).toMatchObject({ 'deprecated.daemonset.template.generation': '2' });
    // maxUnavailable 1: never more than one node without an available daemon pod.
    let seenUnavailable = 0;
    for (let i = 0; i < 120; i++) {
      c.advance(1);
      const status = c.api.get(DS, 'default', 'agent').object.status;
      seenUnavailable = Math.max(seenUnavailable, status.numberUnavailable ?? 0);
    }
    const pods = daemonPods(c, 'default', 'agent');
    expect(nodesOf(pods)).toEqual(['node01', 'node02', 'node03']);
    expect(pods.every((p) => p.spec.containers[0].image === 'nginx:1.28' && p.metadata.labels!['pod-template-generation'] === '2')).toBe(true);
    expect(seenUnavailable).toBe(1);
    expect(c.api.get(DS, 'default', 'agent').object.status).toMatchObject({ updatedNumberScheduled: 3, numberAvailable: 3 });
  });

  it('rejects a template whose labels the selector does not match, as ValidateDaemonSetSpec does', () => {
    const c = new Cluster({ seed: 6 });
    let err: unknown;
    try {
      c.api.create(DS, 'default', {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: { name: 'bad' },
        spec: { selector: { matchLabels: { app: 'x' } }, template: { metadata: { labels: { app: 'y' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
      });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe(
      'DaemonSet.apps "bad" is invalid: spec.template.metadata.labels: Invalid value: map[string]string{"app":"y"}: `selector` does not match template `labels`',
    );
  });
});
