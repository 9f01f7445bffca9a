/**
 * printEvent, formatEventSource (printers.go). The server prints core/v1 and events.k8s.io/v1
 * Events through the same internal type, so an events.k8s.io object is read through its field
 * mapping (note -> message, regarding -> involvedObject, deprecatedSource -> source...).
 */
import { ageSince } from '../duration.ts';
import type { KubeObject } from '../types.ts';
import { col, type KindTablePrinter } from './columns.ts';
import { META_DOCS } from './descriptions.ts';
import { EVENT_DOCS } from './descriptions.ts';

interface CoreEventView {
  involvedObject: { kind?: string; name?: string; fieldPath?: string };
  source: { component?: string; host?: string };
  reportingComponent?: string;
  reportingInstance?: string;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  series?: { count?: number; lastObservedTime?: string } | null;
  count?: number;
  type?: string;
  reason?: string;
  message?: string;
}

function coreView(o: KubeObject): CoreEventView {
  if (o.apiVersion === 'events.k8s.io/v1') {
    return {
      involvedObject: o.regarding ?? {},
      source: o.deprecatedSource ?? {},
      reportingComponent: o.reportingController,
      reportingInstance: o.reportingInstance,
      firstTimestamp: o.deprecatedFirstTimestamp,
      lastTimestamp: o.deprecatedLastTimestamp,
      eventTime: o.eventTime,
      series: o.series,
      count: o.deprecatedCount,
      type: o.type,
      reason: o.reason,
      message: o.note,
    };
  }
  return { ...(o as unknown as CoreEventView), involvedObject: o.involvedObject ?? {}, source: o.source ?? {} };
}

function firstNonEmpty(...ss: (string | undefined)[]): string {
  return ss.find((s) => s) ?? '';
}

export function formatEventSource(e: CoreEventView): string {
  const component = firstNonEmpty(e.source.component, e.reportingComponent);
  const instance = firstNonEmpty(e.source.host, e.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}

export const eventPrinter: KindTablePrinter = {
  columns: [
    col('Last Seen', 'string', EVENT_DOCS.lastTimestamp),
    col('Type', 'string', EVENT_DOCS.type),
    col('Reason', 'string', EVENT_DOCS.reason),
    col('Object', 'string', EVENT_DOCS.involvedObject),
    col('Subobject', 'string', EVENT_DOCS.fieldPath, { priority: 1 }),
    col('Source', 'string', EVENT_DOCS.source, { priority: 1 }),
    col('Message', 'string', EVENT_DOCS.message),
    col('First Seen', 'string', EVENT_DOCS.firstTimestamp, { priority: 1 }),
    col('Count', 'string', EVENT_DOCS.count, { priority: 1 }),
    col('Name', 'string', META_DOCS.name, { priority: 1, format: 'name' }),
  ],
  cells(o, now) {
    const e = coreView(o);
    const first = e.firstTimestamp ? ageSince(e.firstTimestamp, now) : ageSince(e.eventTime, now);
    let last = e.lastTimestamp ? ageSince(e.lastTimestamp, now) : first;
    let count = e.count ?? 0;
    if (e.series) {
      last = ageSince(e.series.lastObservedTime, now);
      count = e.series.count ?? 0;
    } else if (count === 0) {
      count = 1; // singleton events of the new API have no count
    }
    const kind = (e.involvedObject.kind ?? '').toLowerCase();
    const target = e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
    return [
      last,
      e.type ?? '',
      e.reason ?? '',
      target,
      e.involvedObject.fieldPath ?? '',
      formatEventSource(e),
      (e.message ?? '').trim(),
      first,
      count,
      o.metadata.name ?? '',
    ];
  },
};
