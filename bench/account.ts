/**
 * The HTTP calls the benchmark makes before any socket opens: one account, then a board per run.
 * Mirrors `api`, `signUp` and `createBoard` of test/support/test-server.ts without importing it,
 * because that module loads the whole server (and LibSQL) into the benchmark's own process.
 */

/** Where to send requests and which Origin the server accepts (its PUBLIC_URL). */
export interface ApiTarget {
  url: string;
  origin: string;
}

/** A signed-in account: the `session=…` cookie every request and socket carries. */
export interface BenchAccount {
  displayName: string;
  cookie: string;
  /** The account's user id: what it writes in its own name (a touchpoint's `createdBy`) must name it. */
  userId: string;
}

/** Calls the API as the app's own page would: same Origin, JSON body, the session cookie. */
async function api(target: ApiTarget, path: string, body: unknown, cookie?: string): Promise<Response> {
  const headers: Record<string, string> = { origin: target.origin, 'content-type': 'application/json' };
  if (cookie) headers['cookie'] = cookie;
  return fetch(`${target.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
}

/** Registers one account (the server uses its production password cost) and keeps its cookie. */
export async function registerAccount(target: ApiTarget, displayName = 'Bench'): Promise<BenchAccount> {
  const email = `bench-${Date.now()}@example.org`;
  const response = await api(target, '/api/auth/register', { email, password: 'a long enough benchmark password', displayName });
  if (response.status !== 201) throw new Error(`registering failed: ${response.status} ${await response.text()}`);
  const header = response.headers.getSetCookie().find((line) => line.startsWith('session='));
  if (!header) throw new Error('registering returned no session cookie');
  const { user } = (await response.json()) as { user: { id: string } };
  return { displayName, cookie: header.split(';')[0]!, userId: user.id };
}

/** Creates a board owned by `account`; returns its id. */
export async function createBoard(target: ApiTarget, account: BenchAccount, title: string): Promise<string> {
  const response = await api(target, '/api/boards', { title }, account.cookie);
  if (response.status !== 201) throw new Error(`creating a board failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { board: { id: string } }).board.id;
}
