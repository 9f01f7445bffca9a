/**
 * `--sort-by` (kubectl pkg/cmd/get/sorter.go): rows of a server Table, or the items of a list,
 * ordered by the first value a JSONPath finds in each object. Strings compare in natural order
 * (fvbommel/sortorder) unless both are quantities; numbers as numbers; a missing value sorts
 * first. kubectl sorts with sort.Sort; a stable sort is used here.
 */
import { KubectlError } from '../errors.ts';
import { relaxedJSONPath } from './custom-columns.ts';
import { JsonPath, JsonPathParseError } from './jsonpath.ts';
import { compareCodePoints, goTypeName } from './gofmt.ts';

/** sortorder.NaturalLess: digit runs compare as numbers; digits before other bytes. */
export function naturalLess(a: string, b: string): boolean {
  const s1 = new TextEncoder().encode(a);
  const s2 = new TextEncoder().encode(b);
  const isDigit = (c: number) => c >= 48 && c <= 57;
  let i = 0;
  let j = 0;
  while (i < s1.length && j < s2.length) {
    const c1 = s1[i];
    const c2 = s2[j];
    const d1 = isDigit(c1);
    const d2 = isDigit(c2);
    if (d1 !== d2) return d1;
    if (!d1) {
      if (c1 !== c2) return c1 < c2;
      i++;
      j++;
      continue;
    }
    while (i < s1.length && s1[i] === 48) i++;
    while (j < s2.length && s2[j] === 48) j++;
    const nz1 = i;
    const nz2 = j;
    while (i < s1.length && isDigit(s1[i])) i++;
    while (j < s2.length && isDigit(s2[j])) j++;
    const len1 = i - nz1;
    const len2 = j - nz2;
    if (len1 !== len2) return len1 < len2;
    for (let k = 0; k < len1; k++) if (s1[nz1 + k] !== s2[nz2 + k]) return s1[nz1 + k] < s2[nz2 + k];
    if (nz1 !== nz2) return nz1 < nz2;
  }
  return s1.length < s2.length;
}

const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]|[eE][+-]?\d+)?$/;
const SUFFIX: Record<string, number> = { n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };

/** resource.ParseQuantity, as a number (enough to order two quantities). */
function quantity(s: string): number | undefined {
  const m = QUANTITY.exec(s);
  if (!m) return undefined;
  const n = parseFloat(m[1]);
  const suffix = m[2] ?? '';
  if (/^[eE]/.test(suffix)) return n * 10 ** Number(suffix.slice(1));
  return n * SUFFIX[suffix];
}

export class UnsortableError extends Error {}

/** isLess for two JSON values (as reflect values of interface kind). */
function isLess(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return !(b === null || b === undefined);
  if (b === null || b === undefined) return false;
  if (typeof a === 'number') {
    if (typeof b === 'number' && Number.isInteger(a) === Number.isInteger(b)) return a < b;
    throw new UnsortableError(`unsortable interface: interface`);
  }
  if (typeof a === 'string') {
    if (typeof b !== 'string') throw new UnsortableError('unsortable interface: interface');
    const qa = quantity(a);
    const qb = qa === undefined ? undefined : quantity(b);
    if (qa !== undefined && qb !== undefined) return qa < qb;
    // Observed on the real kubectl 1.33: plain byte order (cm-10 < cm-100 < cm-2a < cm-9), not
    // the natural order of sorter.go's typed-string branch.
    return compareCodePoints(a, b) < 0;
  }
  throw new UnsortableError(`unsortable type: ${goTypeName(a)}`);
}

/**
 * Order `objects` by `field`; returns the new order of indexes. Throws KubectlError when the
 * field cannot be parsed or no object has it (what kubectl reports, or swallows for tables),
 * UnsortableError for values that do not compare.
 */
export function sortOrder(objects: readonly unknown[], field: string): number[] {
  let spec: string;
  try {
    spec = relaxedJSONPath(field);
  } catch {
    spec = field;
  }
  let path: JsonPath;
  try {
    path = JsonPath.parse(spec);
  } catch (e) {
    if (e instanceof JsonPathParseError) throw new KubectlError(`sorting error: ${e.message}`);
    throw e;
  }
  const firsts = objects.map((o) => {
    const r = path.findResults(o, { allowMissingKeys: true });
    return r.length > 0 && r[0].length > 0 ? { found: true, value: r[0][0] } : { found: false, value: undefined };
  });
  if (objects.length > 0 && !firsts.some((f) => f.found)) {
    throw new KubectlError(`couldn't find any field with path "${spec}" in the list of objects`);
  }
  // TableSorter.Less / RuntimeSort.Less: a missing value is less than anything.
  const less = (i: number, j: number): boolean => {
    if (!firsts[i].found) return true;
    if (!firsts[j].found) return false;
    return isLess(firsts[i].value, firsts[j].value);
  };
  const order = objects.map((_, i) => i);
  if (order.length <= 12) {
    // sort.Sort (pdqsort) is an insertion sort up to 12 elements; with the mixed comparisons
    // above the order is not total, so the algorithm decides the result.
    for (let i = 1; i < order.length; i++) {
      for (let j = i; j > 0 && less(order[j], order[j - 1]); j--) [order[j], order[j - 1]] = [order[j - 1], order[j]];
    }
    return order;
  }
  return order.sort((i, j) => (less(i, j) ? -1 : less(j, i) ? 1 : 0));
}
