/**
 * What the page can learn about the frame it runs in (/work/shared/reference/embedding.md §4):
 * framed or not, who frames it, what the host lets it do. The `?debug=embed` panel shows these,
 * so a teacher can see why the lab behaves as it does inside Notion, a slide or an LMS.
 */

/** Framed when the top window is another one; reading `top` can itself throw in odd hosts. */
export function isFramed(w: Window = window): boolean {
  try {
    return w.top !== w;
  } catch {
    return true;
  }
}

/**
 * The origins of the frames around this one, nearest first: `location.ancestorOrigins` where the
 * browser has it (not Firefox), else the referrer's origin, which is the parent's for a frame.
 */
export function ancestorOrigins(loc: Location = location, doc: Document = document): string[] {
  const list = (loc as Location & { ancestorOrigins?: DOMStringList }).ancestorOrigins;
  if (list && list.length > 0) return Array.from({ length: list.length }, (_, i) => list.item(i) ?? '');
  try {
    return doc.referrer ? [new URL(doc.referrer).origin] : [];
  } catch {
    return [];
  }
}

type PolicyDoc = Document & { featurePolicy?: { allowsFeature(f: string): boolean }; permissionsPolicy?: { allowsFeature(f: string): boolean } };

/** Whether the host's Permissions Policy lets this frame use a feature; undefined where the browser cannot tell (Firefox, Safari). */
export function allowsFeature(feature: string, doc: Document = document): boolean | undefined {
  const policy = (doc as PolicyDoc).permissionsPolicy ?? (doc as PolicyDoc).featurePolicy;
  try {
    return policy ? policy.allowsFeature(feature) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a Paste menu entry would fail here: in a frame whose host did not allow `clipboard-read`
 * (Notion's does not), reading the clipboard is refused (embedding.md §3); the keys (a native paste
 * event) still work. Where the browser cannot tell (Firefox, Safari), a frame is taken as refusing.
 */
export function clipboardReadBlocked(): boolean {
  return isFramed() && allowsFeature('clipboard-read') !== true;
}

export interface DiagnosticRow {
  key: string;
  value: string;
}

const yesNo = (b: boolean | undefined) => (b === undefined ? 'unknown' : b ? 'yes' : 'no');

/** The rows of the `?debug=embed` panel: facts only, in English (they go into bug reports). */
export function diagnostics(storagePersistent: boolean): DiagnosticRow[] {
  const origins = ancestorOrigins();
  let sw = 'unsupported';
  try {
    if ('serviceWorker' in navigator) sw = navigator.serviceWorker.controller ? 'controlling' : 'not controlling';
  } catch {
    sw = 'disabled (sandboxed)';
  }
  return [
    { key: 'framed', value: yesNo(isFramed()) },
    { key: 'origin', value: location.origin },
    { key: 'ancestor origins', value: origins.length ? origins.join(' < ') : '(none)' },
    { key: 'referrer', value: document.referrer || '(none)' },
    { key: 'storage', value: storagePersistent ? 'localStorage' : 'memory only (blocked)' },
    { key: 'clipboard-write allowed', value: yesNo(allowsFeature('clipboard-write')) },
    { key: 'clipboard-read allowed', value: yesNo(allowsFeature('clipboard-read')) },
    { key: 'fullscreen enabled', value: yesNo(document.fullscreenEnabled) },
    { key: 'service worker', value: sw },
    { key: 'prefers dark', value: yesNo(matchMedia('(prefers-color-scheme: dark)').matches) },
    { key: 'viewport', value: `${innerWidth}×${innerHeight}` },
    { key: 'user agent', value: navigator.userAgent },
  ];
}
