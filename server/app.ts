/**
 * The HTTP application, made by {@link createApp} from its dependencies so the same code serves
 * Node and Workers. It speaks Web-standard Request/Response only; runtimes add the sync socket
 * upgrade and static assets through the options.
 */
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AccountStore } from './auth/accounts.ts';
import { authRoutes } from './auth/auth-routes.ts';
import { currentUser, type AuthVariables } from './auth/current-user.ts';
import { gatedPasswordHasher, HashGate, type HashGateLimits } from './auth/hash-gate.ts';
import type { PasswordHasher } from './auth/passwords.ts';
import { sessionCookieName } from './auth/session-cookie.ts';
import { SessionStore } from './auth/sessions.ts';
import { ActivityStore } from './boards/activity-store.ts';
import { boardRoutes } from './boards/board-routes.ts';
import { newsRoutes } from './boards/news-routes.ts';
import { commentRoutes } from './boards/comment-routes.ts';
import type { SyncControl } from './ports/sync-control.ts';
import { BoardStore } from './boards/board-store.ts';
import type { AppConfig } from './config.ts';
import { AppError, errorResponse } from './http/app-error.ts';
import { noStore } from './http/no-store.ts';
import { originCheck } from './http/origin-check.ts';
import { defaultAuthRateLimits, MemoryRateLimiter, type AuthRateLimits, type RateLimiterFactory } from './http/rate-limiter.ts';
import { securityHeaders } from './http/security-headers.ts';
import { inviteRoutes } from './invites/invite-routes.ts';
import { InviteStore } from './invites/invite-store.ts';
import { memberRoutes } from './boards/member-routes.ts';
import { secureRandomBytes, systemClock, type Clock, type RandomBytes } from './ports/clock.ts';
import type { SqlDatabase } from './storage/sql-database.ts';
import type { PdfFonts } from './ports/pdf-fonts.ts';
import { exportRoutes } from './boards/export-routes.ts';
import { sessionRoutes } from './boards/session-routes.ts';
import { voteRoutes } from './boards/vote-routes.ts';
import { storyRoutes } from './boards/story-routes.ts';
import { feelingRoutes } from './boards/feeling-routes.ts';
import { perspectiveRoutes } from './boards/perspective-routes.ts';
import { historyRoutes } from './boards/history-routes.ts';
import { admitSync, type SyncAdmission } from './sync/admission.ts';

/** Turns an admitted (or refused) upgrade request into the runtime's WebSocket response. */
export type SyncUpgrade = (c: Context, admission: SyncAdmission) => Response | Promise<Response>;

export interface AppDeps {
  config: Pick<AppConfig, 'publicOrigin' | 'secureCookies' | 'sessionLifetimeMs'>;
  db: SqlDatabase;
  passwords: PasswordHasher;
  /** The runtime's sync endpoint and control over live rooms. */
  sync: { upgrade: SyncUpgrade; control: SyncControl };
  /** The PDF export's font files (server/ports/pdf-fonts.ts). */
  pdfFonts: PdfFonts;
  /** Serves the built client; mounted after every API route. */
  assets?: MiddlewareHandler;
  clock?: Clock;
  random?: RandomBytes;
  /**
   * The client's IP address, for per-IP rate limits. Runtime-specific (Node reads the socket);
   * without it every request counts as one unknown address.
   */
  clientIp?: (c: Context) => string;
  /** Limits on signing in and creating accounts (default {@link defaultAuthRateLimits}). */
  rateLimits?: Partial<AuthRateLimits>;
  /** Where the limits count (default: this process's memory). */
  rateLimiter?: RateLimiterFactory;
  /**
   * The server-wide bound on password hashes running and waiting (default `defaultHashGateLimits`
   * of auth/hash-gate.ts; the runtime sets `concurrency` to the threads it hashes on).
   */
  hashGate?: Partial<HashGateLimits>;
  /** Reports unexpected errors (default: console.error). */
  onError?: (error: unknown) => void;
}

/** Largest JSON body any route accepts. */
export const maxJsonBytes = 64 * 1024;

