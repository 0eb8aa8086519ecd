/**
 * Security headers on every response, API and pages alike. The CSP lets the page load only the
 * app's own files and talk only to its own origin and sync endpoint; invite tokens travel in URLs,
 * so no Referer ever leaves the page; nothing may frame the app (clickjacking).
 */
import type { MiddlewareHandler } from 'hono';

/** The Content-Security-Policy for an app served at `publicOrigin`. */
export function contentSecurityPolicy(publicOrigin: string): string {
  const syncOrigin = publicOrigin.replace(/^http/, 'ws');
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Stylesheets only from the app; inline style attributes are allowed because presence colours
    // and positions are set per element (docs/contract.md, "HTTP API", security headers paragraph).
    "style-src 'self'",
    "style-src-elem 'self'",
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src 'self' ${syncOrigin}`,
    // The offline app shell's service worker, /sw.js (said outright rather than left to script-src).
    "worker-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ');
}

export function securityHeaders(publicOrigin: string): MiddlewareHandler {
  const csp = contentSecurityPolicy(publicOrigin);
  return async (c, next) => {
    await next();
    c.res.headers.set('Content-Security-Policy', csp);
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'no-referrer');
    c.res.headers.set('X-Frame-Options', 'DENY');
  };
}
