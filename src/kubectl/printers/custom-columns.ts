/**
 * `-o custom-columns=HEADER:expr,...` and `-o custom-columns-file=FILE`
 * (kubectl pkg/cmd/get/customcolumn.go). Headers are printed as given; each expression is a
 * relaxed JSONPath (`.a.b`, `a.b`, `{.a.b}`); several values join with `,`, none gives `<none>`;
 * values print as Go's fmt.Sprint does (`map[app:kubia]`). Same tabwriter as tables.
 */
import { KubectlError } from '../errors.ts';
import { cellText, JsonPath } from './jsonpath.ts';
import { escapeTerminal } from './table.ts';

export interface CustomColumn {
  header: string;
  path: JsonPath;
}

const RELAXED = /^\{\.?([^{}]+)\}$|^\.?([^{}]+)$/;

/** RelaxedJSONPathExpression: `.a.b`, `a.b`, `{a.b}` or `{.a.b}` -> `{.a.b}`. */
export function relaxedJSONPath(expr: string): string {
  if (expr === '') return expr;
  const m = RELAXED.exec(expr);
  if (!m) {
    throw new KubectlError("unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'");
  }
  return `{.${m[1] || m[2]}}`;
}

function column(header: string, expr: string): CustomColumn {
  const spec = relaxedJSONPath(expr);
  // The printer parses each column when it prints; a bad path fails the same way, as a plain error.
  try {
    return { header, path: JsonPath.parse(spec) };
  } catch (e) {
    throw new KubectlError(e instanceof Error ? e.message : String(e));
  }
}

/** NewCustomColumnsPrinterFromSpec. */
export function columnsFromSpec(spec: string): CustomColumn[] {
  if (spec === '') throw new KubectlError('custom-columns format specified but no custom columns given');
  return spec.split(',').map((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) throw new KubectlError(`unexpected custom-columns spec: ${part}, expected <header>:<json-path-expr>`);
    return column(part.slice(0, colon), part.slice(colon + 1));
  });
}

/** NewCustomColumnsPrinterFromTemplate: a line of headers, a line of specs, whitespace-separated. */
export function columnsFromTemplate(text: string): CustomColumn[] {
  // bufio.Scanner lines: a final newline does not start another line.
  const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n').map((l) => l.replace(/\r$/, ''));
  const usage = 'Expected format is one line of space separated headers, one line of space separated column specs.';
  if (lines.length < 1) throw new KubectlError(`invalid template, missing header line. ${usage}`);
  if (lines.length < 2) throw new KubectlError(`invalid template, missing spec line. ${usage}`);
  const headers = lines[0].split(/\s+/).filter(Boolean);
  const specs = lines[1].split(/\s+/).filter(Boolean);
  if (headers.length !== specs.length) {
    throw new KubectlError(`number of headers (${headers.length}) and field specifications (${specs.length}) don't match`);
  }
  return headers.map((h, i) => column(h, specs[i]));
}

/** Tab-separated lines: the header (unless --no-headers), then one line per object. */
export function customColumnsLines(columns: CustomColumn[], objects: readonly unknown[], noHeaders: boolean): string {
  let out = noHeaders ? '' : columns.map((c) => c.header).join('\t') + '\n';
  for (const obj of objects) {
    const cells = columns.map((c) => {
      const results = c.path.findResults(obj, { allowMissingKeys: true });
      const values: string[] = [];
      if (results.length === 0 || results[0].length === 0) values.push('<none>');
      for (const list of results) for (const v of list) values.push(escapeTerminal(cellText(v)));
      return values.join(',');
    });
    out += cells.join('\t') + '\n';
  }
  return out;
}
