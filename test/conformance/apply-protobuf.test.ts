/**
 * The protobuf bodies of the real kubectl v1.33's typed clients (src/cli/protobuf.ts): each
 * generator's POST, sent as application/vnd.kubernetes.protobuf, must decode to exactly the JSON
 * the same kubectl prints for the object with --dry-run=client -o json (the Go types marshalled).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { kubeconfigFor, serveApi, type HttpApi, type RequestLog } from '../../src/cli/http-api.ts';
import { decodeKubernetesProtobuf, decodeMessage, PROTOBUF_CONTENT_TYPE, ProtobufError, readFields } from '../../src/cli/protobuf.ts';
import { runRealKubectl } from '../support/real-kubectl.ts';

const GENERATORS = [
  'create service clusterip my-svc --tcp=80:8080,443',
  'create service nodeport np --tcp=80:http --node-port=30080',
  'create service loadbalancer lb --tcp=5678:8080',
  'create service externalname ex --external-name=someapi.somecompany.com',
  'create deployment web --image=nginx --replicas=2 --port=80',
  'create deployment zero --image=busybox --replicas=0 -- sleep 3600',
  'create namespace foo',
  'create configmap cm --from-literal=a=b --from-literal=empty=',
  'create secret generic s --from-literal=user=admin',
];

let served: HttpApi;
let kubeconfig: string;
const log: RequestLog = [];

beforeAll(async () => {
  served = await serveApi(new Cluster({ seed: 3, now: Date.now() }).api, { log });
  kubeconfig = kubeconfigFor(served.url);
});
afterAll(async () => {
  await served?.close();
});

describe('protobuf bodies from the real kubectl decode to the JSON of the same object', () => {
  for (const command of GENERATORS) {
    it(command, async () => {
      const args = command.split(' ');
      // The flags go before the arguments: after `--` they would be the container's command.
      const dry = await runRealKubectl([args[0], '--dry-run=client', '-o', 'json', ...args.slice(1)], kubeconfig);
      expect(dry.code, dry.stderr).toBe(0);
      log.length = 0;
      const real = await runRealKubectl(args, kubeconfig);
      expect(real.stderr).toBe('');
      const post = log.find((r) => r.method === 'POST');
      expect(post?.contentType).toBe(PROTOBUF_CONTENT_TYPE);
      expect(decodeKubernetesProtobuf(post!.body)).toEqual(JSON.parse(dry.stdout));
    });
  }
});

describe('the wire format', () => {
  it('reads varints past 32 bits and negative int64s', () => {
    // field 7 (generation) = 2^40; field 10 (deletionGracePeriodSeconds) = -1 as a 10-byte varint
    const bytes = Uint8Array.from([0x38, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20, 0x50, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    expect(decodeMessage('ObjectMeta', bytes)).toEqual({ generation: 2 ** 40, deletionGracePeriodSeconds: -1 });
    expect(readFields(bytes).map((f) => f.num)).toEqual([7, 10]);
  });

  it('reports what it cannot read instead of dropping it', () => {
    expect(() => decodeMessage('ServicePort', Uint8Array.from([0x78, 0x01]))).toThrow(/field 15 of ServicePort/);
    expect(() => decodeKubernetesProtobuf(Uint8Array.from([0x7b, 0x7d]))).toThrow(ProtobufError);
  });
});
