/**
 * Just enough of resource.Quantity (k8s.io/apimachinery/pkg/api/resource) for the scheduler's
 * fit check: CPU in millicores, everything else in bytes/units.
 */
const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** The value of a quantity in base units (`100m` -> 0.1, `64Mi` -> 67108864); NaN when malformed. */
export function parseQuantity(q: string | number | undefined): number {
  if (q === undefined) return 0;
  if (typeof q === 'number') return q;
  const m = /^([+-]?[0-9.]+)(?:[eE]([+-]?\d+))?([a-zA-Z]*)$/.exec(q.trim());
  if (!m) return NaN;
  const n = Number(m[1]) * (m[2] ? 10 ** Number(m[2]) : 1);
  const suffix = m[3];
  if (suffix in BINARY) return n * BINARY[suffix];
  if (suffix in DECIMAL) return n * DECIMAL[suffix];
  return NaN;
}

/** CPU in millicores. */
export function milliCPU(q: string | number | undefined): number {
  return Math.round(parseQuantity(q) * 1000);
}
