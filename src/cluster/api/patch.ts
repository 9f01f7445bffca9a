/**
 * PATCH bodies as the API server applies them (apiserver pkg/endpoints/handlers/patch.go):
 * - JSON merge patch (RFC 7386): maps merge, null deletes, anything else replaces;
 * - JSON patch (RFC 6902) with the error texts of gopkg.in/evanphx/json-patch.v4, returned as
 *   the server returns them: 422 Invalid, "the server rejected our request due to an error in
 *   our request", the patch error as the cause;
 * - strategic merge patch (k8s.io/apimachinery pkg/util/strategicpatch) driven by the schema's
 *   x-kubernetes-patch-strategy / patch-merge-key: containers merge by name, ports by
 *   containerPort / port, env by name...; `$patch: replace|delete|merge`, `$retainKeys`,
 *   `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>` directives.
 *
 * `applyStrategicMergePatch` is exported for kubectl's apply (three-way patches are computed
 * there and applied here, as a real server does).
 */
import { ApiError, badRequest, type Status } from './errors.ts';
import { apiVersionOf, type ResourceInfo } from './resources.ts';
import { fieldInfo, shapeOf, typeForKind, type FieldInfo, type TypeExpr } from './schema.ts';
import { clone, type KubeObject } from './types.ts';

export type PatchType = 'merge' | 'json' | 'strategic';

type Json = unknown;
type JsonMap = Record<string, Json>;

const isMap = (v: Json): v is JsonMap => v !== null && typeof v === 'object' && !Array.isArray(v);

