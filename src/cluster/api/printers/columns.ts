/**
 * The pieces every kind's table printer is built from: the meta.k8s.io/v1 Table types, column
 * definitions, and the small formatting helpers printers.go shares between kinds.
 */
import type { KubeObject } from '../types.ts';
import { ageSince } from '../duration.ts';
import { META_DOCS } from './descriptions.ts';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string; // 'name' for the Name column
  description: string;
  priority: number;
}

/** A cell: strings, int64 numbers and booleans, as the Go printers put them in `Cells`. */
export type TableCell = string | number | boolean;

export interface TableRow {
  cells: TableCell[];
  object: KubeObject;
}

export interface Table {
  kind: 'Table';
  apiVersion: 'meta.k8s.io/v1';
  metadata: { resourceVersion: string };
  columnDefinitions: TableColumn[];
  rows: TableRow[];
}

/** One kind's printer: its columns, and the cells of one object (always wide). */
export interface KindTablePrinter {
  columns: TableColumn[];
  cells(obj: KubeObject, nowMs: number): TableCell[];
}

export function col(
  name: string,
  type: TableColumn['type'],
  description: string,
  opts: { priority?: number; format?: string } = {},
): TableColumn {
  return { name, type, format: opts.format ?? '', description, priority: opts.priority ?? 0 };
}

/** The Name column every kind starts with. */
export const NAME_COLUMN = col('Name', 'string', META_DOCS.name, { format: 'name' });
/** The Age column (translateTimestampSince(creationTimestamp)). */
export const AGE_COLUMN = col('Age', 'string', META_DOCS.creationTimestamp);

export function age(o: KubeObject, nowMs: number): string {
  return ageSince(o.metadata.creationTimestamp, nowMs);
}

/** labels.FormatLabels: sorted `k=v` joined by `,`, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined | null): string {
  if (!m) return '<none>';
  const keys = Object.keys(m).sort();
  if (keys.length === 0) return '<none>';
  let out = '';
  for (let i = 0; i < keys.length; i++) out += (i ? ',' : '') + keys[i] + '=' + m[keys[i]];
  return out;
}

/** layoutContainerCells: container names and images, each joined by `,`. */
export function containerCells(containers: readonly { name?: string; image?: string }[] | undefined): [string, string] {
  const cs = containers ?? [];
  return [cs.map((c) => c.name ?? '').join(','), cs.map((c) => c.image ?? '').join(',')];
}

/** `list[:3]` joined by `,` plus ` + N more...` (printers.go listWithMoreString). */
export function listWithMore(list: string[], count: number, max: number, empty: string): string {
  const ret = list.join(',');
  if (count > max) return `${ret} + ${count - max} more...`;
  return ret === '' ? empty : ret;
}
