/**
 * Decoding a request body as the API server's codec does (k8s.io/apimachinery
 * pkg/runtime/serializer/json with sigs.k8s.io/json, and apiserver's transformDecodeError):
 *
 * - the body must be an object of the resource's kind and version;
 * - a value of the wrong JSON type fails the whole request with Go's error text,
 *   `json: cannot unmarshal string into Go struct field ServicePort.spec.ports.port of type int32`
 *   (the innermost struct, the field path without list indices, the Go type);
 * - fields the schema does not know are dropped; with fieldValidation=Strict (kubectl's
 *   default) they fail the request, `strict decoding error: unknown field "spec.selectr"`, with
 *   Warn each becomes a warning, with Ignore nothing is said. A type error wins over unknown fields;
 * - null means "not set": it is dropped, as Go leaves a zero value that is omitted on output.
 *
 * Unknown fields are reported depth first in key order: kubectl sends JSON converted from YAML,
 * whose keys are sorted, and the decoder reports them as it meets them. (Keys are not sorted
 * while decoding; the unknown paths are sorted at the end, which gives the same order.)
 *
 * Type errors are reported for the first bad value met in the body's own key order.
 */
import { badRequest, fieldErrors, invalid } from '../errors.ts';
import { apiVersionOf, type ResourceInfo } from '../resources.ts';
import { fieldNamesByNull, goStructName, goTypeName, shapeOf, typeForKind, typeInfo, type TypeExpr } from '../schema.ts';
import type { AdmissionContext } from '../strategy.ts';
import { clone, type KubeObject } from '../types.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** A failure of the JSON decoder itself (Go's UnmarshalTypeError and friends). */
class DecodeFailure extends Error {}

interface Walk {
  /** Unknown fields as path segments (a number for a list index), sorted at the end. */
  unknown: (string | number)[][];
}

/** Depth-first order over sorted keys is the lexicographic order of the paths' segments. */
function comparePaths(a: (string | number)[], b: (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x) < String(y) ? -1 : 1;
  }
  return a.length - b.length;
}

function pathString(segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out ? `.${s}` : s;
  return out;
}

export function decodeBody(info: ResourceInfo, body: unknown, fieldValidation: FieldValidation, ctx: AdmissionContext): KubeObject {
  return decode(info, body, fieldValidation, ctx, undefined);
}

/**
 * Decoding the result of a PATCH. Unknown fields under Strict are an Invalid error on `patch`
 * (apiserver handlers/patch.go): `The request is invalid: patch: Invalid value: "map[...]":
 * strict decoding error: unknown field "spec.selectr"`, the value being the patch as Go prints
 * a map.
 */
export function decodePatched(info: ResourceInfo, patched: unknown, patch: unknown, fieldValidation: FieldValidation, ctx: AdmissionContext): KubeObject {
  return decode(info, patched, fieldValidation, ctx, patch);
}

/** Tests turn this on: every trusted write is then decoded strictly too and the two compared. */
export const TRUSTED_DECODING = { verify: false };

/**
 * Decoding a body the cluster's own code built (controllers, the kubelet, the bootstrap): a copy
 * without the schema walk. Such a body has the right kind, no unknown fields and no wrongly typed
 * values, so strict decoding would only copy it, drop undefined members and treat nulls by field
 * type; this copy does the same (a full copy even of frozen parts: admission writes into the
 * object it gets). Whatever it cannot be sure of (a null in a list, or under a
 * name that is a time field in one type and not in another, a kind the schema lacks) goes to
 * `strict`, the ordinary decode, which also gives the ordinary errors. With
 * `TRUSTED_DECODING.verify` on (the test suite) both run and must agree byte for byte.
 */
export function decodeTrusted(info: ResourceInfo, body: unknown, strict: () => KubeObject): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return strict();
  const raw = body as Record<string, unknown>;
  const gv = apiVersionOf(info);
  if ((raw.apiVersion !== undefined && raw.apiVersion !== gv) || (raw.kind !== undefined && raw.kind !== info.kind) || !typeForKind(gv, info.kind)) {
    return strict();
  }
  const copied = copyDecoded({ ...raw, apiVersion: gv, kind: info.kind }, fieldNamesByNull());
  if (copied === UNSURE) return strict();
  if (TRUSTED_DECODING.verify) {
    const expected = JSON.stringify(strict());
    const actual = JSON.stringify(copied);
    if (actual !== expected) throw new Error(`trusted decoding of ${info.kind} differs from strict decoding:\n${actual}\n${expected}`);
  }
  return copied as KubeObject;
}

