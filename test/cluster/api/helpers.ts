import { expect } from 'vitest';
import { ApiError, type Status } from '../../../src/cluster/api/errors.ts';

/** Run a verb that must fail and return its Status (and warnings). */
export function failure(fn: () => unknown): { status: Status; warnings: string[] } {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return { status: (e as ApiError).status, warnings: (e as ApiError).warnings };
  }
  throw new Error('expected the request to fail');
}

export function svc(name: string, spec: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { apiVersion: 'v1', kind: 'Service', metadata: { name }, spec, ...extra };
}
