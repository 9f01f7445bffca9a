/**
 * Where each thing of the cluster map goes: three columns (Services | Endpoints and
 * EndpointSlices | pods by node and addresses outside), rows in a stable order so that an
 * update moves as little as possible. Pure: positions only, in SVG units.
 */
import type { MapModel } from './model.ts';

export interface Box {
  id: string;
  kind: 'service' | 'endpoints' | 'slice' | 'pod' | 'external' | 'node';
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Edge {
  id: string;
  from: string;
  to: string;
  style: 'selector' | 'same-name' | 'ready' | 'not-ready' | 'dns' | 'hand-made';
  label?: string;
}

export interface Layout {
  boxes: Map<string, Box>;
  edges: Edge[];
  width: number;
  height: number;
}

const COL = [10, 250, 500];
const W = [200, 210, 200];
const ROW = 44;
const GAP = 14;

export const ids = {
  service: (name: string) => `svc/${name}`,
  endpoints: (name: string) => `ep/${name}`,
  slice: (name: string) => `eps/${name}`,
  pod: (name: string) => `pod/${name}`,
  external: (address: string) => `ext/${address}`,
  node: (name: string) => `node/${name}`,
};

export function layoutMap(m: MapModel): Layout {
  const boxes = new Map<string, Box>();
  const edges: Edge[] = [];
  // Column 3 first: pods grouped by node, then addresses outside the cluster.
  let y3 = 10;
  const podsByNode = new Map<string, string[]>();
  for (const p of m.pods) {
    const key = p.node || '';
    if (!podsByNode.has(key)) podsByNode.set(key, []);
    podsByNode.get(key)!.push(p.name);
  }
  for (const node of [...podsByNode.keys()].sort()) {
    const names = podsByNode.get(node)!;
    const top = y3;
    y3 += 22;
    for (const name of names) {
      boxes.set(ids.pod(name), { id: ids.pod(name), kind: 'pod', x: COL[2] + 8, y: y3, w: W[2] - 16, h: ROW - 10 });
      y3 += ROW - 4;
    }
    boxes.set(ids.node(node || '(pending)'), { id: ids.node(node || '(pending)'), kind: 'node', x: COL[2], y: top, w: W[2], h: y3 - top + 4 });
    y3 += GAP;
  }
  for (const e of m.externals) {
    boxes.set(ids.external(e.address), { id: ids.external(e.address), kind: 'external', x: COL[2], y: y3, w: W[2], h: ROW - 10 });
    y3 += ROW;
  }
  // Columns 1 and 2: each Service with its Endpoints and slices beside it.
  let y = 10;
  for (const s of m.services) {
    const top = y;
    let y2 = y;
    const ep = m.endpoints.find((e) => e.name === s.name);
    if (ep) {
      boxes.set(ids.endpoints(ep.name), { id: ids.endpoints(ep.name), kind: 'endpoints', x: COL[1], y: y2, w: W[1], h: ROW - 10 });
      edges.push({ id: `${ids.service(s.name)}>${ids.endpoints(ep.name)}`, from: ids.service(s.name), to: ids.endpoints(ep.name), style: ep.manager === 'controller' ? 'same-name' : 'hand-made' });
      y2 += ROW;
      for (const ip of ep.ready) addTarget(ids.endpoints(ep.name), ip, true);
      for (const ip of ep.notReady) addTarget(ids.endpoints(ep.name), ip, false);
    }
    for (const sl of m.slices.filter((x) => x.service === s.name)) {
      boxes.set(ids.slice(sl.name), { id: ids.slice(sl.name), kind: 'slice', x: COL[1], y: y2, w: W[1], h: ROW - 10 });
      edges.push({
        id: `${ids.service(s.name)}>${ids.slice(sl.name)}`,
        from: ids.service(s.name),
        to: ids.slice(sl.name),
        style: sl.manager === 'controller' ? 'selector' : 'hand-made',
        ...(s.selector && sl.manager === 'controller' ? { label: s.selector } : {}),
      });
      y2 += ROW;
      for (const e of sl.endpoints) addTarget(ids.slice(sl.name), e.address, e.ready, e.pod);
    }
    if (s.externalName !== undefined) {
      edges.push({ id: `${ids.service(s.name)}>dns`, from: ids.service(s.name), to: ids.external(s.externalName), style: 'dns', label: 'CNAME' });
    }
    boxes.set(ids.service(s.name), { id: ids.service(s.name), kind: 'service', x: COL[0], y: top, w: W[0], h: ROW + 6 });
    y = Math.max(y2, top + ROW + 6) + GAP;
  }
  return { boxes, edges, width: COL[2] + W[2] + 10, height: Math.max(y, y3) + 10 };

  function addTarget(from: string, address: string, ready: boolean, podName?: string) {
    const pod = podName ?? m.pods.find((p) => p.ip === address)?.name;
    const to = pod ? ids.pod(pod) : ids.external(address);
    edges.push({ id: `${from}>${to}`, from, to, style: ready ? 'ready' : 'not-ready' });
  }
}
