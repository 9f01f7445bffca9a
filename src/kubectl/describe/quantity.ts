/**
 * resource.Quantity as describe prints it (k8s.io/apimachinery/pkg/api/resource/quantity.go):
 * parse, add, and the canonical String() (`100m`, `50Mi`, `1k`, `4030172Ki`). Values are kept
 * as whole milli-units, enough for CPU, memory and storage of a small lab cluster.
 */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value in thousandths of a unit. */
  milli: number;
  format: QuantityFormat;
}

const BINARY: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL: Record<string, number> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

export const ZERO: Quantity = { milli: 0, format: 'DecimalSI' };

export function parseQuantity(s: string | number | undefined): Quantity {
  if (s === undefined || s === null) return ZERO;
  if (typeof s === 'number') return { milli: Math.round(s * 1000), format: 'DecimalSI' };
  const m = /^([+-]?[0-9]*\.?[0-9]*)(?:([eE])([+-]?\d+))?([a-zA-Z]*)$/.exec(s.trim());
  if (!m || m[1] === '' || m[1] === '.') return ZERO;
  const n = Number(m[1]);
  if (m[2]) return { milli: Math.round(n * 10 ** Number(m[3]) * 1000), format: 'DecimalExponent' };
  const suffix = m[4];
  if (suffix in BINARY) return { milli: Math.round(n * 1024 ** BINARY[suffix] * 1000), format: 'BinarySI' };
  if (suffix in DECIMAL) return { milli: Math.round(n * 10 ** DECIMAL[suffix] * 1000), format: 'DecimalSI' };
  return ZERO;
}

/** q.Add(other): the receiver's format is kept. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { milli: a.milli + b.milli, format: a.format };
}

/** Value() rounds up to a whole unit; MilliValue() is exact here. */
export function quantityValue(q: Quantity): number {
  return Math.ceil(q.milli / 1000);
}

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.milli === 0) return '0';
  let format = q.format;
  if (format === 'BinarySI') {
    // Small or fractional binary values print as DecimalSI (CanonicalizeBytes).
    if (Math.abs(q.milli) < 1024 * 1000 || q.milli % 1000 !== 0) format = 'DecimalSI';
  }
  if (format === 'BinarySI') {
    let v = q.milli / 1000;
    let exp = 0;
    while (exp < 6 && v % 1024 === 0) {
      v /= 1024;
      exp++;
    }
    return `${v}${['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'][exp]}`;
  }
  let v = q.milli;
  let exp = -3;
  while (exp < 18 && v % 1000 === 0) {
    v /= 1000;
    exp += 3;
  }
  if (format === 'DecimalExponent') return exp === 0 ? `${v}` : `${v}e${exp}`;
  const suffix: Record<number, string> = { [-3]: 'm', 0: '', 3: 'k', 6: 'M', 9: 'G', 12: 'T', 15: 'P', 18: 'E' };
  return `${v}${suffix[exp]}`;
}

/** SortableResourceNames / SortedResourceNames: by name. */
export function sortedResourceNames(list: Record<string, unknown> | undefined): string[] {
  return Object.keys(list ?? {}).sort();
}
