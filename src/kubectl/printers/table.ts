/**
 * The client side of `kubectl get` tables (cli-runtime printers/tableprinter.go): picks the
 * columns of the server's Table (priority 0, or all with -o wide), adds the NAMESPACE, -L, LABELS
 * and (for --output-watch-events) EVENT columns, prefixes names with the kind when several kinds
 * are printed, and writes tab-separated lines for the tabwriter.
 *
 * One TablePrinter per resource type, as kubectl keeps one printer per REST mapping: the header
 * is printed with the first Table that has rows, and not again while the columns stay the same
 * (several names of one kind, watch events).
 */
import type { Table, TableCell, TableColumn } from '../../cluster/api/printers/table.ts';
import type { KubeObject } from '../../cluster/api/types.ts';

export interface TablePrintOptions {
  wide: boolean;
  noHeaders: boolean;
  /** Add the NAMESPACE column (-A on a namespaced kind). */
  withNamespace: boolean;
  showLabels: boolean;
  /** -L keys. */
  labelColumns: string[];
  /** `service`, `deployment.apps`: written before each name when results span several kinds. */
  kindPrefix?: string;
}

/** printers.EscapeTerminal: ESC and CR made visible. */
export function escapeTerminal(s: string): string {
  return s.includes('\x1b') || s.includes('\r') ? s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r') : s;
}

/** A cell as kubectl prints it: strings cut at the first line break (with `...`), others as Go's fmt.Sprint. */
export function formatCell(cell: TableCell | null | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') {
    const cut = cell.search(/[\n\r\f]/);
    return cut >= 0 ? `${escapeTerminal(cell.slice(0, cut))}...` : escapeTerminal(cell);
  }
  return String(cell);
}

function labelsString(o: KubeObject): string {
  const labels = o.metadata.labels ?? {};
  const keys = Object.keys(labels).sort();
  return keys.length ? keys.map((k) => `${k}=${labels[k]}`).join(',') : '<none>';
}

/** formatLabelHeaders: the last `/`-segment of the key, upper-cased. */
function labelHeader(key: string): string {
  return key.slice(key.lastIndexOf('/') + 1).toUpperCase();
}

function sameColumns(a: TableColumn[] | undefined, b: TableColumn[]): boolean {
  if (!a || a.length !== b.length) return false;
  return a.every((c, i) => c.name === b[i].name && c.type === b[i].type && c.format === b[i].format && c.priority === b[i].priority && c.description === b[i].description);
}

export class TablePrinter {
  private lastColumns: TableColumn[] | undefined;

  constructor(private readonly opts: TablePrintOptions) {}

  /**
   * Tab-separated lines for one Table (HumanReadablePrinter.PrintObj). `events` adds the EVENT
   * column of --output-watch-events, one type per row.
   */
  lines(table: Table, events?: string[]): string {
    const opts = this.opts;
    let noHeaders = opts.noHeaders;
    let columns = table.columnDefinitions;
    if (columns.length === 0 || sameColumns(this.lastColumns, columns)) noHeaders = true;
    if (columns.length === 0) columns = this.lastColumns ?? [];
    else this.lastColumns = columns;

    const shown = columns.map((c, i) => ({ c, i })).filter(({ c }) => opts.wide || c.priority === 0);
    const nameColumn = opts.kindPrefix ? columns.findIndex((c) => c.format === 'name' && c.type === 'string') : -1;
    let out = '';
    // A table without rows prints nothing, not even its header.
    if (table.rows.length === 0) return '';
    if (!noHeaders) {
      const header: string[] = [];
      if (events) header.push('EVENT');
      if (opts.withNamespace) header.push('NAMESPACE');
      for (const { c } of shown) header.push(c.name.toUpperCase());
      for (const key of opts.labelColumns) header.push(labelHeader(key));
      if (opts.showLabels) header.push('LABELS');
      out += header.join('\t') + '\n';
    }
    table.rows.forEach((row, r) => {
      const cells: string[] = [];
      if (events) cells.push(events[r] ?? '');
      if (opts.withNamespace) cells.push(row.object.metadata.namespace ?? '');
      for (const { i } of shown) {
        let text = formatCell(row.cells[i]);
        if (i === nameColumn) text = `${opts.kindPrefix}/${text}`;
        cells.push(text);
      }
      for (const key of opts.labelColumns) cells.push(row.object.metadata.labels?.[key] ?? '');
      if (opts.showLabels) cells.push(labelsString(row.object));
      out += cells.join('\t') + '\n';
    });
    return out;
  }
}

/** One Table's lines with a fresh printer (tests, simple callers). */
export function tableLines(table: Table, opts: TablePrintOptions): string {
  return new TablePrinter(opts).lines(table);
}
