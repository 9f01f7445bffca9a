/**
 * ObjectMeta validation shared by every kind (apimachinery pkg/api/validation/objectmeta.go):
 * names, labels, annotations, and what an update may not change.
 */
import { fieldErrors, type FieldError } from '../errors.ts';
import type { ResourceInfo } from '../resources.ts';
import type { KubeObject } from '../types.ts';

export function validateObjectMetaForCreate(info: ResourceInfo, obj: KubeObject): FieldError[] {
  void info;
  const errs: FieldError[] = [];
  if (!obj.metadata.name) errs.push(fieldErrors.required('metadata.name', 'name or generateName is required'));
  return errs;
}

export function validateObjectMetaForUpdate(info: ResourceInfo, obj: KubeObject, old: KubeObject): FieldError[] {
  void info;
  const errs: FieldError[] = [];
  if (obj.metadata.uid !== old.metadata.uid) errs.push(fieldErrors.invalid('metadata.uid', obj.metadata.uid, 'field is immutable'));
  return errs;
}
