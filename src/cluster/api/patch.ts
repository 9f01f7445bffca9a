/**
 * PATCH bodies: JSON merge patch (RFC 7386), JSON patch (RFC 6902) and strategic merge patch
 * (merge keys per field, as k8s.io/apimachinery/pkg/util/strategicpatch does).
 */
import { badRequest } from './errors.ts';
import type { ResourceInfo } from './resources.ts';
import type { KubeObject } from './types.ts';

export type PatchType = 'merge' | 'json' | 'strategic';

export function applyPatch(info: ResourceInfo, target: KubeObject, type: PatchType, patch: unknown): KubeObject {
  void info;
  switch (type) {
    case 'merge':
    case 'strategic': // first slice: strategic behaves as merge; see the kubectl issue
      return mergePatch(target, patch) as KubeObject;
    case 'json':
      throw badRequest('json patch is not supported yet');
  }
}

export function mergePatch(target: unknown, patch: unknown): unknown {
  if (patch === null || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, unknown> =
    target && typeof target === 'object' && !Array.isArray(target) ? { ...(target as Record<string, unknown>) } : {};
  for (const [k, v] of Object.entries(patch as Record<string, unknown>)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}
