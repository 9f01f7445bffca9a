/** describeService (describe.go): endpoints come from the Service's EndpointSlices, ready ones only. */
import { selectorFromMap } from '../../cluster/api/labels.ts';
import type { EndpointSlice, KubeObject, Service } from '../../cluster/api/types.ts';
import type { DescribeContext } from './index.ts';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common.ts';

/** formatEndpointSlices: `ip:port` of ready endpoints for one port name, at most three. */
function formatSliceEndpoints(slices: EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const slice of slices) {
    const ports = slice.ports ?? [];
    for (const ep of slice.endpoints ?? []) {
      if (ep.conditions?.ready === false) continue;
      if (ports.length === 0) {
        count++;
        if (list.length < 3) list.push(ep.addresses[0]);
        continue;
      }
      for (const p of ports) {
        if ((p.name ?? '') !== portName) continue;
        count++;
        if (list.length < 3) list.push(`${ep.addresses[0]}:${p.port}`);
      }
    }
  }
  return count > 3 ? `${list.join(',')} + ${count - 3} more...` : list.join(',');
}

export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const svc = obj as Service;
  const spec = svc.spec;
  const slicesRes = ctx.api.list('endpointslices.discovery.k8s.io', svc.metadata.namespace, {
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  });
  ctx.warn(slicesRes.warnings);
  const slices = slicesRes.object.items as EndpointSlice[];
  const w = new DescribeWriter();
  w.line(0, `Name:\t${svc.metadata.name}`);
  w.line(0, `Namespace:\t${svc.metadata.namespace}`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  const sel = spec.selector && Object.keys(spec.selector).length ? selectorFromMap(spec.selector).toString() : '<none>';
  w.line(0, `Selector:\t${sel}`);
  w.line(0, `Type:\t${spec.type}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) w.line(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.line(0, `LoadBalancer Ingress:\t${ingress.map((i) => i.ip || i.hostname).join(', ')}`);
  if (spec.type === 'ExternalName') w.line(0, `External Name:\t${spec.externalName ?? ''}`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.line(0, `Port:\t${name}\t${p.port}/${p.protocol}`);
    w.line(0, `TargetPort:\t${p.targetPort}/${p.protocol}`);
    if (p.nodePort) w.line(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol}`);
    w.line(0, `Endpoints:\t${formatSliceEndpoints(slices, p.name ?? '')}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx.api, svc));
  return w.toString();
}
