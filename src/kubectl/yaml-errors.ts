/**
 * js-yaml's syntax errors told the way go-yaml (gopkg.in/yaml.v2, which sigs.k8s.io/yaml runs
 * under kubectl) tells them: `yaml: line N: <problem>`. The two parsers notice a mistake at
 * different places, so each common mistake is mapped by what js-yaml reports and what the text
 * around it looks like. Line numbers count from the start of the YAML document (kubectl decodes
 * each `---` document on its own). Checked against kubectl v1.33 on: tabs in indentation, a key
 * indented too far or not far enough, a key without `:`, unclosed quotes and flow collections,
 * a mapping key among sequence items.
 */
interface JsYamlError {
  reason?: string;
  mark?: { line: number; column: number };
  message?: string;
}

export function goYamlError(e: unknown, text: string): string {
  const err = e as JsYamlError;
  const reason = err.reason ?? (e instanceof Error ? e.message.split('\n')[0] : String(e));
  const line = err.mark?.line ?? 0; // 0-based
  const col = err.mark?.column ?? 0;
  const lines = text.split('\n');
  const endLine = (text.endsWith('\n') ? lines.length - 1 : lines.length) + 1;
  const prev = previousContentLine(lines, line);
  const indentOf = (s: string) => s.length - s.trimStart().length;

  switch (reason) {
    case 'tab characters must not be used in indentation':
      return `yaml: line ${line + 1}: found character that cannot start any token`;
    case 'bad indentation of a mapping entry': {
      if (prev !== undefined) {
        const p = lines[prev];
        const pIndent = indentOf(p);
        if (p.trimStart().startsWith('- ') && pIndent === col) return `yaml: line ${line}: did not find expected '-' indicator`;
        if (col > pIndent) return `yaml: line ${line + 1}: mapping values are not allowed in this context`;
      }
      return `yaml: line ${line}: did not find expected key`;
    }
    case 'deficient indentation':
    case 'unexpected end of the stream within a double quoted scalar':
    case 'unexpected end of the stream within a single quoted scalar':
    case 'unexpected end of the stream within a flow collection': {
      const open = unclosed(text);
      if (open && (open.kind === '[' || open.kind === '{')) {
        return `yaml: line ${open.line + 1}: did not find expected ',' or '${open.kind === '[' ? ']' : '}'}'`;
      }
      return `yaml: line ${endLine}: found unexpected end of stream`;
    }
    case "expected ':' after a mapping key":
    case 'can not read a block mapping entry; a multiline key may not be an implicit key':
      return `yaml: line ${Math.min(line + 2, endLine)}: could not find expected ':'`;
    case 'end of the stream or a document separator is expected':
      return `yaml: line ${line}: did not find expected key`;
    case 'duplicated mapping key':
      return `yaml: line ${line + 1}: key already set in map`;
  }
  return `yaml: line ${line + 1}: ${reason}`;
}

function previousContentLine(lines: string[], before: number): number | undefined {
  for (let i = before - 1; i >= 0; i--) {
    const t = lines[i].trim();
    if (t !== '' && !t.startsWith('#')) return i;
  }
  return undefined;
}

/** The first quote or flow collection left open, scanning as a YAML lexer would (roughly). */
function unclosed(text: string): { kind: string; line: number } | undefined {
  const stack: { kind: string; line: number }[] = [];
  let line = 0;
  let quote: { kind: string; line: number } | undefined;
  let comment = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') {
      line++;
      comment = false;
      continue;
    }
    if (comment) continue;
    if (quote) {
      if (quote.kind === '"' && c === '\\') i++;
      else if (c === quote.kind) {
        if (quote.kind === "'" && text[i + 1] === "'") i++;
        else quote = undefined;
      }
      continue;
    }
    const before = i === 0 ? ' ' : text[i - 1];
    if (c === '#' && /\s/.test(before)) comment = true;
    else if ((c === '"' || c === "'") && /[\s:[{,-]/.test(before)) quote = { kind: c, line };
    else if (c === '[' || c === '{') stack.push({ kind: c, line });
    else if ((c === ']' || c === '}') && stack.length > 0) stack.pop();
  }
  return quote ?? stack[0];
}
