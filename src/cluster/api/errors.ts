/**
 * API errors shaped like metav1.Status, and field errors shaped like apimachinery's field.Error,
 * with the exact texts of k8s.io/apimachinery v0.33 (pkg/api/errors, pkg/util/validation/field).
 */
import { goValue } from './govalue.ts';

export type StatusReason =
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Invalid'
  | 'BadRequest'
  | 'Forbidden'
  | 'MethodNotAllowed'
  | 'NotAcceptable'
  | 'UnsupportedMediaType'
  | 'RequestEntityTooLarge'
  | 'InternalError'
  | 'Gone'
  | '';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface Status {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: StatusReason;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[] };
  code: number;
}

/** A request the API server refused. `warnings` are the Warning headers of the same response. */
export class ApiError extends Error {
  readonly status: Status;
  warnings: string[] = [];
  constructor(status: Status) {
    super(status.message);
    this.name = 'ApiError';
    this.status = status;
  }
  get reason(): StatusReason {
    return this.status.reason;
  }
  get code(): number {
    return this.status.code;
  }
}

function status(code: number, reason: StatusReason, message: string, details?: Status['details']): ApiError {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return new ApiError(s);
}

/** `services "web"`, or with a group `endpointslices.discovery.k8s.io "x"`. */
function qualified(resource: string, group: string): string {
  return group ? `${resource}.${group}` : resource;
}

export function notFound(resource: string, group: string, name: string): ApiError {
  return status(404, 'NotFound', `${qualified(resource, group)} "${name}" not found`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function alreadyExists(resource: string, group: string, name: string): ApiError {
  return status(409, 'AlreadyExists', `${qualified(resource, group)} "${name}" already exists`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function conflict(resource: string, group: string, name: string, why: string): ApiError {
  return status(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(resource, group)} "${name}": ${why}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export const CONFLICT_MODIFIED = 'the object has been modified; please apply your changes to the latest version and try again';

export function badRequest(message: string): ApiError {
  return status(400, 'BadRequest', message);
}

/** NewForbidden: with no name the message is `<resource> is forbidden: <why>`. */
export function forbidden(resource: string, group: string, name: string, why: string): ApiError {
  const subject = name ? `${qualified(resource, group)} "${name}"` : qualified(resource, group);
  return status(403, 'Forbidden', `${subject} is forbidden: ${why}`, {
    name,
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function methodNotSupported(resource: string, group: string, verb: string): ApiError {
  return status(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualified(resource, group)}"`, {
    ...(group ? { group } : {}),
    kind: resource,
  });
}

export function internalError(message: string): ApiError {
  return status(500, 'InternalError', `Internal error occurred: ${message}`);
}

// ---------------------------------------------------------------------------------------------
// field.Error

export type FieldErrorType =
  | 'FieldValueRequired'
  | 'FieldValueForbidden'
  | 'FieldValueInvalid'
  | 'FieldValueNotSupported'
  | 'FieldValueDuplicate'
  | 'FieldValueNotFound'
  | 'FieldValueTooLong'
  | 'FieldValueTooMany'
  | 'InternalError';

export interface FieldError {
  type: FieldErrorType;
  field: string;
  /** The body after `<field>: `, already rendered as apimachinery renders it. */
  body: string;
}

export const fieldErrors = {
  required: (field: string, detail = ''): FieldError => ({
    type: 'FieldValueRequired',
    field,
    body: detail ? `Required value: ${detail}` : 'Required value',
  }),
  forbidden: (field: string, detail: string): FieldError => ({
    type: 'FieldValueForbidden',
    field,
    body: `Forbidden: ${detail}`,
  }),
  /** `value` is printed the way Go's field.Invalid prints it; see govalue.ts. */
  invalid: (field: string, value: unknown, detail: string): FieldError => ({
    type: 'FieldValueInvalid',
    field,
    body: detail ? `Invalid value: ${goValue(value)}: ${detail}` : `Invalid value: ${goValue(value)}`,
  }),
  notSupported: (field: string, value: unknown, supported: string[]): FieldError => ({
    type: 'FieldValueNotSupported',
    field,
    body:
      supported.length > 0
        ? `Unsupported value: ${goValue(value)}: supported values: ${supported.map((s) => `"${s}"`).join(', ')}`
        : `Unsupported value: ${goValue(value)}`,
  }),
  duplicate: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueDuplicate',
    field,
    body: `Duplicate value: ${goValue(value)}`,
  }),
  notFound: (field: string, value: unknown): FieldError => ({
    type: 'FieldValueNotFound',
    field,
    body: `Not found: ${goValue(value)}`,
  }),
  tooLong: (field: string, max: number): FieldError => ({
    type: 'FieldValueTooLong',
    field,
    body: `Too long: may not be more than ${max} bytes`,
  }),
  tooMany: (field: string, actual: number, max: number): FieldError => ({
    type: 'FieldValueTooMany',
    field,
    body: `Too many: ${actual}: must have at most ${max} items`,
  }),
};

export function fieldErrorString(e: FieldError): string {
  return `${e.field}: ${e.body}`;
}

/** NewInvalid: 422, with the message `<Kind>[.<group>] "<name>" is invalid: <agg>`. */
export function invalid(kind: string, group: string, name: string, errs: FieldError[]): ApiError {
  const seen = new Set<string>();
  const unique = errs.filter((e) => {
    const s = fieldErrorString(e);
    if (seen.has(s)) return false;
    seen.add(s);
    return true;
  });
  const strings = unique.map(fieldErrorString);
  let message = `${group ? `${kind}.${group}` : kind} "${name}" is invalid`;
  if (strings.length === 1) message += `: ${strings[0]}`;
  else if (strings.length > 1) message += `: [${strings.join(', ')}]`;
  return status(422, 'Invalid', message, {
    ...(name ? { name } : {}),
    ...(group ? { group } : {}),
    ...(kind ? { kind } : {}),
    causes: unique.map((e) => ({ reason: e.type, message: e.body, field: e.field })),
  });
}
