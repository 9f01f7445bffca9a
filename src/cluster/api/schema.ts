/**
 * The schema of the kinds this API server serves, trimmed from the Kubernetes v1.33 OpenAPI v3
 * documents (see schema/README.md and scripts/trim-openapi-schema.mjs).
 *
 * Used by strict decoding (admission/decode.ts), strategic merge patch (merge keys), and by
 * anyone who needs a field's type by path (`kubectl explain`, the editor). Lookups are map reads:
 * a path costs O(its length). Descriptions are a separate, larger file: `loadDescriptions()`.
 */
import data from './schema/types-v1.33.json';

/** The Kubernetes release the schema was taken from. */
export const SCHEMA_KUBERNETES_VERSION: string = data.kubernetesVersion;

/**
 * A type expression: a primitive (`string`, `boolean`, `int32`, `int64`, `integer`, `number`,
 * `byte`, `int-or-string`, `quantity`, `time`, `microtime`, `object`, `any`), `[]T`,
 * `map[string]T`, or a named type such as `core.v1.ServiceSpec`.
 */
export type TypeExpr = string;

export interface FieldInfo {
  type: TypeExpr;
  /** `x-kubernetes-patch-strategy`: `merge`, `retainKeys`, `merge,retainKeys`, or ''. */
  patchStrategy: string;
  /** `x-kubernetes-patch-merge-key`, e.g. `name` for containers. */
  patchMergeKey: string;
  /** `x-kubernetes-list-type`: `atomic`, `set`, `map`, or ''. */
  listType: string;
  listMapKeys: readonly string[];
}

export interface TypeInfo {
  name: string;
  fields: ReadonlyMap<string, FieldInfo>;
  required: readonly string[];
  /** `x-kubernetes-map-type` (`atomic` for ObjectReference...), or ''. */
  mapType: string;
}

type RawField = string | [string, string, string, string, string[]];
interface RawType {
  f: Record<string, RawField>;
  r?: string[];
  m?: string;
}

const rawTypes = data.types as unknown as Record<string, RawType>;
const kinds = data.kinds as Record<string, string>;
const parsed = new Map<string, TypeInfo>();

const PRIMITIVES = new Set(['string', 'boolean', 'int32', 'int64', 'integer', 'number', 'byte', 'int-or-string', 'quantity', 'time', 'microtime', 'object', 'any']);

/** The named type of a kind (`v1` + `Service` → `core.v1.Service`), or undefined if not served. */
export function typeForKind(apiVersion: string, kind: string): string | undefined {
  const name = kinds[`${apiVersion}/${kind}`];
  return typeof name === 'string' ? name : undefined;
}

/** A named type's fields, or undefined for primitives and unknown names. */
export function typeInfo(name: string): TypeInfo | undefined {
  let t = parsed.get(name);
  if (t) return t;
  if (!Object.prototype.hasOwnProperty.call(rawTypes, name)) return undefined;
  const raw = rawTypes[name];
  const fields = new Map<string, FieldInfo>();
  for (const [field, f] of Object.entries(raw.f)) {
    fields.set(
      field,
      typeof f === 'string'
        ? { type: f, patchStrategy: '', patchMergeKey: '', listType: '', listMapKeys: [] }
        : { type: f[0], patchStrategy: f[1], patchMergeKey: f[2], listType: f[3], listMapKeys: f[4] },
    );
  }
  t = { name, fields, required: raw.r ?? [], mapType: raw.m ?? '' };
  parsed.set(name, t);
  return t;
}

let nullFields: { time: ReadonlySet<string>; other: ReadonlySet<string> } | undefined;

/**
 * Field names by what a null does to them when decoded: the names of time fields (a zero
 * metav1.Time keeps its key as null) and the names of every other field (null is dropped). A
 * name may be in both. For the trusted writes' copy (admission/decode.ts decodeTrusted).
 */
export function fieldNamesByNull(): { time: ReadonlySet<string>; other: ReadonlySet<string> } {
  if (nullFields) return nullFields;
  const time = new Set<string>();
  const other = new Set<string>();
  for (const raw of Object.values(rawTypes)) {
    for (const [field, f] of Object.entries(raw.f)) {
      const type = typeof f === 'string' ? f : f[0];
      (type === 'time' || type === 'microtime' ? time : other).add(field);
    }
  }
  return (nullFields = { time, other });
}

export function fieldInfo(typeName: string, field: string): FieldInfo | undefined {
  return typeInfo(typeName)?.fields.get(field);
}

export type TypeShape =
  | { kind: 'list'; elem: TypeExpr }
  | { kind: 'map'; elem: TypeExpr }
  | { kind: 'struct'; name: string }
  | { kind: 'primitive'; name: string };

const shapes = new Map<TypeExpr, TypeShape>();

/** What a type expression is (memoized: decoding asks for every field of every write). */
export function shapeOf(expr: TypeExpr): TypeShape {
  let shape = shapes.get(expr);
  if (shape) return shape;
  if (expr.startsWith('[]')) shape = { kind: 'list', elem: expr.slice(2) };
  else if (expr.startsWith('map[string]')) shape = { kind: 'map', elem: expr.slice('map[string]'.length) };
  else if (PRIMITIVES.has(expr)) shape = { kind: 'primitive', name: expr };
  else shape = { kind: 'struct', name: expr };
  shapes.set(expr, shape);
  return shape;
}

