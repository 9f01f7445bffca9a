/**
 * The faster YAML emitter against the one it replaced (test/support/yaml-reference.ts): the same
 * text byte for byte, or the same failure, on random values — JSON of any shape, and values
 * built to reach every path of the emitter: repeated strings (remembered per output), strings
 * that fold past column 80, quoting styles, line breaks, NEL in keys and values, characters
 * go-yaml's reader refuses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toYAML } from '../../src/kubectl/printers/yaml.ts';
import { toYAML as referenceYAML } from '../support/yaml-reference.ts';

function outcome(emit: (v: unknown) => string, v: unknown): { text?: string; error?: string } {
  try {
    return { text: emit(v) };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

const pieces = [
  '', ' ', '  ', 'a', 'kubia', '8080', '0x1F', '1e3', '.5', 'true', 'no', '~', 'null', '2026-11-26T04:00:00Z', '2026-11-26', '10.244.1.7',
  '-', '- a', ':', 'a:', 'a: b', '#', 'a #b', "'", '"', '\\', '?', '[x]', '{}', '&a', '*a', '!t', '|', '>', '%', '@', '`', '---', '...',
  '\n', '\r', '\t', '\u0085', '\u2028', '\u00a0', '\ufeff', '\u007f', '\u0090', '\ud83d\ude00', '\ud800', '한국어', 'é',
  'word ', 'longer words that go on and on', 'x'.repeat(70),
];
const text = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((xs) => xs.join(''));
const number = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(0, -0, 1e21, 2 ** 53, -(2 ** 63), 1.5e-7, 123456789.5));
const scalar = fc.oneof(text, number, fc.boolean(), fc.constant(null));
// A few shared strings make repeats likely, as in a list of objects of one kind.
const value = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 5 }),
  map: fc.dictionary(fc.oneof(text, fc.constantFrom('apiVersion', 'kind', 'metadata', 'a10', 'a9', 'A', '_b', 'x\u0085y', 'x y')), tie('node'), { maxKeys: 6 }),
})).node;

describe('toYAML is the emitter it replaced, only faster', () => {
  it('writes the same text or fails the same way on built values', () => {
    fc.assert(
      fc.property(value, (v) => {
        expect(outcome(toYAML, v)).toEqual(outcome(referenceYAML, v));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes the same text or fails the same way on any JSON', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }), (v) => {
        expect(outcome(toYAML, v)).toEqual(outcome(referenceYAML, v));
      }),
      { numRuns: 1000 },
    );
  });

  it('writes the same text for a list of many alike objects with long folded strings', () => {
    const items = Array.from({ length: 50 }, (_, i) => ({
      metadata: { name: `pod-${i % 7}`, annotations: { note: `${'word '.repeat(i % 30)}end`, 'x\u0085y': i % 3 ? 'a' : 'b c' }, labels: { app: i % 2 ? '8080' : 'true' } },
      status: { podIP: `10.244.1.${i % 5}`, startTime: '2026-11-26T04:00:00Z', message: 'line one\nline two', weird: i % 11 ? ' lead' : '\u0085' },
    }));
    const list = { apiVersion: 'v1', kind: 'List', items, metadata: { resourceVersion: '' } };
    expect(toYAML(list)).toBe(referenceYAML(list));
  });
});
