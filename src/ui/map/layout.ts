/**
 * Where each thing of the cluster map goes and what it says: three columns (Services | Endpoints
 * and EndpointSlices | pods by node and addresses outside). Positions are in SVG units.
 *
 * A MapLayouter remembers the previous layout so that an update moves as little as possible and
 * costs little to draw: a pod keeps its place in its node (a new pod takes the place of one that
 * went, or goes last), a box or an arrow that did not change is the very same object as before
 * (Svelte then skips it), and what is new or changed style since the previous layout is marked
 * (`entering`, `restyled`) for the drawing to animate.
 */
import type { Manager, MapModel } from './model.ts';
import type { Lang } from './describe-map.ts';

export interface Box {
  id: string;
  kind: 'service' | 'endpoints' | 'slice' | 'pod' | 'external' | 'node';
  x: number;
  y: number;
  w: number;
  h: number;
  title: string;
  sub: string;
  /** Endpoints and slices: who writes them. */
  manager: Manager | undefined;
  /** Pods: Ready or not. */
  ready: boolean | undefined;
  /** Pods no Service selects though they share a label key: their labels next to the selector. */
  mismatch: string | undefined;
  /** Not in the previous layout. */
  entering: boolean;
  /** Endpoints or slice whose manager changed since the previous layout (a selector added or removed). */
  restyled: boolean;
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  style: 'selector' | 'same-name' | 'ready' | 'not-ready' | 'dns' | 'hand-made' | 'stale';
  label: string | undefined;
  /** The SVG path from the right edge of `from` to the left edge of `to`. */
  d: string;
  labelX: number;
  labelY: number;
  /** Not in the previous layout: the arrow draws in. */
  entering: boolean;
}

export interface Layout {
  boxes: Box[];
  byId: Map<string, Box>;
  edges: Edge[];
  width: number;
  height: number;
}

export const COL = [10, 250, 500];
export const W = [200, 210, 200];
const ROW = 44;
const GAP = 14;
/** Rows a node's frame grows by once it holds many pods. */
const POD_STEP = 8;

export const ids = {
  service: (name: string) => `svc/${name}`,
  endpoints: (name: string) => `ep/${name}`,
  slice: (name: string) => `eps/${name}`,
  pod: (name: string) => `pod/${name}`,
  external: (address: string) => `ext/${address}`,
  node: (name: string) => `node/${name}`,
};

export const BOX_WORDS: Record<Lang, { outside: string; pending: string; manager: Record<Manager, string> }> = {
  en: {
    outside: 'outside the cluster',
    pending: 'not scheduled',
    manager: { controller: 'managed by controller', mirroring: 'mirrored', 'hand-made': 'hand-made', stale: 'no longer updated' },
  },
  ko: {
    outside: '클러스터 밖',
    pending: '스케줄 대기',
    manager: { controller: '컨트롤러가 관리', mirroring: '미러링', 'hand-made': '직접 작성', stale: '더 이상 갱신 안 됨' },
  },
};

/** One layout from scratch (tests). The page keeps a MapLayouter. */
export function layoutMap(m: MapModel, lang: Lang = 'en'): Layout {
  return new MapLayouter(lang).layout(m);
}

export class MapLayouter {
  private prev: Layout | undefined;
  /** node -> pod names in the order drawn. */
  private slots = new Map<string, string[]>();

  constructor(private readonly lang: Lang) {}

