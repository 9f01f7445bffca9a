/**
 * Field selectors (`--field-selector status.phase=Running,spec.nodeName=node1`): only `=`, `==`
 * and `!=`, and only on the fields each resource declares selectable, as the API server allows.
 */
import { badRequest } from './errors.ts';
import type { KubeObject } from './types.ts';

export interface FieldRequirement {
  field: string;
  operator: '=' | '==' | '!=';
  value: string;
}

/** Fields each resource allows beyond metadata.name and metadata.namespace (pkg/registry/.../strategy.go). */
const SELECTABLE: Record<string, Record<string, (o: KubeObject) => string>> = {
  pods: {
    'spec.nodeName': (o) => o.spec?.nodeName ?? '',
    'spec.restartPolicy': (o) => o.spec?.restartPolicy ?? '',
    'spec.schedulerName': (o) => o.spec?.schedulerName ?? '',
    'spec.serviceAccountName': (o) => o.spec?.serviceAccountName ?? '',
    'spec.hostNetwork': (o) => String(o.spec?.hostNetwork ?? false),
    'status.phase': (o) => o.status?.phase ?? '',
    'status.podIP': (o) => o.status?.podIP ?? '',
    'status.nominatedNodeName': (o) => o.status?.nominatedNodeName ?? '',
  },
  events: {
    'involvedObject.kind': (o) => o.involvedObject?.kind ?? '',
    'involvedObject.namespace': (o) => o.involvedObject?.namespace ?? '',
    'involvedObject.name': (o) => o.involvedObject?.name ?? '',
    'involvedObject.uid': (o) => o.involvedObject?.uid ?? '',
    'involvedObject.apiVersion': (o) => o.involvedObject?.apiVersion ?? '',
    'involvedObject.resourceVersion': (o) => o.involvedObject?.resourceVersion ?? '',
    'involvedObject.fieldPath': (o) => o.involvedObject?.fieldPath ?? '',
    reason: (o) => o.reason ?? '',
    reportingComponent: (o) => o.reportingComponent ?? '',
    source: (o) => o.source?.component ?? '',
    type: (o) => o.type ?? '',
  },
  namespaces: { 'status.phase': (o) => o.status?.phase ?? '' },
  nodes: { 'spec.unschedulable': (o) => String(o.spec?.unschedulable ?? false) },
  replicasets: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
  replicationcontrollers: { 'status.replicas': (o) => String(o.status?.replicas ?? 0) },
  secrets: { type: (o) => o.type ?? '' },
};

export class FieldSelector {
  constructor(readonly requirements: readonly FieldRequirement[]) {}
  isEmpty(): boolean {
    return this.requirements.length === 0;
  }
}

export function parseFieldSelector(input: string): FieldSelector {
  const reqs: FieldRequirement[] = [];
  for (const part of input.split(',')) {
    if (part.trim() === '') continue;
    const m = /^([^=!]*)(==|!=|=)(.*)$/.exec(part);
    if (!m) throw badRequest(`invalid selector: '${input}'; can't understand '${part}'`);
    reqs.push({ field: m[1].trim(), operator: m[2] as FieldRequirement['operator'], value: m[3].trim() });
  }
  return new FieldSelector(reqs);
}

/** A matcher for one resource, or the API server's error for a field it does not support. */
export function compileFieldSelector(resource: string, kind: string, version: string, sel: FieldSelector): (o: KubeObject) => boolean {
  const getters = sel.requirements.map((r) => {
    if (r.field === 'metadata.name') return (o: KubeObject) => o.metadata.name ?? '';
    if (r.field === 'metadata.namespace') return (o: KubeObject) => o.metadata.namespace ?? '';
    const g = SELECTABLE[resource]?.[r.field];
    if (!g) throw badRequest(`field label not supported: ${r.field}`);
    return g;
  });
  void kind;
  void version;
  return (o) =>
    sel.requirements.every((r, i) => {
      const v = getters[i](o);
      return r.operator === '!=' ? v !== r.value : v === r.value;
    });
}
