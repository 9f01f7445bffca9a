/**
 * The simulated control plane with 1,000 pods behind 100 Services: one write plus the
 * controllers settling, listing all pods, and the heap the whole cluster takes.
 * Run with `npm run bench` (node --expose-gc gives a cleaner heap figure).
 */
import { bigCluster, measure } from './fixtures.ts';

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const t0 = performance.now();
const cluster = bigCluster();
const buildMs = performance.now() - t0;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
const pods = cluster.api.list('pods', 'default').object.items;
const ready = pods.filter((p) => p.status?.conditions?.some((c: { type: string; status: string }) => c.type === 'Ready' && c.status === 'True')).length;

let n = 0;
const writeMs = await measure(200, () => {
  // Relabel a pod back and forth: the endpoints and endpointslice controllers react.
  const pod = pods[n++ % pods.length];
  const cur = cluster.api.get('pods', 'default', pod.metadata.name!).object;
  const flip = cur.metadata.labels?.tier === 'a' ? 'b' : 'a';
  cluster.api.patch('pods', 'default', cur.metadata.name!, 'merge', { metadata: { labels: { tier: flip } } });
});
const listMs = await measure(100, () => cluster.api.list('pods', undefined));

console.log(`cluster: ${pods.length} pods (${ready} ready) behind 100 services, built in ${buildMs.toFixed(0)} ms`);
console.log(`write + controllers settle (1000 pods): median ${writeMs.toFixed(3)} ms`);
console.log(`list all pods (1000 pods): median ${listMs.toFixed(3)} ms`);
console.log(`heap of the whole cluster: ${heapMb.toFixed(1)} MB${gc ? '' : ' (without --expose-gc: approximate)'}`);
