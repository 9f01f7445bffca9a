/**
 * The page's address: `#/ko/services-endpoints/3` names a language, a lesson and a step (1-based);
 * `?embed=1` asks for the compact layout an iframe wants, `panes=terminal,editor` for only some
 * panes, `theme=light|dark|auto` for the host's colours. Pure, so it is tested in Node.
 */
import type { Lang } from './i18n.ts';

export type PaneId = 'lesson' | 'terminal' | 'editor' | 'map';
export const ALL_PANES: PaneId[] = ['lesson', 'terminal', 'editor', 'map'];

export interface Route {
  lang?: Lang;
  lesson?: string;
  /** 1-based, as people count steps in a link. */
  step?: number;
}

export interface PageOptions {
  embed: boolean;
  panes?: PaneId[];
  theme?: 'light' | 'dark' | 'auto';
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route: Route = {};
  if (parts[0] === 'ko' || parts[0] === 'en') route.lang = parts.shift() as Lang;
  if (parts[0] && /^[a-z0-9][a-z0-9-]*$/.test(parts[0])) route.lesson = parts[0];
  const step = Number(parts[1]);
  if (route.lesson && Number.isInteger(step) && step >= 1) route.step = step;
  return route;
}

export function formatHash(route: Route): string {
  let h = '#/' + (route.lang ?? 'en');
  if (route.lesson) {
    h += '/' + encodeURIComponent(route.lesson);
    if (route.step) h += '/' + route.step;
  }
  return h;
}

export function parseSearch(search: string): PageOptions {
  const q = new URLSearchParams(search);
  const embed = q.get('embed') === '1' || q.get('embed') === 'true';
  const panes = q
    .get('panes')
    ?.split(',')
    .map((p) => p.trim())
    .filter((p): p is PaneId => (ALL_PANES as string[]).includes(p));
  const t = q.get('theme');
  return { embed, panes: panes && panes.length ? panes : undefined, theme: t === 'light' || t === 'dark' || t === 'auto' ? t : undefined };
}
