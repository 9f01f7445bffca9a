import { Cluster } from './src/cluster/cluster.ts';
import { dump } from 'js-yaml';
const c = new Cluster({ seed: 1 });
const show = (r: string, ns: string) => { for (const o of c.api.scan(r, ns)) console.log(dump(o, { sortKeys: true })); };
show('endpoints', 'kube-system'); show('endpointslices.discovery.k8s.io', 'kube-system');
c.api.create('services', 'default', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'external-service' }, spec: { ports: [{ port: 80 }] } });
c.api.create('endpoints', 'default', { apiVersion: 'v1', kind: 'Endpoints', metadata: { name: 'external-service' }, subsets: [{ addresses: [{ ip: '11.11.11.11' }, { ip: '22.22.22.22' }], ports: [{ port: 80 }] }] });
show('endpointslices.discovery.k8s.io', 'default');
