/** printEndpoints / formatEndpoints (printers.go): ready addresses only, at most three. */
import type { Endpoints } from '../types.ts';
import { age, col, type KindTablePrinter } from './table.ts';

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      for (const a of addrs) {
        if (list.length < 3) list.push(a.ip);
        count++;
      }
      continue;
    }
    for (const p of ss.ports) {
      for (const a of addrs) {
        if (list.length < 3) list.push(`${a.ip}:${p.port}`);
        count++;
      }
    }
  }
  let out = list.join(',');
  if (count > 3) out += ` + ${count - 3} more...`;
  return out;
}

export const endpointsPrinter: KindTablePrinter = {
  columns: [col('Name', 'string', 0, 'name'), col('Endpoints'), col('Age')],
  cells: (o, now) => [o.metadata.name ?? '', formatEndpoints(o as Endpoints), age(o, now)],
};
