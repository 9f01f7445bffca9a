/**
 * A JSON Schema (draft-07) for Kubernetes v1.33 manifests, generated from the API server's own
 * schema data (src/cluster/api/schema/), so the editor flags exactly what strict decoding will
 * reject: unknown fields, wrong types, missing required fields. monaco-yaml validates against it
 * and shows the field descriptions on hover and in completion. With the descriptions come the enum
 * values of enum-typed fields (`type: ClusterIP|NodePort|...`): offered as completions, and a value
 * outside them is flagged, as the API server's validation rejects it.
 */
import data from '../../cluster/api/schema/types-v1.33.json';
import { shapeOf, typeInfo, type Descriptions, type TypeExpr } from '../../cluster/api/schema.ts';

type JSONSchema = Record<string, unknown>;

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });

function schemaOf(expr: TypeExpr, pending: Set<string>): JSONSchema {
  const shape = shapeOf(expr);
  switch (shape.kind) {
    case 'list':
      return { type: 'array', items: schemaOf(shape.elem, pending) };
    case 'map':
      return { type: 'object', additionalProperties: schemaOf(shape.elem, pending) };
    case 'struct':
      pending.add(shape.name);
      return ref(shape.name);
    case 'primitive':
      switch (shape.name) {
        case 'boolean':
          return { type: 'boolean' };
        case 'int32':
        case 'int64':
        case 'integer':
          return { type: 'integer' };
        case 'number':
          return { type: 'number' };
        case 'int-or-string':
          return { anyOf: [{ type: 'integer' }, { type: 'string' }] };
        case 'quantity':
          return { anyOf: [{ type: 'string' }, { type: 'number' }] };
        case 'object':
        case 'any':
          return {};
        default:
          return { type: 'string' };
      }
  }
}

/** `apps/v1/Deployment` → { apiVersion: 'apps/v1', kind: 'Deployment' }. */
function splitKindKey(key: string): { apiVersion: string; kind: string } {
  const i = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, i), kind: key.slice(i + 1) };
}

export function kubernetesSchema(descriptions?: Descriptions): JSONSchema {
  const kinds = data.kinds as Record<string, string>;
  const definitions: Record<string, JSONSchema> = {};
  const pending = new Set<string>(Object.values(kinds));
  while (pending.size > 0) {
    const name = pending.values().next().value as string;
    pending.delete(name);
    if (definitions[name]) continue;
    const info = typeInfo(name);
    if (!info) {
      definitions[name] = {};
      continue;
    }
    const properties: Record<string, JSONSchema> = {};
    for (const [field, f] of info.fields) {
      let s = schemaOf(f.type, pending);
      // Enum values (loaded with the descriptions) are the completion items of the field.
      const e = descriptions?.enumOf(name, field);
      if (e?.items) s = { ...s, items: { ...(s.items as JSONSchema), enum: [...e.values] } };
      else if (e) s = { ...s, enum: [...e.values] };
      const d = descriptions?.describe(name, field);
      properties[field] = d ? (s.$ref ? { allOf: [s], description: d } : { ...s, description: d }) : s;
    }
    const def: JSONSchema = { type: 'object', properties, additionalProperties: false };
    if (info.required.length) def.required = [...info.required];
    const d = descriptions?.describe(name);
    if (d) def.description = d;
    definitions[name] = def;
  }
  const entries = Object.entries(kinds).map(([key, type]) => ({ ...splitKindKey(key), type }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Kubernetes v1.33 object',
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', enum: [...new Set(entries.map((e) => e.apiVersion))] },
      kind: { type: 'string', enum: [...new Set(entries.map((e) => e.kind))] },
    },
    allOf: entries.map((e) => ({
      if: { properties: { apiVersion: { const: e.apiVersion }, kind: { const: e.kind } }, required: ['apiVersion', 'kind'] },
      then: ref(e.type),
    })),
    definitions,
  };
}
