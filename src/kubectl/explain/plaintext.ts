/**
 * kubectl explain's `plaintext` output: what k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl
 * prints for an OpenAPI v3 group-version document, a resource and a field path. Each function below
 * is one of the template's named templates (output, fieldList, fieldDetail, description, typeGuess,
 * extractEnum), walking the same JSON the same way, so the quirks come along: a field's description
 * is followed by its type's, lists and maps are stepped through implicitly, `$ref` cycles stop.
 */
import { wrapString } from './wordwrap.ts';

type Schema = Record<string, unknown>;
type History = ReadonlySet<string>;

/** What the template `throw`s: printed by kubectl as is (the text starts with `error: `). */
export class ExplainError extends Error {
  constructor(
    message: string,
    /** What was printed before the failure (the KIND/VERSION header). */
    readonly partial = '',
  ) {
    super(message);
  }
}

export interface ExplainTarget {
  group: string;
  version: string;
  resource: string;
}

function isSchema(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Go template truthiness of a JSON value: empty strings, arrays, maps, zero, false and nil are false. */
function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isSchema(v)) return Object.keys(v).length > 0;
  return true;
}

/** The sprig-like `indent` of kubectl's template funcs: pad the start and after every newline. */
function indent(amount: number, s: string): string {
  const pad = ' '.repeat(amount);
  return pad + s.split('\n').join('\n' + pad);
}

/** Keys in Go's map order (sorted by bytes). */
function sortedKeys(o: Schema): string[] {
  return Object.keys(o).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Go's %v of a JSON map: `map[group: kind:Service version:v1]`. */
function goMap(o: Schema): string {
  return `map[${sortedKeys(o).map((k) => `${k}:${String(o[k])}`).join(' ')}]`;
}

class Renderer {
  constructor(
    private readonly doc: Schema,
    private readonly recursive: boolean,
  ) {}

  resolveRef(ref: unknown): Schema | undefined {
    if (typeof ref !== 'string' || !ref.startsWith('#')) return undefined;
    let cur: unknown = this.doc;
    for (const part of ref.slice(1).split('/')) {
      if (part === '') continue;
      if (!isSchema(cur)) return undefined;
      cur = cur[part];
    }
    return isSchema(cur) ? cur : undefined;
  }

  private mapValues(s: Schema): Schema | undefined {
    return isSchema(s.additionalProperties) && truthy(s.additionalProperties) ? s.additionalProperties : undefined;
  }

  private items(s: Schema): Schema | undefined {
    return isSchema(s.items) && truthy(s.items) ? s.items : undefined;
  }

  private allOf(s: Schema): Schema[] {
    return Array.isArray(s.allOf) ? s.allOf.filter(isSchema) : [];
  }

  /** template "output": follow the field path, then print DESCRIPTION and FIELDS. */
  output(schema: Schema, path: readonly string[], history: History): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    const next = new Set(history).add(ref);
    const resolved = this.resolveRef(ref) ?? schema;
    if (path.length === 0) {
      let out = 'DESCRIPTION:\n' + indent(4, wrapString(this.description(resolved) || '<empty>', 76)) + '\n';
      const fields = this.fieldList(resolved, 1, new Set());
      if (fields) out += 'FIELDS:\n' + fields;
      return out;
    }
    if (ref && history.has(ref)) return '';
    const properties = isSchema(resolved.properties) ? resolved.properties : undefined;
    const sub = properties?.[path[0]];
    if (properties && isSchema(sub) && truthy(sub)) {
      let out = '';
      if (path.length === 1) out += `FIELD: ${path[0]} <${this.typeGuess(sub)}>\n${this.extractEnum(sub, true, -1, 0)}\n\n`;
      return out + this.output(sub, path.slice(1), new Set());
    }
    const items = this.items(resolved);
    if (items) return this.output(items, path, next);
    const values = this.mapValues(resolved);
    if (values) return this.output(values, path, next);
    for (const alternative of this.allOf(resolved)) {
      const out = this.output(alternative, path, next);
      if (out) return out;
    }
    return '';
  }

  /** template "fieldList": every property, sorted; nested ones too with --recursive. */
  fieldList(schema: Schema, level: number, history: History): string {
    const ref = typeof schema.$ref === 'string' ? schema.$ref : '';
    if (ref && history.has(ref)) return '';
    const next = new Set(history).add(ref);
    const resolved = this.resolveRef(ref) ?? schema;
    let out = '';
    if (isSchema(resolved.properties)) {
      for (const name of sortedKeys(resolved.properties)) {
        const v = resolved.properties[name];
        out += this.fieldDetail(name, resolved, level);
        if (this.recursive && isSchema(v)) out += this.fieldList(v, level + 1, next);
      }
    }
    for (const alternative of this.allOf(resolved)) out += this.fieldList(alternative, level, next);
    const items = this.items(resolved);
    if (items) out += this.fieldList(items, level, next);
    const values = this.mapValues(resolved);
    if (values) out += this.fieldList(values, level, next);
    return out;
  }

  /** template "fieldDetail": `name\t<type> -required-`, enum, and (unless --recursive) the description. */
  private fieldDetail(name: string, parent: Schema, level: number): string {
    const amount = level * 2;
    const field = isSchema(parent.properties) && isSchema(parent.properties[name]) ? parent.properties[name] : {};
    let out = indent(amount, name) + `\t<${this.typeGuess(field)}>`;
    if (Array.isArray(parent.required) && parent.required.includes(name)) out += ' -required-';
    out += this.extractEnum(field, false, 4, amount) + '\n';
    if (!this.recursive) {
      const description = typeof field.description === 'string' && field.description ? field.description : '<no description>';
      out += indent(amount + 2, wrapString(description, 78 - amount)) + '\n\n';
    }
    return out;
  }

  /** template "description": the schema's own description, then those of what it refers to. */
  description(schema: Schema): string {
    const s = this.resolveRef(schema.$ref) ?? schema;
    let out = '';
    if (typeof s.description === 'string' && s.description) out += s.description + '\n';
    for (const alternative of this.allOf(s)) out += this.description(alternative);
    const items = this.items(s);
    if (items) out += this.description(items);
    const values = this.mapValues(s);
    if (values) out += this.description(values);
    return out;
  }

  /** template "typeGuess": `string`, `[]ServicePort`, `map[string]string`, `Object`... */
  typeGuess(s: Schema): string {
    const items = this.items(s);
    if (items) return '[]' + this.typeGuess(items);
    const values = this.mapValues(s);
    if (values) return 'map[string]' + this.typeGuess(values);
    const allOf = this.allOf(s);
    if (allOf.length === 1 && !truthy(s.properties)) return this.typeGuess(allOf[0]);
    if (typeof s.$ref === 'string' && s.$ref) {
      const target = this.resolveRef(s.$ref);
      if (!target || !truthy(target.type) || target.type === 'object') {
        const name = s.$ref.split('/').pop() ?? '';
        return name.split('.').pop() || 'Object';
      }
      return String(target.type);
    }
    if (s.type === 'object') return 'Object';
    return truthy(s.type) ? String(s.type) : 'Object';
  }

  /** template "extractEnum": `\n  enum: A, B, C, D, ....` in a field list, `ENUM:\n    A\n    B` for one field. */
  extractEnum(s: Schema, longView: boolean, limit: number, indentAmount: number): string {
    if (!Array.isArray(s.enum) || s.enum.length === 0) return '';
    let out = longView ? 'ENUM:' : '\n' + ' '.repeat(indentAmount) + 'enum: ';
    for (let i = 0; i < s.enum.length; i++) {
      if (limit > -1 && i >= limit) {
        out += ', ....';
        break;
      }
      if (i > 0 && !longView) out += ', ';
      else if (longView) out += '\n    ';
      const v: unknown = s.enum[i];
      out += v === '' ? '""' : typeof v === 'string' ? v : JSON.stringify(v);
    }
    return out;
  }
}

