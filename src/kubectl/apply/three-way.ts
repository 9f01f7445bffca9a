/**
 * kubectl apply's client-side patch: a three-way strategic merge patch from the last applied
 * configuration (original), the new manifest (modified) and the live object (current), as
 * k8s.io/apimachinery/pkg/util/strategicpatch CreateThreeWayMergePatch computes it:
 *   - changes and additions: diff(current -> modified), deletions ignored;
 *   - deletions: diff(original -> modified), only what the manifest no longer has;
 *   - both merged into one patch, with `$setElementOrder/<list>`, `$patch: delete` and
 *     `$deleteFromPrimitiveList/<list>` directives for merge lists.
 * Fields the server added (status, clusterIP...) are never deleted: they are not in `original`.
 */
import { listPatchMeta } from './patch-meta.ts';

type JsonMap = Record<string, unknown>;

interface DiffOptions {
  ignoreDeletions: boolean;
  ignoreChangesAndAdditions: boolean;
}

export class PatchError extends Error {}

export function threeWayMergePatch(kind: string, original: JsonMap | undefined, modified: JsonMap, current: JsonMap): JsonMap {
  const delta = diffMaps(kind, [], current, modified, { ignoreDeletions: true, ignoreChangesAndAdditions: false });
  const deletions = diffMaps(kind, [], original ?? {}, modified, { ignoreDeletions: false, ignoreChangesAndAdditions: true });
  return mergePatches(kind, [], deletions, delta);
}