export function createApp(deps: AppDeps) {
  const clock = deps.clock ?? systemClock;
  const random = deps.random ?? secureRandomBytes;
  const report = deps.onError ?? ((error: unknown) => console.error(error));
  const cookie = { secure: deps.config.secureCookies };
  const sessions = new SessionStore({ db: deps.db, clock, random, lifetimeMs: deps.config.sessionLifetimeMs });
  const accounts = new AccountStore({ db: deps.db, clock, random });
  const boards = new BoardStore(deps.db);
  const activity = new ActivityStore(deps.db);
  const invites = new InviteStore({ db: deps.db, clock, random });
  const rules = { ...defaultAuthRateLimits, ...deps.rateLimits };
  const limiter: RateLimiterFactory = deps.rateLimiter ?? ((_name, rule) => new MemoryRateLimiter(rule, clock));
  const limits = {
    loginPerIp: limiter('loginPerIp', rules.loginPerIp),
    registerPerIp: limiter('registerPerIp', rules.registerPerIp),
    failedLoginsPerAccount: limiter('failedLoginsPerAccount', rules.failedLoginsPerAccount),
    credentialsPerIp: limiter('credentialsPerIp', rules.credentialsPerIp),
    credentialsPerAccount: limiter('credentialsPerAccount', rules.credentialsPerAccount),
  };
  const hashing = new HashGate(deps.hashGate);
  const passwords = gatedPasswordHasher(deps.passwords, hashing);
  const clientIp = deps.clientIp ?? (() => 'unknown');

  const app = new Hono<{ Variables: AuthVariables }>();
  app.onError((error, c) => errorResponse(c, error, report));
  app.use('*', securityHeaders(deps.config.publicOrigin));

  app.get('/healthz', (c) => c.json({ ok: true }));
  // Every answer under /api and /sync, errors and 404s included: they are one person's.
  app.use('/api/*', noStore());
  app.use('/sync/*', noStore());

  const api = new Hono<{ Variables: AuthVariables }>();
  api.use(
    bodyLimit({
      maxSize: maxJsonBytes,
      onError: () => {
        throw new AppError('payload_too_large', `Requests may be at most ${maxJsonBytes / 1024} KB.`);
      },
    }),
  );
  api.use(originCheck(deps.config.publicOrigin, sessionCookieName));
  api.use(currentUser(sessions, cookie));
  const sync = deps.sync.control;
  api.route('/', authRoutes({ accounts, sessions, passwords, cookie, sync, boardIdsOf: (userId) => boards.idsFor(userId), clientIp, limits }));
  api.route('/', boardRoutes({ boards, activity, sync, clock, random }));
  api.route('/', newsRoutes({ boards, activity, clock }));
  api.route('/', memberRoutes({ boards, sync }));
  api.route('/', commentRoutes({ boards, sync }));
  api.route('/', sessionRoutes({ boards, sync, clock, random }));
  api.route('/', voteRoutes({ boards, sync, random }));
  api.route('/', storyRoutes({ boards, sync }));
  api.route('/', feelingRoutes({ boards, sync }));
  api.route('/', perspectiveRoutes({ boards, sync }));
  api.route('/', historyRoutes({ boards, sync }));
  api.route('/', exportRoutes({ boards, sync, fonts: deps.pdfFonts, clock, onError: report }));
  api.route(
    '/',
    inviteRoutes({
      invites,
      boards,
      accounts,
      sessions,
      sync,
      clock,
      publicOrigin: deps.config.publicOrigin,
      cookie,
    }),
  );
  app.route('/api', api);
  // Any other /api address or method is the API's 404, decided here and never left to the client
  // files below. (A sub-app's notFound is ignored once it is mounted with route().)
  app.all('/api/*', () => {
    throw new AppError('not_found', 'There is nothing at this address.');
  });

  app.get('/sync/:boardId', currentUser(sessions, cookie), async (c) => {
    if (c.req.header('upgrade')?.toLowerCase() !== 'websocket') {
      throw new AppError('invalid_body', 'This address is for WebSocket connections only.');
    }
    const admission = await admitSync({
      boardId: c.req.param('boardId'),
      user: c.get('user'),
      session: c.get('session'),
      origin: c.req.header('origin'),
      publicOrigin: deps.config.publicOrigin,
      boards,
    });
    return deps.sync.upgrade(c, admission);
  });

  if (deps.assets) app.use('*', deps.assets);
  app.notFound((c) => errorResponse(c, new AppError('not_found', 'There is nothing at this address.'), report));
  return { app, boards, sessions, hashing };
}