/** The whole `kubectl explain` text for `target` (+ `fieldPath`) from its group-version's document. */
export function renderPlaintext(doc: Schema, target: ExplainTarget, fieldPath: readonly string[], recursive: boolean): string {
  const prefix = target.group ? `/apis/${target.group}` : '/api';
  const searchPaths = [
    `${prefix}/${target.version}/${target.resource}`,
    `${prefix}/${target.version}/${target.resource}/{name}`,
    `${prefix}/${target.version}/namespaces/{namespace}/${target.resource}`,
    `${prefix}/${target.version}/namespaces/{namespace}/${target.resource}/{name}`,
  ];
  const paths = isSchema(doc.paths) ? doc.paths : {};
  let gvk: Schema | undefined;
  search: for (const p of searchPaths) {
    const element = paths[p];
    if (!isSchema(element)) continue;
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = element[method];
      if (isSchema(op) && isSchema(op['x-kubernetes-group-version-kind']) && truthy(op['x-kubernetes-group-version-kind'])) {
        gvk = op['x-kubernetes-group-version-kind'];
        break search;
      }
    }
  }
  if (!gvk) {
    throw new ExplainError(`error: GVR (${target.group}/${target.version}, Resource=${target.resource}) not found in OpenAPI schema`);
  }
  const renderer = new Renderer(doc, recursive);
  let out = '';
  if (truthy(gvk.group)) out += `GROUP:      ${String(gvk.group)}\n`;
  out += `KIND:       ${String(gvk.kind)}\nVERSION:    ${String(gvk.version)}\n\n`;
  const components = isSchema(doc.components) && isSchema(doc.components.schemas) ? doc.components.schemas : {};
  let body = '';
  for (const name of sortedKeys(components)) {
    const schema = components[name];
    if (!isSchema(schema)) continue;
    const kinds = schema['x-kubernetes-group-version-kind'];
    if (!Array.isArray(kinds) || !kinds.some((k) => isSchema(k) && sameGvk(k, gvk))) continue;
    body = renderer.output(schema, fieldPath, new Set());
    if (!body) throw new ExplainError(`error: field "${fieldPath[fieldPath.length - 1]}" does not exist`, out);
    break;
  }
  if (!body) throw new ExplainError(`error: GVK ${goMap(gvk)} not found in OpenAPI schema`, out);
  return out + body + '\n';
}

function sameGvk(a: Schema, b: Schema): boolean {
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
}
