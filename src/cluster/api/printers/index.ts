/** The table printer of each kind (printers.go AddHandlers). */
import type { KindTablePrinter } from './table.ts';
import { servicePrinter } from './service.ts';
import { endpointsPrinter } from './endpoints.ts';
import { podPrinter } from './pod.ts';

export const TABLE_PRINTERS: Record<string, KindTablePrinter> = {
  Service: servicePrinter,
  Endpoints: endpointsPrinter,
  Pod: podPrinter,
};
