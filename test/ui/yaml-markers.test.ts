/** The editor's YAML syntax markers: at js-yaml's line and column, in the whole file, with kubectl's words. */
import { describe, expect, it } from 'vitest';
import { yamlSyntaxMarkers } from '../../src/ui/editor/yaml-markers.ts';

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
