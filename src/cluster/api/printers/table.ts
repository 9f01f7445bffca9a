/**
 * Server-side printing: the meta.k8s.io/v1 Table the API server returns to `kubectl get`
 * (pkg/printers/internalversion/printers.go, pkg/printers/storage/storage.go ConvertToTable).
 * The server always renders wide (every column, priority 1 included); kubectl drops priority-1
 * columns unless `-o wide`. Each row carries its whole object: the HTTP layer turns it into a
 * PartialObjectMetadata (`includeObject=Metadata`, the default) or drops it (`None`).
 */
import type { ResourceInfo } from '../resources.ts';
import type { KubeObject } from '../types.ts';
import { col, NAME_COLUMN, type KindTablePrinter, type Table, type TableRow } from './columns.ts';
import { META_DOCS } from './descriptions.ts';
import { TABLE_PRINTERS } from './index.ts';

export type { KindTablePrinter, Table, TableCell, TableColumn, TableRow } from './columns.ts';
export { age } from './columns.ts';

/**
 * For kinds without a printer the server uses the default table convertor
 * (apiserver registry/rest/table.go): NAME and CREATED AT.
 */
const DEFAULT_PRINTER: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Created At', 'date', META_DOCS.creationTimestamp)],
  cells: (o) => [o.metadata.name ?? '', o.metadata.creationTimestamp ?? ''],
};

export function printerFor(kind: string): KindTablePrinter {
  return TABLE_PRINTERS[kind] ?? DEFAULT_PRINTER;
}

export function tableFor(info: ResourceInfo, objects: readonly KubeObject[], nowMs: number, resourceVersion: string): Table {
  const printer = printerFor(info.kind);
  const rows: TableRow[] = new Array(objects.length);
  for (let i = 0; i < objects.length; i++) rows[i] = { cells: printer.cells(objects[i], nowMs), object: objects[i] };
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: { resourceVersion },
    columnDefinitions: printer.columns,
    rows,
  };
}

