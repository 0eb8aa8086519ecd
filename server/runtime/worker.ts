/**
 * The Cloudflare Workers entry (wrangler.toml `main`): the same {@link createApp} as Node, with
 * board rooms in one Durable Object per board (worker-board.ts), the relational data in LibSQL or
 * the directory object (worker-directory.ts), rate limits counted across isolates
 * (worker-limits.ts), the portable scrypt, and the built client through Workers Static Assets.
 * Every class bound in wrangler.toml is exported from here.
 */
import { workerPdfFonts } from './worker-pdf-fonts.ts';
import type { ExecutionContext } from '@cloudflare/workers-types';
import type { Context } from 'hono';
import { createApp } from '../app.ts';
import { createPasswordHasher, nobleScrypt } from '../auth/passwords.ts';
import { readConfig } from '../config.ts';
import { defaultAuthRateLimits } from '../http/rate-limiter.ts';
import { secureRandomBytes } from '../ports/clock.ts';
import { workerClientAssets } from './worker-client-assets.ts';
import { workerDatabase } from './worker-directory.ts';
import type { WorkerEnv } from './worker-env.ts';
import { durableRateLimiter } from './worker-limits.ts';
import { workerSync } from './worker-sync.ts';

export { BoardObject } from './worker-board.ts';
export { DirectoryObject } from './worker-directory.ts';
export { RateLimitObject } from './worker-limits.ts';

type App = ReturnType<typeof createApp>['app'];

/**
 * One app per isolate, made at its first request: the bindings and variables do not change while
 * an isolate lives, and what the app keeps (the sign-in decoy hash, once made) must last as long.
 */
let app: App | null = null;

export default {
  fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= makeApp(env);
    return app.fetch(request, env, ctx as never);
  },
};

function makeApp(env: WorkerEnv): App {
  const config = readConfig({
    PUBLIC_URL: env.PUBLIC_URL,
    LIBSQL_URL: env.LIBSQL_URL,
    LIBSQL_AUTH_TOKEN: env.LIBSQL_AUTH_TOKEN,
    SESSION_DAYS: env.SESSION_DAYS,
  });
  const weak = weakTestSettings(env, config.publicOrigin);
  const { app } = createApp({
    config,
    db: workerDatabase(env),
    passwords: createPasswordHasher({ scrypt: nobleScrypt, random: secureRandomBytes, cost: weak ? { logN: 10, r: 8, p: 1 } : undefined }),
    sync: workerSync(env),
    pdfFonts: workerPdfFonts,
    assets: workerClientAssets(env.ASSETS),
    clientIp: (c: Context) => c.req.header('cf-connecting-ip') ?? 'unknown',
    rateLimiter: durableRateLimiter(env),
    rateLimits: weak ? relaxed() : undefined,
    // One isolate hashes on one thread: a second hash at once would only wait behind the first.
    hashGate: { concurrency: 1 },
  });
  return app;
}

/**
 * `WEAK_TEST_SETTINGS=1`: cheap password hashing and generous rate limits for the test suite,
 * which signs up many people from one address. Honoured only on a local http origin, so a
 * deployment can never run with it.
 */
function weakTestSettings(env: WorkerEnv, publicOrigin: string): boolean {
  if (env.WEAK_TEST_SETTINGS !== '1') return false;
  const { protocol, hostname } = new URL(publicOrigin);
  return protocol === 'http:' && (hostname === '127.0.0.1' || hostname === 'localhost');
}

function relaxed(): typeof defaultAuthRateLimits {
  const many = { limit: 100_000, windowMs: 60_000 };
  return { loginPerIp: many, registerPerIp: many, failedLoginsPerAccount: many, credentialsPerIp: many, credentialsPerAccount: many };
}
