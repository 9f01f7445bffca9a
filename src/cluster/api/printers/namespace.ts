/** printNamespace (printers.go): STATUS is the phase. */
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';

export const namespacePrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Status', 'string', 'The status of the namespace'), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', o.status?.phase ?? '', age(o, now)],
};
