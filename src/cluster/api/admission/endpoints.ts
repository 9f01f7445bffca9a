/**
 * v1 Endpoints (pkg/registry/core/endpoint/strategy.go, ValidateEndpoints and
 * ValidateEndpointsUpdate in pkg/apis/core/validation): paths have no `spec.` prefix; an update
 * that leaves subsets unchanged does not re-validate them. Every request on the resource carries
 * the v1.33 deprecation warning.
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KindStrategy } from '../strategy.ts';
import { deepEqual } from '../equal.ts';
import type { KubeObject } from '../types.ts';
import { isDNS1123Label, isDNS1123Subdomain, isQualifiedName, isValidPortNum, validateEndpointIP, validateIPForLegacyField } from './validation.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Obj = Record<string, any>;

export const ENDPOINTS_DEPRECATION_WARNING = 'v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice';
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validateAddress(a: Obj, path: string): FieldError[] {
  const errs: FieldError[] = [...validateIPForLegacyField(`${path}.ip`, a.ip ?? '')];
  if (a.hostname) for (const m of isDNS1123Label(a.hostname)) errs.push(fieldErrors.invalid(`${path}.hostname`, a.hostname, m));
  if (a.nodeName !== undefined) for (const m of isDNS1123Subdomain(a.nodeName)) errs.push(fieldErrors.invalid(`${path}.nodeName`, a.nodeName, m));
  errs.push(...validateEndpointIP(a.ip ?? '', `${path}.ip`));
  return errs;
}

function validatePort(p: Obj, requireName: boolean, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (requireName && !p.name) errs.push(fieldErrors.required(`${path}.name`));
  else if (p.name) for (const m of isDNS1123Label(p.name)) errs.push(fieldErrors.invalid(`${path}.name`, p.name, m));
  for (const m of isValidPortNum(p.port ?? 0)) errs.push(fieldErrors.invalid(`${path}.port`, p.port ?? 0, m));
  if (!p.protocol) errs.push(fieldErrors.required(`${path}.protocol`));
  else if (!PROTOCOLS.includes(p.protocol)) errs.push(fieldErrors.notSupported(`${path}.protocol`, p.protocol, PROTOCOLS));
  if (p.appProtocol !== undefined) for (const m of isQualifiedName(p.appProtocol)) errs.push(fieldErrors.invalid(`${path}.appProtocol`, p.appProtocol, m));
  return errs;
}

export function validateEndpointSubsets(subsets: Obj[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  (subsets ?? []).forEach((ss, i) => {
    const path = `subsets[${i}]`;
    if (!(ss.addresses?.length > 0) && !(ss.notReadyAddresses?.length > 0)) {
      errs.push(fieldErrors.required(path, 'must specify `addresses` or `notReadyAddresses`'));
    }
    ((ss.addresses ?? []) as Obj[]).forEach((a, j) => errs.push(...validateAddress(a, `${path}.addresses[${j}]`)));
    ((ss.notReadyAddresses ?? []) as Obj[]).forEach((a, j) => errs.push(...validateAddress(a, `${path}.notReadyAddresses[${j}]`)));
    const ports = (ss.ports ?? []) as Obj[];
    ports.forEach((p, j) => errs.push(...validatePort(p, ports.length > 1, `${path}.ports[${j}]`)));
  });
  return errs;
}

function defaults(obj: KubeObject): void {
  for (const ss of (obj.subsets ?? []) as Obj[]) for (const p of (ss.ports ?? []) as Obj[]) p.protocol ||= 'TCP';
}

export const endpointsStrategy: KindStrategy = {
  requestWarnings: [ENDPOINTS_DEPRECATION_WARNING],
  defaults,
  validate(obj) {
    return validateEndpointSubsets(obj.subsets);
  },
  validateUpdate(obj, old) {
    if (deepEqual(obj.subsets ?? [], old.subsets ?? [])) return [];
    return validateEndpointSubsets(obj.subsets);
  },
};
