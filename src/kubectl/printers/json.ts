/**
 * `-o json` as cli-runtime's JSONPrinter prints unstructured objects: json.MarshalIndent with a
 * 4-space indent, keys sorted, `<`, `>` and `&` escaped as Go's encoding/json does, one final
 * newline.
 */
import { goJSON } from './gofmt.ts';

export function toGoJSON(v: unknown): string {
  return goJSON(v, '    ') + '\n';
}
