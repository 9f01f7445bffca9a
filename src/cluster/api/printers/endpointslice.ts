/** printEndpointSlice, formatDiscoveryPorts, formatDiscoveryEndpoints (printers.go). */
import type { EndpointSlice } from '../types.ts';
import { AGE_COLUMN, age, col, listWithMore, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { ENDPOINTSLICE_DOCS } from './descriptions.ts';

export function formatDiscoveryPorts(slice: EndpointSlice): string {
  const list: string[] = [];
  let count = 0;
  for (const p of slice.ports ?? []) {
    if (list.length < 3) list.push(p.port != null ? String(p.port) : p.name != null ? p.name : '*');
    count++;
  }
  return listWithMore(list, count, 3, '<unset>');
}

/** Every address, ready or not. */
export function formatDiscoveryEndpoints(slice: EndpointSlice): string {
  const list: string[] = [];
  let count = 0;
  for (const e of slice.endpoints ?? []) {
    for (const a of e.addresses ?? []) {
      if (list.length < 3) list.push(a);
      count++;
    }
  }
  return listWithMore(list, count, 3, '<unset>');
}

export const endpointSlicePrinter: KindTablePrinter = {
  columns: [
    NAME_COLUMN,
    col('AddressType', 'string', ENDPOINTSLICE_DOCS.addressType),
    col('Ports', 'string', ENDPOINTSLICE_DOCS.ports),
    col('Endpoints', 'string', ENDPOINTSLICE_DOCS.endpoints),
    AGE_COLUMN,
  ],
  cells(o, now) {
    const s = o as EndpointSlice;
    return [s.metadata.name ?? '', s.addressType ?? '', formatDiscoveryPorts(s), formatDiscoveryEndpoints(s), age(s, now)];
  },
};
