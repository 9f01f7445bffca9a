/**
 * The shell's text tools against the real GNU ones on this machine (grep 3, coreutils 9): the
 * same arguments and input must give the same stdout, stderr and exit code. Where GNU's wording
 * differs by version the case is left out rather than bent.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BufferIO } from '../../src/shell/io.ts';
import { Shell } from '../../src/shell/shell.ts';
import { TEXT_UTILS } from '../../src/shell/textutils.ts';
import { Cluster } from '../../src/cluster/cluster.ts';

const YAML = `apiVersion: v1
kind: Service
metadata:
  name: kubia
spec:
  clusterIP: 10.96.12.7
  ports:
  - port: 80
    protocol: TCP
    targetPort: 8080
  selector:
    app: kubia
  type: ClusterIP
status:
  loadBalancer: {}
`;
const TABLE = `NAMESPACE     NAME                       READY   STATUS    RESTARTS   AGE
default       kubia-7hcpn                1/1     Running   0          25m
default       kubia-x6b4q                1/1     Running   1          25m
kube-system   coredns-55f4fb4d87-kgscc   1/1     Running   0          2d2h
kube-system   kube-proxy-8xk2p           1/1     Running   0          2d2h
kube-system   kube-proxy-8xk2p           1/1     Running   0          2d2h
`;

const CASES: [string[], string][] = [
  [['grep', 'port'], YAML],
  [['grep', '-A3', 'spec'], YAML],
  [['grep', '-A', '1', 'port'], YAML],
  [['grep', '-B2', 'app'], YAML],
  [['grep', '-C1', '-n', 'port'], YAML],
  [['grep', '-n', '-e', 'port', '-e', 'type'], YAML],
  [['grep', '-v', 'kube-system'], TABLE],
  [['grep', '-c', 'Running'], TABLE],
  [['grep', '-i', 'RUNNING', '-m', '2'], TABLE],
  [['grep', '-w', 'kubia'], YAML],
  [['grep', '-o', '10\\.[0-9.]*'], YAML],
  [['grep', '-E', 'kubia|coredns'], TABLE],
  [['grep', 'kubia\\|coredns'], TABLE],
  [['grep', '-F', '1/1'], TABLE],
  [['grep', 'nothing-here'], TABLE],
  [['grep', '-q', 'kubia'], TABLE],
  [['grep'], TABLE],
  [['grep', '-Q', 'x'], TABLE],
  [['grep', '-A', 'x', 'y'], TABLE],
  [['grep', 'x', 'no-such-file'], ''],
  [['head', '-3'], TABLE],
  [['head', '-n', '2'], TABLE],
  [['head'], YAML],
  [['head', '-n', 'x'], TABLE],
  [['tail', '-2'], TABLE],
  [['tail', '-n', '+5'], TABLE],
  [['tail', '-n', '1'], 'no newline at the end'],
  [['wc', '-l'], TABLE],
  [['wc'], TABLE],
  [['wc', '-w'], YAML],
  [['sort'], TABLE],
  [['sort', '-r'], TABLE],
  [['sort', '-k2'], TABLE],
  [['sort', '-u'], TABLE],
  [['uniq'], TABLE],
  [['uniq', '-c'], TABLE],
  [['uniq', '-d'], TABLE],
  [['cut', '-c1-12'], TABLE],
  [['cut', '-d', ' ', '-f1'], TABLE],
  [['cut', '-d:', '-f2-'], YAML],
  [['cut'], TABLE],
  [['tr', 'a-z', 'A-Z'], YAML],
  [['tr', '-d', ' '], TABLE],
  [['tr', ' ', '\\n'], 'a b c'],
  [['base64'], 'hello\n'],
  [['base64', '-d'], 'aGVsbG8K\n'],
  [['base64', '-d'], 'a2$$\n'],
];

const haveGnu = existsSync('/usr/bin/grep') && existsSync('/usr/bin/head');

describe('text tools match GNU grep and coreutils', () => {
  // Without GNU tools there is nothing to compare with: fail and say so rather than pass silently.
  if (!haveGnu) {
    it('needs GNU grep and coreutils in /usr/bin to compare with', () => {
      throw new Error('GNU grep/coreutils not found in /usr/bin');
    });
    return;
  }
  const shell = new Shell({ cluster: new Cluster({ seed: 1 }) });
  for (const [argv, input] of CASES) {
    it(`${argv.join(' ')}`, async () => {
      const real = spawnSync(argv[0], argv.slice(1), { input, encoding: 'utf8', env: { LC_ALL: 'C.UTF-8', PATH: '/usr/bin:/bin' } });
      const io = new BufferIO(input);
      const code = await TEXT_UTILS[argv[0]](argv.slice(1), io, shell);
      expect({ out: io.out, err: io.err, code }).toEqual({ out: real.stdout, err: real.stderr, code: real.status });
    });
  }
});