export function applyPatch(info: ResourceInfo, target: KubeObject, type: PatchType, patch: unknown): KubeObject {
  switch (type) {
    case 'merge':
      if (!isMap(patch)) throw badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
      return mergePatch(target, patch) as KubeObject;
    case 'json':
      return applyJsonPatch(target, patch) as KubeObject;
    case 'strategic': {
      if (!isMap(patch)) throw badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type map[string]interface {}`);
      const root = typeForKind(apiVersionOf(info), info.kind);
      try {
        return applyStrategicMergePatch(target, patch, root) as KubeObject;
      } catch (e) {
        if (e instanceof StrategicPatchError) throw badRequest(e.message);
        throw e;
      }
    }
    default:
      throw new ApiError({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: `the server does not support patch type "${String(type)}"`,
        reason: 'UnsupportedMediaType',
        code: 415,
      });
  }
}

function jsonKind(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  return typeof v === 'object' ? 'object' : typeof v;
}

// ---------------------------------------------------------------------------------------------
// RFC 7386

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isMap(patch)) return clone(patch);
  const out: JsonMap = isMap(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// RFC 6902

class JsonPatchError extends Error {}

/** The 422 the server answers for a JSON patch that does not apply. */
function jsonPatchFailure(message: string): ApiError {
  const s: Status = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: 'the server rejected our request due to an error in our request',
    reason: 'Invalid',
    details: { causes: [{ reason: 'UnexpectedServerResponse', message }] },
    code: 422,
  };
  return new ApiError(s);
}

function decodePointer(path: string): string[] {
  if (path === '') return [];
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

interface Container {
  get(key: string): Json | undefined;
  set(key: string, v: Json): void;
  add(key: string, v: Json): void;
  remove(key: string): void;
}

function container(doc: Json, path: string): Container | undefined {
  if (Array.isArray(doc)) {
    const index = (key: string, forAdd: boolean): number => {
      if (forAdd && key === '-') return doc.length;
      if (!/^(0|[1-9][0-9]*)$/.test(key)) throw new JsonPatchError(`Unable to access invalid index: ${key}: invalid index referenced`);
      const i = Number(key);
      if (i < 0 || i > doc.length - (forAdd ? 0 : 1)) throw new JsonPatchError(`Unable to access invalid index: ${i}: invalid index referenced`);
      return i;
    };
    return {
      get: (k) => {
        const i = /^(0|[1-9][0-9]*)$/.test(k) ? Number(k) : -1;
        return i >= 0 && i < doc.length ? doc[i] : undefined;
      },
      set: (k, v) => {
        doc[index(k, false)] = v;
      },
      add: (k, v) => {
        doc.splice(index(k, true), 0, v);
      },
      remove: (k) => {
        doc.splice(index(k, false), 1);
      },
    };
  }
  if (isMap(doc)) {
    return {
      get: (k) => (Object.prototype.hasOwnProperty.call(doc, k) ? doc[k] : undefined),
      set: (k, v) => {
        doc[k] = v;
      },
      add: (k, v) => {
        doc[k] = v;
      },
      remove: (k) => {
        if (!Object.prototype.hasOwnProperty.call(doc, k)) throw new JsonPatchError(`Unable to remove nonexistent key: ${k}: missing value`);
        delete doc[k];
      },
    };
  }
  void path;
  return undefined;
}

/** Find the parent of the pointer's last segment. */
function findParent(doc: Json, path: string): [Container | undefined, string] {
  const parts = decodePointer(path);
  const key = parts.pop() ?? '';
  let cur: Json = doc;
  for (const p of parts) {
    const c = container(cur, path);
    if (!c) return [undefined, key];
    cur = c.get(p);
    if (cur === undefined) return [undefined, key];
  }
  return [container(cur, path), key];
}

function equalJson(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equalJson(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && equalJson(a[k], b[k]));
  }
  return false;
}

function applyJsonPatch(target: Json, patch: unknown): Json {
  if (!Array.isArray(patch)) throw badRequest(`json: cannot unmarshal ${jsonKind(patch)} into Go value of type jsonpatch.Patch`);
  // The whole document is the root; a wrapper lets "" address it.
  const doc: JsonMap = { root: clone(target) };
  try {
    for (const raw of patch) {
      if (!isMap(raw)) throw badRequest(`json: cannot unmarshal ${jsonKind(raw)} into Go value of type jsonpatch.Operation`);
      const op = typeof raw.op === 'string' ? raw.op : 'unknown';
      const path = raw.path;
      if (typeof path !== 'string') throw new JsonPatchError(op === 'unknown' ? 'Unexpected kind: unknown' : `operation missing path field: missing value`);
      if (path !== '' && !path.startsWith('/')) throw new JsonPatchError(`${op} operation does not apply: doc is missing path: "${path}": missing value`);
      const full = `/root${path}`;
      switch (op) {
        case 'add': {
          if (!('value' in raw)) throw new JsonPatchError('add operation, missing value field: missing value');
          const [c, key] = findParent(doc, full);
          if (!c) throw new JsonPatchError(`add operation does not apply: doc is missing path: "${path}": missing value`);
          c.add(key, clone(raw.value));
          break;
        }
        case 'remove': {
          const [c, key] = findParent(doc, full);
          if (!c) throw new JsonPatchError(`remove operation does not apply: doc is missing path: "${path}": missing value`);
          c.remove(key);
          break;
        }
        case 'replace': {
          if (!('value' in raw)) throw new JsonPatchError('replace operation, missing value field: missing value');
          const [c, key] = findParent(doc, full);
          if (!c) throw new JsonPatchError(`replace operation does not apply: doc is missing path: ${path}: missing value`);
          if (c.get(key) === undefined) throw new JsonPatchError(`replace operation does not apply: doc is missing key: ${path}: missing value`);
          c.set(key, clone(raw.value));
          break;
        }
        case 'move':
        case 'copy': {
          const from = raw.from;
          if (typeof from !== 'string') throw new JsonPatchError(`${op} operation, missing from field: missing value`);
          const [fc, fkey] = findParent(doc, `/root${from}`);
          if (!fc) throw new JsonPatchError(`${op} operation does not apply: doc is missing from path: ${from}: missing value`);
          const value = fc.get(fkey);
          if (value === undefined) throw new JsonPatchError(`${op} operation does not apply: doc is missing from path: ${from}: missing value`);
          if (op === 'move') fc.remove(fkey);
          const [c, key] = findParent(doc, full);
          if (!c) throw new JsonPatchError(`${op} operation does not apply: doc is missing destination path: ${path}: missing value`);
          c.add(key, clone(value));
          break;
        }
        case 'test': {
          const [c, key] = findParent(doc, full);
          const actual = c?.get(key);
          if (actual === undefined ? raw.value !== null && raw.value !== undefined : !equalJson(actual, raw.value)) {
            throw new JsonPatchError(`testing value ${path} failed: test failed`);
          }
          break;
        }
        default:
          throw new JsonPatchError(`Unexpected kind: ${op}: unknown object type`);
      }
    }
  } catch (e) {
    if (e instanceof JsonPatchError) throw jsonPatchFailure(e.message);
    throw e;
  }
  return doc.root;
}

// ---------------------------------------------------------------------------------------------
// Strategic merge patch

export class StrategicPatchError extends Error {}

const DIRECTIVE = '$patch';
const RETAIN_KEYS = '$retainKeys';
const SET_ORDER = '$setElementOrder/';
const DELETE_PRIMITIVES = '$deleteFromPrimitiveList/';

/** The element type of a list field, and its merge metadata. */
function listMeta(parentType: TypeExpr | undefined, field: string): { info: FieldInfo | undefined; elem: TypeExpr | undefined } {
  if (!parentType) return { info: undefined, elem: undefined };
  const shape = shapeOf(parentType);
  if (shape.kind !== 'struct') return { info: undefined, elem: undefined };
  const info = fieldInfo(shape.name, field);
  if (!info) return { info: undefined, elem: undefined };
  const s = shapeOf(info.type);
  return { info, elem: s.kind === 'list' ? s.elem : undefined };
}

function fieldType(parentType: TypeExpr | undefined, field: string): TypeExpr | undefined {
  if (!parentType) return undefined;
  const shape = shapeOf(parentType);
  if (shape.kind === 'map') return shape.elem;
  if (shape.kind !== 'struct') return undefined;
  return fieldInfo(shape.name, field)?.type;
}

/**
 * Apply a strategic merge patch to `original` (plain JSON) whose named schema type is
 * `typeName` (e.g. `core.v1.Service`, from `typeForKind`). Returns a new object.
 */
export function applyStrategicMergePatch(original: unknown, patch: Record<string, unknown>, typeName: string | undefined): unknown {
  return mergeMap(isMap(original) ? clone(original) : {}, patch, typeName);
}

function mergeMap(original: JsonMap, patch: JsonMap, type: TypeExpr | undefined): JsonMap | undefined {
  const directive = patch[DIRECTIVE];
  if (directive === 'delete') return undefined;
  if (directive === 'replace') {
    const out: JsonMap = {};
    for (const [k, v] of Object.entries(patch)) if (k !== DIRECTIVE) out[k] = clone(v);
    return out;
  }
  if (directive !== undefined && directive !== 'merge') throw new StrategicPatchError(`Unknown patch type: ${String(directive)}`);

  const retain = patch[RETAIN_KEYS];
  const out = original;
  for (const [key, value] of Object.entries(patch)) {
    if (key === DIRECTIVE || key === RETAIN_KEYS) continue;
    if (key.startsWith(SET_ORDER) || key.startsWith(DELETE_PRIMITIVES)) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const cur = out[key];
    if (isMap(value)) {
      const merged = mergeMap(isMap(cur) ? cur : {}, value, fieldType(type, key));
      if (merged === undefined) delete out[key];
      else out[key] = merged;
    } else if (Array.isArray(value)) {
      out[key] = mergeList(Array.isArray(cur) ? cur : [], value, type, key);
    } else {
      out[key] = value;
    }
  }
  // Directives about lists that may not appear in the patch themselves.
  for (const [key, value] of Object.entries(patch)) {
    if (key.startsWith(DELETE_PRIMITIVES) && Array.isArray(value)) {
      const field = key.slice(DELETE_PRIMITIVES.length);
      if (Array.isArray(out[field])) {
        const drop = new Set(value.map((v) => JSON.stringify(v)));
        out[field] = (out[field] as Json[]).filter((v) => !drop.has(JSON.stringify(v)));
      }
    }
    if (key.startsWith(SET_ORDER) && Array.isArray(value)) {
      const field = key.slice(SET_ORDER.length);
      if (Array.isArray(out[field])) out[field] = reorder(out[field] as Json[], value, listMeta(type, field).info?.patchMergeKey);
    }
  }
  if (Array.isArray(retain)) {
    const keep = new Set(retain.map(String));
    for (const k of Object.keys(out)) if (!keep.has(k)) delete out[k];
  }
  return out;
}

function mergeList(original: Json[], patch: Json[], parentType: TypeExpr | undefined, field: string): Json[] {
  const { info, elem } = listMeta(parentType, field);
  const strategy = info?.patchStrategy ?? '';
  if (!strategy.split(',').includes('merge')) {
    // No merge strategy: the list is replaced (directives inside are dropped).
    return patch.filter((v) => !(isMap(v) && v[DIRECTIVE] !== undefined && Object.keys(v).length === 1)).map((v) => clone(v));
  }
  // `[{$patch: replace}, ...]` replaces the whole list with the other elements.
  if (patch.some((v) => isMap(v) && v[DIRECTIVE] === 'replace')) {
    return patch.filter((v) => !(isMap(v) && v[DIRECTIVE] === 'replace')).map((v) => clone(v));
  }
  const mergeKey = info?.patchMergeKey ?? '';
  if (!mergeKey || patch.every((v) => !isMap(v))) {
    // A list of primitives with the merge strategy: a union, original order first.
    const out = [...original];
    const seen = new Set(out.map((v) => JSON.stringify(v)));
    for (const v of patch) {
      if (isMap(v)) continue;
      const k = JSON.stringify(v);
      if (!seen.has(k)) {
        seen.add(k);
        out.push(v);
      }
    }
    return out;
  }
  const out = original.map((v) => (isMap(v) ? clone(v) : v));
  for (const item of patch) {
    if (!isMap(item)) throw new StrategicPatchError(`expected a map in a list merged by ${mergeKey}, got ${JSON.stringify(item)}`);
    if (!(mergeKey in item)) throw new StrategicPatchError(`map: ${goMap(item)} does not contain declared merge key: ${mergeKey}`);
    const keyValue = item[mergeKey];
    const i = out.findIndex((v) => isMap(v) && equalJson(v[mergeKey], keyValue));
    if (item[DIRECTIVE] === 'delete') {
      if (i >= 0) out.splice(i, 1);
      continue;
    }
    if (i >= 0) {
      const merged = mergeMap(out[i] as JsonMap, item, elem);
      if (merged === undefined) out.splice(i, 1);
      else out[i] = merged;
    } else {
      const added = mergeMap({}, item, elem);
      if (added !== undefined) out.push(added);
    }
  }
  return out;
}

/** `$setElementOrder`: the listed elements first, in that order; the others keep their place after. */
function reorder(list: Json[], order: Json[], mergeKey: string | undefined): Json[] {
  const keyOf = (v: Json): string => JSON.stringify(mergeKey && isMap(v) ? v[mergeKey] : v);
  const rank = new Map(order.map((v, i) => [keyOf(v), i]));
  const listed = list.filter((v) => rank.has(keyOf(v))).sort((a, b) => rank.get(keyOf(a))! - rank.get(keyOf(b))!);
  const rest = list.filter((v) => !rank.has(keyOf(v)));
  return [...listed, ...rest];
}

function goMap(v: JsonMap): string {
  return `map[${Object.keys(v)
    .sort()
    .map((k) => `${k}:${typeof v[k] === 'object' ? JSON.stringify(v[k]) : String(v[k])}`)
    .join(' ')}]`;
}
