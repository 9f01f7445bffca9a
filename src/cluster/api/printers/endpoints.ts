/** printEndpoints / formatEndpoints (printers.go): ready addresses only, at most three. */
import type { Endpoints } from '../types.ts';
import { AGE_COLUMN, age, col, NAME_COLUMN, type KindTablePrinter } from './columns.ts';
import { ENDPOINTS_DOCS } from './descriptions.ts';

/** net.JoinHostPort: IPv6 addresses in brackets. */
function joinHostPort(ip: string, port: number): string {
  return ip.includes(':') ? `[${ip}]:${port}` : `${ip}:${port}`;
}

export function formatEndpoints(ep: Endpoints): string {
  const subsets = ep.subsets ?? [];
  if (subsets.length === 0) return '<none>';
  const list: string[] = [];
  let count = 0;
  for (const ss of subsets) {
    const addrs = ss.addresses ?? [];
    if (!ss.ports || ss.ports.length === 0) {
      // Headless services may have no ports.
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(a.ip);
      continue;
    }
    for (const p of ss.ports) {
      count += addrs.length;
      for (const a of addrs) if (list.length < 3) list.push(joinHostPort(a.ip, p.port));
    }
  }
  const out = list.join(',');
  return count > 3 ? `${out} + ${count - 3} more...` : out;
}

export const endpointsPrinter: KindTablePrinter = {
  columns: [NAME_COLUMN, col('Endpoints', 'string', ENDPOINTS_DOCS.subsets), AGE_COLUMN],
  cells: (o, now) => [o.metadata.name ?? '', formatEndpoints(o as Endpoints), age(o, now)],
};
