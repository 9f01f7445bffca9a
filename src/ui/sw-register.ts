/**
 * Registers static/sw.js (offline after the first visit) in production builds, where the
 * browser has service workers, then asks it to cache every built file (static/sw.js).
 * Only in a page of its own: in a frame the worker would be partitioned by the host anyway, and
 * under a sandbox without allow-same-origin merely reading `navigator.serviceWorker` throws
 * (/work/shared/reference/embedding.md §4).
 */
import { isFramed } from './embed/frame.ts';

export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator) || isFramed()) return;
  addEventListener('load', () => {
    try {
      navigator.serviceWorker
        .register('./sw.js')
        .then(() => navigator.serviceWorker.ready)
        .then((reg) => reg.active?.postMessage({ type: 'precache' }))
        .catch((e) => console.warn('KubeLab: offline mode unavailable', e));
    } catch (e) {
      console.warn('KubeLab: offline mode unavailable', e);
    }
  });
}
