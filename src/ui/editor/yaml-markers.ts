/**
 * YAML syntax errors as editor markers, found by the same parser and the same document split that
 * `kubectl apply -f` uses in the shell (js-yaml with the YAML 1.1 schema, one `---` document at a
 * time: src/kubectl/manifests.ts), so the editor flags exactly the files apply will refuse, at
 * js-yaml's line and column, and says what kubectl will print. Pure (no Monaco): tested in Node,
 * and it runs on the main thread, so it works where the schema worker cannot start.
 */
import { load, YAML11_SCHEMA } from 'js-yaml';
import { documentsWithLines, isBlankDocument } from '../../kubectl/manifests.ts';
import { goYamlError } from '../../kubectl/yaml-errors.ts';

export interface SyntaxMarker {
  /** 1-based, in the whole file. */
  line: number;
  /** 1-based. */
  column: number;
  /** js-yaml's reason, then kubectl's own words for the same error. */
  message: string;
}

export function yamlSyntaxMarkers(text: string): SyntaxMarker[] {
  const out: SyntaxMarker[] = [];
  for (const { text: doc, firstLine } of documentsWithLines(text)) {
    if (isBlankDocument(doc)) continue;
    const lines = doc.split('\n');
    const lastContent = lines.findLastIndex((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));
    try {
      load(doc, { schema: YAML11_SCHEMA });
    } catch (e) {
      const err = e as { reason?: string; mark?: { line: number; column: number } };
      const reason = err.reason ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
      // An error found at the end of the stream (an unclosed quote) goes on the last line with text.
      const past = (err.mark?.line ?? 0) > lastContent;
      out.push({
        line: firstLine + (past ? lastContent : (err.mark?.line ?? 0)) + 1,
        column: past ? 1 : (err.mark?.column ?? 0) + 1,
        message: `YAML syntax error: ${reason}\nkubectl apply: error converting YAML to JSON: ${goYamlError(e, doc)}`,
      });
    }
  }
  return out;
}
