/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName=node01`), parsed as
 * k8s.io/apimachinery pkg/fields/selector.go parses them (terms split on unescaped commas and
 * sorted, `!=`, `==`, `=`, values unescaped; no trimming), then checked against the fields each
 * kind allows: the field label conversion functions of pkg/apis/core/v1/conversion.go, and
 * DefaultMetaV1FieldSelectorConversion (metadata.name, metadata.namespace) for the others.
 *
 * Errors are `FieldSelectorError`, whose message is the API server's BadRequest text.
 */
import type { KubeObject } from './types.ts';

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

export class FieldSelectorError extends Error {
  override name = 'FieldSelectorError';
}

type Getter = (o: KubeObject) => string;

const name: Getter = (o) => o.metadata.name ?? '';
const namespace: Getter = (o) => o.metadata.namespace ?? '';
const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

/** Kinds with a field label conversion function: the labels they accept and how each reads. */
const CONVERSIONS: Record<string, Record<string, Getter>> = {
  pods: {
    'metadata.name': name,
    'metadata.namespace': namespace,
    'spec.nodeName': (o) => str(o.spec?.nodeName),
    'spec.restartPolicy': (o) => str(o.spec?.restartPolicy),
    'spec.schedulerName': (o) => str(o.spec?.schedulerName),
    'spec.serviceAccountName': (o) => str(o.spec?.serviceAccountName),
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => str(o.status?.phase),
    'status.podIP': (o) => str(o.status?.podIP),
    'status.podIPs': (o) => str(o.status?.podIPs?.map((p: { ip: string }) => p.ip).join(',')),
    'status.nominatedNodeName': (o) => str(o.status?.nominatedNodeName),
  },
  nodes: {
    'metadata.name': name,
    'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false),
  },
  replicationcontrollers: {
    'metadata.name': name,
    'metadata.namespace': namespace,
    'status.replicas': (o) => String(o.status?.replicas ?? 0),
  },
  events: {
    'involvedObject.kind': (o) => str(o.involvedObject?.kind),
    'involvedObject.namespace': (o) => str(o.involvedObject?.namespace),
    'involvedObject.name': (o) => str(o.involvedObject?.name),
    'involvedObject.uid': (o) => str(o.involvedObject?.uid),
    'involvedObject.apiVersion': (o) => str(o.involvedObject?.apiVersion),
    'involvedObject.resourceVersion': (o) => str(o.involvedObject?.resourceVersion),
    'involvedObject.fieldPath': (o) => str(o.involvedObject?.fieldPath),
    reason: (o) => str(o.reason),
    reportingComponent: (o) => str(o.reportingComponent),
    source: (o) => str(o.source?.component),
    type: (o) => str(o.type),
    'metadata.namespace': namespace,
    'metadata.name': name,
  },
  namespaces: {
    'status.phase': (o) => str(o.status?.phase),
    'metadata.name': name,
  },
  secrets: {
    type: (o) => str(o.type),
    'metadata.namespace': namespace,
    'metadata.name': name,
  },
  services: {
    'metadata.namespace': namespace,
    'metadata.name': name,
    'spec.clusterIP': (o) => str(o.spec?.clusterIP),
    'spec.type': (o) => str(o.spec?.type),
  },
};

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}
  isEmpty(): boolean {
    return this.requirements.length === 0;
  }
  /** Selector.String(): terms joined by commas, values escaped again. */
  toString(): string {
    return this.requirements.map((r) => `${r.field}${r.operator}${escapeValue(r.value)}`).join(',');
  }
}

/** EscapeValue: `\`, `,` and `=` are escaped with a backslash. */
export function escapeValue(s: string): string {
  return s.replace(/[\\,=]/g, (c) => `\\${c}`);
}

/** UnescapeValue. */
function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c === '\\' || c === ',' || c === '=') out += c;
      else throw new FieldSelectorError(`invalid field selector: invalid escape sequence: \\${c}`);
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw new FieldSelectorError(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw new FieldSelectorError('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** splitTerms: split on commas not escaped by a backslash. */
function splitTerms(s: string): string[] {
  if (s === '') return [];
  const terms: string[] = [];
  let start = 0;
  let escaped = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (escaped) escaped = false;
    else if (c === '\\') escaped = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

/** splitTerm: the first `!=`, `==` or `=` (escapes are not considered here, as in Go). */
function splitTerm(term: string): [string, FieldRequirement['operator'], string] | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of ['!=', '==', '='] as const) {
      if (term.startsWith(op, i)) return [term.slice(0, i), op, term.slice(i + op.length)];
    }
  }
  return undefined;
}

/** fields.ParseSelector. */
export function parseFieldSelector(input: string): FieldSelector {
  const parts = splitTerms(input).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const reqs: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const t = splitTerm(part);
    if (!t) throw new FieldSelectorError(`invalid selector: '${input}'; can't understand '${part}'`);
    reqs.push({ field: t[0], operator: t[1], value: unescapeValue(t[2]) });
  }
  return new FieldSelector(reqs);
}

/** A matcher for one resource, or the API server's error for a field label it does not support. */
export function compileFieldSelector(resource: string, kind: string, version: string, sel: FieldSelector): (o: KubeObject) => boolean {
  void kind;
  void version;
  const conversions = Object.prototype.hasOwnProperty.call(CONVERSIONS, resource) ? CONVERSIONS[resource] : undefined;
  const getters = sel.requirements.map((r) => {
    if (conversions) {
      const g = Object.prototype.hasOwnProperty.call(conversions, r.field) ? conversions[r.field] : undefined;
      if (!g) throw new FieldSelectorError(`field label not supported: ${r.field}`);
      return g;
    }
    if (r.field === 'metadata.name') return name;
    if (r.field === 'metadata.namespace') return namespace;
    throw new FieldSelectorError(`"${r.field}" is not a known field selector: only "metadata.name", "metadata.namespace"`);
  });
  return (o) =>
    sel.requirements.every((r, i) => {
      const v = getters[i](o);
      return r.operator === '!=' ? v !== r.value : v === r.value;
    });
}
