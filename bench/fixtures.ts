/** A large cluster for benchmarks: 100 ReplicationControllers of 10 pods, each behind a Service. */
import { Cluster } from '../src/cluster/cluster.ts';

export function bigCluster(services = 100, podsPerService = 10): Cluster {
  const cluster = new Cluster({ seed: 42 });
  for (let i = 0; i < services; i++) {
    const app = `app-${i}`;
    cluster.api.create('replicationcontrollers', 'default', {
      apiVersion: 'v1',
      kind: 'ReplicationController',
      metadata: { name: app },
      spec: {
        replicas: podsPerService,
        selector: { app },
        template: {
          metadata: { labels: { app } },
          spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080 }] }] },
        },
      },
    });
    cluster.api.create('services', 'default', {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: app },
      spec: { selector: { app }, ports: [{ port: 80, targetPort: 8080 }] },
    });
  }
  cluster.advance(120);
  return cluster;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Median wall time of `fn` over `runs` runs, after a few warm-up runs. */
export async function measure(runs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}
