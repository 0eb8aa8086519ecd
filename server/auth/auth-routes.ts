/** `/api/auth/*` and `/api/me`: create an account, sign in, sign out, who am I. */
import { Hono } from 'hono';
import { loginBody, registerBody } from '../../shared/api.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { AccountStore } from './accounts.ts';
import { requireUser, type AuthVariables } from './current-user.ts';
import type { PasswordHasher } from './passwords.ts';
import { clearSessionCookie, setSessionCookie } from './session-cookie.ts';
import type { SessionStore } from './sessions.ts';

export interface AuthRoutesOptions {
  accounts: AccountStore;
  sessions: SessionStore;
  passwords: PasswordHasher;
  cookie: { secure: boolean };
}

export function authRoutes({ accounts, sessions, passwords, cookie }: AuthRoutesOptions) {
  const app = new Hono<{ Variables: AuthVariables }>();
  // Verifying against this keeps a login for an unknown email as slow as for a known one.
  const decoyHash = passwords.hash('decoy password that no account has');

  app.post('/auth/register', async (c) => {
    const body = await readJson(c, registerBody);
    const user = await accounts.register({
      email: body.email,
      passwordHash: await passwords.hash(body.password),
      displayName: body.displayName,
    });
    if (!user) throw new AppError('email_taken', 'There is already an account with this email. Try signing in.');
    const { token, session } = await sessions.create(user.id);
    setSessionCookie(c, token, session.expiresAt, cookie);
    return c.json({ user }, 201);
  });

  app.post('/auth/login', async (c) => {
    const body = await readJson(c, loginBody);
    const found = await accounts.credentials(body.email);
    const ok = await passwords.verify(found?.passwordHash ?? (await decoyHash), body.password);
    if (!found || !ok) throw new AppError('invalid_credentials', 'That email and password do not match. Please try again.');
    // A fresh session on every sign-in, so a session id planted before sign-in is worthless.
    const previous = c.get('session');
    if (previous) await sessions.invalidate(previous.id);
    const { token, session } = await sessions.create(found.user.id);
    setSessionCookie(c, token, session.expiresAt, cookie);
    return c.json({ user: found.user });
  });

  app.post('/auth/logout', async (c) => {
    const session = c.get('session');
    if (session) await sessions.invalidate(session.id);
    clearSessionCookie(c, cookie);
    return c.body(null, 204);
  });

  app.get('/me', (c) => c.json({ user: requireUser(c) }));

  return app;
}
