/**
 * How kubectl reports failures (kubectl pkg/cmd/util/helpers.go checkErr, StandardErrorMessage):
 * API errors as `Error from server (Reason): message`, Invalid ones as `The Kind "name" is
 * invalid: ...`, everything else as `error: ...`. Always on stderr, exit code 1.
 */
import { ApiError } from '../cluster/api/errors.ts';

/** A client-side error: printed as `error: <message>` (the prefix is not doubled). */
export class KubectlError extends Error {
  constructor(
    message: string,
    /** Printed after the message, e.g. "See 'kubectl get --help' for usage." */
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** Several errors of one command (apply -f a.yaml -f b.yaml), printed one a line. */
export class AggregateError extends Error {
  constructor(readonly errors: unknown[]) {
    super(errors.map(String).join('\n'));
  }
}

/**
 * An aggregate that checkErr does not unwrap even when it holds one error, so each error prints
 * bare (MultipleErrors): the builder's aggregate inside the command's own, as `kubectl get -f`
 * returns it from its table path.
 */
export class NestedAggregateError extends AggregateError {}

/** The text checkErr prints for an error, ending with a newline. */
export function errorText(e: unknown): string {
  if (e instanceof AggregateError) {
    if (e.errors.length === 1 && !(e instanceof NestedAggregateError)) return errorText(e.errors[0]);
    // MultipleErrors: one line per error, API errors as StandardErrorMessage, others bare.
    return flatten(e.errors).map((x) => (x instanceof ApiError ? standardMessage(x) : `${x instanceof Error ? x.message : String(x)}\n`)).join('');
  }
  if (e instanceof ApiError) {
    const s = e.status;
    if (s.reason === 'Invalid' && s.details) {
      const header =
        s.details.kind || s.details.name !== undefined
          ? `The ${s.details.kind ?? ''} "${s.details.name ?? ''}" is invalid`
          : 'The request is invalid';
      const causes = dedupe((s.details.causes ?? []).map((c) => (c.field ? `${c.field}: ${c.message}` : `${c.message}`)));
      if (causes.length === 0) return s.details.kind || s.details.name !== undefined ? `${header}\n` : `${header}: ${s.message}\n`;
      if (causes.length === 1) return `${header}: ${causes[0]}\n`;
      return `${header}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
    }
    if (s.reason === 'Invalid' && !s.details) return `The request is invalid: ${s.message}\n`;
    return standardMessage(e);
  }
  return plain(e);
}

function standardMessage(e: ApiError): string {
  const s = e.status;
  if (!s.reason) return `Error from server: ${s.message}\n`;
  return `Error from server (${s.reason}): ${s.message}\n`;
}

function plain(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  const text = msg.startsWith('error: ') ? msg : `error: ${msg}`;
  const hint = e instanceof KubectlError && e.hint ? `${e.hint}\n` : '';
  // checkErr adds a newline only when the message has none (printers' errors end with one).
  return `${text}${text.endsWith('\n') ? '' : '\n'}${hint}`;
}

function flatten(errs: unknown[]): unknown[] {
  return errs.flatMap((e) => (e instanceof AggregateError ? flatten(e.errors) : [e]));
}

/**
 * AddSourceToErr (kubectl cmd/util/helpers.go): `error when <verb> "<source>": <message>`; an API
 * error keeps its reason and details (so Invalid ones still print as `The Service "x" is invalid`).
 */
export function addSourceToErr(verb: string, source: string, e: unknown): unknown {
  if (!source) return e;
  if (e instanceof ApiError) {
    const copy = new ApiError({ ...e.status, message: `error when ${verb} "${source}": ${e.status.message}` });
    copy.warnings = e.warnings;
    return copy;
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new KubectlError(`error when ${verb} "${source}": ${msg}`);
}

function dedupe(xs: string[]): string[] {
  return [...new Set(xs)];
}