function isMap(v: unknown): v is JsonMap {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** reflect.TypeOf equality for decoded JSON values (nil has no type). */
function sameType(a: unknown, b: unknown): boolean {
  if (a === null || b === null) return a === b;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b);
  return typeof a === typeof b;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isMap(a) && isMap(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

function diffMaps(kind: string, path: string[], original: JsonMap, modified: JsonMap, opts: DiffOptions): JsonMap {
  const patch: JsonMap = {};
  for (const [key, mv] of Object.entries(modified)) {
    if (!Object.prototype.hasOwnProperty.call(original, key)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    const ov = original[key];
    if (!sameType(ov, mv)) {
      if (!opts.ignoreChangesAndAdditions) patch[key] = mv;
      continue;
    }
    if (isMap(ov) && isMap(mv)) {
      const sub = diffMaps(kind, [...path, key], ov, mv, opts);
      if (Object.keys(sub).length > 0) patch[key] = sub;
    } else if (Array.isArray(ov) && Array.isArray(mv)) {
      diffSlice(kind, [...path, key], key, ov, mv, patch, opts);
    } else if (!opts.ignoreChangesAndAdditions && !deepEqual(ov, mv)) {
      patch[key] = mv;
    }
  }
  if (!opts.ignoreDeletions) {
    for (const key of Object.keys(original)) if (!Object.prototype.hasOwnProperty.call(modified, key)) patch[key] = null;
  }
  return patch;
}

/** fmt.Sprintf("%v", x) for the scalars that appear as merge keys. */
function goString(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function diffSlice(kind: string, path: string[], key: string, original: unknown[], modified: unknown[], patch: JsonMap, opts: DiffOptions): void {
  const meta = listPatchMeta(kind, path);
  if (meta.strategy !== 'merge') {
    if (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified)) patch[key] = modified;
    return;
  }
  const sample = original.length > 0 ? original[0] : modified[0];
  if (sample === undefined) return;
  if (isMap(sample)) {
    const mergeKey = meta.mergeKey;
    for (const el of [...original, ...modified]) {
      if (!isMap(el) || !(mergeKey in el)) throw new PatchError(`map: ${goMap(el)} does not contain declared merge key: ${mergeKey}`);
    }
    const [changes, deletions] = diffListsOfMaps(kind, path, original as JsonMap[], modified as JsonMap[], mergeKey, opts);
    const order = new Map(modified.map((m, i) => [goString((m as JsonMap)[mergeKey]), i]));
    changes.sort((a, b) => (order.get(goString(a[mergeKey])) ?? 0) - (order.get(goString(b[mergeKey])) ?? 0));
    const list = [...changes, ...deletions];
    const orderSame = original.length === modified.length && original.every((o, i) => deepEqual((o as JsonMap)[mergeKey], (modified[i] as JsonMap)[mergeKey]));
    if (list.length > 0) patch[key] = list;
    if ((!opts.ignoreChangesAndAdditions && (list.length > 0 || !orderSame)) || (!opts.ignoreDeletions && list.length > 0)) {
      patch[`$setElementOrder/${key}`] = modified.map((m) => ({ [mergeKey]: (m as JsonMap)[mergeKey] }));
    }
    return;
  }
  // Lists of scalars (finalizers): additions, and deletions in a parallel list.
  const os = [...original].sort((a, b) => cmp(goString(a), goString(b)));
  const ms = [...modified].sort((a, b) => cmp(goString(a), goString(b)));
  const adds: unknown[] = [];
  const dels: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const a = i < os.length ? goString(os[i]) : undefined;
    const b = j < ms.length ? goString(ms[j]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!opts.ignoreChangesAndAdditions) adds.push(ms[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions && !dels.some((d) => deepEqual(d, os[i]))) dels.push(os[i]);
      i++;
    }
  }
  const index = (v: unknown) => modified.findIndex((m) => deepEqual(m, v));
  adds.sort((x, y) => index(x) - index(y));
  if (adds.length > 0) patch[key] = adds;
  if (dels.length > 0) patch[`$deleteFromPrimitiveList/${key}`] = dels;
  if ((!opts.ignoreDeletions && dels.length > 0) || (!opts.ignoreChangesAndAdditions && !deepEqual(original, modified))) {
    patch[`$setElementOrder/${key}`] = modified;
  }
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function diffListsOfMaps(kind: string, path: string[], original: JsonMap[], modified: JsonMap[], mergeKey: string, opts: DiffOptions): [JsonMap[], JsonMap[]] {
  const by = (xs: JsonMap[]) => [...xs].sort((a, b) => cmp(goString(a[mergeKey]), goString(b[mergeKey])));
  const os = by(original);
  const ms = by(modified);
  const changes: JsonMap[] = [];
  const deletions: JsonMap[] = [];
  let i = 0;
  let j = 0;
  while (i < os.length || j < ms.length) {
    const a = i < os.length ? goString(os[i][mergeKey]) : undefined;
    const b = j < ms.length ? goString(ms[j][mergeKey]) : undefined;
    if (a !== undefined && b !== undefined && a === b) {
      const sub = diffMaps(kind, path, os[i], ms[j], opts);
      if (Object.keys(sub).length > 0) changes.push({ ...sub, [mergeKey]: ms[j][mergeKey] });
      i++;
      j++;
    } else if (a === undefined || (b !== undefined && a > b)) {
      if (!opts.ignoreChangesAndAdditions) changes.push(ms[j]);
      j++;
    } else {
      if (!opts.ignoreDeletions) deletions.push({ $patch: 'delete', [mergeKey]: os[i][mergeKey] });
      i++;
    }
  }
  return [changes, deletions];
}

/** Merge the additions patch into the deletions patch (strategicpatch.mergeMap on two patches). */
function mergePatches(kind: string, path: string[], base: JsonMap, patch: JsonMap): JsonMap {
  const out: JsonMap = { ...base };
  for (const [k, pv] of Object.entries(patch)) {
    if (!(k in out)) {
      out[k] = pv;
      continue;
    }
    const bv = out[k];
    if (k.startsWith('$setElementOrder/')) continue; // both sides list the same order
    if (isMap(bv) && isMap(pv)) out[k] = mergePatches(kind, [...path, k], bv, pv);
    else if (Array.isArray(bv) && Array.isArray(pv) && listPatchMeta(kind, [...path, k]).strategy === 'merge') {
      const mergeKey = listPatchMeta(kind, [...path, k]).mergeKey;
      if (mergeKey === '') out[k] = [...pv, ...bv.filter((x) => !pv.some((y) => deepEqual(x, y)))];
      else {
        // An element both patches change (a container whose env lost one variable and gained
        // another) is merged key by key, as mergeSlice does, not replaced by the later patch's.
        const fromPatch = (pv as JsonMap[]).map((y) => {
          const same = (bv as JsonMap[]).find((x) => isMap(x) && deepEqual(x[mergeKey], y[mergeKey]));
          return same && isMap(y) ? mergePatches(kind, [...path, k], same, y) : y;
        });
        const rest = (bv as JsonMap[]).filter((x) => !fromPatch.some((y) => deepEqual(y[mergeKey], x[mergeKey])));
        out[k] = [...fromPatch, ...rest];
      }
    } else out[k] = pv;
  }
  return out;
}

/** Go's %v of a map[string]interface{}: `map[k:v k2:v2]`, keys sorted. */
function goMap(v: unknown): string {
  if (isMap(v)) return `map[${Object.keys(v).sort().map((k) => `${k}:${goMap(v[k])}`).join(' ')}]`;
  if (Array.isArray(v)) return `[${v.map(goMap).join(' ')}]`;
  return goString(v);
}
