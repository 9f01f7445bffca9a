/**
 * Registers static/sw.js (offline after the first visit) in production builds, where the
 * browser has service workers, then asks it to cache every built file (static/sw.js).
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  addEventListener('load', () => {
    navigator.serviceWorker
      .register('./sw.js')
      .then(() => navigator.serviceWorker.ready)
      .then((reg) => reg.active?.postMessage({ type: 'precache' }))
      .catch((e) => console.warn('KubeLab: offline mode unavailable', e));
  });
}
