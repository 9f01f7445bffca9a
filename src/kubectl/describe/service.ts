/**
 * describeService, describeEndpoints, describeEndpointSliceV1 (describe.go). In 1.33 a Service's
 * endpoints come from its EndpointSlices (label kubernetes.io/service-name), ready ones only.
 */
import type { EndpointSlice, KubeObject, Service } from '../../cluster/api/types.ts';
import { DescribeWriter, eventsFor, formatLabels, writeAnnotations, writeEvents, writeLabels } from './common.ts';
import type { DescribeContext } from './index.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices for one port name: ready (or unknown) endpoints' first address with the
 * port, at most three, then ` + N more...`. Slices without ports list bare addresses.
 */
export function formatSliceEndpoints(slices: readonly EndpointSlice[], portName: string): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  for (const slice of slices) {
    const endpoints: Any[] = slice.endpoints ?? [];
    if ((slice.ports ?? []).length === 0) {
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(ep.addresses[0]);
        count++;
      }
      continue;
    }
    for (const port of slice.ports!) {
      if ((port.name ?? '') !== portName) continue;
      for (const ep of endpoints) {
        if (list.length === max) more = true;
        if (ep.conditions?.ready === false) continue;
        if (!more) list.push(joinHostPort(ep.addresses[0], port.port ?? 0));
        count++;
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

/** buildIngressString. */
function ingressString(ingress: Any[]): string {
  return ingress.map((i) => (i.ip ? (i.ipMode ? `${i.ip} (${i.ipMode})` : i.ip) : (i.hostname ?? ''))).join(', ');
}

export function describeService(obj: KubeObject, ctx: DescribeContext): string {
  const svc = obj as Service;
  const spec: Any = svc.spec ?? {};
  const slicesRes = ctx.api.list('endpointslices.discovery.k8s.io', svc.metadata.namespace, {
    labelSelector: `kubernetes.io/service-name=${svc.metadata.name}`,
  });
  ctx.warn(slicesRes.warnings);
  const slices = slicesRes.object.items as EndpointSlice[];
  const events = ctx.showEvents ? eventsFor(ctx, svc) : undefined;
  const w = new DescribeWriter();
  w.line(0, `Name:\t${svc.metadata.name}`);
  w.line(0, `Namespace:\t${svc.metadata.namespace}`);
  writeLabels(w, 'Labels', svc.metadata.labels);
  writeAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.line(0, `Selector:\t${formatLabels(spec.selector)}`);
  w.line(0, `Type:\t${spec.type ?? ''}`);
  if (spec.ipFamilyPolicy) w.line(0, `IP Family Policy:\t${spec.ipFamilyPolicy}`);
  w.line(0, `IP Families:\t${spec.ipFamilies?.length ? spec.ipFamilies.join(',') : '<none>'}`);
  w.line(0, `IP:\t${spec.clusterIP ?? ''}`);
  w.line(0, `IPs:\t${spec.clusterIPs?.length ? spec.clusterIPs.join(',') : '<none>'}`);
  if (spec.externalIPs?.length) w.line(0, `External IPs:\t${spec.externalIPs.join(',')}`);
  if (spec.loadBalancerIP) w.line(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}`);
  if (spec.externalName) w.line(0, `External Name:\t${spec.externalName}`);
  const ingress: Any[] = (svc.status as Any)?.loadBalancer?.ingress ?? [];
  if (ingress.length) w.line(0, `LoadBalancer Ingress:\t${ingressString(ingress)}`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    w.line(0, `Port:\t${name}\t${p.port}/${p.protocol ?? ''}`);
    w.line(0, `TargetPort:\t${p.targetPort ?? 0}/${p.protocol ?? ''}`);
    if (p.nodePort) w.line(0, `NodePort:\t${name}\t${p.nodePort}/${p.protocol ?? ''}`);
    w.line(0, `Endpoints:\t${formatSliceEndpoints(slices, p.name ?? '')}`);
  }
  w.line(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}`);
  if (spec.externalTrafficPolicy) w.line(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}`);
  if (spec.internalTrafficPolicy) w.line(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}`);
  if (spec.healthCheckNodePort) w.line(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}`);
  if (spec.loadBalancerSourceRanges?.length) w.line(0, `LoadBalancer Source Ranges:\t${spec.loadBalancerSourceRanges.join(',')}`);
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}

export function describeEndpoints(ep: KubeObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${ep.metadata.name}`);
  w.line(0, `Namespace:\t${ep.metadata.namespace}`);
  writeLabels(w, 'Labels', ep.metadata.labels);
  writeAnnotations(w, 'Annotations', ep.metadata.annotations);
  w.line(0, 'Subsets:');
  for (const subset of (ep.subsets ?? []) as Any[]) {
    const addrs = (subset.addresses ?? []).map((a: Any) => a.ip).join(',');
    w.line(1, `Addresses:\t${addrs || '<none>'}`);
    const notReady = (subset.notReadyAddresses ?? []).map((a: Any) => a.ip).join(',');
    w.line(1, `NotReadyAddresses:\t${notReady || '<none>'}`);
    if ((subset.ports ?? []).length > 0) {
      w.line(1, 'Ports:');
      w.line(2, 'Name\tPort\tProtocol');
      w.line(2, '----\t----\t--------');
      for (const p of subset.ports) w.line(2, `${p.name || '<unset>'}\t${p.port}\t${p.protocol ?? ''}`);
    }
    w.line(0, '');
  }
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, ep), ctx.now);
  return w.toString();
}

export function describeEndpointSlice(eps: KubeObject, ctx: DescribeContext): string {
  const w = new DescribeWriter();
  w.line(0, `Name:\t${eps.metadata.name}`);
  w.line(0, `Namespace:\t${eps.metadata.namespace}`);
  writeLabels(w, 'Labels', eps.metadata.labels);
  writeAnnotations(w, 'Annotations', eps.metadata.annotations);
  w.line(0, `AddressType:\t${eps.addressType ?? ''}`);
  const ports: Any[] = eps.ports ?? [];
  if (ports.length === 0) w.line(0, 'Ports: <unset>');
  else {
    w.line(0, 'Ports:');
    w.line(1, 'Name\tPort\tProtocol');
    w.line(1, '----\t----\t--------');
    for (const p of ports) w.line(1, `${p.name || '<unset>'}\t${p.port ?? '<unset>'}\t${p.protocol ?? ''}`);
  }
  const endpoints: Any[] = eps.endpoints ?? [];
  if (endpoints.length === 0) w.line(0, 'Endpoints: <none>');
  else {
    w.line(0, 'Endpoints:');
    for (const e of endpoints) {
      w.line(1, `- Addresses:\t${(e.addresses ?? []).join(', ') || '<none>'}`);
      w.line(2, 'Conditions:');
      const ready = e.conditions?.ready;
      w.line(3, `Ready:\t${ready === undefined || ready === null ? '<unset>' : String(ready)}`);
      w.line(2, `Hostname:\t${e.hostname ?? '<unset>'}`);
      if (e.targetRef) w.line(2, `TargetRef:\t${e.targetRef.kind ?? ''}/${e.targetRef.name ?? ''}`);
      w.line(2, `NodeName:\t${e.nodeName ?? '<unset>'}`);
      w.line(2, `Zone:\t${e.zone ?? '<unset>'}`);
    }
  }
  if (ctx.showEvents) writeEvents(w, eventsFor(ctx, eps), ctx.now);
  return w.toString();
}
