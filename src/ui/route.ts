/**
 * The page's address: `#/ko/services-endpoints/3` names a language, a lesson and a step (1-based);
 * `#/ko/course` the course overview, `#/ko/services-endpoints/sandbox` the lesson's sandbox;
 * `?embed=1` asks for the compact layout an iframe wants, `panes=terminal,editor` for only some
 * panes, `theme=light|dark|auto` for the host's colours; `debug=embed` shows what the host allows
 * (src/ui/embed/), `resume=CODE` carries progress into a popped-out tab. Pure, so it is tested in
 * Node.
 */
import type { Lang } from './i18n.ts';

export type PaneId = 'lesson' | 'terminal' | 'editor' | 'map';
export const ALL_PANES: PaneId[] = ['lesson', 'terminal', 'editor', 'map'];

export interface Route {
  lang?: Lang;
  lesson?: string;
  /** 1-based, as people count steps in a link. */
  step?: number;
  /** The course overview (`#/ko/course`). */
  course?: boolean;
  /** The lesson's sandbox: its cluster, no steps. */
  sandbox?: boolean;
}

export interface PageOptions {
  embed: boolean;
  panes?: PaneId[];
  theme?: 'light' | 'dark' | 'auto';
  /** `?debug=embed`: the embedding diagnostics panel. */
  debugEmbed?: boolean;
  /** A progress code (lab.ts exportCode) to restore on load: how a pop-out carries the frame's progress. */
  resume?: string;
}

export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  const route: Route = {};
  if (parts[0] === 'ko' || parts[0] === 'en') route.lang = parts.shift() as Lang;
  if (parts[0] === 'course') {
    route.course = true;
    return route;
  }
  if (parts[0] && /^[a-z0-9][a-z0-9-]*$/.test(parts[0])) route.lesson = parts[0];
  if (route.lesson && parts[1] === 'sandbox') {
    route.sandbox = true;
    return route;
  }
  const step = Number(parts[1]);
  if (route.lesson && Number.isInteger(step) && step >= 1) route.step = step;
  return route;
}

export function formatHash(route: Route): string {
  let h = '#/' + (route.lang ?? 'en');
  if (route.course) return h + '/course';
  if (route.lesson) {
    h += '/' + encodeURIComponent(route.lesson);
    if (route.sandbox) h += '/sandbox';
    else if (route.step) h += '/' + route.step;
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
  const resume = q.get('resume');
  return {
    embed,
    panes: panes && panes.length ? panes : undefined,
    theme: t === 'light' || t === 'dark' || t === 'auto' ? t : undefined,
    debugEmbed: q.get('debug') === 'embed' || undefined,
    resume: resume && /^[A-Za-z0-9_-]+$/.test(resume) ? resume : undefined,
  };
}

/** Query parameters that only make sense inside a frame: a popped-out tab drops them. */
const FRAME_ONLY = ['embed', 'panes', 'theme', 'debug', 'resume'];

/**
 * The address of the same lesson and step as a page of its own: the frame's own address without
 * its frame-only parameters, with the progress code when there is one (the tab will not see the
 * frame's storage: it is partitioned by the host, or blocked).
 */
export function popOutHref(href: string, resume?: string): string {
  const url = new URL(href);
  for (const k of FRAME_ONLY) url.searchParams.delete(k);
  if (resume) url.searchParams.set('resume', resume);
  return url.toString();
}

/** The address without `resume` once the progress it carried is restored (a reload must not restore it again). */
export function withoutResume(href: string): string {
  const url = new URL(href);
  url.searchParams.delete('resume');
  return url.toString();
}
