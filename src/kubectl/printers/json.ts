/**
 * `-o json` as cli-runtime's JSONPrinter prints unstructured objects: keys sorted, 4-space
 * indent, `<`, `>` and `&` escaped as Go's encoding/json does, one final newline.
 */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeysDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function toGoJSON(v: unknown): string {
  return (
    JSON.stringify(sortKeysDeep(v), null, 4)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026')
      .replace(/\u2028/g, '\\u2028')
      .replace(/\u2029/g, '\\u2029') + '\n'
  );
}
