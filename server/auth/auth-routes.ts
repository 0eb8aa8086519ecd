/**
 * `/api/auth/*` and `/api/me`: create an account, sign in, sign out (here or everywhere), who am
 * I, change my name, and keep a guest account by adding an email and password.
 */
import { Hono, type Context } from 'hono';
import { addCredentialsBody, loginBody, registerBody, updateMeBody } from '../../shared/api.ts';
import type { BoardControl, SessionsEnded, SyncControl } from '../ports/sync-control.ts';
import { AppError } from '../http/app-error.ts';
import { readJson } from '../http/json-body.ts';
import type { RateLimiter } from '../http/rate-limiter.ts';
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
  /** Live presence (a new display name shows at once) and the sockets of sessions that end. */
  sync: SyncControl;
  /** The ids of the boards a person is on: a new name and ended sessions reach each of them. */
  boardIdsOf: (userId: string) => Promise<string[]>;
  /** Who is asking, for per-IP limits (runtime-specific). */
  clientIp: (c: Context) => string;
  limits: {
    loginPerIp: RateLimiter;
    registerPerIp: RateLimiter;
    failedLoginsPerAccount: RateLimiter;
    credentialsPerIp: RateLimiter;
    credentialsPerAccount: RateLimiter;
  };
}

export function authRoutes({ accounts, sessions, passwords, cookie, sync, boardIdsOf, clientIp, limits }: AuthRoutesOptions) {
  /** One call per board the person is on (a board's room may live in its own Durable Object), all at once. */
  const toEveryBoardOf = async (userId: string, act: (board: BoardControl) => Promise<void>) => {
    const results = await Promise.allSettled((await boardIdsOf(userId)).map((id) => act(sync.board(id))));
    const failed = results.find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
  };
  const endSessions = (ended: SessionsEnded) => toEveryBoardOf(ended.userId, (board) => board.endSessions(ended));
  const app = new Hono<{ Variables: AuthVariables }>();
  // Verifying against this keeps a login for an unknown email as slow as for a known one.
  // Made in the first sign-in for an unknown email that needs it, then kept as a value: work
  // started when the app is made would belong to whichever request made it, and a Worker drops a
  // finished request's pending work (a later sign-in waiting on it would hang).
  let decoy: string | null = null;
  const decoyHash = async (): Promise<string> => (decoy ??= await passwords.hash('decoy password that no account has'));

  app.post('/auth/register', async (c) => {
    const ip = clientIp(c);
    await refuseWhileLimited(limits.registerPerIp, ip);
    await limits.registerPerIp.hit(ip);
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
    const ip = clientIp(c);
    await refuseWhileLimited(limits.loginPerIp, ip);
    await limits.loginPerIp.hit(ip);
    const body = await readJson(c, loginBody);
    await refuseWhileLimited(limits.failedLoginsPerAccount, body.email);
    const found = await accounts.credentials(body.email);
    const ok = await passwords.verify(found?.passwordHash ?? (await decoyHash()), body.password);
    if (!found || !ok) {
      await limits.failedLoginsPerAccount.hit(body.email);
      throw new AppError('invalid_credentials', 'That email and password do not match. Please try again.');
    }
    // A fresh session on every sign-in, so a session id planted before sign-in is worthless.
    const previous = c.get('session');
    if (previous) {
      await sessions.invalidate(previous.id);
      await endSessions({ userId: previous.userId, sessionId: previous.id });
    }
    const { token, session } = await sessions.create(found.user.id);
    setSessionCookie(c, token, session.expiresAt, cookie);
    return c.json({ user: found.user });
  });

  app.post('/auth/logout', async (c) => {
    const session = c.get('session');
    if (session) {
      await sessions.invalidate(session.id);
      // The session's open boards stop at once, not at their next reconnect.
      await endSessions({ userId: session.userId, sessionId: session.id });
    }
    clearSessionCookie(c, cookie);
    return c.body(null, 204);
  });

  /** Ends every session of the caller: a lost phone or a shared computer signs out too. */
  app.post('/auth/logout-everywhere', async (c) => {
    const user = requireUser(c);
    await sessions.invalidateAll(user.id);
    await endSessions({ userId: user.id });
    clearSessionCookie(c, cookie);
    return c.body(null, 204);
  });

  app.get('/me', (c) => c.json({ user: requireUser(c) }));

  app.patch('/me', async (c) => {
    const me = requireUser(c);
    const { displayName } = await readJson(c, updateMeBody);
    const user = await accounts.rename(me, displayName);
    await toEveryBoardOf(user.id, (board) => board.rename(user.id, user.displayName));
    return c.json({ user });
  });

  app.post('/me/credentials', async (c) => {
    const me = requireUser(c);
    // Each try costs a password hash and tells whether an email has an account: limit it like
    // account creation, by address and by account.
    const ip = clientIp(c);
    await refuseWhileLimited(limits.credentialsPerIp, ip);
    await refuseWhileLimited(limits.credentialsPerAccount, me.id);
    await limits.credentialsPerIp.hit(ip);
    await limits.credentialsPerAccount.hit(me.id);
    const body = await readJson(c, addCredentialsBody);
    const outcome = await accounts.addCredentials(me.id, body.email, await passwords.hash(body.password));
    if (outcome === 'email_taken') throw new AppError('email_taken', 'There is already an account with this email.');
    if (outcome === 'has_credentials') {
      throw new AppError('credentials_exist', 'Your account already has an email and password. Sign in with them.');
    }
    // New credentials end the account's other sessions (Lucia's advice for a credentials change),
    // and their open boards with them; this one stays signed in.
    const current = c.get('session')!;
    await sessions.invalidateAll(me.id, current.id);
    await endSessions({ userId: me.id, exceptSessionId: current.id });
    return c.json({ user: { ...me, guest: false } });
  });

  return app;
}

/** Throws 429 with Retry-After while `key` has used up its attempts. */
async function refuseWhileLimited(limiter: RateLimiter, key: string): Promise<void> {
  const seconds = await limiter.retryAfter(key);
  if (seconds === 0) return;
  const minutes = Math.ceil(seconds / 60);
  const error = new AppError(
    'rate_limited',
    `Too many attempts. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  );
  error.retryAfterSeconds = seconds;
  throw error;
}
