/**
 * Line numbers for paths in a YAML text, so a failed file check can put the editor's marker on
 * the line at fault (`spec.selector.app` -> the line of `app:`). Built from js-yaml's event
 * stream, which carries source offsets.
 */
import { EVENT_ID, parseEvents, type Event } from 'js-yaml';
import type { Segment } from './path.ts';

type Key = string | number;

interface Frame {
  kind: 'map' | 'seq';
  path: Key[];
  /** Mapping: the key just read, waiting for its value. */
  pendingKey?: { key: string; offset: number };
  index: number;
}

/** Per document: path (joined) -> 1-based line. */
export class YamlLines {
  private readonly docs: Map<string, number>[] = [];

  constructor(source: string) {
    let events: Event[];
    try {
      events = parseEvents(source, {});
    } catch {
      return;
    }
    const lineAt = (offset: number) => {
      let line = 1;
      for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
      return line;
    };
    let map = new Map<string, number>();
    const stack: Frame[] = [];
    // Where the node now starting sits: its path and the offset of what names it.
    const place = (nodeOffset: number): { path: Key[]; offset: number } | undefined => {
      const top = stack[stack.length - 1];
      if (!top) return { path: [], offset: nodeOffset };
      if (top.kind === 'seq') return { path: [...top.path, top.index++], offset: nodeOffset };
      if (!top.pendingKey) return undefined; // this node is a key
      const p = { path: [...top.path, top.pendingKey.key], offset: top.pendingKey.offset };
      top.pendingKey = undefined;
      return p;
    };
    for (const ev of events) {
      switch (ev.type) {
        case EVENT_ID.DOCUMENT:
          map = new Map();
          this.docs.push(map);
          stack.length = 0;
          break;
        case EVENT_ID.MAPPING:
        case EVENT_ID.SEQUENCE: {
          const p = place(ev.start);
          const path = p?.path ?? [];
          if (p) map.set(join(path), lineAt(Math.max(0, p.offset)));
          stack.push({ kind: ev.type === EVENT_ID.MAPPING ? 'map' : 'seq', path, index: 0 });
          break;
        }
        case EVENT_ID.SCALAR: {
          const top = stack[stack.length - 1];
          if (top && top.kind === 'map' && !top.pendingKey) {
            top.pendingKey = { key: source.slice(ev.valueStart, ev.valueEnd).replace(/^['"]|['"]$/g, ''), offset: ev.valueStart };
            break;
          }
          const p = place(ev.valueStart);
          if (p) map.set(join(p.path), lineAt(Math.max(0, p.offset)));
          break;
        }
        case EVENT_ID.ALIAS:
          place(ev.anchorStart);
          break;
        case EVENT_ID.POP:
          stack.pop();
          break;
      }
    }
  }

  /**
   * The line of the deepest part of `path` present in document `doc`: a missing
   * `spec.selector.app` points at `selector:`, or at `spec:` when there is no selector.
   */
  lineOf(doc: number, path: Segment[]): number {
    const map = this.docs[doc];
    if (!map) return 1;
    const keys: Key[] = [];
    let best = map.get(join([])) ?? 1;
    for (const seg of path) {
      if ('all' in seg || 'filter' in seg) break;
      keys.push('key' in seg ? seg.key : seg.index);
      const line = map.get(join(keys));
      if (line === undefined) break;
      best = line;
    }
    return best;
  }
}

function join(path: Key[]): string {
  return path.map(String).join('\u0000');
}
