/**
 * Atkinson Hyperlegible Next (fonts.css) without making anyone wait for it. On a slow connection
 * its 25 KB would share the line with the app's own files and put off the live board (measured:
 * bench/font-cost.ts, docs/BENCHMARKS.md), and swapping fonts under someone already reading the
 * board would move every line. So:
 * - when this device already has the font files (a visit before fetched them), the page uses the
 *   font from its first paint: the files come from the browser's cache (they are immutable);
 * - otherwise the page keeps the system font, and some time after it has loaded, when the browser
 *   is idle, it fetches the two files into the cache for the next visit — never changing the font
 *   on this one.
 */
/// <reference types="vite/client" />
import regular from '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-400-normal.woff2?url';
import bold from '@fontsource/atkinson-hyperlegible-next/files/atkinson-hyperlegible-next-latin-700-normal.woff2?url';

/**
 * How long after the page's load event the files are fetched. The load event comes before a board
 * has synced (that runs over its socket after the scripts), and on a 400 kbit/s line 25 KB fetched
 * then would hold the board back; 15 s later the board is live and the line is quiet.
 */
const quietAfterLoadMs = 15_000;

/** localStorage: "cached" once this device has fetched both files. */
export const readableFontKey = 'common-ground:readable-font';
/** The class on <html> that switches the font on (fonts.css). */
export const readableFontClass = 'readable-font';

function remembered(): boolean {
  try {
    return localStorage.getItem(readableFontKey) === 'cached';
  } catch {
    return false; // storage refused: the system font, every time
  }
}

/** Call once at start, before the first render. */
export function applyReadableFont(): void {
  if (remembered()) {
    document.documentElement.classList.add(readableFontClass);
    return;
  }
  const fetchForNextTime = () => {
    Promise.all(
      [regular, bold].map(async (url) => {
        const response = await fetch(url);
        if (!response.ok) throw new Error(`${url}: ${response.status}`);
        await response.arrayBuffer();
      }),
    ).then(
      () => {
        try {
          localStorage.setItem(readableFontKey, 'cached');
        } catch {
          // Storage refused: nothing to remember it in, so the next visit uses the system font.
        }
      },
      // Offline or refused: the system font stays, and the next visit tries again. Nothing is lost.
      () => undefined,
    );
  };
  const whenQuiet = () =>
    setTimeout(() => {
      if ('requestIdleCallback' in window) requestIdleCallback(fetchForNextTime, { timeout: 10_000 });
      else fetchForNextTime();
    }, quietAfterLoadMs);
  if (document.readyState === 'complete') whenQuiet();
  else window.addEventListener('load', whenQuiet, { once: true });
}
