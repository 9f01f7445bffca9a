/**
 * `kubectl get` in every output format against the real kubectl v1.33: the conformance scenario
 * is served over HTTP, then the real kubectl and ours run the same command at the same moment and
 * must print the same bytes (stdout, stderr, exit code). Covers the client side: table layout
 * and decoration, prefixes, sorting, -o json/yaml/name/jsonpath/custom-columns, their errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cluster } from '../../src/cluster/cluster.ts';
import { kubeconfigFor, serveApi, type HttpApi } from '../../src/cli/http-api.ts';
import { Shell } from '../../src/shell/shell.ts';
import { BufferIO } from '../../src/shell/io.ts';
import { runRealKubectl } from '../support/real-kubectl.ts';
import { SCENARIO } from '../conformance/scenario.ts';

let cluster: Cluster;
let shell: Shell;
let served: HttpApi;
let kubeconfig: string;

const EXTRA = [
  `kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: quirks
  labels:
    app.kubernetes.io/name: quirks
  annotations:
    html: <none> & <b>
    note: A long single-line value with spaces that runs well past the eighty-column mark of the YAML emitter
data:
  zeta: z
  alpha: a
  bool: "true"
  colon: "a: b"
  date: "2024-01-01"
  empty: ""
  hash: "# x"
  lead: " x"
  multi: |
    line1
    line2
  multi-nonl: |-
    line1
    line2
  "null": "null"
  num: "8080"
  octal: "0755"
  quote: it's "q"
  star: "*"
  tab: "a\\tb"
  tilde: "~"
  trail-sp: "x \\n"
  unicode: 안녕
  "yes": "yes"
EOF`,
];

beforeAll(async () => {
  const start = Date.now() - 20 * 60 * 1000;
  cluster = new Cluster({ seed: 5, now: start });
  shell = new Shell({ cluster });
  for (const step of [...SCENARIO, ...EXTRA]) {
    if (typeof step === 'number') {
      cluster.advance(step);
      continue;
    }
    const io = new BufferIO();
    const code = await shell.run(step, io);
    if (code !== 0) throw new Error(`scenario step failed: ${step}\n${io.all}`);
  }
  cluster.clock.advanceTo(Date.now());
  served = await serveApi(cluster.api);
  kubeconfig = kubeconfigFor(served.url);
}, 60000);

afterAll(async () => {
  await served?.close();
});

function shellQuote(a: string): string {
  return /^[A-Za-z0-9_./:=,-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}

async function compare(args: string[]): Promise<void> {
  cluster.clock.advanceTo(Date.now());
  const real = await runRealKubectl(args, kubeconfig);
  const io = new BufferIO();
  const code = await shell.run(['kubectl', ...args].map(shellQuote).join(' '), io);
  expect({ stdout: io.out, stderr: io.err, code }).toEqual({ stdout: real.stdout, stderr: real.stderr, code: real.code });
}

const COMMANDS: string[][] = [
  ['get', 'all'],
  ['get', 'all', '-A'],
  ['get', 'pods,svc', '-n', 'kube-system'],
  ['get', 'svc,pods', '--no-headers'],
  ['get', 'svc/kubia', 'pod/nope', 'ep/kubia'],
  ['get', 'svc', 'kubia', 'nope', 'kubernetes'],
  ['get', 'svc', 'nope', '-o', 'json'],
  ['get', 'svc', 'kubia', 'nope', '-o', 'name'],
  ['get', 'pods', '-L', 'app,pod-template-hash', '-A'],
  ['get', 'pods', '--show-labels', '-o', 'wide'],
  ['get', 'cm', '-L', 'app.kubernetes.io/name'],
  ['get', 'svc', '--sort-by=.spec.clusterIP', '-A'],
  ['get', 'pods', '-A', '--sort-by', '{.metadata.name}', '-o', 'wide'],
  ['get', 'svc', '-A', '--sort-by=.nosuch'],
  ['get', 'svc', '-A', '--sort-by=.metadata.name', '-o', 'name'],
  ['get', 'svc', '-A', '--sort-by=.nosuch', '-o', 'name'],
  ['get', 'cm', 'quirks', '-o', 'yaml'],
  ['get', 'cm', 'quirks', '-o', 'json'],
  ['get', 'svc', 'kubia', 'kubernetes', '-o', 'yaml'],
  ['get', 'pods', '-o', 'yaml'],
  ['get', 'deploy,rs', '-A', '-o', 'name'],
  ['get', 'svc,ep', '-o', 'name'],
  ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}'],
  ['get', 'pods', '-o', 'jsonpath={range .items[*]}{.metadata.name}{"\\t"}{.status.podIP}{"\\n"}{end}'],
  ['get', 'svc', 'kubia', '-o', 'jsonpath={.spec.ports}'],
  ['get', 'svc', 'kubia', '-o', 'jsonpath={.metadata}'],
  ['get', 'pods', '-o', 'jsonpath={.items[0].status.conditions[?(@.type=="Ready")].status}'],
  ['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name'],
  ['get', 'pods', '-o', 'jsonpath={.items[10].metadata.name}'],
  ['get', 'svc', 'kubernetes', '-o', 'jsonpath={.spec.nosuch}', '--allow-missing-template-keys=false'],
  ['get', 'svc', '-A', '-o', 'jsonpath={..port}'],
  ['get', 'svc', '-A', '-o', 'jsonpath-as-json={.items[*].spec.ports[0]}'],
  ['get', 'svc', '-A', '-o', 'jsonpath={range .items[*]}[{range .spec.ports[*]}{.port},{end}]{end}|'],
  ['get', 'svc', '-n', 'nothing', '-o', 'jsonpath={range .items[*]}{.metadata.name}{end}{"x"}'],
  ['get', 'pods', '-o', 'custom-columns=NAME:.metadata.name,IP:.status.podIP,NODE:.spec.nodeName,IMAGES:.spec.containers[*].image'],
  ['get', 'pods', '-o', 'custom-columns=POD:metadata.name,RESTARTS:{.status.containerStatuses[0].restartCount},MISSING:.spec.nosuch,LABELS:.metadata.labels'],
  ['get', 'pods', '-n', 'nothing', '-o', 'custom-columns=NAME:.metadata.name'],
  ['get', 'pods', '--no-headers', '-o', 'custom-columns=NAME:.metadata.name'],
  ['get', 'pods', '-o', 'custom-columns=NAME'],
  ['get', 'pods', '-o', 'custom-columns='],
  ['get', 'pods', '-o', 'bogus'],
  ['get', 'pods', '-o', 'jsonpath'],
  ['get', 'pods', '-l', 'a in (b'],
  ['get', 'pods', '--field-selector', 'x=y'],
  ['get', 'pods', '-n', 'nothing', '-o', 'json'],
  ['get', 'pods', '-n', 'nothing', '-o', 'name'],
  ['get', 'ns', 'default', '-o', 'yaml'],
  ['get', 'nodes', '-o', 'json'],
  ['get', 'rc', 'kubia', '-o', 'yaml'],
  ['get', 'endpointslices', '-A', '-o', 'wide'],
  ['get', 'events', '-A', '-o', 'wide'],
  ['get', 'svc', 'kubia', '--show-kind'],
  ['get', 'svc', 'nope', '--ignore-not-found'],
  ['get', 'pods', 'x', '-l', 'app=kubia'],
];

describe('kubectl get: ours and the real kubectl v1.33 print the same', () => {
  for (const args of COMMANDS) it(args.join(' '), () => compare(args), 30000);
});
