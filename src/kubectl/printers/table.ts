/**
 * The client side of `kubectl get` tables (cli-runtime printers/tableprinter.go): picks the
 * columns of the server's Table (priority 0, or all with -o wide), adds NAMESPACE, -L and LABELS
 * columns, prefixes names with the kind when several kinds are printed, and writes through the
 * tabwriter with kubectl's get settings.
 */
import type { Table, TableCell } from '../../cluster/api/printers/table.ts';
import type { KubeObject } from '../../cluster/api/types.ts';

export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  /** Add the NAMESPACE column (-A on a namespaced kind). */
  withNamespace: boolean;
  showLabels: boolean;
  /** -L keys. */
  labelColumns: string[];
  /** `service/` before each name, when results span several kinds. */
  kindPrefix?: string;
}

/** A cell as kubectl prints it: strings cut at the first line break (with `...`), others as Go's fmt.Sprint. */
export function formatCell(cell: TableCell): string {
  if (typeof cell === 'string') {
    const cut = cell.search(/[\n\r\f]/);
    const s = cut >= 0 ? `${cell.slice(0, cut)}...` : cell;
    return s.replace(/\x1b/g, '^[');
  }
  return String(cell);
}

function labelsString(o: KubeObject): string {
  const labels = o.metadata.labels ?? {};
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/** Tab-separated lines for the tabwriter: the header (unless --no-headers) and one line per row. */
export function tableLines(table: Table, opts: TablePrintOptions): string {
  const cols = table.columnDefinitions.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
  let out = '';
  if (!opts.noHeaders) {
    const header: string[] = [];
    if (opts.withNamespace) header.push('NAMESPACE');
    for (const { c } of cols) header.push(c.name.toUpperCase());
    for (const key of opts.labelColumns) header.push(key.slice(key.lastIndexOf('/') + 1).toUpperCase());
    if (opts.showLabels) header.push('LABELS');
    out += header.join('\t') + '\n';
  }
  for (const row of table.rows) {
    const cells: string[] = [];
    if (opts.withNamespace) cells.push(row.object.metadata.namespace ?? '');
    for (const { c, i } of cols) {
      let text = formatCell(row.cells[i] ?? '');
      if (c.format === 'name' && opts.kindPrefix) text = `${opts.kindPrefix}/${text}`;
      cells.push(text);
    }
    for (const key of opts.labelColumns) cells.push(row.object.metadata.labels?.[key] ?? '');
    if (opts.showLabels) cells.push(labelsString(row.object));
    out += cells.join('\t') + '\n';
  }
  return out;
}