const UNSURE = Symbol('unsure');

function copyDecoded(value: unknown, nulls: ReturnType<typeof fieldNamesByNull>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = value[i];
      if (item === null || item === undefined) return UNSURE;
      const v = copyDecoded(item, nulls);
      if (v === UNSURE) return UNSURE;
      out[i] = v;
    }
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined) continue;
    if (item === null) {
      const time = nulls.time.has(key);
      if (time === nulls.other.has(key)) return UNSURE;
      if (time) out[key] = null;
      continue;
    }
    const v = copyDecoded(item, nulls);
    if (v === UNSURE) return UNSURE;
    out[key] = v;
  }
  return out;
}

function decode(info: ResourceInfo, body: unknown, fieldValidation: FieldValidation, ctx: AdmissionContext, patch: unknown): KubeObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(
      'the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf',
    );
  }
  const gv = apiVersionOf(info);
  const raw = body as Record<string, unknown>;
  const apiVersion = raw.apiVersion === undefined || raw.apiVersion === null ? gv : raw.apiVersion;
  const kind = raw.kind === undefined || raw.kind === null ? info.kind : raw.kind;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    throw badRequest(`couldn't get version/kind; json parse error: json: cannot unmarshal ${jsonKind(typeof apiVersion !== 'string' ? apiVersion : kind)} into Go struct field .${typeof apiVersion !== 'string' ? 'apiVersion' : 'kind'} of type string`);
  }
  if (apiVersion !== gv || kind !== info.kind) {
    throw badRequest(`${kind} in version "${apiVersion}" cannot be handled as a ${info.kind}: no kind "${kind}" is registered for version "${apiVersion}"`);
  }
  const prefix = `${info.kind} in version "${info.version}" cannot be handled as a ${info.kind}: `;
  const root = typeForKind(gv, info.kind);
  const walk: Walk = { unknown: [] };
  let obj: KubeObject;
  try {
    obj = (root ? decodeValue({ ...raw, apiVersion, kind }, root, [], [], '', walk) : { ...raw }) as KubeObject;
  } catch (e) {
    if (e instanceof DecodeFailure) throw badRequest(prefix + e.message);
    throw e;
  }
  if (walk.unknown.length > 0) {
    const texts = walk.unknown.sort(comparePaths).map((p) => `unknown field "${pathString(p)}"`);
    if (fieldValidation === 'Strict') {
      const strict = `strict decoding error: ${texts.join(', ')}`;
      if (patch !== undefined) throw invalid('', '', '', [fieldErrors.invalid('patch', goPrint(patch), strict)]);
      throw badRequest(prefix + strict);
    }
    if (fieldValidation === 'Warn') for (const t of texts) ctx.warn(t);
  }
  return obj;
}

/** Go's name for the JSON kind of a value in UnmarshalTypeError. */
function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'object';
  }
}

function typeError(value: unknown, expr: TypeExpr, struct: string, stack: readonly string[], numberLiteral = false): DecodeFailure {
  const what = numberLiteral && typeof value === 'number' ? `number ${goNumber(value)}` : jsonKind(value);
  const into = stack.length > 0 || struct ? `Go struct field ${struct}.${stack.join('.')}` : 'Go value';
  return new DecodeFailure(`json: cannot unmarshal ${what} into ${into} of type ${goTypeName(expr)}`);
}

