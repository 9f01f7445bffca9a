import { describe, expect, it } from 'vitest';
import type { WatchEvent } from '../../../src/cluster/api/apiserver.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';

const rv = (e: WatchEvent) => Number(e.object.metadata.resourceVersion ?? e.old?.metadata.resourceVersion);

describe('watch delivery order', () => {
  it('a watcher registered after the controllers sees their writes after the write that caused them', () => {
    const c = new Cluster({ seed: 3 });
    const seen: WatchEvent[] = [];
    c.api.watch(undefined, undefined, (e) => seen.push(e));
    // The RC controller creates pods, the scheduler and kubelets update them, the endpoints
    // controllers write: all of it inside the controller manager's handler for this create.
    c.api.create('replicationcontrollers', 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: 'kubia' },
      spec: { replicas: 2, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    });
    c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubia' }, spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] } });
    c.advance(30);
    expect(seen[0].resource).toBe('replicationcontrollers');
    expect(seen.length).toBeGreaterThan(10);
    const adds = seen.filter((e) => e.type !== 'DELETED').map(rv);
    expect(adds).toEqual([...adds].sort((a, b) => a - b));
  });

  it('a watcher that writes gets later events after the one it handles, and later watchers get them in commit order', () => {
    const c = new Cluster({ seed: 3 });
    const first: string[] = [];
    const last: string[] = [];
    c.api.watch('configmaps', 'default', (e) => {
      first.push(e.object.metadata.name!);
      if (e.type === 'ADDED' && e.object.metadata.name === 'a') {
        c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
      }
    });
    c.api.watch('configmaps', 'default', (e) => last.push(`${e.object.metadata.name}@${e.object.metadata.resourceVersion}`));
    const a = c.api.create('configmaps', 'default', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } }).object;
    const b = c.api.get('configmaps', 'default', 'b').object;
    expect(first).toEqual(['a', 'b']);
    expect(last).toEqual([`a@${a.metadata.resourceVersion}`, `b@${b.metadata.resourceVersion}`]);
    expect(Number(b.metadata.resourceVersion)).toBeGreaterThan(Number(a.metadata.resourceVersion));
  });
});
