/**
 * Registers the service worker that keeps the app shell on this device (sw.js, generated at build
 * time by vite-plugin-pwa with Workbox; see vite.config.ts), so the app's pages open without a
 * connection and a board opened here before opens from its device copy. Registered
 * {@link registerDelayMs} after the page has loaded and its page chunk is here: installing
 * downloads the files this page has not used (about 17 KB; the rest come from the HTTP cache),
 * and on a slow line that must not compete with the page's own first answers (the board's first
 * sync). Not in `vite dev`, which has no sw.js.
 *
 * A new version's worker takes over at once (skipWaiting, clientsClaim) and drops the old files.
 * A page still running the old version that then asks for one of its chunks (opening a board from
 * the home page) finds it gone: Vite reports that as `vite:preloadError`, and the page reloads
 * into the new version — at most once a minute, so a chunk that truly fails cannot loop.
 */
/// <reference types="vite/client" />
const reloadedAtKey = 'common-ground:reloaded-for-new-version';

/**
 * How long after the first page is ready the service worker is registered. At 400 kbit/s with
 * 400 ms latency a board is live about a second after its code is here (npm run bench --
 * --first-load); 5 s leaves that alone with room to spare.
 */
export const registerDelayMs = 5_000;

/** Call once at start-up with the first page's chunk (index.tsx). */
export function registerOfflineShell(firstPage: Promise<unknown>): void {
  // MODE, not PROD: a build run from the test runner has NODE_ENV=test, and PROD follows NODE_ENV.
  if (import.meta.env.MODE !== 'production' || !('serviceWorker' in navigator)) return;
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch((error: unknown) => {
      // The app works without it, only not offline (private windows, some locked-down browsers).
      console.warn('This browser did not keep the app for offline use.', error);
    });
  };
  const loaded = new Promise<void>((resolve) => {
    if (document.readyState === 'complete') resolve();
    else window.addEventListener('load', () => resolve(), { once: true });
  });
  void Promise.allSettled([loaded, firstPage]).then(() => setTimeout(register, registerDelayMs));

  window.addEventListener('vite:preloadError', (event) => {
    try {
      const last = Number(sessionStorage.getItem(reloadedAtKey) ?? 0);
      if (Date.now() - last < 60_000) return; // let the error surface instead of reloading again
      sessionStorage.setItem(reloadedAtKey, String(Date.now()));
    } catch {
      return; // no storage to guard against a loop: no automatic reload
    }
    event.preventDefault();
    location.reload();
  });
}
