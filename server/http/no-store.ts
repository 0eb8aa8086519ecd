/**
 * `Cache-Control: no-store` on an answer, errors included: API answers are private (who you are,
 * your boards, an invite's token), so no browser cache, shared computer or proxy may keep a copy.
 * Set after the handler, so it also covers answers made by `app.onError` and `notFound`.
 */
import type { MiddlewareHandler } from 'hono';

export function noStore(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  };
}
