/** printService, getServiceExternalIP, makePortString (printers.go). */
import type { Service } from '../types.ts';
import { AGE_COLUMN, age, col, formatLabels, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { SERVICE_DOCS } from './descriptions.ts';

/** loadBalancerStatusStringer (wide, as the server always renders): a sorted set of IPs, else hostnames. */
function loadBalancerIngress(svc: Service): string {
  const set = new Set<string>();
  for (const i of svc.status?.loadBalancer?.ingress ?? []) {
    if (i.ip) set.add(i.ip);
    else if (i.hostname) set.add(i.hostname);
  }
  return [...set].sort().join(',');
}

export function serviceExternalIP(svc: Service): string {
  const spec = svc.spec;
  const external = spec.externalIPs ?? [];
  switch (spec.type) {
    case 'ClusterIP':
    case 'NodePort':
      return external.length ? external.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerIngress(svc);
      if (external.length) return [...(lb ? lb.split(',') : []), ...external].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return spec.externalName ?? '';
    default:
      return '<unknown>';
  }
}

export function servicePorts(svc: Service): string {
  const ps = svc.spec.ports ?? [];
  const s = ps.map((p) => (p.nodePort && p.nodePort > 0 ? `${p.port}:${p.nodePort}/${p.protocol ?? ''}` : `${p.port}/${p.protocol ?? ''}`)).join(',');
  return s === '' ? '<none>' : s;
}

export const servicePrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('Type', 'string', SERVICE_DOCS.type),
    col('Cluster-IP', 'string', SERVICE_DOCS.clusterIP),
    col('External-IP', 'string', SERVICE_DOCS.externalIPs),
    col('Port(s)', 'string', SERVICE_DOCS.ports),
    AGE_COLUMN,
    col('Selector', 'string', SERVICE_DOCS.selector, { priority: 1 }),
  ],
  cells(o, now) {
    const svc = o as Service;
    const clusterIP = svc.spec.clusterIPs?.length ? svc.spec.clusterIPs[0] : '<none>';
    return [svc.metadata.name ?? '', svc.spec.type ?? '', clusterIP, serviceExternalIP(svc), servicePorts(svc), age(svc, now), formatLabels(svc.spec.selector)];
  },
};
