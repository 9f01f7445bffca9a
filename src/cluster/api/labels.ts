/**
 * Label selectors: the string form kubectl's -l takes (k8s.io/apimachinery/pkg/labels) and the
 * structured form objects carry (metav1.LabelSelector), both compiled to one matcher.
 */
import type { LabelSelector } from './types.ts';

export type Operator = '=' | '==' | '!=' | 'in' | 'notin' | 'exists' | '!';

export interface Requirement {
  key: string;
  operator: Operator;
  values: string[];
}

export type Labels = Readonly<Record<string, string>> | undefined;

export class Selector {
  constructor(readonly requirements: readonly Requirement[]) {}

  static everything(): Selector {
    return new Selector([]);
  }

  isEmpty(): boolean {
    return this.requirements.length === 0;
  }

  matches(labels: Labels): boolean {
    for (const r of this.requirements) {
      const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, r.key);
      const value = has ? labels![r.key] : undefined;
      switch (r.operator) {
        case '=':
        case '==':
        case 'in':
          if (!has || !r.values.includes(value!)) return false;
          break;
        case '!=':
        case 'notin':
          if (has && r.values.includes(value!)) return false;
          break;
        case 'exists':
          if (!has) return false;
          break;
        case '!':
          if (has) return false;
          break;
      }
    }
    return true;
  }

  /** The canonical string kubectl prints (`app=kubia,tier in (a,b),!key`), requirements sorted by key. */
  toString(): string {
    return this.requirements
      .map((r) => {
        switch (r.operator) {
          case 'exists':
            return r.key;
          case '!':
            return `!${r.key}`;
          case 'in':
          case 'notin':
            return `${r.key} ${r.operator} (${[...r.values].sort().join(',')})`;
          default:
            return `${r.key}${r.operator}${r.values[0]}`;
        }
      })
      .join(',');
  }
}

/** A Service's selector map: every key must equal its value. An empty map selects nothing for Services (callers decide). */
export function selectorFromMap(map: Readonly<Record<string, string>> | undefined): Selector {
  const keys = Object.keys(map ?? {}).sort();
  return new Selector(keys.map((key) => ({ key, operator: '=', values: [map![key]] })));
}

/** metav1.LabelSelectorAsSelector. */
export function selectorFromLabelSelector(ls: LabelSelector | undefined): Selector {
  const reqs: Requirement[] = [];
  for (const key of Object.keys(ls?.matchLabels ?? {}).sort()) {
    reqs.push({ key, operator: '=', values: [ls!.matchLabels![key]] });
  }
  for (const e of ls?.matchExpressions ?? []) {
    const op = e.operator;
    if (op === 'In') reqs.push({ key: e.key, operator: 'in', values: [...(e.values ?? [])] });
    else if (op === 'NotIn') reqs.push({ key: e.key, operator: 'notin', values: [...(e.values ?? [])] });
    else if (op === 'Exists') reqs.push({ key: e.key, operator: 'exists', values: [] });
    else if (op === 'DoesNotExist') reqs.push({ key: e.key, operator: '!', values: [] });
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Selector(reqs);
}

export class SelectorParseError extends Error {}

/**
 * Parse a label selector string as labels.Parse does. Errors carry apimachinery's messages.
 * (A simplified lexer: the helper issue refines messages against the source.)
 */
export function parseSelector(input: string): Selector {
  const s = input.trim();
  if (s === '') return Selector.everything();
  const reqs: Requirement[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < s.length && /\s/.test(s[i])) i++;
  };
  const readKey = (): string => {
    skipWs();
    const start = i;
    while (i < s.length && !/[\s,=!()]/.test(s[i])) i++;
    return s.slice(start, i);
  };
  while (i < s.length) {
    skipWs();
    let req: Requirement;
    if (s[i] === '!') {
      i++;
      const key = readKey();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: identifier`);
      req = { key, operator: '!', values: [] };
    } else {
      const key = readKey();
      if (!key) throw new SelectorParseError(`found '${s[i] ?? ''}', expected: !, identifier, or 'end of string'`);
      skipWs();
      const rest = s.slice(i);
      if (rest.startsWith('==') || rest.startsWith('!=') || rest.startsWith('=')) {
        const op: Operator = rest.startsWith('==') ? '==' : rest.startsWith('!=') ? '!=' : '=';
        i += op.length;
        skipWs();
        const start = i;
        while (i < s.length && !/[\s,()]/.test(s[i])) i++;
        req = { key, operator: op, values: [s.slice(start, i)] };
      } else if (/^(in|notin)\s*\(/.test(rest)) {
        const op = rest.startsWith('in') ? 'in' : 'notin';
        i += op.length;
        skipWs();
        i++; // (
        const close = s.indexOf(')', i);
        if (close < 0) throw new SelectorParseError(`found 'end of string', expected: ')'`);
        const values = s
          .slice(i, close)
          .split(',')
          .map((v) => v.trim())
          .filter((v) => v !== '');
        i = close + 1;
        req = { key, operator: op, values };
      } else {
        req = { key, operator: 'exists', values: [] };
      }
    }
    reqs.push(req);
    skipWs();
    if (i < s.length) {
      if (s[i] !== ',') throw new SelectorParseError(`found '${s[i]}', expected: ',' or 'end of string'`);
      i++;
    }
  }
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return new Selector(reqs);
}
