/**
 * `-o json` as cli-runtime's JSONPrinter prints unstructured objects: json.MarshalIndent with a
 * 4-space indent, keys sorted, `<`, `>` and `&` escaped as Go's encoding/json does, one final
 * newline.
 */
import { goJSON } from './gofmt.ts';

export function toGoJSON(v: unknown): string {
  return goJSON(v, '    ') + '\n';
}

/** The value with map keys sorted (as Go's encoding/json writes them), for callers that build text themselves. */
export function sortKeysDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeysDeep);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeysDeep((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
