/** The editor's JSON Schema follows the API server's schema data. */
import { describe, expect, it } from 'vitest';
import { kubernetesSchema } from '../../src/ui/editor/k8s-schema.ts';

describe('kubernetes JSON schema for the editor', () => {
  it('has Service with its spec fields, required port, no unknown fields', () => {
    const s = kubernetesSchema() as { definitions: Record<string, { properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean }>; allOf: unknown[] };
    const svc = s.definitions['core.v1.Service'];
    expect(Object.keys(svc.properties)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'status']));
    expect(svc.additionalProperties).toBe(false);
    const port = s.definitions['core.v1.ServicePort'];
    expect(port.required).toContain('port');
    expect(port.properties.targetPort).toEqual({ anyOf: [{ type: 'integer' }, { type: 'string' }] });
    expect(s.allOf).toContainEqual({
      if: { properties: { apiVersion: { const: 'v1' }, kind: { const: 'Service' } }, required: ['apiVersion', 'kind'] },
      then: { $ref: '#/definitions/core.v1.Service' },
    });
  });

  it('puts descriptions on fields when given', () => {
    const s = kubernetesSchema({ describe: (t, f) => (t === 'core.v1.ServiceSpec' && f === 'selector' ? 'Route service traffic to pods' : undefined) }) as {
      definitions: Record<string, { properties: Record<string, { description?: string }> }>;
    };
    expect(s.definitions['core.v1.ServiceSpec'].properties.selector.description).toBe('Route service traffic to pods');
  });
});
