/** kube-proxy, cluster DNS and kubectl exec/logs over a small cluster, without golden files. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Cluster } from '../../src/cluster/cluster.ts';
import type { Pod, Service } from '../../src/cluster/api/types.ts';
import type { CommandIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';

function kubiaPods(c: Cluster, n: number, labels: Record<string, string> = { app: 'kubia' }) {
  for (let i = 0; i < n; i++) {
    c.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: `kubia-${i}`, labels },
      spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ name: 'http', containerPort: 8080 }] }] },
    });
  }
}

function service(c: Cluster, name: string, spec: Record<string, unknown>): Service {
  return c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec }).object as Service;
}

function podClient(c: Cluster, name: string) {
  const p = c.api.peek('pods', 'default', name) as Pod;
  return { ip: p.status!.podIP!, nodeName: p.spec.nodeName!, pod: { namespace: 'default', name } };
}

function get(c: Cluster, from: ReturnType<typeof podClient>, ip: string, port: number): string {
  const conn = c.network.connect(from, ip, port);
  if (conn.kind !== 'connected') return conn.kind;
  return c.network.serve(conn, { method: 'GET', path: '/', headers: [] }).body;
}

async function run(shell: Shell, line: string, readLines: string[] = []) {
  let out = '';
  let err = '';
  const io: CommandIO = {
    stdout: (t) => (out += t),
    stderr: (t) => (err += t),
    stdin: '',
    signal: new AbortController().signal,
    tty: false,
    columns: 120,
    readLine: readLines.length ? async (prompt) => {
      out += prompt;
      const l = readLines.shift();
      if (l !== undefined) out += l + '\n';
      return l ?? null;
    } : undefined,
  };
  const code = await shell.run(line, io);
  return { out, err, code };
}

describe('kube-proxy', () => {
  it('spreads connections over every ready endpoint, reproducibly for a seed', () => {
    const seen = (seed: number) => {
      const c = new Cluster({ seed });
      kubiaPods(c, 3);
      const svc = service(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 'http' }] });
      c.advance(20);
      const from = podClient(c, 'kubia-0');
      return Array.from({ length: 30 }, () => get(c, from, svc.spec.clusterIP!, 80));
    };
    const a = seen(7);
    expect(new Set(a)).toEqual(new Set(['You\'ve hit kubia-0\n', 'You\'ve hit kubia-1\n', 'You\'ve hit kubia-2\n']));
    expect(seen(7)).toEqual(a);
  });

  it('keeps a client on one endpoint with sessionAffinity ClientIP', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (seed) => {
        const c = new Cluster({ seed });
        kubiaPods(c, 3);
        const svc = service(c, 'kubia', { selector: { app: 'kubia' }, sessionAffinity: 'ClientIP', ports: [{ port: 80, targetPort: 8080 }] });
        c.advance(20);
        const from = podClient(c, 'kubia-1');
        const answers = new Set(Array.from({ length: 10 }, () => get(c, from, svc.spec.clusterIP!, 80)));
        return answers.size === 1;
      }),
      { numRuns: 5 },
    );
  });

  it('refuses when no endpoint is ready, drops undeclared ports, and serves NodePorts on every node', () => {
    const c = new Cluster({ seed: 3 });
    kubiaPods(c, 1);
    const none = service(c, 'nobody', { selector: { app: 'nobody' }, ports: [{ port: 80, targetPort: 8080 }] });
    const np = service(c, 'kubia-np', { type: 'NodePort', selector: { app: 'kubia' }, ports: [{ port: 80, targetPort: 8080, nodePort: 30123 }] });
    c.advance(20);
    const from = podClient(c, 'kubia-0');
    expect(get(c, from, none.spec.clusterIP!, 80)).toBe('refused');
    expect(get(c, from, np.spec.clusterIP!, 81)).toBe('timeout');
    for (const ip of ['192.168.56.10', '192.168.56.11', '192.168.56.12', '192.168.56.13']) expect(get(c, from, ip, 30123)).toBe("You've hit kubia-0\n");
    expect(get(c, from, '33.33.33.33', 80)).toBe('timeout');
    expect(get(c, from, '11.11.11.11', 80)).toBe('Hello from 11.11.11.11\n');
  });

  it('lets a lesson declare outside hosts with public names', () => {
    const c = new Cluster({ seed: 1 });
    c.network.world.addHost({ name: 'api.example.org', ips: ['44.44.44.44'], body: 'hello\n' });
    expect(c.network.dns.query('api.example.org', 'A').answers.map((r) => r.data)).toEqual(['44.44.44.44']);
    expect(c.network.world.accepts('44.44.44.44', 80)).toBe(true);
  });
});

describe('cluster DNS', () => {
  it('answers A, headless, ExternalName CNAME, SRV, pod names and NXDOMAIN', () => {
    const c = new Cluster({ seed: 5 });
    kubiaPods(c, 2);
    const svc = service(c, 'kubia', { selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    service(c, 'kubia-headless', { clusterIP: 'None', selector: { app: 'kubia' }, ports: [{ name: 'http', port: 80, targetPort: 'http' }] });
    service(c, 'empty-headless', { clusterIP: 'None', selector: { app: 'none' }, ports: [{ port: 80 }] });
    service(c, 'external-service', { type: 'ExternalName', externalName: 'someapi.somecompany.com', ports: [{ port: 80 }] });
    c.advance(20);
    const dns = c.network.dns;
    const a = dns.query('kubia.default.svc.cluster.local', 'A');
    expect(a).toMatchObject({ rcode: 'NOERROR', authoritative: true });
    expect(a.answers).toEqual([{ name: 'kubia.default.svc.cluster.local', ttl: 30, type: 'A', data: svc.spec.clusterIP }]);
    expect(dns.query('kubia.default.svc.cluster.local', 'AAAA')).toMatchObject({ rcode: 'NOERROR', answers: [] });
    const podIPs = ['kubia-0', 'kubia-1'].map((n) => (c.api.peek('pods', 'default', n) as Pod).status!.podIP!).sort();
    expect(dns.query('kubia-headless.default.svc.cluster.local', 'A').answers.map((r) => r.data).sort()).toEqual(podIPs);
    expect(dns.query('empty-headless.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(dns.query(`${podIPs[0].replace(/\./g, '-')}.kubia-headless.default.svc.cluster.local`, 'A').answers[0].data).toBe(podIPs[0]);
    const cname = dns.query('external-service.default.svc.cluster.local', 'A').answers;
    expect(cname.map((r) => `${r.type} ${r.data}`)).toEqual(['CNAME someapi.somecompany.com', 'A 11.11.11.11']);
    expect(dns.query('_http._tcp.kubia.default.svc.cluster.local', 'SRV').answers[0].data).toBe('0 100 80 kubia.default.svc.cluster.local');
    expect(dns.query('_http._tcp.kubia-headless.default.svc.cluster.local', 'SRV').answers).toHaveLength(2);
    expect(dns.query('10-1-2-3.default.pod.cluster.local', 'A').answers[0].data).toBe('10.1.2.3');
    expect(dns.query('nope.default.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(dns.query('kubia.nonamespace.svc.cluster.local', 'A').rcode).toBe('NXDOMAIN');
    expect(dns.query('kubia.default', 'A')).toMatchObject({ rcode: 'NXDOMAIN', authoritative: false });
    expect(dns.query(svc.spec.clusterIP!.split('.').reverse().join('.') + '.in-addr.arpa', 'PTR').answers[0].data).toBe('kubia.default.svc.cluster.local');
  });
});

describe('kubectl exec and logs', () => {
  const setup = async () => {
    const shell = new Shell({ cluster: new Cluster({ seed: 2 }) });
    kubiaPods(shell.cluster, 1);
    shell.cluster.api.create('pods', 'default', {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'two' },
      spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }, { name: 'side', image: 'nginx' }] },
    });
    shell.cluster.advance(20);
    return shell;
  };

  it('reports exit codes, missing programs, containers and pods as kubectl does', async () => {
    const shell = await setup();
    expect(await run(shell, 'kubectl exec kubia-0 -- false')).toEqual({ out: '', err: 'command terminated with exit code 1\n', code: 1 });
    const missing = await run(shell, 'kubectl exec kubia-0 -- nslookup kubia');
    expect(missing.err).toMatch(/^error: Internal error occurred: error executing command in container: failed to exec in container: failed to start exec "[0-9a-f]{64}": OCI runtime exec failed: exec failed: unable to start container process: exec: "nslookup": executable file not found in \$PATH: unknown\n$/);
    expect(await run(shell, 'kubectl exec nope -- ls')).toMatchObject({ err: 'Error from server (NotFound): pods "nope" not found\n', code: 1 });
    expect((await run(shell, 'kubectl exec kubia-0 -c bogus -- ls')).err).toBe('error: unable to upgrade connection: container bogus is not valid for pod kubia-0\n');
    const two = await run(shell, 'kubectl exec two -- hostname');
    expect(two).toEqual({ out: 'two\n', err: 'Defaulted container "main" out of: main, side\n', code: 0 });
    expect((await run(shell, 'kubectl exec two -c side -- curl -s localhost')).out).toContain('<title>Welcome to nginx!</title>');
    expect((await run(shell, 'kubectl exec -it kubia-0 -- sh')).err).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
  });

  it('runs an interactive shell until exit, with the image prompt', async () => {
    const shell = await setup();
    const r = await run(shell, 'kubectl exec -it kubia-0 -- bash', ['hostname', 'nslookup kubia', 'exit 3']);
    expect(r.out).toBe('root@kubia-0:/# hostname\nkubia-0\nroot@kubia-0:/# nslookup kubia\nbash: nslookup: command not found\nroot@kubia-0:/# exit 3\n');
    expect(r.err).toBe('command terminated with exit code 3\n');
    const bb = await run(shell, 'kubectl exec -it two -c main -- sh', ['curl x']);
    expect(bb.out).toBe('/ # curl x\nsh: curl: not found\n/ # exit\n');
  });

  it('logs what the app printed, with --tail, --timestamps and -l', async () => {
    const shell = await setup();
    await run(shell, 'kubectl exec two -- wget -qO- http://' + (shell.cluster.api.peek('pods', 'default', 'kubia-0') as Pod).status!.podIP + ':8080');
    const logs = await run(shell, 'kubectl logs kubia-0');
    const twoIP = (shell.cluster.api.peek('pods', 'default', 'two') as Pod).status!.podIP;
    expect(logs.out).toBe(`Kubia server starting...\nReceived request from ::ffff:${twoIP}\n`);
    expect((await run(shell, 'kubectl logs kubia-0 --tail=1')).out).toBe(`Received request from ::ffff:${twoIP}\n`);
    expect((await run(shell, 'kubectl logs kubia-0 --timestamps')).out).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z Kubia server starting\.\.\.\n/);
    expect((await run(shell, 'kubectl logs -l app=kubia --prefix')).out).toContain('[pod/kubia-0/kubia] Kubia server starting...\n');
    expect((await run(shell, 'kubectl logs kubia-0 -p')).err).toBe('Error from server (BadRequest): previous terminated container "kubia" in pod "kubia-0" not found\n');
    expect((await run(shell, 'kubectl logs')).err).toBe("error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n");
  });
});
