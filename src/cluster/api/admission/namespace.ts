/**
 * Namespaces (pkg/registry/core/namespace/strategy.go): phase Active and the `kubernetes`
 * finalizer on create, the label kubernetes.io/metadata.name always equal to the name
 * (NamespaceDefaultLabelName), spec and status kept on update. Deletion (Terminating) is in the
 * API server's delete verb.
 */
import type { KindStrategy } from '../strategy.ts';
import { clone, type KubeObject } from '../types.ts';

export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

function labelName(obj: KubeObject): void {
  if (obj.metadata.name) obj.metadata.labels = { ...(obj.metadata.labels ?? {}), [NAMESPACE_NAME_LABEL]: obj.metadata.name };
}

export const namespaceStrategy: KindStrategy = {
  hasStatusSubresource: true,
  defaults(obj) {
    labelName(obj);
  },
  prepareForCreate(obj) {
    obj.spec = { finalizers: ['kubernetes'] };
    obj.status = { phase: 'Active' };
    labelName(obj);
  },
  prepareForUpdate(obj, old) {
    // spec.finalizers change only through the finalize subresource.
    obj.spec = clone(old.spec ?? {});
    labelName(obj);
  },
  prepareForStatusUpdate(obj) {
    labelName(obj);
  },
};
