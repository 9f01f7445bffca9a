/** kubectl apply's three-way strategic merge patch (strategicpatch.CreateThreeWayMergePatch). */
import { describe, expect, it } from 'vitest';
import { goJSONCompact, modifiedConfiguration } from '../../src/kubectl/apply/last-applied.ts';
import { threeWayMergePatch } from '../../src/kubectl/apply/three-way.ts';

const svc = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}) => ({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', ...meta }, spec });

describe('threeWayMergePatch', () => {
  it('is empty when the manifest matches the live object', () => {
    const m = svc({ ports: [{ port: 80 }] });
    const live = svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }], clusterIP: '10.96.0.5' });
    expect(goJSONCompact(threeWayMergePatch('Service', m, m, live))).toBe('{}');
  });

  it('changes a field of a merge-list element with $setElementOrder', () => {
    const o = svc({ ports: [{ port: 80, targetPort: 8080 }] });
    const m = svc({ ports: [{ port: 80, targetPort: 9090 }] });
    const live = svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 8080 }] });
    expect(goJSONCompact(threeWayMergePatch('Service', o, m, live))).toBe('{"spec":{"$setElementOrder/ports":[{"port":80}],"ports":[{"port":80,"targetPort":9090}]}}');
  });

  it('replaces a list element: the new one, then a delete directive for the old', () => {
    const o = svc({ ports: [{ port: 80 }] });
    const m = svc({ ports: [{ port: 8080 }] });
    const live = svc({ ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }] });
    expect(goJSONCompact(threeWayMergePatch('Service', o, m, live))).toBe('{"spec":{"$setElementOrder/ports":[{"port":8080}],"ports":[{"port":8080},{"$patch":"delete","port":80}]}}');
  });

  it('deletes what the manifest dropped, never what the server added', () => {
    const o = svc({ selector: { app: 'a' }, ports: [{ port: 80 }] }, { labels: { tier: 'web' } });
    const m = svc({ ports: [{ port: 80 }] });
    const live = svc({ selector: { app: 'a' }, ports: [{ port: 80, protocol: 'TCP' }], clusterIP: '10.96.0.5' }, { labels: { tier: 'web' }, uid: 'u' });
    expect(goJSONCompact(threeWayMergePatch('Service', o, m, live))).toBe('{"metadata":{"labels":null},"spec":{"selector":null}}');
  });

  it('restores a field changed on the live object', () => {
    const o = svc({ type: 'ClusterIP' });
    const live = svc({ type: 'NodePort' });
    expect(goJSONCompact(threeWayMergePatch('Service', o, o, live))).toBe('{"spec":{"type":"ClusterIP"}}');
  });

  it('replaces atomic lists whole', () => {
    const kind = 'Endpoints';
    const o = { apiVersion: 'v1', kind, metadata: { name: 'e' }, subsets: [{ addresses: [{ ip: '1.1.1.1' }] }] };
    const m = { ...o, subsets: [{ addresses: [{ ip: '2.2.2.2' }] }] };
    expect(goJSONCompact(threeWayMergePatch(kind, o, m, o))).toBe('{"subsets":[{"addresses":[{"ip":"2.2.2.2"}]}]}');
  });
});

describe('last-applied-configuration', () => {
  it('is the object without the annotation, with annotations {} and a final newline', () => {
    const { annotation, object } = modifiedConfiguration({ apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { ports: [{ port: 80 }] } });
    expect(annotation).toBe('{"apiVersion":"v1","kind":"Service","metadata":{"annotations":{},"name":"web","namespace":"default"},"spec":{"ports":[{"port":80}]}}\n');
    expect(object.metadata.annotations).toEqual({ 'kubectl.kubernetes.io/last-applied-configuration': annotation });
  });
});
