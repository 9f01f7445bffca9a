/**
 * Services as the v1.33 API server handles them:
 * - SetDefaults_Service (pkg/apis/core/v1/defaults.go);
 * - the registry's beginCreate/beginUpdate (pkg/registry/core/service/storage/rest.go, alloc.go):
 *   normalizeClusterIPs, patchAllocatedValues, initIPFamilyFields, ClusterIP and NodePort
 *   allocation; these run before validation, so their errors come first;
 * - the strategy (pkg/registry/core/service/strategy.go): status cleared on create, kept on update,
 *   dropTypeDependentFields on a type change;
 * - ValidateService / ValidateServiceUpdate (pkg/apis/core/validation/validation.go) in their order;
 * - warnings (pkg/api/service/warnings.go, apimachinery GetWarningsForIP).
 */
import { fieldErrors, internalError, invalid, type FieldError } from '../errors.ts';
import { GoLiteral, goQuote } from '../govalue.ts';
import type { AdmissionContext, KindStrategy } from '../strategy.ts';
import type { KubeObject } from '../types.ts';
import { ClusterIPAllocator, NodePortAllocator, RangeFull } from './allocators.ts';
import {
  canonicalIP,
  isDNS1123Label,
  isDNS1123Subdomain,
  isIPv4String,
  isIPv6String,
  isQualifiedName,
  isValidPortName,
  isValidPortNum,
  parseIP,
  validateEndpointIP,
  validateIPForLegacyField,
  validateLabels,
} from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Spec = Record<string, any>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Port = Record<string, any>;

const SERVICE_TYPES = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const AFFINITIES = ['ClientIP', 'None'];
const IP_FAMILIES = ['IPv4', 'IPv6'];
const IP_FAMILY_POLICIES = ['PreferDualStack', 'RequireDualStack', 'SingleStack'];
const TRAFFIC_POLICIES = ['Cluster', 'Local'];
const MAX_CLIENT_IP_AFFINITY_SECONDS = 86400;
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function clusterIPAllocator(ctx: Pick<AdmissionContext, 'shared'>): ClusterIPAllocator {
  return ctx.shared('service-cluster-ips', () => new ClusterIPAllocator());
}

export function nodePortAllocator(ctx: Pick<AdmissionContext, 'shared'>): NodePortAllocator {
  return ctx.shared('service-node-ports', () => new NodePortAllocator());
}

/** `[]string{"a"}`, or `[]string(nil)` for a nil slice, as %#v prints them. */
function goStrings(v: string[] | undefined | null): GoLiteral {
  if (!v) return new GoLiteral('[]string(nil)');
  return new GoLiteral(`[]string{${v.map(goQuote).join(', ')}}`);
}

const isHeadless = (spec: Spec): boolean => Array.isArray(spec.clusterIPs) && spec.clusterIPs.length === 1 && spec.clusterIPs[0] === 'None';
const needsClusterIP = (spec: Spec): boolean => spec.type !== 'ExternalName';
const needsNodePort = (spec: Spec): boolean => spec.type === 'NodePort' || spec.type === 'LoadBalancer';
const shouldAllocateNodePorts = (spec: Spec): boolean =>
  spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
const externallyAccessible = (spec: Spec): boolean =>
  spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && (spec.externalIPs?.length ?? 0) > 0);
const needsHealthCheck = (spec: Spec): boolean => spec.type === 'LoadBalancer' && spec.externalTrafficPolicy === 'Local';

