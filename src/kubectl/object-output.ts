/**
 * -o for the verbs that write one generated or changed object (run, expose, set, replace,
 * rollout): cli-runtime's PrintFlags with the operation (`service/x exposed`), `-o name`,
 * `-o json` and `-o yaml`. A typed object that never went to the server (client dry run) keeps
 * Go's struct field order in JSON; objects the server returned print as unstructured maps, keys
 * sorted. YAML always sorts (it is made from a map).
 */
import type { ResourceInfo } from '../cluster/api/resources.ts';
import { KubectlError } from './errors.ts';
import { toGoJSON } from './printers/json.ts';
import { objectYAML } from './yaml-text.ts';
import { operationLine, type DryRun } from './write-options.ts';

export const PRINT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** `-o` values we can print for a written object; others get PrintFlags' error. */
export function checkObjectOutput(output: string): void {
  if (output === '' || output === 'name' || output === 'json' || output === 'yaml') return;
  throw new KubectlError(`unable to match a printer suitable for the output format "${output}", allowed formats are: ${PRINT_FORMATS}`);
}

/** Go's json.MarshalIndent of a typed object: fields in insertion (struct) order. */
export function typedJSON(obj: unknown): string {
  return (
    JSON.stringify(obj, null, 4)
      .replace(/</g, '\\u003c')
      .replace(/>/g, '\\u003e')
      .replace(/&/g, '\\u0026') + '\n'
  );
}

export interface PrintedObject {
  info: ResourceInfo;
  name: string;
  object: unknown;
  /** True for an object built on the client and never sent (JSON keeps struct order). */
  typed: boolean;
}

export function objectOutput(p: PrintedObject, operation: string, dryRun: DryRun, output: string): string {
  switch (output) {
    case 'json':
      return p.typed ? typedJSON(p.object) : toGoJSON(p.object);
    case 'yaml':
      return objectYAML(p.object);
    default:
      return operationLine(p.info, p.name, operation, dryRun, output);
  }
}
