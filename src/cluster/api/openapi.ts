/**
 * The OpenAPI v3 document of one group-version (`GET /openapi/v3/api/v1`), rebuilt from the trimmed
 * schema data (schema.ts, schema/README.md): `paths` with each operation's
 * `x-kubernetes-group-version-kind`, and `components.schemas` with the types of the served kinds,
 * their descriptions and `$ref`s shaped as kube-apiserver's builder writes them (a named field type is
 * `allOf: [{$ref}]` next to the field's own description; list items and map values likewise).
 * `kubectl explain` renders this document; the real kubectl can read it from `kubelab serve`.
 *
 * Enum-typed fields carry `enum` and the "Possible enum values" paragraph, as a v1.33 API server
 * (feature gate OpenAPIEnums, on by default) serves them; the committed documents have neither.
 *
 * Descriptions are large, so building a document is async (loadDescriptions()).
 */
import type { ResourceInfo } from './resources.ts';
import { type Descriptions, loadDescriptions, shapeOf, type TypeExpr, typeForKind, typeInfo } from './schema.ts';

type Schema = Record<string, unknown>;

const REF_PREFIX = '#/components/schemas/';

/** The full OpenAPI name of a trimmed type name (`core.v1.Service` → `io.k8s.api.core.v1.Service`). */
function fullName(name: string): string {
  return name.startsWith('meta.') ? `io.k8s.apimachinery.pkg.apis.${name}` : `io.k8s.api.${name}`;
}

/**
 * The types the trimming script folds into primitives (scripts/trim-openapi-schema.mjs SPECIAL), as
 * the Kubernetes v1.33 OpenAPI v3 documents define them (descriptions: apimachinery's Go doc comments).
 */
const SPECIAL: Record<string, { name: string; schema: Schema }> = {
  'int-or-string': {
    name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    schema: {
      description:
        'IntOrString is a type that can hold an int32 or a string.  When used in JSON or YAML marshalling and unmarshalling, it produces or consumes the inner type.  This allows you to have, for example, a JSON field that can accept a name or number.',
      format: 'int-or-string',
      oneOf: [{ type: 'integer' }, { type: 'string' }],
    },
  },
  quantity: {
    name: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    schema: {
      description:
        'Quantity is a fixed-point representation of a number. It provides convenient marshaling/unmarshaling in JSON and YAML, in addition to String() and AsInt64() accessors.\n\nThe serialization format is:\n\n``` <quantity>        ::= <signedNumber><suffix>\n\n\t(Note that <suffix> may be empty, from the "" case in <decimalSI>.)\n\n<digit>           ::= 0 | 1 | ... | 9 <digits>          ::= <digit> | <digit><digits> <number>          ::= <digits> | <digits>.<digits> | <digits>. | .<digits> <sign>            ::= "+" | "-" <signedNumber>    ::= <number> | <sign><number> <suffix>          ::= <binarySI> | <decimalExponent> | <decimalSI> <binarySI>        ::= Ki | Mi | Gi | Ti | Pi | Ei\n\n\t(International System of units; See: http://physics.nist.gov/cuu/Units/binary.html)\n\n<decimalSI>       ::= m | "" | k | M | G | T | P | E\n\n\t(Note that 1024 = 1Ki but 1000 = 1k; I didn\'t choose the capitalization.)\n\n<decimalExponent> ::= "e" <signedNumber> | "E" <signedNumber> ```\n\nNo matter which of the three exponent forms is used, no quantity may represent a number greater than 2^63-1 in magnitude, nor may it have more than 3 decimal places. Numbers larger or more precise will be capped or rounded up. (E.g.: 0.1m will rounded up to 1m.) This may be extended in the future if we require larger or smaller quantities.\n\nWhen a Quantity is parsed from a string, it will remember the type of suffix it had, and will use the same type again when it is serialized.\n\nBefore serializing, Quantity will be put in "canonical form". This means that Exponent/suffix will be adjusted up or down (with a corresponding increase or decrease in Mantissa) such that:\n\n- No precision is lost - No fractional digits will be emitted - The exponent (or suffix) is as large as possible.\n\nThe sign will be omitted unless the number is negative.\n\nExamples:\n\n- 1.5 will be serialized as "1500m" - 1.5Gi will be serialized as "1536Mi"\n\nNote that the quantity will NEVER be internally represented by a floating point number. That is the whole point of this exercise.\n\nNon-canonical values will still parse as long as they are well formed, but will be re-emitted in their canonical form. (So always use canonical form, or don\'t diff.)\n\nThis format is intended to make it difficult to use these numbers without writing some sort of special handling code in the hopes that that will cause implementors to also use a fixed point implementation.',
      oneOf: [{ type: 'string' }, { type: 'number' }],
    },
  },
  time: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.Time',
    schema: {
      description:
        'Time is a wrapper around time.Time which supports correct marshaling to YAML and JSON.  Wrappers are provided for many of the factory methods that the time package offers.',
      format: 'date-time',
      type: 'string',
    },
  },
  microtime: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.MicroTime',
    schema: { description: 'MicroTime is version of Time with microsecond level precision.', format: 'date-time', type: 'string' },
  },
  // The only free-form object among the served kinds: ManagedFieldsEntry.fieldsV1.
  object: {
    name: 'io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1',
    schema: {
      description:
        "FieldsV1 stores a set of fields in a data structure like a Trie, in JSON format.\n\nEach key is either a '.' representing the field itself, and will always map to an empty set, or a string representing a sub-field or item. The string will follow one of these four formats: 'f:<name>', where <name> is the name of a field in a struct, or key in a map 'v:<value>', where <value> is the exact json formatted value of a list item 'i:<index>', where <index> is position of a item in a list 'k:<keys>', where <keys> is a map of  a list item's key fields to their unique values If a key maps to an empty Fields value, the field that key represents is part of the set.\n\nThe exact format is defined in sigs.k8s.io/structured-merge-diff",
      type: 'object',
    },
  },
};

