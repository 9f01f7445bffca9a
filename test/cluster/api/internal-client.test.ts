/**
 * The internal client (ApiServer.internalClient): the control plane's writes copied instead of
 * strictly decoded. It is the same server (one revision counter, one store), its writes store
 * what strict decoding would, and the check the test suite runs on every such write
 * (TRUSTED_DECODING.verify, test/support/setup.ts) does fail when the two would differ.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { TRUSTED_DECODING } from '../../../src/cluster/api/admission/decode.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';

const namespace = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'Namespace',
  metadata: { name, labels: { team: 'a', gone: undefined } },
  ...extra,
});

describe('ApiServer.internalClient', () => {
  afterEach(() => {
    TRUSTED_DECODING.verify = true;
  });

  it('is the same server: one revision, one store, watches and deletes included', () => {
    const c = new Cluster({ seed: 1 });
    const internal = c.api.internalClient();
    const before = Number(c.api.currentRevision());
    const seen: string[] = [];
    const stop = internal.watch('namespaces', undefined, (e) => seen.push(`${e.type} ${e.object.metadata.name}`));
    internal.create('namespaces', undefined, namespace('inside'));
    expect(Number(c.api.currentRevision())).toBe(before + 1);
    expect(c.api.peek('namespaces', undefined, 'inside')?.metadata.labels).toEqual({ team: 'a', 'kubernetes.io/metadata.name': 'inside' });
    internal.delete('namespaces', undefined, 'inside');
    stop();
    expect(seen[0]).toBe('ADDED inside');
    expect(c.api.peek('namespaces', undefined, 'inside')?.metadata.deletionTimestamp).toBeDefined();
    expect(Object.keys(internal)).toEqual([]); // no state of its own
  });

  it('stores byte for byte what a strictly decoded write stores', () => {
    const a = new Cluster({ seed: 7 });
    const b = new Cluster({ seed: 7 });
    const pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'p', labels: { app: 'x' } },
      spec: { containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }], nodeName: undefined },
      status: { conditions: [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: null }] },
    };
    const viaInternal = a.api.internalClient().create('pods', 'default', pod).object;
    const viaStrict = b.api.create('pods', 'default', pod).object;
    expect(JSON.stringify(viaInternal)).toBe(JSON.stringify(viaStrict));
  });

  it('under test, a write whose copy strict decoding would not agree with fails', () => {
    const c = new Cluster({ seed: 1 });
    const internal = c.api.internalClient();
    expect(() => internal.create('namespaces', undefined, namespace('odd', { bogus: 1 }))).toThrow(/unknown field "bogus"/);
    // Without the check the copy is trusted as it is: the control plane never sends such a body.
    TRUSTED_DECODING.verify = false;
    expect(internal.create('namespaces', undefined, namespace('odd', { bogus: 1 })).object).toHaveProperty('bogus', 1);
  });
});
