/** The session cookie: HttpOnly, SameSite=Lax, Secure when the app is served over https. */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const sessionCookieName = 'session';

export interface SessionCookieOptions {
  secure: boolean;
}

export function setSessionCookie(c: Context, token: string, expiresAt: number, options: SessionCookieOptions): void {
  setCookie(c, sessionCookieName, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: options.secure,
    path: '/',
    expires: new Date(expiresAt),
  });
}

export function clearSessionCookie(c: Context, options: SessionCookieOptions): void {
  deleteCookie(c, sessionCookieName, { path: '/', secure: options.secure, httpOnly: true, sameSite: 'Lax' });
}

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, sessionCookieName);
}
