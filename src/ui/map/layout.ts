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
  /** The whole name and the line under it (the box's accessible name, its tooltip). */
  title: string;
  sub: string;
  /** The same as drawn: shortened in the middle (`…`) when it would not fit the box. */
  shownTitle: string;
  shownSub: string;
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
  /** An Endpoints arrow to a backend one of the Service's slices also points at: drawn faint. */
  twin: boolean;
}

export interface Layout {
  boxes: Box[];
  byId: Map<string, Box>;
  edges: Edge[];
  width: number;
  height: number;
}

/** The drawing's width (SVG units) is kept between these; the pane scales it at most so much down. */
export const FULL_WIDTH = 900;
const MIN_WIDTH = 400;
export const MIN_SCALE = 0.8;
const ROW = 44;
const PAD = 16; // text inset of a box, both sides
const INSET = 6; // a pod's inset in its node's frame
const MIN_BOX = 96;
const MAX_BOX = 250;
const MIN_GAP = 30;
const MAX_GAP = 64;
const GAP = 14; // between Services, between nodes
/** Rows a node's frame grows by once it holds many pods. */
const POD_STEP = 8;

/**
 * Column positions and widths. Each column is as wide as its longest name needs (in steps of 10,
 * so that pods coming and going do not change it), the gaps take what the pane has to spare; when
 * the pane is too narrow even shown a little smaller (MIN_SCALE), the columns shrink in proportion
 * and names are shortened in the middle. `available`: the pane's width in px.
 */
export function columns(available: number, need: number[]): { col: number[]; w: number[]; width: number } {
  let w = need.map((n) => Math.min(MAX_BOX, Math.max(MIN_BOX, Math.ceil(n / 10) * 10)));
  const target = Math.min(FULL_WIDTH, Math.max(MIN_WIDTH, available));
  let gap = Math.min(MAX_GAP, Math.max(MIN_GAP, (target - 20 - w[0] - w[1] - w[2]) / 2));
  const width = 20 + w[0] + w[1] + w[2] + 2 * gap;
  const most = Math.max(MIN_WIDTH, available / MIN_SCALE);
  if (width > most) {
    const k = (most - 20 - 2 * MIN_GAP) / (w[0] + w[1] + w[2]);
    w = w.map((x) => Math.floor(x * k));
    gap = MIN_GAP;
  }
  gap = Math.round(gap);
  const col = [10, 10 + w[0] + gap, 10 + w[0] + gap + w[1] + gap];
  return { col, w, width: col[2] + w[2] + 10 };
}

export const ids = {
  service: (name: string) => `svc/${name}`,
  endpoints: (name: string) => `ep/${name}`,
  slice: (name: string) => `eps/${name}`,
  pod: (name: string) => `pod/${name}`,
  external: (address: string) => `ext/${address}`,
  node: (name: string) => `node/${name}`,
};

export const BOX_WORDS: Record<Lang, { outside: string; pending: string; slice: string; noClusterIP: string; manager: Record<Manager, string>; short: Record<Manager, string> }> = {
  en: {
    outside: 'outside the cluster',
    pending: 'not scheduled',
    noClusterIP: 'no ClusterIP',
    slice: 'EndpointSlice',
    manager: { controller: 'by the controller', mirroring: 'mirrored', 'hand-made': 'hand-made', stale: 'no longer updated', apiserver: 'by the API server' },
    short: { controller: 'controller', mirroring: 'mirrored', 'hand-made': 'hand-made', stale: 'stale', apiserver: 'API server' },
  },
  ko: {
    outside: '클러스터 밖',
    pending: '스케줄 대기',
    noClusterIP: '클러스터 IP 없음',
    slice: '엔드포인트슬라이스',
    manager: { controller: '컨트롤러가 관리', mirroring: '미러링', 'hand-made': '직접 작성', stale: '갱신 중단됨', apiserver: 'API 서버가 관리' },
    short: { controller: '컨트롤러', mirroring: '미러링', 'hand-made': '직접 작성', stale: '갱신 중단', apiserver: 'API 서버' },
  },
};

/** One layout from scratch (tests). The page keeps a MapLayouter. */
export function layoutMap(m: MapModel, lang: Lang = 'en', available = FULL_WIDTH): Layout {
  return new MapLayouter(lang, available).layout(m);
}

export class MapLayouter {
  private prev: Layout | undefined;
  /** node -> pod names in the order drawn. */
  private slots = new Map<string, string[]>();

