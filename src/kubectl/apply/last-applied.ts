/**
 * The last-applied-configuration annotation (kubectl pkg/util/apply.go GetModifiedConfiguration):
 * the object as given, with that annotation removed (an empty `annotations: {}` stays, as
 * Unstructured.SetAnnotations leaves it), encoded as Go's json.Encoder does (sorted keys, HTML
 * characters escaped, a final newline); then the object with the annotation set to it.
 */
import type { KubeObject } from '../../cluster/api/types.ts';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** json.Marshal of decoded JSON: compact, map keys sorted, `<>&` and U+2028/9 escaped. */
export function goJSONCompact(v: unknown): string {
  return JSON.stringify(sortKeys(v))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

/** The object to send (with the annotation) and the annotation's value. */
export function modifiedConfiguration(obj: KubeObject): { object: KubeObject; annotation: string } {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  copy.metadata ??= {};
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const annotation = goJSONCompact(copy) + '\n';
  copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: annotation };
  return { object: copy, annotation };
}