/**
 * The field at a dotted path from a kind's root, stepping through lists and maps implicitly as
 * `kubectl explain` does: `lookupPath('v1', 'Service', ['spec', 'ports', 'port'])` → int32.
 */
export function lookupPath(apiVersion: string, kind: string, path: readonly string[]): FieldInfo | undefined {
  const root = typeForKind(apiVersion, kind);
  if (!root) return undefined;
  let current: TypeExpr = root;
  let info: FieldInfo | undefined;
  for (const segment of path) {
    let shape = shapeOf(current);
    while (shape.kind === 'list' || shape.kind === 'map') shape = shapeOf(shape.elem);
    if (shape.kind !== 'struct') return undefined;
    info = fieldInfo(shape.name, segment);
    if (!info) return undefined;
    current = info.type;
  }
  return info ?? { type: root, patchStrategy: '', patchMergeKey: '', listType: '', listMapKeys: [] };
}

/** The Go type name a decode error prints (`int32`, `v1.ServiceSpec`, `[]v1.ServicePort`, `map[string]string`). */
export function goTypeName(expr: TypeExpr): string {
  const shape = shapeOf(expr);
  switch (shape.kind) {
    case 'list':
      return `[]${goTypeName(shape.elem)}`;
    case 'map':
      return `map[string]${goTypeName(shape.elem)}`;
    case 'struct': {
      const parts = shape.name.split('.');
      return `${parts[parts.length - 2]}.${parts[parts.length - 1]}`;
    }
    case 'primitive':
      switch (shape.name) {
        case 'boolean':
          return 'bool';
        case 'integer':
          return 'int';
        case 'number':
          return 'float64';
        case 'byte':
          return '[]uint8';
        case 'int-or-string':
          return 'intstr.IntOrString';
        case 'quantity':
          return 'resource.Quantity';
        case 'time':
          return 'v1.Time';
        case 'microtime':
          return 'v1.MicroTime';
        case 'object':
        case 'any':
          return 'interface {}';
        default:
          return shape.name;
      }
  }
}

/** The Go struct name of a named type (`core.v1.ServicePort` → `ServicePort`). */
export function goStructName(name: string): string {
  return name.slice(name.lastIndexOf('.') + 1);
}

/** The values an enum-typed field takes (kube-openapi's `+enum`): on the field, or on its list's items. */
export interface FieldEnum {
  values: readonly string[];
  /** True for a list of enum values (`ipFamilies`): the values are those of the items. */
  items: boolean;
}

export interface Descriptions {
  /**
   * The description of a type (field omitted) or of one of its fields. An enum field's description
   * ends with the "Possible enum values:" paragraph, as a v1.33 API server serves it.
   */
  describe(typeName: string, field?: string): string | undefined;
  /** The enum values of a field, or undefined when the field is not of an enum type. */
  enumOf(typeName: string, field: string): FieldEnum | undefined;
}

interface EnumData {
  enums: Record<string, { values: string[]; lines: string[] }>;
  fields: Record<string, Record<string, string>>;
}

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** kube-openapi's generateDescription of the field's comment followed by enumType.DescriptionLines(). */
function withEnumParagraph(description: string | undefined, lines: readonly string[]): string {
  const paragraph = 'Possible enum values:\n' + lines.map((l) => l.trimEnd()).join('\n');
  return description ? `${description}\n\n${paragraph}` : paragraph;
}

let descriptions: Promise<Descriptions> | undefined;

/**
 * Field descriptions (about 230 kB) and the enum values of enum-typed fields (schema/enums-*.json,
 * what the committed OpenAPI documents lack: scripts/extract-openapi-enums.mjs), fetched on first use.
 */
export function loadDescriptions(): Promise<Descriptions> {
  descriptions ??= Promise.all([import('./schema/descriptions-v1.33.json'), import('./schema/enums-v1.33.json')]).then(([docs, enumsModule]) => {
    const types = (docs.default as { types: Record<string, Record<string, string>> }).types;
    const { enums, fields } = enumsModule.default as EnumData;
    const enumType = (typeName: string, field: string): { name: string; items: boolean } | undefined => {
      const f = has(fields, typeName) ? fields[typeName] : undefined;
      if (!f || !has(f, field)) return undefined;
      const name = f[field];
      return name.startsWith('[]') ? { name: name.slice(2), items: true } : { name, items: false };
    };
    return {
      describe(typeName: string, field?: string): string | undefined {
        const t = has(types, typeName) ? types[typeName] : undefined;
        const key = field ?? '';
        const own = t && has(t, key) ? t[key] : undefined;
        const e = field === undefined ? undefined : enumType(typeName, field);
        // A list of enum values gets `enum` on its items but no paragraph (openapi.go generateProperty).
        return e && !e.items ? withEnumParagraph(own, enums[e.name].lines) : own;
      },
      enumOf(typeName: string, field: string): FieldEnum | undefined {
        const e = enumType(typeName, field);
        return e && { values: enums[e.name].values, items: e.items };
      },
    };
  });
  return descriptions;
}
