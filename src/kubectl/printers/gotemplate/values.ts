/**
 * The values a Go template works on in kubectl: what json.Unmarshal into map[string]interface{}
 * gives (maps, []interface{}, string, int64 for integral numbers as apimachinery's json decodes
 * them, float64, bool, nil), plus the template's own constants (untyped numbers become `int`,
 * `float64` or a rune) and "no value" (a missing map key: Go's invalid reflect.Value).
 */
import { goFormatFloatG } from '../yaml.ts';
import { compareCodePoints, goTypeName } from '../gofmt.ts';

/** A missing map key or an unset variable: printed `<no value>`. */
export const MISSING: unique symbol = Symbol('no value');

/** A number constant written in the template: Go types it `int`, `float64` or `int32` (a rune). */
export class GoNumber {
  constructor(
    readonly value: number,
    readonly type: 'int' | 'float64' | 'int32',
  ) {}
}

export type Value = typeof MISSING | null | boolean | string | number | GoNumber | Value[] | { [key: string]: Value };

export type Kind = 'invalid' | 'nil' | 'bool' | 'int' | 'float' | 'string' | 'slice' | 'map';

export function isMap(v: Value): v is { [key: string]: Value } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof GoNumber);
}

export function kindOf(v: Value): Kind {
  if (v === MISSING) return 'invalid';
  if (v === null) return 'nil';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int' : 'float';
  if (v instanceof GoNumber) return v.type === 'float64' ? 'float' : 'int';
  return Array.isArray(v) ? 'slice' : 'map';
}

/** The number in a numeric value. */
export function numberOf(v: Value): number {
  return v instanceof GoNumber ? v.value : (v as number);
}

/** Go's name of the value's dynamic type (`%T`): a template's own numbers keep theirs. */
export function typeName(v: Value): string {
  if (v === MISSING) return '<nil>';
  if (v instanceof GoNumber) return v.type;
  return goTypeName(v);
}

/** text/template's truth: false for zero values, empty strings and collections, nil, no value. */
export function truth(v: Value): boolean {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return false;
    case 'bool':
      return v as boolean;
    case 'string':
      return (v as string).length > 0;
    case 'int':
    case 'float':
      return numberOf(v) !== 0;
    case 'slice':
      return (v as Value[]).length > 0;
    case 'map':
      return Object.keys(v as object).length > 0;
  }
}

export function sortedKeys(o: object): string[] {
  return Object.keys(o).sort(compareCodePoints);
}

function integerText(n: number): string {
  return Math.abs(n) < 1e21 ? BigInt(n).toString() : goFormatFloatG(n);
}

/** fmt's %v of a number value. */
export function numberText(v: number | GoNumber): string {
  if (v instanceof GoNumber) return v.type === 'float64' ? goFormatFloatG(v.value) : integerText(v.value);
  return Number.isInteger(v) ? integerText(v) : goFormatFloatG(v);
}

/** fmt.Sprint of one value (`%v`): `map[a:1 b:[x y]]`, `<nil>` inside collections. */
export function sprint(v: Value): string {
  if (v === MISSING || v === null) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number' || v instanceof GoNumber) return numberText(v);
  if (Array.isArray(v)) return `[${v.map(sprint).join(' ')}]`;
  return `map[${sortedKeys(v).map((k) => `${k}:${sprint(v[k])}`).join(' ')}]`;
}

/** What an action prints for its value: a missing or nil value is `<no value>`. */
export function printed(v: Value): string {
  return v === MISSING || v === null ? '<no value>' : sprint(v);
}
