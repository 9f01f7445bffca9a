import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import type { Pod } from '../../../src/cluster/api/types.ts';

function pod(name: string, image = 'luksa/kubia', extra: Record<string, unknown> = {}) {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: { app: 'kubia' } },
    spec: { containers: [{ name: 'kubia', image, ports: [{ containerPort: 8080 }] }], ...extra },
  };
}

function events(c: Cluster, name: string) {
  return c.api
    .scan('events', 'default')
    .filter((e) => e.involvedObject.name === name)
    .map((e) => `${e.type} ${e.reason} ${e.source?.component ?? e.reportingComponent} ${e.message}${e.count > 1 ? ` x${e.count}` : ''}`);
}

describe('scheduler and kubelet', () => {
  it('binds a pod to a worker, then runs it to Ready with the kubelet events', () => {
    const c = new Cluster({ seed: 3 });
    c.api.create('pods', 'default', pod('kubia-manual'));
    let p = c.api.get('pods', 'default', 'kubia-manual').object as Pod;
    expect(p.spec.nodeName).toMatch(/^node0[123]$/);
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ContainerCreating');
    c.advance(10);
    p = c.api.get('pods', 'default', 'kubia-manual').object as Pod;
    expect(p.status?.phase).toBe('Running');
    expect(p.status?.podIP).toMatch(/^10\.244\.[123]\.\d+$/);
    expect(p.status?.conditions?.map((x) => `${x.type}=${x.status}`)).toEqual([
      'PodReadyToStartContainers=True',
      'Initialized=True',
      'Ready=True',
      'ContainersReady=True',
      'PodScheduled=True',
    ]);
    const cs = p.status!.containerStatuses![0];
    expect(cs.image).toBe('docker.io/luksa/kubia:latest');
    expect(cs.imageID).toMatch(/^docker\.io\/luksa\/kubia@sha256:[0-9a-f]{64}$/);
    expect(cs.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    const ev = events(c, 'kubia-manual');
    expect(ev[0]).toBe(`Normal Scheduled default-scheduler Successfully assigned default/kubia-manual to ${p.spec.nodeName}`);
    expect(ev.slice(1).map((e) => e.split(' ').slice(0, 3).join(' '))).toEqual([
      'Normal Pulling kubelet',
      'Normal Pulled kubelet',
      'Normal Created kubelet',
      'Normal Started kubelet',
    ]);
    expect(ev[2]).toMatch(/^Normal Pulled kubelet Successfully pulled image "luksa\/kubia" in [\d.]+m?s \([\d.]+m?s including waiting\)\. Image size: 250151283 bytes\.$/);
    expect(ev[3]).toBe('Normal Created kubelet Created container: kubia');
    expect(ev[4]).toBe('Normal Started kubelet Started container kubia');
  });

  it('fails to pull an unknown image: ErrImagePull, then ImagePullBackOff', () => {
    const c = new Cluster({ seed: 3 });
    c.api.create('pods', 'default', pod('bad', 'luksa/kubia:v9'));
    c.advance(6);
    let p = c.api.get('pods', 'default', 'bad').object as Pod;
    expect(p.status?.phase).toBe('Pending');
    expect(p.status?.containerStatuses?.[0].state?.waiting?.reason).toBe('ImagePullBackOff');
    c.advance(60);
    p = c.api.get('pods', 'default', 'bad').object as Pod;
    const ev = events(c, 'bad');
    expect(ev).toContain('Warning Failed kubelet Error: ErrImagePull x3');
    expect(ev.some((e) => e.startsWith('Normal BackOff kubelet Back-off pulling image "luksa/kubia:v9"'))).toBe(true);
    expect(ev.some((e) => e.includes('Failed to pull image "luksa/kubia:v9": rpc error: code = NotFound'))).toBe(true);
  });

  it('keeps the service environment of the Services that existed at container start', () => {
    const c = new Cluster({ seed: 5 });
    c.api.create('services', 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubia' },
      spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    const ip = c.api.get('services', 'default', 'kubia').object.spec.clusterIP;
    c.api.create('pods', 'default', pod('p1'));
    c.advance(10);
    c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'later-svc' }, spec: { ports: [{ port: 81 }] } });
    const env = c.runtime.containerEnv('default', 'p1')!;
    const names = env.map((e) => e.name);
    expect(names[0]).toBe('PATH');
    expect(names[1]).toBe('HOSTNAME');
    expect(env.find((e) => e.name === 'KUBIA_SERVICE_HOST')?.value).toBe(ip);
    expect(env.find((e) => e.name === 'KUBIA_PORT_80_TCP')?.value).toBe(`tcp://${ip}:80`);
    expect(env.find((e) => e.name === 'KUBERNETES_SERVICE_PORT_HTTPS')?.value).toBe('443');
    expect(names.some((n) => n.startsWith('LATER_SVC'))).toBe(false);
  });
});

describe('replication controller', () => {
  it('creates pods named <rc>-xxxxx, spreads them over the workers and replaces a relabelled pod', () => {
    const c = new Cluster({ seed: 11 });
    c.api.create('replicationcontrollers', 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: {
        replicas: 3,
        selector: { app: 'kubia' },
        template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] } },
      },
    });
    c.advance(10);
    const pods = c.api.scan('pods', 'default') as Pod[];
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.name).toMatch(/^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
      expect(p.metadata.ownerReferences).toEqual([
        { apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: c.api.get('replicationcontrollers', 'default', 'kubia').object.metadata.uid, controller: true, blockOwnerDeletion: true },
      ]);
    }
    expect(new Set(pods.map((p) => p.spec.nodeName))).toEqual(new Set(['node01', 'node02', 'node03']));
    expect(new Set(pods.map((p) => p.status?.podIP)).size).toBe(3);
    const rc = c.api.get('replicationcontrollers', 'default', 'kubia').object;
    expect(rc.status).toEqual({ replicas: 3, fullyLabeledReplicas: 3, readyReplicas: 3, availableReplicas: 3, observedGeneration: 1 });

    // Relabel one pod out of the selector: it is orphaned and replaced.
    const victim = pods[0];
    c.api.patch('pods', 'default', victim.metadata.name!, 'merge', { metadata: { labels: { app: 'foo' } } });
    const after = c.api.scan('pods', 'default') as Pod[];
    expect(after).toHaveLength(4);
    expect(c.api.get('pods', 'default', victim.metadata.name!).object.metadata.ownerReferences).toBeUndefined();

    // Scale down to 1.
    c.api.patch('replicationcontrollers', 'default', 'kubia', 'merge', { spec: { replicas: 1 } });
    // Deleted pods are Terminating (deletionTimestamp set) until the kubelet has stopped them.
    expect((c.api.scan('pods', 'default') as Pod[]).filter((p) => p.metadata.labels?.app === 'kubia' && !p.metadata.deletionTimestamp)).toHaveLength(1);
    const reasons = c.api.scan('events', 'default').filter((e) => e.involvedObject.kind === 'ReplicationController').map((e) => `${e.reason}`);
    expect(reasons.filter((r) => r === 'SuccessfulCreate')).toHaveLength(4);
    expect(reasons.filter((r) => r === 'SuccessfulDelete')).toHaveLength(2);
  });
});
