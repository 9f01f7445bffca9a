/** printSecret (printers.go): TYPE and the number of data keys (stringData is merged into data on write). */
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { SECRET_DOCS } from './descriptions.ts';

export const secretPrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Type', 'string', SECRET_DOCS.type), col('Data', 'string', SECRET_DOCS.data), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', o.type ?? '', Object.keys(o.data ?? {}).length, age(o, now)],
};
