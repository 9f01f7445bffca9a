/**
 * Structural equality of plain JSON values, as apiequality.Semantic.DeepEqual compares decoded
 * objects: key order does not matter, a key holding `undefined` counts as absent. Stops at the
 * first difference (the API server's no-op check runs on every write).
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let countX = 0;
  for (const k in x) {
    const v = x[k];
    if (v === undefined) continue;
    countX++;
    if (!deepEqual(v, y[k])) return false;
  }
  let countY = 0;
  for (const k in y) if (y[k] !== undefined) countY++;
  return countX === countY;
}

/** deepEqual of two objects ignoring some top-level keys (metadata, status...). */
export function deepEqualExcept(a: Record<string, unknown>, b: Record<string, unknown>, skip: readonly string[]): boolean {
  for (const k in a) if (!skip.includes(k) && a[k] !== undefined && !deepEqual(a[k], b[k])) return false;
  for (const k in b) if (!skip.includes(k) && b[k] !== undefined && a[k] === undefined) return false;
  return true;
}
