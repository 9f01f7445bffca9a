/**
 * Server-side printing: the meta.k8s.io/v1 Table the API server returns to `kubectl get`
 * (pkg/printers/internalversion/printers.go). Always rendered wide; kubectl drops priority-1
 * columns unless `-o wide`. Each row carries its object for NAMESPACE, LABELS and -L columns.
 */
import type { ResourceInfo } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { ageSince } from '../duration.ts';
import { TABLE_PRINTERS } from './index.ts';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string; // 'name' for the Name column
  description?: string;
  priority: number;
}

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

/** One kind's printer: its columns, and the cells of one object. */
export interface KindTablePrinter {
  columns: TableColumn[];
  cells(obj: KubeObject, nowMs: number): TableCell[];
}

export function col(name: string, type: TableColumn['type'] = 'string', priority = 0, format = ''): TableColumn {
  return { name, type, format, priority };
}

/** The printer kubectl falls back to for kinds without one: NAME and AGE. */
const DEFAULT_PRINTER: KindTablePrinter = {
  columns: [col('Name', 'string', 0, 'name'), col('Created At', 'date')],
  cells: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''],
};

export function tableFor(info: ResourceInfo, objects: readonly KubeObject[], nowMs: number, resourceVersion: string): Table {
  const printer = TABLE_PRINTERS[info.kind] ?? DEFAULT_PRINTER;
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: printer.columns,
    rows: objects.map((object) => ({ cells: printer.cells(object, nowMs), object })),
  };
}

export function age(o: KubeObject, nowMs: number): string {
  return ageSince(o.metadata.creationTimestamp, nowMs);
}
