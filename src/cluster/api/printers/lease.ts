/** printLease (printers.go): HOLDER is spec.holderIdentity (empty when unset). */
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { LEASE_DOCS } from './descriptions.ts';

export const leasePrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Holder', 'string', LEASE_DOCS.holderIdentity), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', o.spec?.holderIdentity ?? '', age(o, now)],
};
