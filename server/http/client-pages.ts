/**
 * How the built client is sent, whichever runtime sends it (Node: runtime/node-client-assets.ts,
 * Workers: runtime/worker-client-assets.ts), so both answer with the same headers (issue 10, the
 * first load on a slow connection; issue 11, the same app on Workers):
 *
 * - `/assets/*` carry a hash of their content in their names, so a name never changes meaning:
 *   `public, max-age=31536000, immutable` — a year, never revalidated.
 * - Everything else — pages, `index.html`, the service worker `sw.js` and its Workbox runtime —
 *   names the current version: `no-cache`, so the browser asks every time (and a new version's
 *   service worker is found at once).
 * - The app's own pages are index.html; each says in a `Link` header which chunks it will load
 *   (`rel=modulepreload`, its CSS `rel=preload`), read from the build's manifest: the browser
 *   fetches them beside the entry script instead of after it, one round trip sooner on a slow line.
 * - Paths starting with `/.` (the build's `.vite/manifest.json`) are for the server, never sent.
 */

/** `Cache-Control` for hashed build output: kept a year and never asked about again. */
export const hashedAssetCaching = 'public, max-age=31536000, immutable';
/** `Cache-Control` for pages and other unhashed files: stored, but checked before every use. */
export const pageCaching = 'no-cache';

/** Where the build writes Vite's manifest, relative to dist/client (vite.config.ts `build.manifest`). */
export const manifestFile = '.vite/manifest.json';

/** The paths the server answers with index.html: the app's own pages (docs/contract.md, "Pages"). */
export function isClientPage(path: string): boolean {
  return path === '/' || path === '/account' || path.startsWith('/boards/') || path.startsWith('/invite/');
}

/** Paths never sent as files: dot-files and dot-folders such as the build's `.vite/`. */
export function isHiddenPath(path: string): boolean {
  return path.startsWith('/.');
}

/** The `Cache-Control` a file sent at `path` gets. */
export function cachingFor(path: string): string {
  return path.startsWith('/assets/') ? hashedAssetCaching : pageCaching;
}

/**
 * The source module of each page's chunk (client/src/index.tsx loads one per page), by the path
 * the page is served at; the manifest names the built files by these.
 */
const pageModules: readonly { matches: (path: string) => boolean; module: string }[] = [
  { matches: (path) => path.startsWith('/boards/'), module: 'src/board/BoardPage.tsx' },
  { matches: (path) => path.startsWith('/invite/'), module: 'src/pages/InvitePage.tsx' },
  { matches: (path) => path === '/account', module: 'src/pages/AccountPage.tsx' },
  { matches: (path) => path === '/', module: 'src/pages/HomePage.tsx' },
];

/** One chunk of Vite's build manifest (the fields used here). */
interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
}

/** Each page module's `Link` header value; see {@link preloadLinks}. */
export type PreloadLinks = ReadonlyMap<string, string>;

/**
 * The `Link` header value for each page module, from the parsed manifest: its chunk, the chunks it
 * imports (not the entry, which the page's own script tag loads) and their CSS. Empty for a build
 * without a manifest (`null`) or anything that is not one.
 */
export function preloadLinks(manifest: unknown): PreloadLinks {
  const links = new Map<string, string>();
  if (typeof manifest !== 'object' || manifest === null) return links;
  const chunks = manifest as Record<string, ManifestChunk | undefined>;
  for (const { module } of pageModules) {
    const scripts = new Set<string>();
    const styles = new Set<string>();
    const visit = (key: string) => {
      const chunk = chunks[key];
      if (typeof chunk?.file !== 'string' || chunk.isEntry || scripts.has(chunk.file)) return;
      scripts.add(chunk.file);
      chunk.css?.forEach((file) => styles.add(file));
      chunk.imports?.forEach(visit);
    };
    visit(module);
    const values = [...[...scripts].map((file) => `</${file}>; rel=modulepreload`), ...[...styles].map((file) => `</${file}>; rel=preload; as=style; crossorigin`)];
    if (values.length > 0) links.set(module, values.join(', '));
  }
  return links;
}

/** The `Link` header for the page at `path`, or undefined when it is no page or has no chunks. */
export function pageLink(links: PreloadLinks, path: string): string | undefined {
  if (!isClientPage(path)) return undefined;
  const module = pageModules.find((page) => page.matches(path))?.module;
  return module === undefined ? undefined : links.get(module);
}

/**
 * Sets the caching headers of a file about to be sent from `path` (its `Link` too, for a page).
 * The response's headers must be mutable.
 */
export function withCaching(response: Response, path: string, links: PreloadLinks): Response {
  response.headers.set('Cache-Control', cachingFor(path));
  // The same address is sent compressed or not, by Accept-Encoding: caches must keep them apart.
  const vary = response.headers.get('Vary');
  if (vary === null) response.headers.set('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(vary)) response.headers.set('Vary', `${vary}, Accept-Encoding`);
  const link = pageLink(links, path);
  if (link !== undefined) response.headers.set('Link', link);
  return response;
}
