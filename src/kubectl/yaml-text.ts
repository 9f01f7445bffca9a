/**
 * `-o yaml` text of one object for the verbs that print what they wrote and for `kubectl edit`.
 * A stand-in for the YAML printer (src/kubectl/printers/yaml.ts, go-yaml v2 rules) until that is
 * on main: keys sorted, two-space indent, list items not indented under their key, strings that
 * YAML 1.1 would read as something else ("y", "80", timestamps) double-quoted.
 */
import { dump, YAML11_SCHEMA } from 'js-yaml';
import { sortKeysDeep } from './printers/json.ts';

export function objectYAML(obj: unknown): string {
  return dump(sortKeysDeep(JSON.parse(JSON.stringify(obj))), { schema: YAML11_SCHEMA, lineWidth: -1, noRefs: true, seqNoIndent: true, quoteStyle: 'double' });
}
