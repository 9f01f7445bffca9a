/**
 * The page's start-up: `new Cluster()` (the kubeadm-like bootstrap) is on the critical path
 * before the prompt is ready. Target: a median under 20 ms.
 */
import { Cluster } from '../src/cluster/cluster.ts';
import { measure } from './fixtures.ts';

const ms = await measure(30, () => new Cluster({ seed: 1 }));
console.log(`new Cluster() (bootstrap): median ${ms.toFixed(3)} ms`);