  /** `available`: the pane's width in px (the drawing adapts its columns, see `columns`). */
  constructor(
    private readonly lang: Lang,
    private readonly available = FULL_WIDTH,
  ) {}

  layout(m: MapModel): Layout {
    const words = BOX_WORDS[this.lang];
    const { col: COL, w: W, width } = columns(this.available, this.needs(m));
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
      /** The line under the title, and shorter ways to say it for a narrow box. */
      subs: string | string[],
      manager?: Manager,
      ready?: boolean,
      mismatch?: string,
    ) => {
      const sub = typeof subs === 'string' ? subs : subs[0];
      const old = prev?.byId.get(id);
      const entering = prev !== undefined && !old;
      const restyled = !!old && old.manager !== manager;
      const same =
        old && old.x === x && old.y === y && old.w === w && old.h === h && old.title === title && old.sub === sub && old.manager === manager && old.ready === ready && old.mismatch === mismatch && old.entering === entering && old.restyled === restyled;
      const box: Box = same
        ? old
        : { id, kind, x, y, w, h, title, sub, shownTitle: fit(title, w - PAD, TITLE_EM), shownSub: fitFirst(typeof subs === 'string' ? [subs] : subs, w - PAD, SUB_EM), manager, ready, mismatch, entering, restyled };
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
        // Too narrow for both: the IP stays, the colour still tells Ready from not.
        put(ids.pod(name), 'pod', COL[2] + INSET, y3, W[2] - 2 * INSET, ROW - 10, name, [`${p.ip || '-'} ${p.ready ? 'Ready' : p.phase}`, p.ip || p.phase], undefined, p.ready, mismatchOf.get(name)?.join('; '));
        y3 += ROW - 4;
      }
      y3 += (rows - order.length) * (ROW - 4);
      y3 += GAP;
    }
    this.slots = slots;
    for (const e of m.externals) {
      if (e.kind === 'dns') continue; // beside its ExternalName Service, below
      put(ids.external(e.address), 'external', COL[2], y3, W[2], ROW - 10, e.address, e.kind === 'node' ? 'node' : words.outside);
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
        put(ids.endpoints(ep.name), 'endpoints', COL[1], y2, W[1], ROW - 10, `ep/${ep.name}`, [`Endpoints · ${words.manager[ep.manager]}`, `Endpoints · ${words.short[ep.manager]}`, words.short[ep.manager]], ep.manager);
        pending.push({ id: `${ids.service(s.name)}>${ids.endpoints(ep.name)}`, from: ids.service(s.name), to: ids.endpoints(ep.name), style: managedStyle(ep.manager, 'same-name') });
        y2 += ROW;
        for (const ip of ep.ready) target(ids.endpoints(ep.name), ip, true);
        for (const ip of ep.notReady) target(ids.endpoints(ep.name), ip, false);
      }
      for (const sl of m.slices) {
        if (sl.service !== s.name) continue;
        put(ids.slice(sl.name), 'slice', COL[1], y2, W[1], ROW - 10, sl.name, [`${words.slice} · ${words.manager[sl.manager]}`, `${words.slice} · ${words.short[sl.manager]}`, words.short[sl.manager]], sl.manager);
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
        // An ExternalName Service has no endpoints: its DNS name takes their place, beside it.
        const dns = ids.external(s.externalName);
        if (!byId.has(dns)) {
          put(dns, 'external', COL[1], y2, W[1], ROW - 10, s.externalName, 'DNS (CNAME)');
          y2 += ROW;
        }
        pending.push({ id: `${ids.service(s.name)}>dns`, from: ids.service(s.name), to: dns, style: 'dns', label: 'CNAME' });
      }
      put(ids.service(s.name), 'service', COL[0], top, W[0], ROW + 6, `svc/${s.name}`, s.externalName !== undefined ? [`ExternalName, ${words.noClusterIP}`, 'ExternalName'] : [`${s.type} ${s.clusterIP}`, s.clusterIP]);
      y = Math.max(y2, top + ROW + 6) + GAP;
    }

    const prevEdges = new Map(prev?.edges.map((e) => [e.id, e]));
    // Which backends each Service's slices point at (`svc>backend`), to tell twin arrows.
    const viaSlice = new Set<string>();
    const serviceOf = new Map<string, string>();
    for (const p of pending) if (p.from.startsWith('svc/')) serviceOf.set(p.to, p.from);
    for (const p of pending) if (p.from.startsWith('eps/')) viaSlice.add(`${serviceOf.get(p.from)}>${p.to}`);
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
      const twin = p.from.startsWith('ep/') && viaSlice.has(`${serviceOf.get(p.from)}>${p.to}`);
      const same = old && old.d === d && old.style === p.style && old.label === label && old.entering === entering && old.twin === twin && old.from === p.from && old.to === p.to;
      edges.push(same ? old : { id: p.id, from: p.from, to: p.to, style: p.style, label, d, labelX: mx, labelY: (y1 + y2) / 2 - 5, entering, twin });
    }

    const out: Layout = { boxes, byId, edges, width, height: Math.max(y, y3) + 10 };
    this.prev = out;
    return out;

    function target(from: string, address: string, ready: boolean, podName?: string) {
      const pod = podName && podByName.has(podName) ? podName : podByIP.get(address)?.name;
      const to = pod ? ids.pod(pod) : ids.external(address);
      pending.push({ id: `${from}>${to}`, from, to, style: ready ? 'ready' : 'not-ready' });
    }
  }

  /** How wide each column would like to be: its longest title, or its shortest second line. */
  private needs(m: MapModel): number[] {
    const words = BOX_WORDS[this.lang];
    const title = (t: string) => textWidth(t, TITLE_EM) + PAD;
    const sub = (t: string) => textWidth(t, SUB_EM) + PAD;
    let c0 = 0, c1 = 0, c2 = 0;
    for (const s of m.services) c0 = Math.max(c0, title(`svc/${s.name}`), sub(s.clusterIP));
    for (const e of m.endpoints) c1 = Math.max(c1, title(`ep/${e.name}`), sub(words.short[e.manager]));
    for (const sl of m.slices) c1 = Math.max(c1, title(sl.name), sub(words.short[sl.manager]));
    for (const p of m.pods) c2 = Math.max(c2, title(p.name) + 2 * INSET, sub(p.ip) + 2 * INSET);
    for (const e of m.externals) {
      if (e.kind === 'dns') c1 = Math.max(c1, title(e.address));
      else c2 = Math.max(c2, title(e.address));
    }
    return [c0, c1, c2];
  }
}

