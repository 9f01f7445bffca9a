/** The YAML emitter: round trip through a YAML parser, known layouts, never throws on JSON. */
import fc from 'fast-check';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { goFormatFloatG, resolvesAsString, sortYamlKeys, toYAML, YamlError } from '../../src/kubectl/printers/yaml.ts';

/** Strings go-yaml can read back unchanged: no DEL/C1 controls, no NEL (folded), no lone surrogates. */
function sanitize(v: unknown): unknown {
  if (typeof v === 'string') return v.replace(/[\u007f-\u009f\ufffe\uffff]/g, 'x').replace(/[\ud800-\udfff]/g, 'x');
  if (Array.isArray(v)) return v.map(sanitize);
  if (v !== null && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const key = sanitize(k) as string;
      if (key === '<<' || key === '__proto__') continue; // merge key / prototype: not plain data for a YAML loader
      out[key] = sanitize(x);
    }
    return out;
  }
  return v;
}

const json = fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.parse(JSON.stringify(sanitize(v))));
const unicodeJson = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }).map((v) => JSON.parse(JSON.stringify(sanitize(v))));

describe('toYAML', () => {
  it('round-trips random JSON through a YAML parser', () => {
    fc.assert(fc.property(fc.oneof(json, unicodeJson), (v) => {
      expect(load(toYAML(v))).toEqual(v);
    }), { numRuns: 500 });
  });

  it('never throws anything but its YamlError, on any JSON', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' }), (v) => {
      try {
        expect(typeof toYAML(v)).toBe('string');
      } catch (e) {
        expect(e).toBeInstanceOf(YamlError);
      }
    }), { numRuns: 300 });
  });

  it('lays out lists at the parent indent, empty collections in flow, null, numbers', () => {
    const doc = {
      spec: { containers: [{ name: 'a', ports: [{ containerPort: 8080 }], args: [], env: {} }], list: [[1, 2], []] },
      status: { lastProbeTime: null, ratio: 0.5, big: 1e21, small: 1e-7, million: 1234567.5 },
      items: [],
    };
    expect(toYAML(doc)).toBe(
      [
        'items: []',
        'spec:',
        '  containers:',
        '  - args: []',
        '    env: {}',
        '    name: a',
        '    ports:',
        '    - containerPort: 8080',
        '  list:',
        '  - - 1',
        '    - 2',
        '  - []',
        'status:',
        '  big: 1e+21',
        '  lastProbeTime: null',
        '  million: 1.2345675e+06',
        '  ratio: 0.5',
        '  small: 1e-07',
        '',
      ].join('\n'),
    );
    expect(toYAML({})).toBe('{}\n');
    expect(toYAML([])).toBe('[]\n');
  });

  it('orders keys as go-yaml does: digit runs by value, non-letters first', () => {
    expect(sortYamlKeys(['a10', 'a9', 'a-b', 'ab', 'B', 'a'])).toEqual(['B', 'a', 'a-b', 'a9', 'a10', 'ab']);
  });

  it('resolves what YAML 1.1 would read as something else', () => {
    for (const s of ['true', 'Yes', 'off', '~', 'null', '', '8080', '0755', '0x1F', '1_000', '1e3', '.5', '12:30', '2024-01-01', '2026-11-26T03:53:43Z', '-.inf']) {
      expect(resolvesAsString(s), s).toBe(false);
    }
    for (const s of ['a', 'kubia', '10.244.1.5', '1.2.3', 'v1.33.1', '<<', '2024-13-01', '0x', '-']) expect(resolvesAsString(s), s).toBe(true);
  });

  it('formats floats as Go %g (shortest)', () => {
    expect([0.5, 1e21, 1e-7, 0.0001, 123456.5, 1234567.5, -2.5e-5].map(goFormatFloatG)).toEqual(['0.5', '1e+21', '1e-07', '0.0001', '123456.5', '1.2345675e+06', '-2.5e-05']);
  });
});
