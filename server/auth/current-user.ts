/**
 * Resolves the session cookie into the signed-in person for every request, renewing the cookie
 * when the session slid forward and clearing it when it is no longer valid.
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { User } from '../../shared/api.ts';
import { AppError } from '../http/app-error.ts';
import type { Session, SessionStore } from './sessions.ts';
import { clearSessionCookie, readSessionToken, setSessionCookie } from './session-cookie.ts';

export interface AuthVariables {
  user: User | null;
  session: Session | null;
}

export function currentUser(sessions: SessionStore, cookie: { secure: boolean }): MiddlewareHandler<{ Variables: AuthVariables }> {
  return async (c, next) => {
    c.set('user', null);
    c.set('session', null);
    const token = readSessionToken(c);
    if (token) {
      const valid = await sessions.validate(token);
      if (valid) {
        c.set('user', valid.user);
        c.set('session', valid.session);
        if (valid.renewed) setSessionCookie(c, token, valid.session.expiresAt, cookie);
      } else {
        clearSessionCookie(c, cookie);
      }
    }
    await next();
  };
}

/** The signed-in person, or a 401 in the contract's shape. */
export function requireUser(c: Context<{ Variables: AuthVariables }>): User {
  const user = c.get('user');
  if (!user) throw new AppError('unauthenticated', 'Please sign in first.');
  return user;
}
