/**
 * `kubectl get` on a cluster of 1,000 pods behind 100 Services (bench/fixtures.ts bigCluster):
 * the table path (server Table for every pod, client layout, tabwriter) and the other printers.
 * Target: `get pods -o wide` median under 5 ms.
 */
import { BufferIO } from '../src/shell/io.ts';
import { Shell } from '../src/shell/shell.ts';
import { bigCluster, measure } from './fixtures.ts';

const cluster = bigCluster();
const shell = new Shell({ cluster });
const check = new BufferIO();
await shell.run('kubectl get pods -o wide', check);
if (check.out.split('\n').length < 1000) throw new Error(`get failed: ${check.err}`);
const runs: [string, string][] = [
  ['get pods -o wide (1000 pods)', 'kubectl get pods -o wide'],
  ['get pods (1000 pods)', 'kubectl get pods'],
  ['get pods --sort-by=.status.podIP (1000 pods)', 'kubectl get pods --sort-by=.status.podIP'],
  ['get pods -o name (1000 pods)', 'kubectl get pods -o name'],
  ['get pods -o json (1000 pods)', 'kubectl get pods -o json'],
  ['get pods -o yaml (1000 pods)', 'kubectl get pods -o yaml'],
  ["get pods -o jsonpath (1000 pods)", "kubectl get pods -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.status.podIP}{\"\\n\"}{end}'"],
  ['get svc,ep (100 Services)', 'kubectl get svc,ep'],
];
for (const [label, command] of runs) {
  const ms = await measure(label.includes('yaml') || label.includes('json (') ? 10 : 50, () => shell.run(command, new BufferIO()));
  console.log(`${label}: median ${ms.toFixed(3)} ms`);
}
