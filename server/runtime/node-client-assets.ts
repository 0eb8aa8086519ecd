/**
 * The built client on Node: its files as they are, index.html for the app's own pages, each sent
 * pre-compressed when the browser accepts it and with the caching that suits it (issue 10: the
 * first load on a slow connection).
 *
 * - Compression: the build writes `.br` and `.gz` beside each file (vite.config.ts);
 *   @hono/node-server's `precompressed` sends the best one the request's `Accept-Encoding` allows,
 *   with `Content-Encoding` and `Vary: Accept-Encoding`, and the file itself otherwise.
 * - `/assets/*` carry a hash of their content in their names, so a name never changes meaning:
 *   `public, max-age=31536000, immutable` — a year, never revalidated.
 * - Everything else — pages, `index.html`, the service worker `sw.js` and its Workbox runtime —
 *   names the current version: `no-cache`, so the browser asks every time (and a new version's
 *   service worker is found at once).
 * - Each page says in a `Link` header which chunks it will load (`rel=modulepreload`, its CSS
 *   `rel=preload`), read from the build's manifest: the browser fetches them beside the entry
 *   script instead of after it, one round trip sooner on a slow line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';

/** `Cache-Control` for hashed build output: kept a year and never asked about again. */
export const hashedAssetCaching = 'public, max-age=31536000, immutable';
/** `Cache-Control` for pages and other unhashed files: stored, but checked before every use. */
export const pageCaching = 'no-cache';

/** The paths the server answers with index.html: the app's own pages (docs/contract.md, "Pages"). */
export function isClientPage(path: string): boolean {
  return path === '/' || path === '/account' || path.startsWith('/boards/') || path.startsWith('/invite/');
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

/**
 * The `Link` header value for each page module: its chunk, the chunks it imports (not the entry,
 * which the page's own script tag loads) and their CSS. Empty when the build has no manifest.
 */
function preloadLinks(root: string): Map<string, string> {
  let manifest: Record<string, ManifestChunk>;
  try {
    manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  } catch {
    return new Map(); // an older build without a manifest: pages load their chunks as they go
  }
  const links = new Map<string, string>();
  for (const { module } of pageModules) {
    const scripts = new Set<string>();
    const styles = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (chunk === undefined || chunk.isEntry || scripts.has(chunk.file)) return;
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

/** Serves the client built into `root` (dist/client). */
export function clientAssets(root: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true });
  const page = serveStatic({ root, path: 'index.html', precompressed: true });
  const links = preloadLinks(root);
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    // Build files such as .vite/manifest.json are for the server, not for browsers.
    if (path.startsWith('/.')) return next();
    const served = await (isClientPage(path) ? page(c, next) : files(c, next));
    // Only a file actually sent gets caching; a miss falls through to the app's 404, uncached.
    if (!(served instanceof Response)) return served;
    withCaching(served, path.startsWith('/assets/') ? hashedAssetCaching : pageCaching);
    const module = isClientPage(path) ? pageModules.find((p) => p.matches(path))?.module : undefined;
    const link = module === undefined ? undefined : links.get(module);
    if (link !== undefined) served.headers.set('Link', link);
    return served;
  };
}

function withCaching(response: Response, cacheControl: string): void {
  response.headers.set('Cache-Control', cacheControl);
  // The same address is sent compressed or not, by Accept-Encoding: caches must keep them apart.
  const vary = response.headers.get('Vary');
  if (vary === null) response.headers.set('Vary', 'Accept-Encoding');
  else if (!/accept-encoding/i.test(vary)) response.headers.set('Vary', `${vary}, Accept-Encoding`);
}
