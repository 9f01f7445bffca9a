import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../../src/cluster/cluster.ts';
import type { KubeObject } from '../../../src/cluster/api/types.ts';

const NAMES = ['a', 'b', 'c'];
const NAMESPACES = ['default', 'kube-system'];

function event(name: string, involved: string | undefined, kind = 'Pod'): unknown {
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: { name },
    involvedObject: involved === undefined ? { kind } : { kind, name: involved },
    reason: 'Test',
  };
}

const op = fc.oneof(
  fc.record({ op: fc.constant('create' as const), ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom('e1', 'e2', 'e3', 'e4'), involved: fc.option(fc.constantFrom(...NAMES), { nil: undefined }) }),
  fc.record({ op: fc.constant('update' as const), ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom('e1', 'e2', 'e3', 'e4'), involved: fc.constantFrom(...NAMES) }),
  fc.record({ op: fc.constant('delete' as const), ns: fc.constantFrom(...NAMESPACES), name: fc.constantFrom('e1', 'e2', 'e3', 'e4') }),
);

describe('listing events by involvedObject.name', () => {
  it('answers as filtering every event would, through creates, updates and deletes', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 25 }), (ops) => {
        const c = new Cluster({ seed: 5 });
        for (const o of ops) {
          try {
            if (o.op === 'create') c.api.create('events', o.ns, event(o.name, o.involved));
            else if (o.op === 'delete') c.api.delete('events', o.ns, o.name);
            else {
              const cur = c.api.get('events', o.ns, o.name).object;
              c.api.update('events', o.ns, { ...cur, involvedObject: { ...cur.involvedObject, name: o.involved } });
            }
          } catch {
            // AlreadyExists / NotFound: the sequence goes on
          }
        }
        const all = c.api.list('events', undefined).object.items;
        for (const ns of [undefined, ...NAMESPACES]) {
          for (const name of [...NAMES, '']) {
            for (const selector of [`involvedObject.name=${name}`, `involvedObject.name==${name},involvedObject.kind=Pod`]) {
              const got = c.api.list('events', ns, { fieldSelector: selector }).object.items.map((e) => `${e.metadata.namespace}/${e.metadata.name}`);
              const want = all
                .filter((e: KubeObject) => (ns === undefined || e.metadata.namespace === ns) && (e.involvedObject?.name ?? '') === name)
                .map((e) => `${e.metadata.namespace}/${e.metadata.name}`);
              expect(got).toEqual(want);
            }
          }
        }
      }),
      { numRuns: 25 },
    );
  });
});
