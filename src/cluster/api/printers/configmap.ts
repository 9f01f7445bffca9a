/** printConfigMap (printers.go): DATA counts data and binaryData keys. */
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { CONFIGMAP_DOCS } from './descriptions.ts';

export const configMapPrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Data', 'string', CONFIGMAP_DOCS.data), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', Object.keys(o.data ?? {}).length + Object.keys(o.binaryData ?? {}).length, age(o, now)],
};
