/** The editor's JSON Schema follows the API server's schema data. */
import { describe, expect, it } from 'vitest';
import { kubernetesSchema } from '../../src/ui/editor/k8s-schema.ts';
import { loadDescriptions } from '../../src/cluster/api/schema.ts';

describe('kubernetes JSON schema for the editor', () => {
  it('has Service with its spec fields, required port, no unknown fields', () => {
    const s = kubernetesSchema() as { definitions: Record<string, { properties: Record<string, unknown>; required?: string[]; additionalProperties: boolean }>; allOf: unknown[] };
    const svc = s.definitions['core.v1.Service'];
    expect(Object.keys(svc.properties)).toEqual(expect.arrayContaining(['apiVersion', 'kind', 'metadata', 'spec', 'status']));
    expect(svc.additionalProperties).toBe(false);
    const port = s.definitions['core.v1.ServicePort'];
    expect(port.required).toContain('port');
    expect(port.properties.targetPort).toEqual({ anyOf: [{ type: 'integer' }, { type: 'string' }], title: 'targetPort <IntOrString>' });
    expect(s.allOf).toContainEqual({
      if: {
        title: 'Service (v1)',
        properties: { apiVersion: { const: 'v1', pattern: '^v1$' }, kind: { const: 'Service', pattern: '^Service$' } },
        required: ['apiVersion', 'kind'],
      },
      then: { $ref: '#/definitions/core.v1.Service' },
    });
    expect(s.allOf).toContainEqual(expect.objectContaining({
      if: expect.objectContaining({ properties: { apiVersion: { const: 'discovery.k8s.io/v1', pattern: '^discovery\\.k8s\\.io/v1$' }, kind: { const: 'EndpointSlice', pattern: '^EndpointSlice$' } } }),
    }));
  });

  it('puts descriptions on fields when given', () => {
    const s = kubernetesSchema({
      describe: (t, f) => (t === 'core.v1.ServiceSpec' && f === 'selector' ? 'Route service traffic to pods' : undefined),
      enumOf: () => undefined,
    }) as {
      definitions: Record<string, { properties: Record<string, { description?: string }> }>;
    };
    expect(s.definitions['core.v1.ServiceSpec'].properties.selector.description).toBe('Route service traffic to pods');
  });

  it('offers the enum values of enum fields (completion), on list items for a list of them', async () => {
    const s = kubernetesSchema(await loadDescriptions()) as {
      definitions: Record<string, { properties: Record<string, { enum?: string[]; items?: { enum?: string[] }; description?: string }> }>;
    };
    const spec = s.definitions['core.v1.ServiceSpec'].properties;
    expect(spec.type.enum).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(spec.type.description).toContain('\n\nPossible enum values:\n - `"ClusterIP"` means a service will only be accessible inside the cluster, via the cluster IP.\n');
    expect(spec.ipFamilies.items?.enum).toEqual(['', 'IPv4', 'IPv6']);
    expect(spec.ipFamilies.enum).toBeUndefined();
    expect(s.definitions['core.v1.ServicePort'].properties.protocol.enum).toEqual(['SCTP', 'TCP', 'UDP']);
    expect(s.definitions['core.v1.ServicePort'].properties.name.enum).toBeUndefined();
  });
});
