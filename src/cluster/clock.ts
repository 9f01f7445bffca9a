/**
 * The one clock of a simulated cluster. Everything that reads time (creationTimestamp, AGE,
 * a pod becoming Ready) reads it here, and time-based work is scheduled here.
 *
 * It is always virtual: tests and the headless shell advance it explicitly (`sleep N`), the page
 * advances it to follow real time (see `followRealTime`). Timers fire in due order, ties in the
 * order they were scheduled, so a run is reproducible.
 */
export type TimerId = number;

interface Timer {
  id: TimerId;
  due: number;
  fn: () => void;
}

export class Clock {
  private current: number;
  private timers: Timer[] = [];
  private nextId = 1;

  constructor(startMs: number) {
    this.current = startMs;
  }

  /** Milliseconds since the Unix epoch, simulated. */
  now(): number {
    return this.current;
  }

  /** RFC 3339 with whole seconds, as metav1.Time serialises: `2026-11-26T04:00:00Z`. */
  nowRFC3339(): string {
    return toRFC3339(this.current);
  }

  schedule(delayMs: number, fn: () => void): TimerId {
    const timer: Timer = { id: this.nextId++, due: this.current + Math.max(0, delayMs), fn };
    // Keep the list sorted by due time; equal times keep insertion order.
    let i = this.timers.length;
    while (i > 0 && this.timers[i - 1].due > timer.due) i--;
    this.timers.splice(i, 0, timer);
    return timer.id;
  }

  cancel(id: TimerId): void {
    const i = this.timers.findIndex((t) => t.id === id);
    if (i >= 0) this.timers.splice(i, 1);
  }

  /** The time the next timer is due, or undefined when nothing is scheduled. */
  nextDue(): number | undefined {
    return this.timers[0]?.due;
  }

  pendingTimers(): number {
    return this.timers.length;
  }

  /** Advance by `ms`, firing every timer that falls due on the way, at its own time. */
  advance(ms: number): void {
    this.advanceTo(this.current + Math.max(0, ms));
  }

  advanceTo(targetMs: number): void {
    while (this.timers.length > 0 && this.timers[0].due <= targetMs) {
      const timer = this.timers.shift()!;
      if (timer.due > this.current) this.current = timer.due;
      timer.fn();
    }
    if (targetMs > this.current) this.current = targetMs;
  }
}

/** The last second formatted: the clock asks for the same one many times in a row. */
let lastSecond = NaN;
let lastText = '';

export function toRFC3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}

/** RFC 3339 with microseconds, as metav1.MicroTime serialises (eventTime, lease renewTime). */
export function toRFC3339Micro(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-26T04:00:00.123Z
  return iso.replace(/\.(\d{3})Z$/, '.$1000Z');
}

export function parseRFC3339(s: string): number {
  const t = Date.parse(s);
  return Number.isNaN(t) ? 0 : t;
}
