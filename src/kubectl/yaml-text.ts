/**
 * `-o yaml` text of one object for the verbs that print what they wrote and for `kubectl edit`:
 * the YAML printer's output (src/kubectl/printers/yaml.ts, go-yaml v2 rules, checked against the
 * real kubectl).
 */
import { toYAML } from './printers/yaml.ts';

export function objectYAML(obj: unknown): string {
  return toYAML(JSON.parse(JSON.stringify(obj)));
}
