/**
 * The built client on Node: its files as they are, index.html for the app's own pages, each sent
 * pre-compressed when the browser accepts it, with the caching and preload links of
 * http/client-pages.ts (the same headers the Worker sends: worker-client-assets.ts).
 *
 * Compression: the build writes `.br` and `.gz` beside each file (vite.config.ts);
 * @hono/node-server's `precompressed` sends the best one the request's `Accept-Encoding` allows,
 * with `Content-Encoding` and `Vary: Accept-Encoding`, and the file itself otherwise. The manifest
 * is read from disk once, when the server starts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { isClientPage, isHiddenPath, manifestFile, preloadLinks, withCaching } from '../http/client-pages.ts';

/** The build's manifest under `root`, or null for an older build without one (pages then load their chunks as they go). */
function readManifest(root: string): unknown {
  try {
    return JSON.parse(readFileSync(join(root, manifestFile), 'utf8'));
  } catch {
    return null;
  }
}

/** Serves the client built into `root` (dist/client). */
export function clientAssets(root: string): MiddlewareHandler {
  const files = serveStatic({ root, precompressed: true });
  const page = serveStatic({ root, path: 'index.html', precompressed: true });
  const links = preloadLinks(readManifest(root));
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (isHiddenPath(path)) return next();
    const served = await (isClientPage(path) ? page(c, next) : files(c, next));
    // Only a file actually sent gets caching; a miss falls through to the app's 404, uncached.
    if (!(served instanceof Response)) return served;
    return withCaching(served, path, links);
  };
}