function sameStrings(a: unknown, b: unknown): boolean {
  const x = (a as string[] | undefined) ?? [];
  const y = (b as string[] | undefined) ?? [];
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

// ---------------------------------------------------------------------------------------------
// Defaults

export function setDefaultsService(obj: KubeObject): void {
  const spec: Spec = (obj.spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  spec.type ||= 'ClusterIP';
  for (const port of (spec.ports ?? []) as Port[]) {
    port.protocol ||= 'TCP';
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port ?? 0;
  }
  if (externallyAccessible(spec) && !spec.externalTrafficPolicy) spec.externalTrafficPolicy = 'Cluster';
  if (spec.internalTrafficPolicy === undefined && (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP')) {
    spec.internalTrafficPolicy = 'Cluster';
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) spec.allocateLoadBalancerNodePorts = true;
}

// ---------------------------------------------------------------------------------------------
// Registry: normalization, IP families, allocation

function normalizeClusterIPs(spec: Spec, old: Spec | undefined): void {
  if (!old) {
    if (spec.clusterIP && !(spec.clusterIPs?.length > 0)) spec.clusterIPs = [spec.clusterIP];
    return;
  }
  if ((old.clusterIPs?.length ?? 0) > 0 && !(spec.clusterIPs?.length > 0)) {
    if ((old.clusterIP ?? '') === (spec.clusterIP ?? '')) spec.clusterIPs = [...old.clusterIPs];
  }
  if ((old.clusterIP ?? '') !== (spec.clusterIP ?? '')) {
    if (old.clusterIP && !spec.clusterIP) {
      if (sameStrings(old.clusterIPs, spec.clusterIPs)) delete spec.clusterIPs;
    } else if (sameStrings(old.clusterIPs, spec.clusterIPs)) {
      spec.clusterIPs = [spec.clusterIP];
    }
  }
}

function patchAllocatedValues(spec: Spec, old: Spec): void {
  if (needsClusterIP(old) && needsClusterIP(spec)) {
    if (!spec.clusterIP && old.clusterIP) spec.clusterIP = old.clusterIP;
    if (!(spec.clusterIPs?.length > 0) && old.clusterIPs?.length > 0) spec.clusterIPs = [...old.clusterIPs];
  }
  if (needsNodePort(old) && needsNodePort(spec)) {
    const usedBy = (s: Spec) => new Set(((s.ports ?? []) as Port[]).map((p) => p.nodePort).filter((n) => n));
    const oldUsed = usedBy(old);
    const used = new Set([...usedBy(spec)].filter((n) => oldUsed.has(n)));
    const byName = new Map<string, number>();
    for (const p of (old.ports ?? []) as Port[]) byName.set(p.name ?? '', p.nodePort ?? 0);
    for (const p of (spec.ports ?? []) as Port[]) {
      if (!p.nodePort) {
        const prev = byName.get(p.name ?? '') ?? 0;
        if (prev && !used.has(prev)) p.nodePort = prev;
      }
    }
  }
  if (needsHealthCheck(old) && needsHealthCheck(spec) && !spec.healthCheckNodePort && old.healthCheckNodePort) {
    spec.healthCheckNodePort = old.healthCheckNodePort;
  }
}

/** initIPFamilyFields on a single-stack IPv4 cluster. Returns field errors (NewInvalid). */
function initIPFamilyFields(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const pre = validateClusterIPsRelatedFields(spec);
  if (pre.length > 0) return pre;
  const errs: FieldError[] = [];
  spec.ipFamilies ??= [];
  ((spec.clusterIPs ?? []) as string[]).forEach((ip, i) => {
    if (ip === 'None') return;
    const fam = isIPv6String(ip) ? 'IPv6' : 'IPv4';
    if (i >= spec.ipFamilies.length) {
      if (fam === 'IPv6') errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, goStrings(spec.clusterIPs), 'IPv6 is not configured on this cluster'));
      else spec.ipFamilies.push(fam);
    }
  });
  if (errs.length > 0) return errs;
  if (isHeadless(spec) && Object.keys(spec.selector ?? {}).length === 0) {
    // Headless and selectorless: endpoints can be of any family, so it takes both.
    spec.ipFamilyPolicy ??= 'RequireDualStack';
    for (const fam of IP_FAMILIES) if (!spec.ipFamilies.includes(fam)) spec.ipFamilies.push(fam);
    return [];
  }
  spec.ipFamilyPolicy ??= 'SingleStack';
  if (spec.ipFamilyPolicy === 'RequireDualStack') {
    errs.push(fieldErrors.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy, 'this cluster is not configured for dual-stack services'));
  }
  (spec.ipFamilies as string[]).forEach((fam, i) => {
    if (fam !== 'IPv4') errs.push(fieldErrors.invalid(`spec.ipFamilies[${i}]`, fam, 'not configured on this cluster'));
  });
  if (errs.length > 0) return errs;
  if (spec.ipFamilies.length === 0) spec.ipFamilies = ['IPv4'];
  return [];
}

function fail(obj: KubeObject, errs: FieldError[]): never {
  throw invalid('Service', '', obj.metadata.name ?? '', errs);
}

