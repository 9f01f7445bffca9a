/** kube-proxy tells listeners (the page's cluster map) which endpoint each connection went to. */
import { describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { ProxiedConnection } from '../../src/cluster/network/proxy.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

describe('kube-proxy connection events', () => {
  it('reports the Service and the endpoint a curl through it reached', async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 4 }) });
    const run = async (text: string) => {
      const io = new BufferIO();
      const code = await shell.run(text, io);
      expect(code, io.all).toBe(0);
      return io.out;
    };
    await run(
      'kubectl apply -f - <<EOF\napiVersion: v1\nkind: Service\nmetadata:\n  name: external-service\nspec:\n  ports:\n  - port: 80\n---\napiVersion: v1\nkind: Endpoints\nmetadata:\n  name: external-service\nsubsets:\n- addresses:\n  - ip: 11.11.11.11\n  - ip: 22.22.22.22\n  ports:\n  - port: 80\nEOF',
    );
    await run('kubectl run client --image=curlimages/curl --restart=Never --command -- sleep 3600');
    shell.cluster.advance(20);
    const seen: ProxiedConnection[] = [];
    const off = shell.cluster.network.proxy.onConnection((c) => seen.push(c));
    const body = await run('kubectl exec client -- curl -s http://external-service');
    off();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ namespace: 'default', service: 'external-service', port: 80 });
    expect(body).toBe(`Hello from ${seen[0].address}\n`);
    await run('kubectl exec client -- curl -s http://external-service');
    expect(seen).toHaveLength(1); // unsubscribed
  });
});
