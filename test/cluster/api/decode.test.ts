import { describe, expect, it } from 'vitest';
import { lookupPath, goTypeName, SCHEMA_KUBERNETES_VERSION, loadDescriptions, typeForKind } from '../../../src/cluster/api/schema.ts';
import { Cluster } from '../../../src/cluster/cluster.ts';
import { failure, svc } from './helpers.ts';

describe('strict decoding', () => {
  it('reports unknown fields, sorted depth first, under Strict', () => {
    const c = new Cluster();
    const f = failure(() => c.api.create('services', 'default', svc('web', { selectr: { app: 'a' }, ports: [{ port: 80, targetport: 8080 }] })));
    expect(f.status.code).toBe(400);
    expect(f.status.reason).toBe('BadRequest');
    expect(f.status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: strict decoding error: unknown field "spec.ports[0].targetport", unknown field "spec.selectr"',
    );
  });

  it('turns unknown fields into warnings under Warn and drops them', () => {
    const c = new Cluster();
    const r = c.api.create('services', 'default', svc('web', { selectr: { app: 'a' }, ports: [{ port: 80 }] }), { fieldValidation: 'Warn' });
    expect(r.warnings).toEqual(['unknown field "spec.selectr"']);
    expect(r.object.spec.selectr).toBeUndefined();
    const i = c.api.create('services', 'default', svc('web2', { selectr: { app: 'a' }, ports: [{ port: 80 }] }), { fieldValidation: 'Ignore' });
    expect(i.warnings).toEqual([]);
    expect(i.object.spec.selectr).toBeUndefined();
  });

  it('gives Go json errors for wrong types', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('services', 'default', svc('web', { ports: [{ port: '80' }] }))).status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32',
    );
    expect(failure(() => c.api.create('services', 'default', svc('web', 'nope' as unknown as Record<string, unknown>))).status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal string into Go struct field Service.spec of type v1.ServiceSpec',
    );
    expect(failure(() => c.api.create('services', 'default', { ...svc('web', { ports: [{ port: 80 }] }), metadata: { name: 'web', labels: { a: 1 } } })).status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
    );
    expect(failure(() => c.api.create('services', 'default', svc('web', { ports: [{ port: 1.5 }] }))).status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal number 1.5 into Go struct field ServicePort.spec.ports.port of type int32',
    );
    expect(failure(() => c.api.create('services', 'default', svc('web', { ports: [{ port: 80, targetPort: true }] }))).status.message).toBe(
      'Service in version "v1" cannot be handled as a Service: json: cannot unmarshal bool into Go struct field ServicePort.spec.ports.targetPort of type int32',
    );
  });

  it('a type error wins over unknown fields', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('services', 'default', svc('web', { selectr: {}, ports: [{ port: '80' }] }))).status.message).toContain('json: cannot unmarshal string');
  });

  it('refuses a body of another kind', () => {
    const c = new Cluster();
    expect(failure(() => c.api.create('services', 'default', { apiVersion: 'apps/v1', kind: 'Service', metadata: { name: 'x' } })).status.message).toBe(
      'Service in version "apps/v1" cannot be handled as a Service: no kind "Service" is registered for version "apps/v1"',
    );
  });

  it('reports unknown fields of a patch as an Invalid patch', () => {
    const c = new Cluster();
    c.api.create('services', 'default', svc('web', { ports: [{ port: 80 }] }));
    const f = failure(() => c.api.patch('services', 'default', 'web', 'strategic', { spec: { selectr: { app: 'x' } } }));
    expect(f.status.message).toBe(' "" is invalid: patch: Invalid value: "map[spec:map[selectr:map[app:x]]]": strict decoding error: unknown field "spec.selectr"');
    expect(f.status.details).toEqual({
      causes: [{ reason: 'FieldValueInvalid', message: 'Invalid value: "map[spec:map[selectr:map[app:x]]]": strict decoding error: unknown field "spec.selectr"', field: 'patch' }],
    });
  });
});

describe('schema lookups', () => {
  it('finds field types by path', () => {
    expect(SCHEMA_KUBERNETES_VERSION).toBe('v1.33');
    expect(typeForKind('v1', 'Service')).toBe('core.v1.Service');
    expect(lookupPath('v1', 'Service', ['spec', 'ports', 'port'])?.type).toBe('int32');
    expect(lookupPath('v1', 'Service', ['spec', 'ports', 'targetPort'])?.type).toBe('int-or-string');
    expect(lookupPath('v1', 'Pod', ['spec', 'containers'])).toMatchObject({ type: '[]core.v1.Container', patchStrategy: 'merge', patchMergeKey: 'name' });
    expect(lookupPath('apps/v1', 'Deployment', ['spec', 'template', 'spec', 'containers', 'env', 'name'])?.type).toBe('string');
    expect(lookupPath('v1', 'Service', ['spec', 'selectr'])).toBeUndefined();
    expect(goTypeName('[]core.v1.ServicePort')).toBe('[]v1.ServicePort');
    expect(goTypeName('map[string]string')).toBe('map[string]string');
  });

  it('loads descriptions lazily', async () => {
    const d = await loadDescriptions();
    expect(d.describe('core.v1.ServiceSpec', 'externalName')).toMatch(/^externalName is the external reference/);
    expect(d.describe('core.v1.Service')).toMatch(/^Service is a named abstraction/);
  });
});

describe('null values', () => {
  it('keeps a null metav1.Time (lastProbeTime: null) and drops other nulls', () => {
    const c = new Cluster();
    const ns = c.api.create('namespaces', undefined, { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'n', labels: null } }).object;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'n' });
    const withCond = c.api.update(
      'namespaces',
      undefined,
      { ...ns, status: { phase: 'Active', conditions: [{ type: 'X', status: 'False', lastTransitionTime: null }] } },
      { subresource: 'status' },
    ).object;
    expect(withCond.status.conditions[0]).toEqual({ type: 'X', status: 'False', lastTransitionTime: null });
  });
});
