/**
 * discovery.k8s.io/v1 EndpointSlice (pkg/apis/discovery/validation/validation.go,
 * pkg/registry/discovery/endpointslice/strategy.go): addressType required, supported and
 * immutable; at most 1000 endpoints of 1-100 addresses each, checked per address type; ports with
 * unique names. Empty `endpoints` and `ports` read back as null (the fields are not omitempty).
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KindStrategy } from '../strategy.ts';
import type { KubeObject } from '../types.ts';
import { isDNS1123Label, isDNS1123Subdomain, isIPv4String, isIPv6String, isQualifiedName, parseIP, validateEndpointIP } from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

const ADDRESS_TYPES = ['FQDN', 'IPv4', 'IPv6'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];
const MAX_ENDPOINTS = 1000;
const MAX_ADDRESSES = 100;
const MAX_PORTS = 100;

function validateFQDN(path: string, value: string): FieldError[] {
  if (value.length === 0) return [fieldErrors.required(path)];
  const errs: FieldError[] = [];
  for (const m of isDNS1123Subdomain(value)) errs.push(fieldErrors.invalid(path, value, m));
  if (errs.length === 0 && !value.includes('.')) errs.push(fieldErrors.invalid(path, value, 'should be a domain with at least two segments separated by dots'));
  return errs;
}

function validateSlice(obj: KubeObject): FieldError[] {
  const errs: FieldError[] = [];
  const type = obj.addressType as string | undefined;
  if (!type) errs.push(fieldErrors.required('addressType'));
  else if (!ADDRESS_TYPES.includes(type)) errs.push(fieldErrors.notSupported('addressType', type, ADDRESS_TYPES));
  const endpoints = (obj.endpoints ?? []) as Obj[];
  if (endpoints.length > MAX_ENDPOINTS) {
    errs.push(fieldErrors.tooMany('endpoints', endpoints.length, MAX_ENDPOINTS));
  } else {
    endpoints.forEach((ep, i) => {
      const path = `endpoints[${i}]`;
      const addresses = (ep.addresses ?? []) as string[];
      if (addresses.length === 0) errs.push(fieldErrors.required(`${path}.addresses`, 'must contain at least 1 address'));
      else if (addresses.length > MAX_ADDRESSES) errs.push(fieldErrors.tooMany(`${path}.addresses`, addresses.length, MAX_ADDRESSES));
      addresses.forEach((a, j) => {
        const at = `${path}.addresses[${j}]`;
        if (type === 'IPv4' || type === 'IPv6') {
          const ok = parseIP(a) !== undefined && (type === 'IPv4' ? isIPv4String(a) : isIPv6String(a));
          if (!ok) errs.push(fieldErrors.invalid(at, a, `must be a valid ${type} address`));
          else errs.push(...validateEndpointIP(a, at));
        } else if (type === 'FQDN') {
          errs.push(...validateFQDN(at, a));
        }
      });
      if (ep.nodeName !== undefined) for (const m of isDNS1123Subdomain(ep.nodeName)) errs.push(fieldErrors.invalid(`${path}.nodeName`, ep.nodeName, m));
      if (ep.hostname !== undefined) for (const m of isDNS1123Label(ep.hostname)) errs.push(fieldErrors.invalid(`${path}.hostname`, ep.hostname, m));
      const zones = (ep.hints?.forZones ?? []) as Obj[];
      if (zones.length > 8) errs.push(fieldErrors.tooMany(`${path}.hints.forZones`, zones.length, 8));
    });
  }
  const ports = (obj.ports ?? []) as Obj[];
  if (ports.length > MAX_PORTS) {
    errs.push(fieldErrors.tooMany('ports', ports.length, MAX_PORTS));
  } else {
    const names = new Set<string>();
    ports.forEach((p, i) => {
      const path = `ports[${i}]`;
      const name = (p.name as string | undefined) ?? '';
      if (name) for (const m of isDNS1123Label(name)) errs.push(fieldErrors.invalid(`${path}.name`, name, m));
      if (names.has(name)) errs.push(fieldErrors.duplicate(`${path}.name`, name));
      else names.add(name);
      if (!p.protocol) errs.push(fieldErrors.required(`${path}.protocol`));
      else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldErrors.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
      if (p.appProtocol !== undefined) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldErrors.invalid(`${path}.appProtocol`, p.appProtocol, m));
    });
  }
  return errs;
}

function normalize(obj: KubeObject): void {
  if (!(obj.endpoints?.length > 0)) obj.endpoints = null;
  if (!(obj.ports?.length > 0)) obj.ports = null;
}

export const endpointSliceStrategy: KindStrategy = {
  hasGeneration: true,
  defaults(obj) {
    for (const p of (obj.ports ?? []) as Obj[]) {
      p.name ??= '';
      p.protocol ??= 'TCP';
    }
  },
  prepareForCreate(obj, ctx) {
    normalize(obj);
    if (obj.addressType === 'FQDN') ctx.warn('spec.addressType: FQDN endpoints are deprecated');
  },
  prepareForUpdate(obj) {
    normalize(obj);
  },
  validate: validateSlice,
  validateUpdate(obj, old) {
    const errs = validateSlice(obj);
    if (obj.addressType !== old.addressType) errs.push(fieldErrors.invalid('addressType', obj.addressType ?? '', 'field is immutable'));
    return errs;
  },
};
