/**
 * The built client on Workers, through Workers Static Assets (`env.ASSETS`, wrangler.toml
 * `[assets]`): the same files, pages, caching and preload links as Node (http/client-pages.ts).
 * The Worker runs first for every request (`run_worker_first`), so createApp's security headers
 * (CSP and the rest) wrap these answers as they wrap Node's.
 *
 * - The assets binding maps paths to files exactly (`html_handling = "none"` in wrangler.toml):
 *   index.html is fetched by name for the app's pages, and anything but a file (404, a redirect)
 *   falls through to the app's 404, uncached, as on Node.
 * - The manifest (dist/client/.vite/manifest.json — wrangler uploads dot-folders) is fetched from
 *   the binding once per middleware, which the entry makes once per isolate; `/.…` paths are never
 *   sent to browsers.
 * - Compression is the platform's: Cloudflare (and wrangler dev) compress by `Accept-Encoding`, so
 *   the build's `.br`/`.gz` copies are for Node only. Conditional requests get the binding's ETag
 *   and 304s.
 */
import type { Fetcher } from '@cloudflare/workers-types';
import type { MiddlewareHandler } from 'hono';
import { isClientPage, isHiddenPath, manifestFile, preloadLinks, withCaching, type PreloadLinks } from '../http/client-pages.ts';

/** The request headers the assets binding acts on: conditional requests, and what limits its caching. */
const forwardedHeaders = ['if-none-match', 'if-modified-since', 'range', 'authorization'];

/** Serves the client from the Workers Static Assets binding `assets`. */
export function workerClientAssets(assets: Fetcher): MiddlewareHandler {
  let links: Promise<PreloadLinks> | null = null;
  const readLinks = (origin: string): Promise<PreloadLinks> => {
    // A failure to ask (not a missing manifest) costs this page its links, and is tried again on the next.
    links ??= readManifest(assets, origin).then(preloadLinks, () => {
      links = null;
      return new Map();
    });
    return links;
  };

  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (isHiddenPath(path)) return next();
    const url = new URL(c.req.url);
    const headers: Record<string, string> = {};
    for (const name of forwardedHeaders) {
      const value = c.req.header(name);
      if (value !== undefined) headers[name] = value;
    }
    const file = isClientPage(path) ? '/index.html' : url.pathname;
    const [answer, pageLinks] = await Promise.all([
      assets.fetch(new URL(file, url.origin).href, { method: c.req.method, headers, redirect: 'manual' }) as unknown as Promise<Response>,
      isClientPage(path) ? readLinks(url.origin) : Promise.resolve(new Map() as PreloadLinks),
    ]);
    // Only a file actually sent (or confirmed unchanged) gets caching; anything else is the app's 404.
    if (answer.status !== 200 && answer.status !== 304) {
      await answer.body?.cancel();
      return next();
    }
    // The binding's headers are immutable; the app's middleware adds its own on the way out.
    const served = new Response(answer.body, { status: answer.status, headers: answer.headers });
    return withCaching(served, path, pageLinks);
  };
}

/** The parsed build manifest, or null when the build has none (pages then load their chunks as they go). */
async function readManifest(assets: Fetcher, origin: string): Promise<unknown> {
  const answer = (await assets.fetch(new URL(`/${manifestFile}`, origin).href)) as unknown as Response;
  if (!answer.ok) {
    await answer.body?.cancel();
    return null;
  }
  try {
    return await answer.json();
  } catch {
    return null;
  }
}
