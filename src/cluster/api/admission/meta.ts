/**
 * ObjectMeta validation shared by every kind (apimachinery pkg/api/validation/objectmeta.go,
 * ValidateObjectMetaAccessor and ValidateObjectMetaAccessorUpdate): names per kind, namespace,
 * labels, annotations, ownerReferences, finalizers, and what an update may not change.
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import { goQuote } from '../govalue.ts';
import { resourceKey, type ResourceInfo } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { isDNS1035Label, isDNS1123Label, isDNS1123Subdomain, isQualifiedName, validateAnnotations, validateLabels } from './validation.ts';

type NameCheck = (name: string) => string[];

/** How each kind validates its name (Validate<Kind>Name in pkg/apis/.../validation). */
const NAME_CHECKS: Record<string, NameCheck> = {
  services: isDNS1035Label,
  namespaces: isDNS1123Label,
};

export function nameCheck(info: ResourceInfo): NameCheck {
  return NAME_CHECKS[resourceKey(info)] ?? isDNS1123Subdomain;
}

/** maskTrailingDash: a generateName may end in '-'; it is validated as if it ended in 'a'. */
function maskTrailingDash(name: string): string {
  return name.length > 1 && name.endsWith('-') ? `${name.slice(0, -1)}a` : name;
}

function validateCommon(obj: KubeObject): FieldError[] {
  const m = obj.metadata;
  const errs: FieldError[] = [];
  if (typeof m.generation === 'number' && m.generation < 0) errs.push(fieldErrors.invalid('metadata.generation', m.generation, 'must be greater than or equal to 0'));
  errs.push(...validateLabels(m.labels, 'metadata.labels'));
  errs.push(...validateAnnotations(m.annotations, 'metadata.annotations'));
  // validateOwnerReference reports at metadata.ownerReferences.<field>, not indexed.
  (m.ownerReferences ?? []).forEach((ref) => {
    const path = 'metadata.ownerReferences';
    if (!ref.apiVersion) errs.push(fieldErrors.invalid(`${path}.apiVersion`, ref.apiVersion ?? '', 'version must not be empty'));
    if (!ref.kind) errs.push(fieldErrors.invalid(`${path}.kind`, ref.kind ?? '', 'kind must not be empty'));
    if (!ref.name) errs.push(fieldErrors.invalid(`${path}.name`, ref.name ?? '', 'name must not be empty'));
    if (!ref.uid) errs.push(fieldErrors.invalid(`${path}.uid`, ref.uid ?? '', 'uid must not be empty'));
  });
  const controllers = (m.ownerReferences ?? []).filter((r) => r.controller);
  if (controllers.length > 1) {
    errs.push(
      fieldErrors.invalid(
        'metadata.ownerReferences',
        m.ownerReferences,
        `Only one reference can have Controller set to true. Found "true" in references for ${controllers.map((r) => `${r.kind}/${r.name}`).join(' and ')}`,
      ),
    );
  }
  (m.finalizers ?? []).forEach((f) => {
    for (const msg of isQualifiedName(f)) errs.push(fieldErrors.invalid('metadata.finalizers', f, msg));
  });
  return errs;
}

/** ValidateObjectMeta for a create. */
export function validateObjectMeta(info: ResourceInfo, obj: KubeObject): FieldError[] {
  const m = obj.metadata;
  const check = nameCheck(info);
  const errs: FieldError[] = [];
  if (m.generateName) for (const msg of check(maskTrailingDash(m.generateName))) errs.push(fieldErrors.invalid('metadata.generateName', m.generateName, msg));
  if (!m.name) errs.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  else for (const msg of check(m.name)) errs.push(fieldErrors.invalid('metadata.name', m.name, msg));
  if (info.namespaced) {
    if (!m.namespace) errs.push(fieldErrors.required('metadata.namespace'));
    else for (const msg of isDNS1123Label(m.namespace)) errs.push(fieldErrors.invalid('metadata.namespace', m.namespace, msg));
  } else if (m.namespace) {
    errs.push(fieldErrors.forbidden('metadata.namespace', 'not allowed on this type'));
  }
  return [...errs, ...validateCommon(obj)];
}

/** Kept for callers of the first slice. */
export const validateObjectMetaForCreate = validateObjectMeta;

/** ValidateObjectMetaUpdate: immutable fields, then the same label/annotation checks. */
export function validateObjectMetaForUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject): FieldError[] {
  void info;
  const m = obj.metadata;
  const o = old.metadata;
  const errs: FieldError[] = [];
  if (o.deletionTimestamp) {
    const before = new Set(o.finalizers ?? []);
    const added = (m.finalizers ?? []).filter((f) => !before.has(f));
    if (added.length > 0) errs.push(fieldErrors.forbidden('metadata.finalizers', `no new finalizers can be added if the object is being deleted, found new finalizers []string{${added.map(goQuote).join(', ')}}`));
  }
  if ((m.generation ?? 0) < (o.generation ?? 0)) errs.push(fieldErrors.invalid('metadata.generation', m.generation ?? 0, 'must not be decremented'));
  const immutable = (field: 'name' | 'namespace' | 'uid' | 'creationTimestamp', a: unknown, b: unknown) => {
    if ((a ?? '') !== (b ?? '')) errs.push(fieldErrors.invalid(`metadata.${field}`, a ?? '', 'field is immutable'));
  };
  immutable('name', m.name, o.name);
  immutable('namespace', m.namespace, o.namespace);
  immutable('uid', m.uid, o.uid);
  immutable('creationTimestamp', m.creationTimestamp, o.creationTimestamp);
  return [...errs, ...validateCommon(obj)];
}