/** How a box's title and its second line are drawn (ClusterMap.svelte): 12px semi-bold, 11px. */
const TITLE_EM = { px: 12, weight: 1 };
const SUB_EM = { px: 11, weight: 0.9 };
type Face = typeof TITLE_EM;

/**
 * Roughly how wide `text` is drawn, from character classes (widths in em measured on DejaVu Sans,
 * a wide face, in Chromium): Hangul and other wide characters, narrow punctuation, digits, capitals.
 */
function textWidth(text: string, face: Face): number {
  // Names repeat from one layout to the next (every pod's, at each update): measure each once.
  const key = `${face.px}|${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  if (widths.size > 5000) widths.clear();
  const w = measure(text) * face.px * face.weight;
  widths.set(key, w);
  return w;
}
const widths = new Map<string, number>();

function measure(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (/[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef…]/.test(ch)) em += 1;
    else if (/[ .,:;'|!il()[\]\/\-I·]/.test(ch)) em += 0.4;
    else if (/[0-9]/.test(ch)) em += 0.7;
    else if (/[A-Zmw]/.test(ch)) em += 0.78;
    else em += 0.64;
  }
  return em;
}

/** `text`, shortened in the middle when it is wider than `width`: `kubia-…-x7k2p` keeps both ends. */
export function fit(text: string, width: number, em: Face): string {
  if (textWidth(text, em) <= width) return text;
  const chars = [...text];
  let keep = chars.length - 1;
  while (keep > 2) {
    const head = chars.slice(0, Math.ceil(keep / 2)).join('');
    const tail = chars.slice(chars.length - Math.floor(keep / 2)).join('');
    const cut = `${head}…${tail}`;
    if (textWidth(cut, em) <= width) return cut;
    keep--;
  }
  return chars.slice(0, 2).join('') + '…';
}

/** The first of `texts` that fits `width`, else the last one shortened in the middle. */
function fitFirst(texts: string[], width: number, em: Face): string {
  for (const t of texts) if (textWidth(t, em) <= width) return t;
  return fit(texts[texts.length - 1], width, em);
}

function managedStyle(m: Manager, managed: Edge['style']): Edge['style'] {
  return m === 'controller' || m === 'apiserver' ? managed : m === 'stale' ? 'stale' : 'hand-made';
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
