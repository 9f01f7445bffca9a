/**
 * `kubectl describe svc` on a cluster of 1,000 pods behind 100 Services: the command as the
 * shell runs it (argv parsing, the Service get, its EndpointSlices by label, events by field
 * selector, the tabwriter), and `kubectl get pods -o wide`. Targets: medians under 5 ms.
 */
import { BufferIO } from '../src/shell/io.ts';
import { Shell } from '../src/shell/shell.ts';
import { bigCluster, measure } from './fixtures.ts';

const cluster = bigCluster();
const shell = new Shell({ cluster });
const check = new BufferIO();
await shell.run('kubectl describe svc app-42', check);
if (!check.out.includes('Endpoints:')) throw new Error(`describe failed: ${check.err}`);
const ms = await measure(50, () => shell.run('kubectl describe svc app-42', new BufferIO()));
const podMs = await measure(50, () => shell.run('kubectl describe pod app-42', new BufferIO()));
const getWideMs = await measure(50, () => shell.run('kubectl get pods -o wide', new BufferIO()));
console.log(`describe svc (1000 pods): median ${ms.toFixed(3)} ms`);
console.log(`describe pod prefix (1000 pods, 10 matches): median ${podMs.toFixed(3)} ms`);
console.log(`get pods -o wide (1000 pods): median ${getWideMs.toFixed(3)} ms`);
