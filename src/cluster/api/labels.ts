/**
 * Label selectors: the string form kubectl's -l takes, parsed as k8s.io/apimachinery
 * pkg/labels/selector.go parses it (lexer, recursive descent, the same error texts), and the
 * structured form objects carry (metav1.LabelSelector), both compiled to one matcher.
 *
 * Errors are `SelectorParseError`, whose message is what the API server answers (BadRequest):
 * `unable to parse requirement: <nil>: Invalid value: "a b": name part must ...`, or
 * `found ',', expected: !, identifier, or 'end of string'`.
 */
import { goQuote } from './govalue.ts';
import type { LabelSelector } from './types.ts';
import { isQualifiedName, isValidLabelValue } from './admission/validation.ts';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  key: string;
  operator: Operator;
  /** Sorted and unique for parsed requirements (a sets.String in Go). */
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requirementMatches(r: Requirement, labels: Labels): boolean {
  const value = labels === undefined ? undefined : labels[r.key];
  const has = value !== undefined && Object.hasOwn(labels!, r.key);
  switch (r.operator) {
    case '=':
    case '==':
    case 'in':
      return has && (r.values.length === 1 ? r.values[0] === value : r.values.includes(value!));
    case '!=':
    case 'notin':
      return !has || !r.values.includes(value!);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (!has || r.values.length !== 1 || !/^[+-]?\d+$/.test(value!) || !/^[+-]?\d+$/.test(r.values[0])) return false;
      const a = BigInt(value!);
      const b = BigInt(r.values[0]);
      return r.operator === 'gt' ? a > b : a < b;
    }
  }
}

/** Requirement.String(). */
function requirementString(r: Requirement): string {
  const joined = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareStrings).join(',');
  switch (r.operator) {
    case 'exists':
      return r.key;
    case '!':
      return `!${r.key}`;
    case 'in':
    case 'notin':
      return `${r.key} ${r.operator} (${joined})`;
    case 'gt':
      return `${r.key}>${joined}`;
    case 'lt':
      return `${r.key}<${joined}`;
    default:
      return `${r.key}${r.operator}${joined}`;
  }
}

export class Selector {
  constructor(readonly requirements: readonly Requirement[]) {}

  static everything(): Selector {
    return new Selector([]);
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    for (const r of this.requirements) if (!requirementMatches(r, labels)) return false;
    return true;
  }

  /** The canonical string (`app=kubia,tier in (a,b),!key`), requirements sorted by key. */
  toString(): string {
    return this.requirements.map(requirementString).join(',');
  }
}

/** A Service's selector map: every key must equal its value. An empty map selects nothing for Services (callers decide). */
export function selectorFromMap(map: Readonly<Record<string, string>> | undefined): Selector {
  const keys = Object.keys(map ?? {}).sort(compareStrings);
  return new Selector(keys.map((key) => ({ key, operator: '=', values: [map![key]] })));
}

/** metav1.LabelSelectorAsSelector. */
export function selectorFromLabelSelector(ls: LabelSelector | undefined): Selector {
  const reqs: Requirement[] = [];
  for (const key of Object.keys(ls?.matchLabels ?? {}).sort(compareStrings)) {
    reqs.push({ key, operator: '=', values: [ls!.matchLabels![key]] });
  }
  for (const e of ls?.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, operator: 'in', values: [...(e.values ?? [])] });
    else if (op === 'NotIn') reqs.push({ key: e.key, operator: 'notin', values: [...(e.values ?? [])] });
    else if (op === 'Exists') reqs.push({ key: e.key, operator: 'exists', values: [] });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, operator: '!', values: [] });
  }
  sortByKey(reqs);
  return new Selector(reqs);
}

/** A selector string the API server refuses; the message is the server's. */
export class SelectorParseError extends Error {
  override name = 'SelectorParseError';
}

// ---------------------------------------------------------------------------------------------
// Lexer

const enum Tok {
  Error,
  EndOfString,
  ClosedPar,
  Comma,
  DoesNotExist,
  DoubleEquals,
  Equals,
  GreaterThan,
  Identifier,
  In,
  LessThan,
  NotEquals,
  NotIn,
  OpenPar,
}

const STRING_TO_TOKEN: Record<string, Tok> = {
  ')': Tok.ClosedPar,
  ',': Tok.Comma,
  '!': Tok.DoesNotExist,
  '==': Tok.DoubleEquals,
  '=': Tok.Equals,
  '>': Tok.GreaterThan,
  in: Tok.In,
  '<': Tok.LessThan,
  '!=': Tok.NotEquals,
  notin: Tok.NotIn,
  '(': Tok.OpenPar,
};

