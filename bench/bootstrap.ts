/**
 * The page's start-up: `new Cluster()` (the kubeadm-like bootstrap) is on the critical path
 * before the lab is ready. Target: a median under 20 ms. The page runs it once, cold (nothing
 * compiled yet): the first call in this fresh process is the closer figure for the page.
 */
import { Cluster } from '../src/cluster/cluster.ts';
import { measure } from './fixtures.ts';

const t = performance.now();
new Cluster({ seed: 1 });
console.log(`new Cluster() (bootstrap), first call in a fresh process: ${(performance.now() - t).toFixed(1)} ms`);
const ms = await measure(30, () => new Cluster({ seed: 1 }));
console.log(`new Cluster() (bootstrap): median ${ms.toFixed(3)} ms`);
