/**
 * The small kinds: ConfigMap and Secret (keys checked by IsConfigMapKey, Secret type defaulted
 * to Opaque), ServiceAccount, Lease, Node (status kept on update), and core/v1 and
 * events.k8s.io/v1 Events (legacyValidateEvent's namespace rule).
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { KindStrategy } from '../strategy.ts';
import { isDNS1123Subdomain, maxLenError } from './validation.ts';

const configMapKeyFmt = '[-._a-zA-Z0-9]+';
const configMapKeyRe = new RegExp(`^${configMapKeyFmt}$`);

/** IsConfigMapKey. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!configMapKeyRe.test(key)) {
    errs.push(
      `a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '${configMapKeyFmt}')`,
    );
  }
  if (key === '.') errs.push("must not be '.'");
  else if (key === '..') errs.push("must not be '..'");
  else if (key.startsWith('..')) errs.push("must not start with '..'");
  return errs;
}

function validateKeys(data: Record<string, unknown> | undefined, other: Record<string, unknown> | undefined, field: string, otherField: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const key of Object.keys(data ?? {}).sort()) {
    for (const m of isConfigMapKey(key)) errs.push(fieldErrors.invalid(`${field}[${key}]`, key, m));
    if (other && key in other) errs.push(fieldErrors.invalid(`${field}[${key}]`, key, `duplicate of key present in ${otherField}`));
  }
  return errs;
}

export const configMapStrategy: KindStrategy = {
  validate(obj) {
    return [...validateKeys(obj.data, obj.binaryData, 'data', 'binaryData'), ...validateKeys(obj.binaryData, undefined, 'binaryData', '')];
  },
};

export const secretStrategy: KindStrategy = {
  defaults(obj) {
    obj.type ||= 'Opaque';
  },
  validate(obj) {
    return validateKeys(obj.data, undefined, 'data', '');
  },
  validateUpdate(obj, old) {
    const errs = validateKeys(obj.data, undefined, 'data', '');
    if ((obj.type ?? '') !== (old.type ?? '')) errs.push(fieldErrors.invalid('type', obj.type ?? '', 'field is immutable'));
    return errs;
  },
};

export const serviceAccountStrategy: KindStrategy = {};
export const leaseStrategy: KindStrategy = {};

export const nodeStrategy: KindStrategy = {
  hasStatusSubresource: true,
  prepareForCreate(obj) {
    obj.status ??= {};
  },
};

export const eventStrategy: KindStrategy = {
  validate(obj) {
    const errs: FieldError[] = [];
    const ns = obj.metadata.namespace ?? '';
    const involved = (obj.involvedObject?.namespace as string | undefined) ?? '';
    if (!obj.eventTime) {
      if (involved === '' ? ns !== '' && ns !== 'default' : ns !== involved) {
        errs.push(fieldErrors.invalid('involvedObject.namespace', involved, 'does not match event.namespace'));
      }
    }
    for (const m of isDNS1123Subdomain(ns)) errs.push(fieldErrors.invalid('namespace', ns, m));
    return errs;
  },
};

export const eventsV1Strategy: KindStrategy = {};
