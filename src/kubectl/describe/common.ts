/** Pieces every describer shares: the prefix writer, labels/annotations blocks, events. */
import type { ApiServer } from '../../cluster/api/apiserver.ts';
import type { KubeObject } from '../../cluster/api/types.ts';
import { DESCRIBE, TabWriter } from '../tabwriter.ts';

/** PrefixWriter: each level indents two spaces. Everything goes into one tabwriter. */
export class DescribeWriter {
  private text = '';
  line(level: number, text: string): void {
    this.text += '  '.repeat(level) + text + '\n';
  }
  toString(): string {
    return new TabWriter(DESCRIBE).write(this.text).flush();
  }
}

/** printLabelsMultiline: `<none>` or one `k=v` per line, sorted; continuation lines are tab-led. */
export function writeLabels(w: DescribeWriter, title: string, labels: Record<string, string> | undefined): void {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  keys.forEach((k, i) => w.line(0, `${i === 0 ? `${title}:` : ''}\t${k}=${labels![k]}`));
}

/** printAnnotationsMultiline: `k: v`, skipping kubectl.kubernetes.io/last-applied-configuration. */
export function writeAnnotations(w: DescribeWriter, title: string, annotations: Record<string, string> | undefined): void {
  const skip = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => !skip.has(k))
    .sort();
  if (keys.length === 0) {
    w.line(0, `${title}:\t<none>`);
    return;
  }
  keys.forEach((k, i) => w.line(0, `${i === 0 ? `${title}:` : ''}\t${k}: ${annotations![k]}`));
}

/** Events about an object, as describe asks for them (by involvedObject name, namespace, kind, uid). */
export function eventsFor(api: ApiServer, obj: KubeObject): KubeObject[] {
  const fs = [
    `involvedObject.name=${obj.metadata.name}`,
    `involvedObject.namespace=${obj.metadata.namespace ?? ''}`,
    `involvedObject.kind=${obj.kind}`,
    `involvedObject.uid=${obj.metadata.uid}`,
  ].join(',');
  return api.list('events', obj.metadata.namespace, { fieldSelector: fs }).object.items;
}

/** DescribeEvents: `Events:  <none>` or the events table. (The describe helper completes this.) */
export function writeEvents(w: DescribeWriter, events: KubeObject[]): void {
  if (events.length === 0) {
    w.line(0, 'Events:\t<none>');
    return;
  }
  w.line(0, 'Events:');
  w.line(1, 'Type\tReason\tAge\tFrom\tMessage');
  w.line(1, '----\t------\t----\t----\t-------');
  for (const e of events) {
    w.line(1, `${e.type ?? ''}\t${e.reason ?? ''}\t\t${e.source?.component ?? ''}\t${(e.message ?? '').trim()}`);
  }
}
