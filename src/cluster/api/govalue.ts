/**
 * How apimachinery's field errors print a value in v1.33 (`Invalid value: <v>`): strings quoted
 * as Go's %q, numbers and booleans bare, nil as `null`, string slices as `[]string{"a"}`.
 * Values that print as a Go struct (`core.ServicePort{...}`) are pre-rendered by the caller and
 * passed as a `GoLiteral`.
 */
export class GoLiteral {
  constructor(readonly text: string) {}
}

export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\r') out += '\\r';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return out + '"';
}

export function goValue(v: unknown): string {
  if (v instanceof GoLiteral) return v.text;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) {
    return `[]string{${v.map((x) => goQuote(x)).join(', ')}}`;
  }
  return JSON.stringify(v);
}

/** `map[string]string{"a":"b"}` (keys sorted), or `map[string]string(nil)`, as %#v prints a Go map. */
export function goStringMap(m: Record<string, string> | undefined | null): GoLiteral {
  if (!m) return new GoLiteral('map[string]string(nil)');
  const keys = Object.keys(m).sort();
  return new GoLiteral(`map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k])}`).join(', ')}}`);
}
