/**
 * `-o json` text (goJSON, printers/gofmt.ts) against a reference built on JSON.stringify plus what
 * Go's encoding/json does differently: `<`, `>`, `&`, U+2028 and U+2029 escaped, a lone surrogate
 * (invalid UTF-8 once encoded) written as \ufffd, map keys sorted by code point.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goJSON } from '../../src/kubectl/printers/gofmt.ts';

function goString(s: string): string {
  return JSON.stringify(s)
    .replace(/\\\\|\\ud[89a-f][0-9a-f]{2}/g, (m) => (m === '\\\\' ? m : '\\ufffd'))
    .replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function reference(v: unknown, indent: string, level = 0): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goString(v);
  if (typeof v !== 'object') return JSON.stringify(v);
  const nl = indent ? '\n' + indent.repeat(level + 1) : '';
  const end = indent ? '\n' + indent.repeat(level) : '';
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[${v.map((x) => nl + reference(x, indent, level + 1)).join(',')}${end}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort((a, b) => {
      const x = [...a].map((c) => c.codePointAt(0)!);
      const y = [...b].map((c) => c.codePointAt(0)!);
      for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
      return x.length - y.length;
    });
  if (keys.length === 0) return '{}';
  return `{${keys.map((k) => nl + goString(k) + (indent ? ': ' : ':') + reference(o[k], indent, level + 1)).join(',')}${end}}`;
}

describe('goJSON', () => {
  it('escapes strings as Go does, whatever they hold', () => {
    const text = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom('a', ' ', '"', '\\', '<', '>', '&', '\n', '\u0001', '\u007f', '\u2028', '\u2029', '\ud800', '\udc00', '\ud83d\ude00', '한') }));
    fc.assert(
      fc.property(text, (s) => {
        expect(goJSON(s)).toBe(goString(s));
      }),
      { numRuns: 3000 },
    );
  });

  it('writes random JSON as json.MarshalIndent with four spaces, and compact', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (v) => {
        expect(goJSON(v, '    ')).toBe(reference(v, '    '));
        expect(goJSON(v)).toBe(reference(v, ''));
      }),
      { numRuns: 500 },
    );
  });
});
