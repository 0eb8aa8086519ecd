/**
 * CSRF defence for a cookie-authenticated API: a state-changing request that carries the session
 * cookie, or any Origin at all, must come from the app's own origin (PUBLIC_URL). Browsers always
 * send Origin on cross-site POSTs, so a forged form or fetch from another site is refused.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from './app-error.ts';

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
/** `sessionCookieName`: the auth side's cookie, passed in so http/ never imports auth/. */
export function originCheck(publicOrigin: string, sessionCookieName: string): MiddlewareHandler {
  const sessionCookiePattern = new RegExp(`(?:^|;\\s*)${sessionCookieName}=`);
  return async (c, next) => {
    if (!safeMethods.has(c.req.method)) {
      const origin = c.req.header('origin');
      const hasSession = sessionCookiePattern.test(c.req.header('cookie') ?? '');
      if ((origin !== undefined || hasSession) && origin !== publicOrigin) {
        throw new AppError('cross_origin', 'This request must come from the Common Ground page itself.');
      }
    }
    await next();
  };
}
