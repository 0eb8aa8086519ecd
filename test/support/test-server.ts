/**
 * Self-cleaning fixtures: a real Common Ground server on a free port with its own LibSQL file, and
 * helpers to sign people up and call the API as a browser on the app's origin would.
 */
import { freePort } from './free-port.ts';
import type { AuthRateLimits } from '../../server/http/rate-limiter.ts';
import { startNodeServer, type NodeServer, type NodeServerOptions } from '../../server/runtime/node-server.ts';
import { makeTempDir } from './temp-dir.ts';

/** Limits high enough for suites that sign many people up from one address; rate-limit tests set their own. */
export const relaxedRateLimits = {
  loginPerIp: { limit: 10_000, windowMs: 60_000 },
  registerPerIp: { limit: 10_000, windowMs: 60_000 },
  failedLoginsPerAccount: { limit: 10_000, windowMs: 60_000 },
  credentialsPerIp: { limit: 10_000, windowMs: 60_000 },
  credentialsPerAccount: { limit: 10_000, windowMs: 60_000 },
} satisfies AuthRateLimits; // every limit, so a new one cannot be left at its default here

/** Cheap scrypt for tests that create many accounts; production uses defaultScryptCost. */
export const testScryptCost = { logN: 10, r: 8, p: 1 };

export interface TestServer extends NodeServer {
  /** ws://… base of the sync endpoint: `${wsUrl}/sync`. */
  wsUrl: string;
  /** The database URL, to restart a server on the same data. */
  libsqlUrl: string;
  /** Stops the server and removes its files. */
  dispose(): Promise<void>;
}

export async function startTestServer(options: NodeServerOptions & { libsqlUrl?: string } = {}): Promise<TestServer> {
  const dir = makeTempDir();
  const libsqlUrl = options.libsqlUrl ?? `file:${dir.path}/test.db`;
  const port = await freePort();
  const server = await startNodeServer({
    clientDir: null,
    scryptCost: testScryptCost,
    rateLimits: relaxedRateLimits,
    ...options,
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: libsqlUrl, PUBLIC_URL: `http://127.0.0.1:${port}`, ...options.env },
  });
  return {
    ...server,
    wsUrl: server.url.replace(/^http/, 'ws'),
    libsqlUrl,
    async dispose() {
      await server.close();
      dir.remove();
    },
  };
}

/** A signed-in person: their user id and the cookie header to send. */
export interface TestPerson {
  id: string;
  displayName: string;
  cookie: string;
}

/** Where a running app is, whichever target runs it (test-server.ts, worker-server.ts, targets.ts). */
export interface AppAddress {
  url: string;
  config: { publicOrigin: string };
}

/** Calls the API like the app's own page would (same Origin, JSON, the person's cookie). */
export async function api(
  server: AppAddress,
  path: string,
  init: { method?: string; body?: unknown; cookie?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = { origin: server.config.publicOrigin };
  if (init.cookie) headers['cookie'] = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

let people = 0;

/** Registers a new person and returns their session cookie. */
export async function signUp(server: AppAddress, displayName = 'Ann'): Promise<TestPerson> {
  const email = `person${++people}-${Date.now()}@example.org`;
  const response = await api(server, '/api/auth/register', {
    body: { email, password: 'a long enough password', displayName },
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const { user } = (await response.json()) as { user: { id: string } };
  return { id: user.id, displayName, cookie: cookieFrom(response) };
}

/** Creates a board as `person`; returns its id. */
export async function createBoard(server: AppAddress, person: TestPerson, title = 'Outpatients journey'): Promise<string> {
  const response = await api(server, '/api/boards', { body: { title }, cookie: person.cookie });
  if (response.status !== 201) throw new Error(`create board failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { board: { id: string } }).board.id;
}

/** The `name=value` part of a response's session cookie. */
export function cookieFrom(response: Response): string {
  const header = response.headers.getSetCookie().find((line) => line.startsWith('session='));
  if (!header) throw new Error('no session cookie in the response');
  return header.split(';')[0]!;
}
