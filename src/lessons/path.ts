/**
 * The small path language of lesson conditions: `spec.selector.app`, `subsets[*].addresses`,
 * `ports[0].port`, `metadata.labels['kubernetes.io/service-name']`. A subset of kubectl's
 * JSONPath without the braces, enough for checks; nothing in it can run code.
 */

export type Segment = { key: string } | { index: number } | { all: true } | { filter: { key: string; value: string } };

export class PathError extends Error {}

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  let i = 0;
  const n = path.length;
  while (i < n) {
    const c = path[i];
    if (c === '.') {
      i++;
      continue;
    }
    if (c === '[') {
      const close = path.indexOf(']', i);
      if (close < 0) throw new PathError(`unclosed [ in ${path}`);
      const inner = path.slice(i + 1, close).trim();
      i = close + 1;
      const filter = /^\?\s*([A-Za-z0-9_.-]+)\s*(?:=\s*(.*))?$/.exec(inner);
      if (inner === '*') out.push({ all: true });
      else if (filter) {
        // `[?type=Ready]` (elements whose `type` is `Ready`); `[?Ready]` is short for `[?type=Ready]`.
        const [key, value] = filter[2] === undefined ? ['type', filter[1]] : [filter[1], filter[2].replace(/^['"]|['"]$/g, '')];
        out.push({ filter: { key, value } });
      }
      else if (/^\d+$/.test(inner)) out.push({ index: Number(inner) });
      else if (/^'.*'$|^".*"$/.test(inner)) out.push({ key: inner.slice(1, -1) });
      else throw new PathError(`bad index [${inner}] in ${path}`);
      continue;
    }
    let j = i;
    while (j < n && path[j] !== '.' && path[j] !== '[') j++;
    out.push({ key: path.slice(i, j) });
    i = j;
  }
  return out;
}

/** Every value the path reaches (wildcards fan out; missing keys reach nothing). */
export function evaluatePath(value: unknown, path: string | Segment[]): unknown[] {
  const segs = typeof path === 'string' ? parsePath(path) : path;
  let cur: unknown[] = [value];
  for (const seg of segs) {
    const next: unknown[] = [];
    for (const v of cur) {
      if ('filter' in seg) {
        if (Array.isArray(v))
          for (const el of v) if (el && typeof el === 'object' && String((el as Record<string, unknown>)[seg.filter.key]) === seg.filter.value) next.push(el);
      } else if ('all' in seg) {
        if (Array.isArray(v)) next.push(...v);
        else if (v && typeof v === 'object') next.push(...Object.values(v));
      } else if ('index' in seg) {
        if (Array.isArray(v) && seg.index < v.length) next.push(v[seg.index]);
      } else if (v && typeof v === 'object' && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, seg.key)) {
        const got = (v as Record<string, unknown>)[seg.key];
        if (got !== undefined) next.push(got);
      }
    }
    cur = next;
  }
  return cur;
}

/** The count a `length` condition compares: arrays reached count their elements, null counts 0. */
export function countOf(values: unknown[]): number {
  let n = 0;
  for (const v of values) n += Array.isArray(v) ? v.length : v === null ? 0 : 1;
  return n;
}

/** Equality of parsed values: `80` equals `"80"` is false, as the API server would see it. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== typeof b || a === null || b === null || typeof a !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((x, i) => deepEqual(x, bb[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao).filter((k) => ao[k] !== undefined);
  const bk = Object.keys(bo).filter((k) => bo[k] !== undefined);
  return ak.length === bk.length && ak.every((k) => deepEqual(ao[k], bo[k]));
}

/** A value as a learner reads it in a message. */
export function show(v: unknown): string {
  if (v === undefined) return '(none)';
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}