/** Allocate the cluster IP (requested or next free); registers the undo with the context. */
function allocClusterIPs(obj: KubeObject, ctx: AdmissionContext): void {
  const spec: Spec = obj.spec;
  if (isHeadless(spec)) return;
  const alloc = clusterIPAllocator(ctx);
  const ips: string[] = spec.clusterIPs ? [...spec.clusterIPs] : [];
  if (ips.length > 0) {
    const ip = ips[0];
    const reason = alloc.allocate(canonicalIP(ip) ?? ip);
    if (reason) fail(obj, [fieldErrors.invalid('spec.clusterIPs', goStrings(spec.clusterIPs), `failed to allocate IP ${ip}: ${reason}`)]);
    ctx.onRollback(() => alloc.release(canonicalIP(ip) ?? ip));
  } else {
    let ip: string;
    try {
      ip = alloc.allocateNext(ctx.random);
    } catch (e) {
      if (e instanceof RangeFull) throw internalError('failed to allocate a serviceIP: range is full');
      throw e;
    }
    ctx.onRollback(() => alloc.release(ip));
    ips.push(ip);
  }
  spec.clusterIPs = ips;
  spec.clusterIP = ips[0];
}

/** initNodePorts: requested ports are reserved, missing ones allocated; one node port per port number. */
function allocNodePorts(obj: KubeObject, ctx: AdmissionContext, keep: Set<number>): void {
  const spec: Spec = obj.spec;
  const alloc = nodePortAllocator(ctx);
  const byPortNumber = new Map<number, number>();
  const ports = (spec.ports ?? []) as Port[];
  const reserve = (np: number, i: number) => {
    if (keep.has(np)) return;
    const reason = alloc.allocate(np);
    if (reason) fail(obj, [fieldErrors.invalid(`spec.ports[${i}].nodePort`, np, reason)]);
    keep.add(np);
    ctx.onRollback(() => alloc.release(np));
  };
  ports.forEach((p, i) => {
    if (!p.nodePort && !shouldAllocateNodePorts(spec)) return;
    const assigned = byPortNumber.get(p.port);
    if (assigned === undefined) {
      const requested = ports.slice(i).find((q) => q.port === p.port && q.nodePort)?.nodePort as number | undefined;
      if (requested) {
        reserve(requested, i);
        p.nodePort = requested;
      } else {
        let np: number;
        try {
          np = alloc.allocateNext(ctx.random);
        } catch (e) {
          if (e instanceof RangeFull) throw internalError('failed to allocate a nodePort: range is full');
          throw e;
        }
        keep.add(np);
        ctx.onRollback(() => alloc.release(np));
        p.nodePort = np;
      }
      byPortNumber.set(p.port, p.nodePort);
    } else if (p.nodePort !== assigned) {
      if (!p.nodePort) p.nodePort = assigned;
      else reserve(p.nodePort, i);
    }
  });
}

function allocHealthCheckNodePort(obj: KubeObject, ctx: AdmissionContext, keep: Set<number>): void {
  const spec: Spec = obj.spec;
  if (!needsHealthCheck(spec)) return;
  const alloc = nodePortAllocator(ctx);
  if (spec.healthCheckNodePort) {
    if (keep.has(spec.healthCheckNodePort)) return;
    const reason = alloc.allocate(spec.healthCheckNodePort);
    if (reason) fail(obj, [fieldErrors.invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, `failed to allocate requested HealthCheck NodePort ${spec.healthCheckNodePort}: ${reason}`)]);
    const np = spec.healthCheckNodePort;
    ctx.onRollback(() => alloc.release(np));
  } else {
    const np = alloc.allocateNext(ctx.random);
    ctx.onRollback(() => alloc.release(np));
    spec.healthCheckNodePort = np;
  }
}

