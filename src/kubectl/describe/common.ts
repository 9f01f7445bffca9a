/**
 * Pieces every describer shares (kubectl pkg/describe/describe.go): the prefix writer over one
 * tabwriter (tabbedString), labels/annotations/tolerations blocks, times, and DescribeEvents.
 */
import { humanDuration } from '../../cluster/api/duration.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { DESCRIBE, TabWriter } from '../tabwriter.ts';
import type { DescribeContext } from './index.ts';

/**
 * PrefixWriter: each level indents two spaces; everything goes into one tabwriter, so columns
 * align across sections exactly as Go's text/tabwriter aligns them (tabbedString).
 */
export class DescribeWriter {
  private text = '';
  /** prefixWriter.Write: the indent, then the text as given (no newline added). */
  write(level: number, text: string): void {
    this.text += '  '.repeat(level) + text;
  }
  /** Write(level, text + "\n"). */
  line(level: number, text: string): void {
    this.write(level, text + '\n');
  }
  toString(): string {
    return new TabWriter(DESCRIBE).write(this.text).flush();
  }
}

/** A nested writer (NewNestedPrefixWriter): every level shifted by `indent`. */
export function nested(w: DescribeWriter, indent: number): Pick<DescribeWriter, 'write' | 'line'> {
  return {
    write: (level, text) => w.write(level + indent, text),
    line: (level, text) => w.line(level + indent, text),
  };
}

type Writer = Pick<DescribeWriter, 'write' | 'line'>;

/** time.RFC1123Z in UTC: `Thu, 26 Nov 2026 03:53:43 +0000`. */
export function rfc1123z(timestamp: string | null | undefined): string {
  const t = timestamp ? Date.parse(timestamp) : NaN;
  // Go formats the zero time as `Mon, 01 Jan 0001 00:00:00 +0000`.
  if (Number.isNaN(t)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** translateTimestampSince: HumanDuration since the time, `<unknown>` when unset. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  const t = Date.parse(timestamp);
  if (Number.isNaN(t)) return '<unknown>';
  return humanDuration(now - t);
}

/** printLabelsMultilineWithIndent: `<none>` or one `k=v` per line, sorted. */
export function writeLabels(
  w: Writer,
  title: string,
  labels: Record<string, string> | undefined,
  initialIndent = '',
  innerIndent = '\t',
): void {
  w.write(0, `${initialIndent}${title}:${innerIndent}`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, initialIndent + innerIndent);
    w.write(0, `${k}=${labels![k]}\n`);
  });
}

/** Annotations describe never shows (describe.go skipAnnotations). */
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140;

/** printAnnotationsMultiline: `key: value`, long or multi-line values on their own lines. */
export function writeAnnotations(w: Writer, title: string, annotations: Record<string, string> | undefined): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !SKIP_ANNOTATIONS.has(k))
    .sort();
  if (keys.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  keys.forEach((key, i) => {
    if (i !== 0) w.write(0, '\t');
    const raw = annotations![key];
    const value = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
    // Go measures bytes here (len of a string).
    if (utf8Len(value) + utf8Len(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(0, `\t  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(0, `${key}: ${value}\n`);
    }
  });
}

function utf8Len(s: string): number {
  return new TextEncoder().encode(s).length;
}

function shorten(s: string, max: number): string {
  const bytes = new TextEncoder().encode(s);
  if (bytes.length <= max) return s;
  return new TextDecoder().decode(bytes.slice(0, max)) + '...';
}

/** printTolerationsMultilineWithIndent. */
export function writeTolerations(w: Writer, title: string, tolerations: KubeObject['x'][] | undefined, initialIndent = ''): void {
  w.write(0, `${initialIndent}${title}:\t`);
  const list = [...(tolerations ?? [])];
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.sort((a, b) => cmp(a.key ?? '', b.key ?? ''));
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, initialIndent + '\t');
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** printTaintsMultilineWithIndent: sorted by `effect,key`; Taint.ToString. */
export function writeTaints(w: Writer, title: string, taints: KubeObject['x'][] | undefined): void {
  w.write(0, `${title}:\t`);
  const list = [...(taints ?? [])];
  if (list.length === 0) {
    w.write(0, '<none>\n');
    return;
  }
  list.sort((a, b) => cmp(`${a.effect ?? ''},${a.key ?? ''}`, `${b.effect ?? ''},${b.key ?? ''}`));
  list.forEach((t, i) => {
    if (i !== 0) w.write(0, '\t');
    // Taint.ToString (core/v1/taint.go): `key=value:Effect`, `key:Effect`, `key=value:`, `key`.
    const s = t.value ? `${t.key}=${t.value}:${t.effect ?? ''}` : t.effect ? `${t.key}:${t.effect}` : `${t.key}`;
    w.write(0, s + '\n');
  });
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** metav1.GetControllerOf -> `Kind/name`, or '' when no controller owns the object. */
export function controllerOf(obj: KubeObject): string {
  const ref = (obj.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

/** labels.FormatLabels: sorted `k=v` joined by `,`, `<none>` when empty. */
export function formatLabels(m: Record<string, string> | undefined): string {
  const keys = Object.keys(m ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${m![k]}`).join(',');
}

export interface EventRef {
  name: string;
  namespace: string;
  /** Omitted from the selector for pods (PodDescriber clears ref.Kind). */
  kind?: string;
  uid?: string;
}

/**
 * searchEvents: list events with the field selector EventInterface.GetFieldSelector builds
 * (name, namespace, kind, uid, in that order). A namespace of '' lists every namespace.
 */
export function searchEvents(ctx: DescribeContext, ref: EventRef): KubeObject[] {
  const terms = [`involvedObject.name=${ref.name}`, `involvedObject.namespace=${ref.namespace}`];
  if (ref.kind) terms.push(`involvedObject.kind=${ref.kind}`);
  if (ref.uid) terms.push(`involvedObject.uid=${ref.uid}`);
  const res = ctx.api.list('events', ref.namespace || undefined, { fieldSelector: terms.join(',') });
  ctx.warn(res.warnings);
  return res.object.items;
}

/** The usual reference of a namespaced or cluster object. */
export function eventsFor(ctx: DescribeContext, obj: KubeObject): KubeObject[] {
  return searchEvents(ctx, { name: obj.metadata.name!, namespace: obj.metadata.namespace ?? '', kind: obj.kind, uid: obj.metadata.uid });
}

function lastTimestampMs(e: KubeObject): number {
  return e.lastTimestamp ? Date.parse(e.lastTimestamp) : -Infinity;
}

/**
 * DescribeEvents: `Events:\t<none>` or the table, sorted by lastTimestamp (SortableEvents; events
 * of the new API have none and come first). Go's sort.Sort is an insertion sort (stable) for
 * up to 12 elements; a stable sort matches it there.
 */
export function writeEvents(w: Writer, events: KubeObject[], now: number): void {
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  const sorted = goSortEvents(events);
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const e of sorted) {
    let first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    if (!e.eventTime && !e.firstTimestamp) first = '<unknown>';
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.line(1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}`);
  }
}

/** sort.Sort(SortableEvents(items)). */
function goSortEvents(events: KubeObject[]): KubeObject[] {
  const a = [...events];
  // Insertion sort, as Go's pdqsort does for short slices (n <= 12) and at its leaves.
  for (let i = 1; i < a.length; i++) {
    for (let j = i; j > 0 && lastTimestampMs(a[j]) < lastTimestampMs(a[j - 1]); j--) {
      [a[j], a[j - 1]] = [a[j - 1], a[j]];
    }
  }
  return a;
}