const PRIMITIVE_SCHEMAS: Record<string, Schema> = {
  string: { type: 'string' },
  byte: { type: 'string', format: 'byte' },
  boolean: { type: 'boolean' },
  int32: { type: 'integer', format: 'int32' },
  int64: { type: 'integer', format: 'int64' },
  integer: { type: 'integer' },
  number: { type: 'number', format: 'double' },
  any: {},
};

class DocumentBuilder {
  readonly schemas: Record<string, Schema> = {};

  constructor(private readonly docs: Descriptions) {}

  /** The schema of a value of type `expr`: a `$ref` for named types, inline for the rest. */
  private valueSchema(expr: TypeExpr, wrapRef: boolean): Schema {
    const shape = shapeOf(expr);
    switch (shape.kind) {
      case 'list':
        return { type: 'array', items: this.valueSchema(shape.elem, true) };
      case 'map':
        return { type: 'object', additionalProperties: this.valueSchema(shape.elem, shape.elem !== 'quantity') };
      case 'struct':
      case 'primitive': {
        const ref = this.refFor(expr);
        if (ref === undefined) return { ...(PRIMITIVE_SCHEMAS[expr] ?? {}) };
        return wrapRef ? { allOf: [{ $ref: ref }] } : { $ref: ref };
      }
    }
  }

  /** `#/components/schemas/...` for a named or special type (adding it to the document), else undefined. */
  private refFor(expr: TypeExpr): string | undefined {
    const special = SPECIAL[expr];
    if (special) {
      this.schemas[special.name] ??= special.schema;
      return REF_PREFIX + special.name;
    }
    if (!typeInfo(expr)) return undefined;
    this.addType(expr);
    return REF_PREFIX + fullName(expr);
  }

  addType(name: string, gvk?: { group: string; kind: string; version: string }): void {
    const full = fullName(name);
    if (this.schemas[full] && !gvk) return;
    const info = typeInfo(name);
    if (!info) return;
    const schema: Schema = {};
    this.schemas[full] = schema; // before the fields: types refer to themselves (JSONSchemaProps-like cycles)
    const description = this.docs.describe(name);
    if (description !== undefined) schema.description = description;
    const properties: Record<string, Schema> = {};
    for (const [field, f] of info.fields) {
      let p = this.valueSchema(f.type, true);
      // kube-openapi puts an enum type's values on the field, or on the items of a list of them.
      const e = this.docs.enumOf(name, field);
      if (e?.items) p = { ...p, items: { ...(p.items as Schema), enum: [...e.values] } };
      else if (e) p = { ...p, enum: [...e.values] };
      const d = this.docs.describe(name, field);
      properties[field] = d === undefined ? p : { ...p, description: d };
    }
    schema.properties = properties;
    if (info.required.length) schema.required = [...info.required];
    schema.type = 'object';
    if (info.mapType) schema['x-kubernetes-map-type'] = info.mapType;
    if (gvk) schema['x-kubernetes-group-version-kind'] = [gvk];
  }
}

/** `api/v1`, `apis/apps/v1`: the document path of a resource's group-version. */
export function groupVersionPath(r: Pick<ResourceInfo, 'group' | 'version'>): string {
  return r.group ? `apis/${r.group}/${r.version}` : `api/${r.version}`;
}

/**
 * The OpenAPI v3 document of `gv` (`api/v1`, `apis/apps/v1`) for the served resources, or undefined
 * when no resource lives there.
 */
export async function openapiV3Document(resources: readonly ResourceInfo[], gv: string): Promise<Schema | undefined> {
  const docs = await loadDescriptions();
  const builder = new DocumentBuilder(docs);
  const paths: Record<string, unknown> = {};
  let any = false;
  for (const r of resources) {
    if (groupVersionPath(r) !== gv || r.resource.includes('/')) continue;
    any = true;
    const base = `/${gv}${r.namespaced ? '/namespaces/{namespace}' : ''}/${r.resource}`;
    const gvk = { group: r.group, kind: r.kind, version: r.version };
    const params = [
      { name: 'dryRun', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldManager', in: 'query', schema: { type: 'string', uniqueItems: true } },
      { name: 'fieldValidation', in: 'query', schema: { type: 'string', uniqueItems: true } },
    ];
    const op = (action: string) => ({ 'x-kubernetes-action': action, 'x-kubernetes-group-version-kind': gvk, parameters: params, responses: {} });
    paths[base] = { post: op('post'), get: { 'x-kubernetes-action': 'list', 'x-kubernetes-group-version-kind': gvk, responses: {} } };
    paths[`${base}/{name}`] = { get: op('get'), put: op('put'), patch: op('patch'), delete: op('delete') };
    const apiVersion = r.group ? `${r.group}/${r.version}` : r.version;
    const typeName = typeForKind(apiVersion, r.kind);
    if (typeName) builder.addType(typeName, gvk);
  }
  if (!any) return undefined;
  const sorted: Record<string, Schema> = {};
  for (const k of Object.keys(builder.schemas).sort()) sorted[k] = builder.schemas[k];
  return { openapi: '3.0.0', info: { title: 'Kubernetes', version: 'v1.33.1' }, paths, components: { schemas: sorted } };
}