  layout(m: MapModel): Layout {
    const words = BOX_WORDS[this.lang];
    const prev = this.prev;
    const boxes: Box[] = [];
    const byId = new Map<string, Box>();
    const edges: Edge[] = [];
    const podByName = new Map(m.pods.map((p) => [p.name, p]));
    const podByIP = new Map(m.pods.filter((p) => p.ip).map((p) => [p.ip, p]));
    const mismatchOf = new Map<string, string[]>();
    for (const mm of m.mismatches) {
      const list = mismatchOf.get(mm.pod) ?? [];
      list.push(`${mm.labels || '-'} ≠ ${mm.selector}`);
      mismatchOf.set(mm.pod, list);
    }

    // A box equal to the previous one is that same object: nothing to redraw.
    const put = (
      id: string,
      kind: Box['kind'],
      x: number,
      y: number,
      w: number,
      h: number,
      title: string,
      sub: string,
      manager?: Manager,
      ready?: boolean,
      mismatch?: string,
    ) => {
      const old = prev?.byId.get(id);
      const entering = prev !== undefined && !old;
      const restyled = !!old && old.manager !== manager;
      const same =
        old && old.x === x && old.y === y && old.w === w && old.h === h && old.title === title && old.sub === sub && old.manager === manager && old.ready === ready && old.mismatch === mismatch && old.entering === entering && old.restyled === restyled;
      const box: Box = same ? old : { id, kind, x, y, w, h, title, sub, manager, ready, mismatch, entering, restyled };
      boxes.push(box);
      byId.set(id, box);
    };

    // Column 3 first: pods grouped by node, each keeping its place; then addresses outside.
    const podsByNode = new Map<string, string[]>();
    for (const p of m.pods) {
      const key = p.node || '';
      if (!podsByNode.has(key)) podsByNode.set(key, []);
      podsByNode.get(key)!.push(p.name);
    }
    const slots = new Map<string, string[]>();
    let y3 = 10;
    for (const node of [...podsByNode.keys()].sort()) {
      const order = placePods(this.slots.get(node), podsByNode.get(node)!);
      slots.set(node, order);
      const top = y3;
      y3 += 22;
      // The node's frame goes first so that it is drawn under its pods. A big node gets its
      // height in steps of POD_STEP rows, so that one more pod does not move every pod below.
      const rows = order.length < POD_STEP * 2 ? order.length : Math.ceil(order.length / POD_STEP) * POD_STEP;
      put(ids.node(node || '(pending)'), 'node', COL[2], top, W[2], rows * (ROW - 4) + 26, node || words.pending, '');
      for (const name of order) {
        const p = podByName.get(name)!;
        put(ids.pod(name), 'pod', COL[2] + 8, y3, W[2] - 16, ROW - 10, name, `${p.ip || '-'} ${p.ready ? 'Ready' : p.phase}`, undefined, p.ready, mismatchOf.get(name)?.join('; '));
        y3 += ROW - 4;
      }
      y3 += (rows - order.length) * (ROW - 4);
      y3 += GAP;
    }
    this.slots = slots;
    for (const e of m.externals) {
      put(ids.external(e.address), 'external', COL[2], y3, W[2], ROW - 10, e.address, e.kind === 'dns' ? 'DNS' : e.kind === 'node' ? 'node' : words.outside);
      y3 += ROW;
    }

    // Columns 1 and 2: each Service with its Endpoints and slices beside it.
    let y = 10;
    const pending: { id: string; from: string; to: string; style: Edge['style']; label?: string }[] = [];
    for (const s of m.services) {
      const top = y;
      let y2 = y;
      const ep = m.endpoints.find((e) => e.name === s.name);
      if (ep) {
        put(ids.endpoints(ep.name), 'endpoints', COL[1], y2, W[1], ROW - 10, `ep/${ep.name}`, words.manager[ep.manager], ep.manager);
        pending.push({ id: `${ids.service(s.name)}>${ids.endpoints(ep.name)}`, from: ids.service(s.name), to: ids.endpoints(ep.name), style: managedStyle(ep.manager, 'same-name') });
        y2 += ROW;
        for (const ip of ep.ready) target(ids.endpoints(ep.name), ip, true);
        for (const ip of ep.notReady) target(ids.endpoints(ep.name), ip, false);
      }
      for (const sl of m.slices) {
        if (sl.service !== s.name) continue;
        put(ids.slice(sl.name), 'slice', COL[1], y2, W[1], ROW - 10, `endpointslice/${sl.name}`, words.manager[sl.manager], sl.manager);
        pending.push({
          id: `${ids.service(s.name)}>${ids.slice(sl.name)}`,
          from: ids.service(s.name),
          to: ids.slice(sl.name),
          style: managedStyle(sl.manager, 'selector'),
          ...(s.selector && sl.manager === 'controller' ? { label: s.selector } : {}),
        });
        y2 += ROW;
        for (const e of sl.endpoints) target(ids.slice(sl.name), e.address, e.ready, e.pod);
      }
      if (s.externalName !== undefined) {
        pending.push({ id: `${ids.service(s.name)}>dns`, from: ids.service(s.name), to: ids.external(s.externalName), style: 'dns', label: 'CNAME' });
      }
      put(ids.service(s.name), 'service', COL[0], top, W[0], ROW + 6, `svc/${s.name}`, s.externalName !== undefined ? `ExternalName → ${s.externalName}` : `${s.type} ${s.clusterIP}`);
      y = Math.max(y2, top + ROW + 6) + GAP;
    }

    const prevEdges = new Map(prev?.edges.map((e) => [e.id, e]));
    for (const p of pending) {
      const a = byId.get(p.from);
      const b = byId.get(p.to);
      if (!a || !b) continue;
      const x1 = a.x + a.w, y1 = a.y + a.h / 2, x2 = b.x, y2 = b.y + b.h / 2;
      const mx = (x1 + x2) / 2;
      const d = `M${x1},${y1} C${mx},${y1} ${mx},${y2} ${x2},${y2}`;
      const old = prevEdges.get(p.id);
      const entering = prev !== undefined && !old;
      const label = p.label;
      const same = old && old.d === d && old.style === p.style && old.label === label && old.entering === entering && old.from === p.from && old.to === p.to;
      edges.push(same ? old : { id: p.id, from: p.from, to: p.to, style: p.style, label, d, labelX: x1 + 6, labelY: y1 - 6, entering });
    }

    const out: Layout = { boxes, byId, edges, width: COL[2] + W[2] + 10, height: Math.max(y, y3) + 10 };
    this.prev = out;
    return out;

    function target(from: string, address: string, ready: boolean, podName?: string) {
      const pod = podName && podByName.has(podName) ? podName : podByIP.get(address)?.name;
      const to = pod ? ids.pod(pod) : ids.external(address);
      pending.push({ id: `${from}>${to}`, from, to, style: ready ? 'ready' : 'not-ready' });
    }
  }
}

function managedStyle(m: Manager, managed: Edge['style']): Edge['style'] {
  return m === 'controller' ? managed : m === 'stale' ? 'stale' : 'hand-made';
}

/**
 * The drawing order of a node's pods: those drawn before keep their places, a new pod takes the
 * place of one that went (a replaced pod's successor appears where it was), the rest go last;
 * places nobody took are closed up.
 */
export function placePods(before: string[] | undefined, now: string[]): string[] {
  if (!before) return now;
  const present = new Set(now);
  const kept = new Set<string>();
  const order: (string | undefined)[] = before.map((n) => {
    if (!present.has(n)) return undefined;
    kept.add(n);
    return n;
  });
  const fresh = now.filter((n) => !kept.has(n));
  let i = 0;
  for (let k = 0; k < order.length && i < fresh.length; k++) if (order[k] === undefined) order[k] = fresh[i++];
  for (; i < fresh.length; i++) order.push(fresh[i]);
  return order.filter((n): n is string => n !== undefined);
}