const tokenOf = (s: string): Tok | undefined => (Object.prototype.hasOwnProperty.call(STRING_TO_TOKEN, s) ? STRING_TO_TOKEN[s] : undefined);

const isWhitespace = (ch: string) => ch === ' ' || ch === '\t' || ch === '\r' || ch === '\n';
const isSpecialSymbol = (ch: string) => ch === '=' || ch === '!' || ch === '(' || ch === ')' || ch === ',' || ch === '>' || ch === '<';

interface Item {
  tok: Tok;
  lit: string;
}

/** Go's lexer reads bytes; a NUL byte ends the input as it does there. */
function lex(input: string): Item[] {
  const bytes = new TextEncoder().encode(input);
  const text = (from: number, to: number) => new TextDecoder().decode(bytes.subarray(from, to));
  let pos = 0;
  const read = (): number => (pos < bytes.length ? bytes[pos++] : 0);
  const items: Item[] = [];
  for (;;) {
    let ch = read();
    while (ch !== 0 && isWhitespace(String.fromCharCode(ch))) ch = read();
    if (ch === 0) {
      items.push({ tok: Tok.EndOfString, lit: '' });
      return items;
    }
    pos--;
    const c = String.fromCharCode(ch);
    if (isSpecialSymbol(c)) {
      const start = pos;
      let last: Item | undefined;
      let buffer = '';
      for (;;) {
        const b = read();
        if (b === 0) break;
        const s = String.fromCharCode(b);
        if (!isSpecialSymbol(s)) {
          pos--;
          break;
        }
        buffer += s;
        const t = tokenOf(buffer);
        if (t !== undefined) last = { tok: t, lit: buffer };
        else if (last) {
          pos--;
          break;
        }
      }
      if (!last) items.push({ tok: Tok.Error, lit: `error expected: keyword found '${text(start, pos)}'` });
      else items.push(last);
    } else {
      const start = pos;
      for (;;) {
        const b = read();
        if (b === 0) break;
        const s = String.fromCharCode(b);
        if (isSpecialSymbol(s) || isWhitespace(s)) {
          pos--;
          break;
        }
      }
      const lit = text(start, pos);
      const t = tokenOf(lit);
      items.push({ tok: t ?? Tok.Identifier, lit });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Parser

const BINARY_OPERATORS = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

class Parser {
  private position = 0;
  constructor(private readonly items: Item[]) {}

  /** In a value position `in` and `notin` are plain identifiers. */
  private lookahead(values: boolean): Item {
    const it = this.items[this.position];
    return values && (it.tok === Tok.In || it.tok === Tok.NotIn) ? { tok: Tok.Identifier, lit: it.lit } : it;
  }

  private consume(values: boolean): Item {
    const it = this.lookahead(values);
    this.position++;
    return it;
  }

  parse(): Requirement[] {
    const reqs: Requirement[] = [];
    for (;;) {
      const { tok, lit } = this.lookahead(true);
      switch (tok) {
        case Tok.Identifier:
        case Tok.DoesNotExist: {
          let r: Requirement;
          try {
            r = this.parseRequirement();
          } catch (e) {
            if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
            throw e;
          }
          reqs.push(r);
          const t = this.consume(true);
          switch (t.tok) {
            case Tok.EndOfString:
              return reqs;
            case Tok.Comma: {
              const t2 = this.lookahead(true);
              if (t2.tok !== Tok.Identifier && t2.tok !== Tok.DoesNotExist) throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
              break;
            }
            default:
              throw new SelectorParseError(`found '${t.lit}', expected: ',' or 'end of string'`);
          }
          break;
        }
        case Tok.EndOfString:
          return reqs;
        default:
          throw new SelectorParseError(`found '${lit}', expected: !, identifier, or 'end of string'`);
      }
    }
  }

  private parseRequirement(): Requirement {
    let { tok, lit } = this.consume(true);
    let operator: Operator | undefined;
    if (tok === Tok.DoesNotExist) {
      operator = '!';
      ({ tok, lit } = this.consume(true));
    }
    if (tok !== Tok.Identifier) throw new SelectorParseError(`found '${lit}', expected: identifier`);
    const key = lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length > 0) throw new SelectorParseError(`<nil>: Invalid value: ${goQuote(key)}: ${keyErrs.join('; ')}`);
    // `!key` is complete by itself (whatever follows is the caller's problem); `key` alone means exists.
    if (operator === '!') return newRequirement(key, '!', []);
    const next = this.lookahead(true).tok;
    if (next === Tok.EndOfString || next === Tok.Comma) return newRequirement(key, 'exists', []);
    const op = this.parseOperator();
    const values = op === 'in' || op === 'notin' ? this.parseValues() : this.parseExactValue();
    return newRequirement(key, op, [...values].sort(compareStrings));
  }

  private parseOperator(): Operator {
    const { tok, lit } = this.consume(false);
    switch (tok) {
      case Tok.In:
        return 'in';
      case Tok.Equals:
        return '=';
      case Tok.DoubleEquals:
        return '==';
      case Tok.GreaterThan:
        return 'gt';
      case Tok.LessThan:
        return 'lt';
      case Tok.NotIn:
        return 'notin';
      case Tok.NotEquals:
        return '!=';
      default:
        throw new SelectorParseError(`found '${lit}', expected: ${BINARY_OPERATORS.join(', ')}`);
    }
  }

  private parseValues(): Set<string> {
    let { tok, lit } = this.consume(true);
    if (tok !== Tok.OpenPar) throw new SelectorParseError(`found '${lit}' expected: '('`);
    ({ tok, lit } = this.lookahead(true));
    switch (tok) {
      case Tok.Identifier:
      case Tok.Comma: {
        const s = this.parseIdentifiersList();
        if (this.consume(true).tok !== Tok.ClosedPar) throw new SelectorParseError(`found '${lit}', expected: ')'`);
        return s;
      }
      case Tok.ClosedPar:
        this.consume(true);
        return new Set(['']);
      default:
        throw new SelectorParseError(`found '${lit}', expected: ',', ')' or identifier`);
    }
  }

  private parseIdentifiersList(): Set<string> {
    const s = new Set<string>();
    for (;;) {
      const { tok, lit } = this.consume(true);
      switch (tok) {
        case Tok.Identifier: {
          s.add(lit);
          const t2 = this.lookahead(true);
          if (t2.tok === Tok.Comma) continue;
          if (t2.tok === Tok.ClosedPar) return s;
          throw new SelectorParseError(`found '${t2.lit}', expected: ',' or ')'`);
        }
        case Tok.Comma: {
          if (s.size === 0) s.add('');
          const t2 = this.lookahead(true).tok;
          if (t2 === Tok.ClosedPar) {
            s.add('');
            return s;
          }
          if (t2 === Tok.Comma) s.add('');
          break;
        }
        default:
          throw new SelectorParseError(`found '${lit}', expected: ',', or identifier`);
      }
    }
  }

  private parseExactValue(): Set<string> {
    const t = this.lookahead(true).tok;
    if (t === Tok.EndOfString || t === Tok.Comma) return new Set(['']);
    const { tok, lit } = this.consume(true);
    if (tok === Tok.Identifier) return new Set([lit]);
    throw new SelectorParseError(`found '${lit}', expected: identifier`);
  }
}

/** NewRequirement's checks on values (the key was checked by the parser). */
function newRequirement(key: string, operator: Operator, values: string[]): Requirement {
  const errs: string[] = [];
  const valuesPath = (i: number) => `values[${i}]`;
  if ((operator === 'gt' || operator === 'lt') && values.length === 1 && !/^[+-]?\d+$/.test(values[0])) {
    errs.push(`${valuesPath(0)}: Invalid value: ${goQuote(values[0])}: for 'Gt', 'Lt' operators, the value must be an integer`);
  }
  values.forEach((v, i) => {
    const msgs = isValidLabelValue(v);
    if (msgs.length > 0) errs.push(`${valuesPath(i)}[${key}]: Invalid value: ${goQuote(v)}: ${msgs.join('; ')}`);
  });
  if (errs.length === 1) throw new SelectorParseError(errs[0]);
  if (errs.length > 1) throw new SelectorParseError(`[${errs.join(', ')}]`);
  return { key, operator, values };
}

/** sort.Sort(ByKey): requirements ordered by key. */
function sortByKey(reqs: Requirement[]): void {
  reqs.sort((a, b) => compareStrings(a.key, b.key));
}

/** labels.Parse. Throws SelectorParseError with the API server's message. */
export function parseSelector(input: string): Selector {
  const reqs = new Parser(lex(input)).parse();
  sortByKey(reqs);
  return new Selector(reqs);
}