function goNumber(n: number): string {
  return String(n);
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  integer: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

const QUANTITY = /^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$/;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decode `value` as type `expr`. `path` is the strict-error path (with list indices), `stack`
 * the Go field stack (names only), `struct` the innermost Go struct name.
 */
function decodeValue(value: unknown, expr: TypeExpr, path: (string | number)[], stack: string[], struct: string, walk: Walk): unknown {
  const shape = shapeOf(expr);
  switch (shape.kind) {
    case 'list': {
      if (!Array.isArray(value)) throw typeError(value, expr, struct, stack);
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++) {
        const item = value[i];
        if (item === null) {
          out[i] = zeroValue(shape.elem);
          continue;
        }
        path.push(i);
        out[i] = decodeValue(item, shape.elem, path, stack, struct, walk);
        path.pop();
      }
      return out;
    }
    case 'map': {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw typeError(value, expr, struct, stack);
      const out: Record<string, unknown> = {};
      for (const key in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[key];
        if (v === undefined) continue;
        path.push(key);
        out[key] = v === null ? zeroValue(shape.elem) : decodeValue(v, shape.elem, path, stack, struct, walk);
        path.pop();
      }
      return out;
    }
    case 'struct': {
      const t = typeInfo(shape.name);
      if (value === null || typeof value !== 'object' || Array.isArray(value)) throw typeError(value, expr, struct, stack);
      if (!t) return clone(value);
      const out: Record<string, unknown> = {};
      const name = goStructName(shape.name);
      for (const key in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[key];
        const field = t.fields.get(key);
        if (!field) {
          if (v !== undefined) walk.unknown.push([...path, key]);
          continue;
        }
        if (v === undefined) continue;
        if (v === null) {
          // A zero metav1.Time marshals as null and keeps its key (`lastProbeTime: null`).
          if (field.type === 'time' || field.type === 'microtime') out[key] = null;
          continue;
        }
        path.push(key);
        stack.push(key);
        out[key] = decodeValue(v, field.type, path, stack, name, walk);
        stack.pop();
        path.pop();
      }
      return out;
    }
    case 'primitive':
      return decodePrimitive(value, shape.name, expr, stack, struct);
  }
}

function decodePrimitive(value: unknown, name: string, expr: TypeExpr, stack: string[], struct: string): unknown {
  switch (name) {
    case 'string':
    case 'time':
    case 'microtime':
      if (typeof value !== 'string') throw typeError(value, name === 'string' ? expr : 'string', struct, stack);
      return value;
    case 'byte':
      if (typeof value !== 'string') throw typeError(value, expr, struct, stack);
      if (!BASE64.test(value) || value.length % 4 === 1) {
        const bad = value.search(/[^A-Za-z0-9+/=]/);
        throw new DecodeFailure(`illegal base64 data at input byte ${bad < 0 ? value.length - 1 : bad}`);
      }
      return value;
    case 'boolean':
      if (typeof value !== 'boolean') throw typeError(value, expr, struct, stack);
      return value;
    case 'int32':
    case 'int64':
    case 'integer': {
      if (typeof value !== 'number') throw typeError(value, expr, struct, stack);
      const [lo, hi] = INT_RANGES[name];
      if (!Number.isInteger(value) || value < lo || value > hi) throw typeError(value, expr, struct, stack, true);
      return value;
    }
    case 'number':
      if (typeof value !== 'number') throw typeError(value, expr, struct, stack);
      return value;
    case 'int-or-string':
      // intstr.IntOrString.UnmarshalJSON: a JSON string is a name, anything else must be an int32.
      if (typeof value === 'string') return value;
      if (typeof value !== 'number') throw typeError(value, 'int32', struct, stack);
      if (!Number.isInteger(value) || value < INT_RANGES.int32[0] || value > INT_RANGES.int32[1]) throw typeError(value, 'int32', struct, stack, true);
      return value;
    case 'quantity': {
      // resource.Quantity.UnmarshalJSON parses strings and bare numbers alike.
      const s = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : undefined;
      if (s === undefined || !QUANTITY.test(s)) {
        throw new DecodeFailure("quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'");
      }
      return value;
    }
    default:
      return clone(value); // object, any: free-form
  }
}

function zeroValue(expr: TypeExpr): unknown {
  const shape = shapeOf(expr);
  switch (shape.kind) {
    case 'struct':
      return {};
    case 'primitive':
      if (shape.name === 'string' || shape.name === 'byte') return '';
      if (shape.name === 'boolean') return false;
      if (shape.name === 'int32' || shape.name === 'int64' || shape.name === 'integer' || shape.name === 'number') return 0;
      return null;
    default:
      return null;
  }
}

/** A decoded JSON value as Go's %v prints it (map[string]interface{} with sorted keys). */
export function goPrint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goPrint).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goPrint(o[k])}`)
      .join(' ')}]`;
  }
  if (typeof v === 'number') {
    if (Number.isInteger(v) && Math.abs(v) < 1e21) return String(v);
    return String(v).replace(/e([+-])(\d)$/, 'e$10$2');
  }
  return String(v);
}
