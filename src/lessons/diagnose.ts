/**
 * Built-in diagnostics: when a check on a Service, its Endpoints or EndpointSlices fails, look
 * at the cluster the way `kubectl describe` would and name the usual causes: the selector
 * matches no pod (and what the pods are labelled), no matching pod is Ready, the Endpoints
 * object is named differently from the Service, the ports do not line up, the type differs.
 */
import type { ApiServer } from '../cluster/api/apiserver.ts';
import { selectorFromMap } from '../cluster/api/labels.ts';
import type { Endpoints, Pod, Service } from '../cluster/api/types.ts';
import { msg } from './messages.ts';
import type { Localized } from './types.ts';

const RELATED = new Set(['services', 'endpoints', 'endpointslices.discovery.k8s.io']);

export function diagnoseService(api: ApiServer, resource: string, namespace: string, name: string | undefined): Localized[] {
  if (!RELATED.has(resource) || name === undefined) return [];
  const out: Localized[] = [];
  const svc = api.peek('services', namespace, name) as Service | undefined;
  const endpoints = api.scan('endpoints', namespace) as Endpoints[];
  const services = api.scan('services', namespace) as Service[];
  if (!svc) {
    if (resource === 'endpoints' && api.peek('endpoints', namespace, name)) {
      out.push(msg.serviceMissingForEndpoints(name, services.map((s) => s.metadata.name ?? "").filter((n) => n !== "kubernetes")));
    }
    return out;
  }
  const spec = svc.spec ?? {};
  const type = spec.type ?? 'ClusterIP';
  if (type === 'ExternalName') {
    out.push(msg.serviceType(name, type));
    return out;
  }
  const pods = (api.scan('pods', namespace) as Pod[]).filter((p) => !p.metadata.deletionTimestamp);
  if (spec.selector && Object.keys(spec.selector).length > 0) {
    const selector = selectorFromMap(spec.selector);
    const selectorText = Object.entries(spec.selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    const matching = pods.filter((p) => selector.matches(p.metadata.labels));
    if (matching.length === 0) {
      const labels = [...new Set(pods.flatMap((p) => Object.entries(p.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`)))].sort();
      out.push(msg.selectorMatchesNothing(name, selectorText, labels));
    } else if (!matching.some(isReady)) {
      out.push(msg.noReadyPods(name, matching.length));
    } else {
      const podPorts = [...new Set(matching.flatMap((p) => (p.spec?.containers ?? []).flatMap((c) => (c.ports ?? []).map((cp) => cp.containerPort))))];
      if (podPorts.length > 0) {
        for (const port of spec.ports ?? []) {
          const target = port.targetPort ?? port.port;
          if (typeof target === 'number' && !podPorts.includes(target)) {
            out.push(msg.targetPortNotExposed(name, String(target), podPorts.map(String)));
          }
        }
      }
    }
    if (resource === 'endpoints' && !api.peek('endpoints', namespace, name)) out.push(msg.serviceHasSelector(name, selectorText));
    return out;
  }
  // No selector: the Endpoints object must be made by hand, with the Service's name.
  const own = endpoints.find((e) => e.metadata.name === name);
  if (!own) {
    const orphans = endpoints
      .map((e) => e.metadata.name ?? "")
      .filter((n) => !services.some((s) => s.metadata.name === n));
    if (orphans.length > 0) out.push(msg.endpointsNameDiffers(name, orphans));
    return out;
  }
  const svcPortNames = (spec.ports ?? []).map((p) => p.name ?? '');
  const epPortNames = [...new Set((own.subsets ?? []).flatMap((s) => (s.ports ?? []).map((p) => p.name ?? '')))];
  if (epPortNames.length > 0 && !svcPortNames.every((n) => epPortNames.includes(n))) {
    out.push(msg.endpointsPortNames(name, svcPortNames, epPortNames));
  }
  return out;
}

function isReady(p: Pod): boolean {
  return (p.status?.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');
}
