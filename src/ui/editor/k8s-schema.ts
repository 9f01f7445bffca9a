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

/** A field's type as kubectl explain names it: `[]ServicePort`, `map[string]string`, `IntOrString`, `Object`. */
function explainTypeName(expr: TypeExpr): string {
  const shape = shapeOf(expr);
  switch (shape.kind) {
    case 'list':
      return `[]${explainTypeName(shape.elem)}`;
    case 'map':
      return `map[string]${explainTypeName(shape.elem)}`;
    case 'struct':
      return shape.name.slice(shape.name.lastIndexOf('.') + 1);
    case 'primitive':
      switch (shape.name) {
        case 'int32':
        case 'int64':
        case 'integer':
          return 'integer';
        case 'int-or-string':
          return 'IntOrString';
        case 'quantity':
          return 'Quantity';
        case 'object':
        case 'any':
          return 'Object';
        case 'boolean':
        case 'number':
          return shape.name;
        default:
          return 'string';
      }
  }
}

/** `apps/v1/Deployment` → { apiVersion: 'apps/v1', kind: 'Deployment' }. */
function splitKindKey(key: string): { apiVersion: string; kind: string } {
  const i = key.lastIndexOf('/');
  return { apiVersion: key.slice(0, i), kind: key.slice(i + 1) };
}

/**
 * The root schema's title. yaml-language-server labels with it the item that writes the required
 * `apiVersion: $1` / `kind: $2` with no values; completion-items.ts drops that item, as the
 * per-kind items (`Service (v1)`) write the same two lines with their values.
 */
export const GENERIC_OBJECT_TITLE = 'Kubernetes v1.33 object';

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
      // The title heads the field's hover as kubectl explain heads it: `ports <[]ServicePort>`.
      const title = `${field} <${explainTypeName(f.type)}>`;
      const d = descriptions?.describe(name, field);
      properties[field] = s.$ref ? { allOf: [s], title, ...(d ? { description: d } : {}) } : { ...s, title, ...(d ? { description: d } : {}) };
    }
    // The title names the type in hovers and in the completion item that writes all required
    // fields at once (`ServicePort` → `port:`), as kubectl explain writes `<ServicePort>`.
    const def: JSONSchema = { title: name.slice(name.lastIndexOf('.') + 1), type: 'object', properties, additionalProperties: false };
    if (info.required.length) def.required = [...info.required];
    const d = descriptions?.describe(name);
    if (d) def.description = d;
    definitions[name] = def;
  }
  // Every kind describes apiVersion and kind with the same text: take the Service's.
  const described = (field: string) => {
    const d = descriptions?.describe(kinds['v1/Service'], field);
    return d ? { description: d } : {};
  };
  const entries = Object.entries(kinds).map(([key, type]) => ({ ...splitKindKey(key), type }));
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: GENERIC_OBJECT_TITLE,
    type: 'object',
    required: ['apiVersion', 'kind'],
    properties: {
      apiVersion: { type: 'string', title: 'apiVersion <string>', enum: [...new Set(entries.map((e) => e.apiVersion))], ...described('apiVersion') },
      kind: { type: 'string', title: 'kind <string>', enum: [...new Set(entries.map((e) => e.kind))], ...described('kind') },
    },
    allOf: entries.map((e) => ({ if: kindGuard(e.apiVersion, e.kind), then: ref(e.type) })),
    definitions,
  };
}

/**
 * The `if` that picks a kind's schema. Its title labels the completion item that writes the two
 * lines (`Service (v1)` → `apiVersion: v1` / `kind: Service`) in an empty document. The `const`
 * gives that item its values; the anchored `pattern` is there because yaml-language-server, while
 * completing, takes a const as matched by any prefix of it (isAutoCompleteEqualMaybe), so that
 * `kind: Service` would also pick ServiceAccount's fields; a pattern is never matched by prefix.
 */
function kindGuard(apiVersion: string, kind: string): JSONSchema {
  const exactly = (value: string) => ({ const: value, pattern: `^${value.replace(/[.]/g, '\\.')}$` });
  return {
    title: `${kind} (${apiVersion})`,
    properties: { apiVersion: exactly(apiVersion), kind: exactly(kind) },
    required: ['apiVersion', 'kind'],
  };
}
