import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { ApiError } from '../../src/cluster/api/errors.ts';

describe('API server basics', () => {
  it('creates a Service with server-set metadata and allocates a ClusterIP', () => {
    const c = new Cluster({ seed: 7 });
    const { object } = c.api.create('services', 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubia' },
      spec: { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080 }] },
    });
    expect(object.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(object.metadata.creationTimestamp).toBe('2026-11-26T04:00:00Z');
    expect(object.spec.clusterIP).toMatch(/^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
    expect(object.spec.ports[0]).toEqual({ port: 80, targetPort: 8080, protocol: 'TCP' });
  });

  it('answers NotFound and AlreadyExists with the API server texts', () => {
    const c = new Cluster();
    expect(() => c.api.get('services', 'default', 'nope')).toThrowError('services "nope" not found');
    try {
      c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'kubernetes' }, spec: { ports: [{ port: 1 }] } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      expect((e as ApiError).status.message).toBe('services "kubernetes" already exists');
    }
  });

  it('rejects a stale resourceVersion with Conflict', () => {
    const c = new Cluster();
    const svc = c.api.get('services', 'default', 'kubernetes').object;
    const updated = { ...svc, metadata: { ...svc.metadata, labels: { a: 'b' } } };
    c.api.update('services', 'default', updated);
    expect(() => c.api.update('services', 'default', updated)).toThrowError(/Operation cannot be fulfilled on services "kubernetes": the object has been modified/);
  });
});