function nodePortsOf(spec: Spec | undefined): number[] {
  const out = ((spec?.ports ?? []) as Port[]).map((p) => p.nodePort as number).filter((n) => n);
  if (spec?.healthCheckNodePort) out.push(spec.healthCheckNodePort);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Validation

function validateClusterIPsRelatedFields(spec: Spec): FieldError[] {
  if (spec.type === 'ExternalName') return [];
  const errs: FieldError[] = [];
  const ips: string[] | undefined = spec.clusterIPs;
  if (spec.clusterIP) {
    if (!ips || ips.length === 0) errs.push(fieldErrors.required('spec.clusterIPs'));
    else if (ips[0] !== spec.clusterIP) errs.push(fieldErrors.invalid('spec.clusterIPs', goStrings(ips), 'first value must match `clusterIP`'));
  } else if (ips && ips.length > 0) {
    errs.push(fieldErrors.invalid('spec.clusterIPs', goStrings(ips), 'must be empty when `clusterIP` is not specified'));
  }
  const seen = new Set<string>();
  ((spec.ipFamilies ?? []) as string[]).forEach((fam, i) => {
    if (!IP_FAMILIES.includes(fam)) errs.push(fieldErrors.notSupported(`spec.ipFamilies[${i}]`, fam, IP_FAMILIES));
    if (seen.has(fam)) errs.push(fieldErrors.duplicate(`spec.ipFamilies[${i}]`, fam));
    seen.add(fam);
  });
  if (spec.ipFamilyPolicy !== undefined && !IP_FAMILY_POLICIES.includes(spec.ipFamilyPolicy)) {
    errs.push(fieldErrors.notSupported('spec.ipFamilyPolicy', spec.ipFamilyPolicy, IP_FAMILY_POLICIES));
  }
  let hasInvalidIPs = false;
  (ips ?? []).forEach((ip, i) => {
    if (ip === 'None') {
      if (i !== 0) {
        hasInvalidIPs = true;
        errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, ip, "'None' must be the first and only value"));
      }
      return;
    }
    const e = validateIPForLegacyField(`spec.clusterIPs[${i}]`, ip);
    if (e.length > 0) {
      hasInvalidIPs = true;
      errs.push(...e);
    }
  });
  if (ips && ips.length > 2) errs.push(fieldErrors.invalid('spec.clusterIPs', goStrings(ips), 'may only hold up to 2 values'));
  if (hasInvalidIPs) return errs;
  if (ips && ips.length > 1) {
    const dual = ips.length === 2 && isIPv6String(ips[0]) !== isIPv6String(ips[1]);
    if (!dual) errs.push(fieldErrors.invalid('spec.clusterIPs', goStrings(ips), 'may specify no more than one IP for each IP family'));
  }
  if (!isHeadless(spec) && ips && ips.length > 0 && (spec.ipFamilies?.length ?? 0) > 0) {
    ips.forEach((ip, i) => {
      if (i > spec.ipFamilies.length - 1) return;
      if (spec.ipFamilies[i] === 'IPv4' && isIPv6String(ip)) {
        errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      }
      if (spec.ipFamilies[i] === 'IPv6' && !isIPv6String(ip)) {
        errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
      }
    });
  }
  return errs;
}

