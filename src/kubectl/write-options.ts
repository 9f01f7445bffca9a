/**
 * Flags shared by the verbs that write (kubectl pkg/cmd/util/helpers.go): --dry-run and
 * --validate, and the `<kind>/<name> <operation>` line kubectl prints after a write
 * (cli-runtime NamePrinter with the operation, plus ` (dry run)` / ` (server dry run)`).
 */
import type { ResourceInfo } from '../cluster/api/resources.ts';
import type { WriteOptions } from '../cluster/api/apiserver.ts';
import type { FlagDef, Flags } from './flags.ts';
import { KubectlError } from './errors.ts';
import { kindPrefix } from './mapper.ts';

export type DryRun = 'none' | 'client' | 'server';

export const DRY_RUN_FLAG: FlagDef = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const VALIDATE_FLAG: FlagDef = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage: `Must be one of: strict (or true), warn, ignore (or false).
		"true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not.
		"warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise.
		"false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

const TRUE = ['1', 't', 'T', 'TRUE', 'true', 'True'];
const FALSE = ['0', 'f', 'F', 'FALSE', 'false', 'False'];

/** GetDryRunStrategy. The deprecated forms (`--dry-run`, `--dry-run=true`) only log a klog warning. */
export function dryRunStrategy(flags: Flags): DryRun {
  const v = flags.string('dry-run');
  if (TRUE.includes(v)) return 'client';
  if (FALSE.includes(v)) return 'none';
  switch (v) {
    case 'unchanged':
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'none':
      return 'none';
  }
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

/** GetValidationDirective: the fieldValidation query parameter. */
export function validationDirective(flags: Flags): NonNullable<WriteOptions['fieldValidation']> {
  const v = flags.string('validate');
  if (TRUE.includes(v)) return 'Strict';
  if (FALSE.includes(v)) return 'Ignore';
  switch (v) {
    case 'strict':
      return 'Strict';
    case 'warn':
      return 'Warn';
    case 'ignore':
      return 'Ignore';
  }
  throw new KubectlError(`invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)`);
}

export function dryRunSuffix(d: DryRun): string {
  return d === 'client' ? ' (dry run)' : d === 'server' ? ' (server dry run)' : '';
}

/** `service/web created`, `deployment.apps/web scaled (dry run)`; with -o name only `service/web`. */
export function operationLine(info: ResourceInfo, name: string, operation: string, dryRun: DryRun, output = ''): string {
  if (output === 'name') return `${kindPrefix(info)}/${name}\n`;
  return `${kindPrefix(info)}/${name} ${operation}${dryRunSuffix(dryRun)}\n`;
}
