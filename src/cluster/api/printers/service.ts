/** printService, getServiceExternalIP, makePortString (printers.go). */
import { selectorFromMap } from '../labels.ts';
import type { Service } from '../types.ts';
import { age, col, type KindTablePrinter } from './table.ts';

function externalIP(svc: Service): string {
  const spec = svc.spec;
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
    case undefined:
      return spec.externalIPs?.length ? spec.externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const ingress = svc.status?.loadBalancer?.ingress ?? [];
      const ips = [...new Set(ingress.map((i) => i.ip || i.hostname || '').filter(Boolean))].sort();
      const all = [...ips, ...(spec.externalIPs ?? [])];
      return all.length ? all.join(',') : '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

function ports(svc: Service): string {
  const ps = svc.spec.ports ?? [];
  if (ps.length === 0) return '<none>';
  return ps.map((p) => (p.nodePort ? `${p.port}:${p.nodePort}/${p.protocol}` : `${p.port}/${p.protocol}`)).join(',');
}

export const servicePrinter: KindTablePrinter = {
  columns: [
    col('Name', 'string', 0, 'name'),
    col('Type'),
    col('Cluster-IP'),
    col('External-IP'),
    col('Port(s)'),
    col('Age'),
    col('Selector', 'string', 1),
  ],
  cells(o, now) {
    const svc = o as Service;
    const clusterIP = svc.spec.clusterIPs?.[0] ?? svc.spec.clusterIP ?? '';
    const sel = svc.spec.selector && Object.keys(svc.spec.selector).length ? selectorFromMap(svc.spec.selector).toString() : '<none>';
    return [svc.metadata.name ?? '', svc.spec.type ?? '', clusterIP || '<none>', externalIP(svc), ports(svc), age(svc, now), sel];
  },
};