function goServicePortKey(protocol: string, port: number): GoLiteral {
  return new GoLiteral(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

function validatePortNumOrName(value: unknown, path: string): FieldError[] {
  if (typeof value === 'number') return isValidPortNum(value).map((m) => fieldErrors.invalid(path, value, m));
  if (typeof value === 'string') return isValidPortName(value).map((m) => fieldErrors.invalid(path, value, m));
  return [];
}

/** validateServiceFields: everything of ValidateService after ObjectMeta. */
function validateServiceFields(obj: KubeObject): FieldError[] {
  const spec: Spec = obj.spec ?? {};
  const errs: FieldError[] = [];
  const ports = (spec.ports ?? []) as Port[];
  const headless = isHeadless(spec);

  if (ports.length === 0 && !headless && spec.type !== 'ExternalName') errs.push(fieldErrors.required('spec.ports'));
  switch (spec.type) {
    case 'LoadBalancer':
    case 'NodePort':
      if (headless) errs.push(fieldErrors.invalid('spec.clusterIPs[0]', spec.clusterIPs[0], `may not be set to 'None' for ${spec.type} services`));
      break;
    case 'ExternalName': {
      if ((spec.clusterIPs?.length ?? 0) > 0) errs.push(fieldErrors.forbidden('spec.clusterIPs', 'may not be set for ExternalName services'));
      if ((spec.ipFamilies?.length ?? 0) > 0) errs.push(fieldErrors.forbidden('spec.ipFamilies', 'may not be set for ExternalName services'));
      if (spec.ipFamilyPolicy !== undefined) errs.push(fieldErrors.forbidden('spec.ipFamilyPolicy', 'may not be set for ExternalName services'));
      const cname = ((spec.externalName as string | undefined) ?? '').replace(/\.$/, '');
      if (cname.length > 0) for (const m of isDNS1123Subdomain(cname)) errs.push(fieldErrors.invalid('spec.externalName', cname, m));
      else errs.push(fieldErrors.required('spec.externalName'));
      break;
    }
  }

  const names = new Set<string>();
  ports.forEach((p, i) => {
    const path = `spec.ports[${i}]`;
    const name = (p.name as string | undefined) ?? '';
    if (ports.length > 1 && name.length === 0) {
      errs.push(fieldErrors.required(`${path}.name`));
    } else if (name.length > 0) {
      for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${path}.name`, name, m));
      if (names.has(name)) errs.push(fieldErrors.duplicate(`${path}.name`, name));
      else names.add(name);
    }
    for (const m of isValidPortNum(p.port ?? 0)) errs.push(fieldErrors.invalid(`${path}.port`, p.port ?? 0, m));
    if (!p.protocol) errs.push(fieldErrors.required(`${path}.protocol`));
    else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldErrors.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
    errs.push(...validatePortNumOrName(p.targetPort, `${path}.targetPort`));
    if (p.appProtocol !== undefined) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldErrors.invalid(`${path}.appProtocol`, p.appProtocol, m));
  });

  if (spec.selector !== undefined) errs.push(...validateLabels(spec.selector, 'spec.selector'));

  if (!spec.sessionAffinity) errs.push(fieldErrors.required('spec.sessionAffinity'));
  else if (!AFFINITIES.includes(spec.sessionAffinity)) errs.push(fieldErrors.notSupported('spec.sessionAffinity', spec.sessionAffinity, AFFINITIES));
  if (spec.sessionAffinity === 'ClientIP') {
    const cfg = spec.sessionAffinityConfig;
    const why = 'when session affinity type is ClientIP';
    if (!cfg) errs.push(fieldErrors.required('spec.sessionAffinityConfig', why));
    else if (!cfg.clientIP) errs.push(fieldErrors.required('spec.sessionAffinityConfig.clientIP', why));
    else if (cfg.clientIP.timeoutSeconds === undefined) errs.push(fieldErrors.required('spec.sessionAffinityConfig.clientIP.timeoutSeconds', why));
    else if (cfg.clientIP.timeoutSeconds <= 0 || cfg.clientIP.timeoutSeconds > MAX_CLIENT_IP_AFFINITY_SECONDS) {
      errs.push(
        fieldErrors.invalid(
          'spec.sessionAffinityConfig.clientIP.timeoutSeconds',
          cfg.clientIP.timeoutSeconds,
          `must be greater than 0 and less than ${MAX_CLIENT_IP_AFFINITY_SECONDS}`,
        ),
      );
    }
  } else if (spec.sessionAffinity === 'None' && spec.sessionAffinityConfig !== undefined) {
    errs.push(fieldErrors.forbidden('spec.sessionAffinityConfig', 'must not be set when session affinity is None'));
  }

  errs.push(...validateClusterIPsRelatedFields(spec));

  ((spec.externalIPs ?? []) as string[]).forEach((ip, i) => {
    const path = `spec.externalIPs[${i}]`;
    const e = validateIPForLegacyField(path, ip);
    errs.push(...(e.length > 0 ? e : validateEndpointIP(ip, path)));
  });

  if (!spec.type) errs.push(fieldErrors.required('spec.type'));
  else if (!SERVICE_TYPES.includes(spec.type)) errs.push(fieldErrors.notSupported('spec.type', spec.type, SERVICE_TYPES));

  if (spec.type === 'ClusterIP') {
    ports.forEach((p, i) => {
      if (p.nodePort) errs.push(fieldErrors.forbidden(`spec.ports[${i}].nodePort`, "may not be used when `type` is 'ClusterIP'"));
    });
  }
  const nodePorts = new Set<string>();
  ports.forEach((p, i) => {
    if (!p.nodePort) return;
    const key = `${p.protocol}/${p.nodePort}`;
    if (nodePorts.has(key)) errs.push(fieldErrors.duplicate(`spec.ports[${i}].nodePort`, p.nodePort));
    nodePorts.add(key);
  });
  const portKeys = new Set<string>();
  ports.forEach((p, i) => {
    const key = `${p.protocol}/${p.port}`;
    if (portKeys.has(key)) errs.push(fieldErrors.duplicate(`spec.ports[${i}]`, goServicePortKey(p.protocol ?? '', p.port ?? 0)));
    portKeys.add(key);
  });

  if ((spec.loadBalancerSourceRanges?.length ?? 0) > 0) {
    if (spec.type !== 'LoadBalancer') errs.push(fieldErrors.forbidden('spec.LoadBalancerSourceRanges', "may only be used when `type` is 'LoadBalancer'"));
    (spec.loadBalancerSourceRanges as string[]).forEach((cidr, i) => {
      const v = cidr.trim();
      const [ip, bits, extra] = v.split('/');
      const ok = extra === undefined && bits !== undefined && /^[0-9]+$/.test(bits) && parseIP(ip) !== undefined && Number(bits) <= (isIPv4String(ip) ? 32 : 128);
      if (!ok) errs.push(fieldErrors.invalid(`spec.LoadBalancerSourceRanges[${i}]`, v, 'must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)'));
    });
  }
  if (spec.allocateLoadBalancerNodePorts !== undefined && spec.type !== 'LoadBalancer') {
    errs.push(fieldErrors.forbidden('spec.allocateLoadBalancerNodePorts', "may only be used when `type` is 'LoadBalancer'"));
  }
  if (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts === undefined) {
    errs.push(fieldErrors.required('allocateLoadBalancerNodePorts'));
  }
  if (spec.loadBalancerClass !== undefined) {
    if (spec.type !== 'LoadBalancer') errs.push(fieldErrors.forbidden('spec.loadBalancerClass', "may only be used when `type` is 'LoadBalancer'"));
    else for (const m of isQualifiedName(spec.loadBalancerClass)) errs.push(fieldErrors.invalid('spec.loadBalancerClass', spec.loadBalancerClass, m));
  }

  if (!externallyAccessible(spec)) {
    if (spec.externalTrafficPolicy) {
      errs.push(fieldErrors.invalid('spec.externalTrafficPolicy', spec.externalTrafficPolicy, 'may only be set for externally-accessible services'));
    }
  } else if (!spec.externalTrafficPolicy) {
    errs.push(fieldErrors.required('spec.externalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(spec.externalTrafficPolicy)) {
    errs.push(fieldErrors.notSupported('spec.externalTrafficPolicy', spec.externalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (!needsHealthCheck(spec)) {
    if (spec.healthCheckNodePort) {
      errs.push(
        fieldErrors.invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"),
      );
    }
  } else if (!spec.healthCheckNodePort) {
    errs.push(fieldErrors.required('spec.healthCheckNodePort'));
  } else {
    for (const m of isValidPortNum(spec.healthCheckNodePort)) errs.push(fieldErrors.invalid('spec.healthCheckNodePort', spec.healthCheckNodePort, m));
  }

  if (spec.internalTrafficPolicy === undefined) {
    if (spec.type === 'NodePort' || spec.type === 'LoadBalancer' || spec.type === 'ClusterIP') errs.push(fieldErrors.required('spec.internalTrafficPolicy'));
  } else if (!TRAFFIC_POLICIES.includes(spec.internalTrafficPolicy)) {
    errs.push(fieldErrors.notSupported('spec.internalTrafficPolicy', spec.internalTrafficPolicy, TRAFFIC_POLICIES));
  }
  if (spec.trafficDistribution !== undefined && spec.trafficDistribution !== 'PreferClose') {
    errs.push(fieldErrors.notSupported('spec.trafficDistribution', spec.trafficDistribution, ['PreferClose']));
  }
  return errs;
}

function validateUpgradeDowngradeClusterIPs(old: Spec, spec: Spec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return errs;
  if (isHeadless(old) && isHeadless(spec)) return errs;
  const oldIPs: string[] = old.clusterIPs ?? [];
  const newIPs: string[] = spec.clusterIPs ?? [];
  if (oldIPs.length === newIPs.length) {
    oldIPs.forEach((ip, i) => {
      if (ip !== newIPs[i]) errs.push(fieldErrors.invalid(`spec.clusterIPs[${i}]`, goStrings(spec.clusterIPs), 'may not change once set'));
    });
  } else if (oldIPs.length > newIPs.length) {
    if (newIPs.length === 0) errs.push(fieldErrors.invalid('spec.clusterIPs[0]', goStrings(spec.clusterIPs), 'primary clusterIP can not be unset'));
    if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
      errs.push(fieldErrors.invalid('spec.clusterIPs[0]', goStrings(spec.clusterIPs), 'may not change once set'));
    }
    if (newIPs.length === 1 && spec.ipFamilyPolicy !== 'SingleStack') {
      errs.push(fieldErrors.invalid('spec.ipFamilyPolicy', spec.ipFamilyPolicy ?? null, "must be set to 'SingleStack' when releasing the secondary clusterIP"));
    }
  } else if (oldIPs.length > 0 && newIPs.length > 0 && newIPs[0] !== oldIPs[0]) {
    errs.push(fieldErrors.invalid('spec.clusterIPs[0]', goStrings(spec.clusterIPs), 'may not change once set'));
  }
  return errs;
}

function validateUpgradeDowngradeIPFamilies(old: Spec, spec: Spec): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.type === 'ExternalName' || old.type === 'ExternalName') return errs;
  if (isHeadless(old) && isHeadless(spec)) return errs;
  const oldF: string[] = old.ipFamilies ?? [];
  const newF: string[] = spec.ipFamilies ?? [];
  const n = Math.min(oldF.length, newF.length);
  for (let i = 0; i < n; i++) {
    if (oldF[i] !== newF[i]) errs.push(fieldErrors.invalid(`spec.ipFamilies[${i}]`, new GoLiteral(`[]core.IPFamily{${newF.map(goQuote).join(', ')}}`), 'may not change once set'));
  }
  return errs;
}

/** GetWarningsForService. */
function serviceWarnings(spec: Spec, ctx: AdmissionContext): void {
  const ipWarning = (path: string, value: string) => {
    const canonical = canonicalIP(value);
    if (canonical === undefined) return;
    if (isIPv4String(value) && canonical !== value) {
      ctx.warn(`${path}: non-standard IP address ${goQuote(value)} will be considered invalid in a future Kubernetes release: use ${goQuote(canonical)}`);
    } else if (!isIPv4String(value) && canonical !== value) {
      ctx.warn(`${path}: IPv6 address ${goQuote(value)} should be in RFC 5952 canonical format (${goQuote(canonical)})`);
    }
  };
  if (spec.clusterIP && spec.clusterIP !== 'None') ((spec.clusterIPs ?? []) as string[]).forEach((ip, i) => ipWarning(`spec.clusterIPs[${i}]`, ip));
  ((spec.externalIPs ?? []) as string[]).forEach((ip, i) => ipWarning(`spec.externalIPs[${i}]`, ip));
  if (spec.loadBalancerIP) ipWarning('spec.loadBalancerIP', spec.loadBalancerIP);
  if (spec.type === 'ExternalName' && (spec.externalIPs?.length ?? 0) > 0) ctx.warn('spec.externalIPs is ignored when spec.type is "ExternalName"');
  if (spec.type !== 'ExternalName' && spec.externalName) ctx.warn('spec.externalName is ignored when spec.type is not "ExternalName"');
}

// ---------------------------------------------------------------------------------------------
// Update: type-dependent fields

function dropTypeDependentFields(obj: KubeObject, old: KubeObject): void {
  const spec: Spec = obj.spec;
  const o: Spec = old.spec ?? {};
  if (needsClusterIP(o) && !needsClusterIP(spec)) {
    if ((o.clusterIP ?? '') === (spec.clusterIP ?? '') && sameStrings(o.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (sameStrings(o.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (o.ipFamilyPolicy === spec.ipFamilyPolicy) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(o) && !needsNodePort(spec)) {
    const same = sameStrings(
      ((o.ports ?? []) as Port[]).map((p) => String(p.nodePort ?? 0)),
      ((spec.ports ?? []) as Port[]).map((p) => String(p.nodePort ?? 0)),
    );
    if (same) for (const p of (spec.ports ?? []) as Port[]) delete p.nodePort;
  }
  if (o.type === 'LoadBalancer' && spec.type !== 'LoadBalancer') {
    if (spec.allocateLoadBalancerNodePorts !== undefined && o.allocateLoadBalancerNodePorts === spec.allocateLoadBalancerNodePorts) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (o.loadBalancerClass === spec.loadBalancerClass) delete spec.loadBalancerClass;
  }
  if (needsHealthCheck(o) && !needsHealthCheck(spec) && o.healthCheckNodePort === spec.healthCheckNodePort) delete spec.healthCheckNodePort;
  if (externallyAccessible(o) && !externallyAccessible(spec) && o.externalTrafficPolicy === spec.externalTrafficPolicy) delete spec.externalTrafficPolicy;
  if (spec.type !== 'LoadBalancer') obj.status = { ...(obj.status ?? {}), loadBalancer: {} };
}

// ---------------------------------------------------------------------------------------------

export const serviceStrategy: KindStrategy = {
  defaults: setDefaultsService,

  prepareForCreate(obj, ctx) {
    const spec: Spec = obj.spec;
    normalizeClusterIPs(spec, undefined);
    const familyErrs = initIPFamilyFields(spec);
    if (familyErrs.length > 0) fail(obj, familyErrs);
    if (needsClusterIP(spec)) allocClusterIPs(obj, ctx);
    const keep = new Set<number>();
    if (needsNodePort(spec)) allocNodePorts(obj, ctx, keep);
    allocHealthCheckNodePort(obj, ctx, keep);
    obj.status = { loadBalancer: {} };
  },

  validate(obj, ctx) {
    serviceWarnings(obj.spec ?? {}, ctx);
    return validateServiceFields(obj);
  },

  prepareForUpdate(obj, old, ctx) {
    const spec: Spec = obj.spec;
    const o: Spec = old.spec ?? {};
    patchAllocatedValues(spec, o);
    normalizeClusterIPs(spec, o);
    // allocateUpdate: ExternalName -> a type with a cluster IP gets one (and its families).
    if (o.type === 'ExternalName' && needsClusterIP(spec)) {
      const familyErrs = initIPFamilyFields(spec);
      if (familyErrs.length > 0) fail(obj, familyErrs);
      allocClusterIPs(obj, ctx);
    }
    const oldPorts = new Set(nodePortsOf(o));
    if (needsNodePort(spec)) allocNodePorts(obj, ctx, new Set(oldPorts));
    allocHealthCheckNodePort(obj, ctx, new Set(oldPorts));
    obj.status = old.status === undefined ? { loadBalancer: {} } : JSON.parse(JSON.stringify(old.status));
    dropTypeDependentFields(obj, old);
    // What the old object held and the new one does not is released once the write succeeds.
    ctx.onCommit(() => {
      const nowPorts = new Set(nodePortsOf(obj.spec));
      for (const p of oldPorts) if (!nowPorts.has(p)) nodePortAllocator(ctx).release(p);
      const oldIPs = (o.clusterIPs ?? []) as string[];
      const nowIPs = new Set((obj.spec.clusterIPs ?? []) as string[]);
      for (const ip of oldIPs) if (ip !== 'None' && !nowIPs.has(ip)) clusterIPAllocator(ctx).release(canonicalIP(ip) ?? ip);
    });
  },

  validateUpdate(obj, old, ctx) {
    serviceWarnings(obj.spec ?? {}, ctx);
    const spec: Spec = obj.spec ?? {};
    const o: Spec = old.spec ?? {};
    const errs: FieldError[] = [];
    if (o.type !== 'ExternalName' && spec.type !== 'ExternalName') {
      errs.push(...validateUpgradeDowngradeClusterIPs(o, spec), ...validateUpgradeDowngradeIPFamilies(o, spec));
    }
    if (o.type === 'LoadBalancer' && spec.type === 'LoadBalancer' && o.loadBalancerClass !== spec.loadBalancerClass) {
      errs.push(fieldErrors.invalid('spec.loadBalancerClass', spec.loadBalancerClass ?? null, 'may not change once set'));
    }
    return [...errs, ...validateServiceFields(obj)];
  },

  afterDelete(obj, ctx) {
    const spec: Spec = obj.spec ?? {};
    for (const ip of (spec.clusterIPs ?? []) as string[]) if (ip !== 'None') clusterIPAllocator(ctx).release(canonicalIP(ip) ?? ip);
    for (const p of nodePortsOf(spec)) nodePortAllocator(ctx).release(p);
  },
};

