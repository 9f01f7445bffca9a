/**
 * The events recorder shared by the controllers, the scheduler and the kubelet.
 *
 * Two flavours, both stored as core/v1 Events (what `kubectl describe` and `kubectl get events`
 * read):
 * - `record()`: client-go's core/v1 recorder (tools/record/event.go, events_cache.go), used by
 *   the kubelet and kube-controller-manager. Name `<object>.<hex UnixNano>` (GenerateEventName),
 *   `source`, `firstTimestamp`/`lastTimestamp`, `count`; an identical repeat (same object,
 *   fieldPath, type, reason, message and source) patches the existing Event: count+1 and a new
 *   lastTimestamp (EventCorrelator / eventLogger).
 * - `recordNew()`: the events.k8s.io/v1 recorder (tools/events) the scheduler uses, as a core/v1
 *   read shows it: `eventTime` (microseconds), `reportingComponent`/`reportingInstance`,
 *   `action`, null first/lastTimestamp, empty source; a repeat within 6 minutes becomes a
 *   `series {count, lastObservedTime}` (tools/events/event_broadcaster.go).
 */
import type { ApiServer } from '../api/apiserver.ts';
import { ApiError } from '../api/errors.ts';
import type { Event, KubeObject } from '../api/types.ts';
import { toRFC3339Micro } from '../clock.ts';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
  component: string;
  /** Node name for the kubelet; empty for controllers. */
  host?: string;
}

interface Aggregate {
  name: string;
  namespace: string;
  count: number;
  first: number;
}

/** tools/events: isomorphic events within this window form a series. */
const SERIES_WINDOW_MS = 6 * 60 * 1000;

export class EventRecorder {
  private readonly seen = new Map<string, Aggregate>();
  private lastNano = 0n;

  constructor(private readonly api: ApiServer) {}

  /** Record a core/v1 event about `obj` (optionally one of its containers via fieldPath). */
  record(obj: KubeObject, source: EventSource, type: EventType, reason: string, message: string, fieldPath?: string): void {
    const ref = reference(obj, fieldPath);
    const ns = ref.namespace || 'default';
    const key = JSON.stringify([ref.kind, ns, ref.name, ref.uid, fieldPath ?? '', type, reason, message, source.component, source.host ?? '']);
    const now = this.api.clock.now();
    const nowStr = this.api.clock.nowRFC3339();
    const prior = this.seen.get(key);
    if (prior && this.api.peek('events', prior.namespace, prior.name)) {
      prior.count++;
      try {
        this.api.patch('events', prior.namespace, prior.name, 'merge', { count: prior.count, lastTimestamp: nowStr });
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    const name = `${ref.name}.${this.nanoHex(now)}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: ref,
      reason,
      message,
      source: source.host ? { component: source.component, host: source.host } : { component: source.component },
      firstTimestamp: nowStr,
      lastTimestamp: nowStr,
      count: 1,
      type,
      eventTime: null,
      reportingComponent: source.component,
      reportingInstance: source.host ?? '',
    };
    this.create(ns, event);
    this.seen.set(key, { name, namespace: ns, count: 1, first: now });
  }

  /** Record an events.k8s.io/v1 event (the scheduler's). */
  recordNew(
    obj: KubeObject,
    reportingController: string,
    reportingInstance: string,
    type: EventType,
    reason: string,
    action: string,
    message: string,
  ): void {
    const ref = reference(obj);
    const ns = ref.namespace || 'default';
    const key = JSON.stringify(['new', ref.kind, ns, ref.name, ref.uid, type, reason, action, message, reportingController]);
    const now = this.api.clock.now();
    const prior = this.seen.get(key);
    if (prior && now - prior.first <= SERIES_WINDOW_MS && this.api.peek('events', prior.namespace, prior.name)) {
      prior.count++;
      try {
        this.api.patch('events', prior.namespace, prior.name, 'merge', {
          series: { count: prior.count, lastObservedTime: toRFC3339Micro(now) },
        });
        return;
      } catch (e) {
        if (!(e instanceof ApiError)) throw e;
      }
    }
    const name = `${ref.name}.${this.nanoHex(now)}`;
    const event: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name, namespace: ns },
      involvedObject: ref,
      reason,
      message,
      source: {},
      firstTimestamp: null,
      lastTimestamp: null,
      type,
      eventTime: toRFC3339Micro(now),
      action,
      reportingComponent: reportingController,
      reportingInstance,
    };
    this.create(ns, event);
    this.seen.set(key, { name, namespace: ns, count: 1, first: now });
  }

  private create(ns: string, event: Event): void {
    try {
      this.api.create('events', ns, event);
    } catch (e) {
      // A recorder never fails its caller (the namespace may be gone).
      if (!(e instanceof ApiError)) throw e;
    }
  }

  /** UnixNano in hex; the virtual clock has millisecond precision, so sub-millisecond digits keep names unique. */
  private nanoHex(ms: number): string {
    let nano = BigInt(ms) * 1_000_000n + BigInt(this.api.random.int(1_000_000));
    if (nano <= this.lastNano) nano = this.lastNano + 1n;
    this.lastNano = nano;
    return nano.toString(16);
  }
}

/** reference.GetReference: what `involvedObject` holds. */
export function reference(obj: KubeObject, fieldPath?: string): Event['involvedObject'] {
  const ref: Event['involvedObject'] = {
    apiVersion: obj.apiVersion,
    kind: obj.kind,
    name: obj.metadata.name,
    uid: obj.metadata.uid,
    resourceVersion: obj.metadata.resourceVersion,
  };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
