/**
 * genericDescriber (describe.go): for kinds without their own describer, the object's fields
 * in sorted order with "smart" labels (printUnstructuredContent, smartLabelFor), then events.
 */
import type { KubeObject } from '../../cluster/api/types.ts';
import { DescribeWriter, eventsFor, writeAnnotations, writeEvents, writeLabels } from './common.ts';
import type { DescribeContext } from './index.ts';

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];

/** github.com/fatih/camelcase.Split: runs of one character class; `HTTPServer` -> HTTP, Server. */
export function camelSplit(s: string): string[] {
  const classOf = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const cls = classOf(c);
    if (cls === last && runs.length > 0) runs[runs.length - 1].push(c);
    else runs.push([c]);
    last = cls;
  }
  // An upper-case run followed by a lower-case one gives its last letter to the lower-case run.
  for (let i = 0; i < runs.length - 1; i++) {
    if (classOf(runs[i][0]) === 2 && classOf(runs[i + 1][0]) === 1) {
      runs[i + 1] = [runs[i][runs[i].length - 1], ...runs[i + 1]];
      runs[i] = runs[i].slice(0, -1);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `holderIdentity` -> `Holder Identity`; fields with other characters stay as they are. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  const acronyms = ['API', 'URL', 'UID', 'OSB', 'GUID'];
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (acronyms.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** fmt's %v of a JSON value. */
function goV(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goV).join(' ')}]`;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `map[${Object.keys(o)
      .sort()
      .map((k) => `${k}:${goV(o[k])}`)
      .join(' ')}]`;
  }
  return String(v);
}

function printContent(w: DescribeWriter, level: number, content: Record<string, unknown>, prefix: string): void {
  for (const field of Object.keys(content).sort()) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      w.line(level, `${smartLabel(field)}:`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else if (Array.isArray(value)) {
      w.line(level, `${smartLabel(field)}:`);
      for (const child of value) {
        if (child && typeof child === 'object' && !Array.isArray(child)) printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.line(level + 1, goV(child));
      }
    } else {
      w.line(level, `${smartLabel(field)}:\t${goV(value)}`);
    }
  }
}

export function describeGeneric(obj: KubeObject, ctx: DescribeContext): string {
  const events = ctx.showEvents ? eventsFor(ctx, obj) : undefined;
  const w = new DescribeWriter();
  w.line(0, `Name:\t${obj.metadata.name ?? ''}`);
  w.line(0, `Namespace:\t${obj.metadata.namespace ?? ''}`);
  writeLabels(w, 'Labels', obj.metadata.labels);
  writeAnnotations(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, obj as unknown as Record<string, unknown>, '');
  if (events) writeEvents(w, events, ctx.now);
  return w.toString();
}
