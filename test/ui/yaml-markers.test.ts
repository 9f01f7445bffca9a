/** The editor's YAML syntax markers: at js-yaml's line and column, in the whole file, with kubectl's words. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { yamlSyntaxMarkers } from '../../src/ui/editor/yaml-markers.ts';
import { parseDocuments, splitDocuments } from '../../src/kubectl/manifests.ts';

describe('YAML syntax markers', () => {
  it('finds nothing in a good manifest, or in several', () => {
    expect(yamlSyntaxMarkers('apiVersion: v1\nkind: Service\nmetadata:\n  name: a\n')).toEqual([]);
    expect(yamlSyntaxMarkers('a: 1\n---\nb: 2\n---\n')).toEqual([]);
    expect(yamlSyntaxMarkers('')).toEqual([]);
  });

  it('marks a key indented too far at its line and column, with what kubectl apply prints', () => {
    const text = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n    labels: x\n';
    const [m, ...rest] = yamlSyntaxMarkers(text);
    expect(rest).toEqual([]);
    expect(m.line).toBe(5);
    expect(m.column).toBeGreaterThanOrEqual(5);
    expect(m.message).toContain('YAML syntax error: bad indentation of a mapping entry');
    expect(m.message).toContain('kubectl apply: error converting YAML to JSON: yaml: line 5: mapping values are not allowed in this context');
  });

  it('counts lines across --- documents, and reports each bad document', () => {
    const text = 'a: 1\n---\nkind: Service\nspec:\n\tports: []\n---\nb: "open\n';
    const markers = yamlSyntaxMarkers(text);
    expect(markers.map((m) => m.line)).toEqual([5, 7]);
    expect(markers[0].message).toContain('found character that cannot start any token');
  });
});

describe('YAML syntax markers after a leading ---', () => {
  it('counts the separator line once (the property below found line 3 of a 2-line file)', () => {
    expect(yamlSyntaxMarkers('---\nkey: "unclosed').map((m) => m.line)).toEqual([2]);
    expect(yamlSyntaxMarkers('---\n---\na: 1\n---\nb: [').map((m) => m.line)).toEqual([5]);
  });
});

describe('YAML syntax markers on any text', () => {
  const TOKENS = ['a:', 'b: 1', '- ', '-', '  ', '    ', '\t', '#', '# c', '"', "'", '{', '}', '[', ']', ',', '---', '...', '|', '>', '&x', '*x', '!!str', '!!int', '%YAML 1.1', '?', ':', 'apiVersion: v1', 'kind: Service', 'metadata:', '  name: x', 'key: "unclosed', 'k: v # c', '<<: *x', '@', '`', '한국어:', 'é'];
  const line = fc.array(fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 4 })), { maxLength: 5 }).map((t) => t.join(''));
  const text = fc.array(line, { maxLength: 12 }).map((lines) => lines.join('\n'));

  it('never throws, puts markers on lines of the file, and flags exactly what kubectl apply cannot convert', () => {
    fc.assert(
      fc.property(text, (t) => {
        const markers = yamlSyntaxMarkers(t);
        const lineCount = t.split('\n').length;
        for (const m of markers) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.line).toBeLessThanOrEqual(lineCount);
          expect(m.column).toBeGreaterThanOrEqual(1);
        }
        // Each document on its own through kubectl's reader (validation off: only conversion counts).
        const refused = splitDocuments(t).filter((doc) => {
          try {
            parseDocuments(doc, 'f.yaml', { validate: false });
            return false;
          } catch (e) {
            return (e as Error).message.includes('error converting YAML to JSON');
          }
        });
        expect(markers.length).toBe(refused.length);
        for (let i = 0; i < refused.length; i++) {
          const kubectlSays = (() => {
            try {
              parseDocuments(refused[i], 'f.yaml', { validate: false });
            } catch (e) {
              return (e as Error).message.replace(/^error parsing f\.yaml: /, '');
            }
          })();
          expect(markers[i].message.split('\n')[1]).toBe(`kubectl apply: ${kubectlSays}`);
        }
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 500) },
    );
  });
});
