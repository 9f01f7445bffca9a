/** printServiceAccount (printers.go): SECRETS is the number of listed secrets (0 since token secrets went away). */
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { SERVICEACCOUNT_DOCS } from './descriptions.ts';

export const serviceAccountPrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Secrets', 'string', SERVICEACCOUNT_DOCS.secrets), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', (o.secrets ?? []).length, age(o, now)],
};
