/**
 * Fuzzing the HTTP API (issue 5, item 4): every route in docs/contract.md gets seeded bad input —
 * malformed JSON, wrong types per field, unknown fields, huge strings, bodies over 64 KiB, wrong
 * content types, unknown ids and tokens, missing and expired sessions, other origins. Every answer
 * must be a 4xx in the contract's error shape with the status shared/errors.ts gives its code,
 * nothing may be reported as an error, and nothing may change.
 *
 * One suite against both targets (test/support/targets.ts), the Node server and the Workers build
 * in `wrangler dev`, over real HTTP: there "nothing changed" is what the API shows of the fixed
 * world (the two people, the board, its members and invites) and that no fuzzed sign-up made its
 * account. On Node alone, in-process (`app.request`) with a clock the test moves, the same fuzz
 * plus expired sessions and invites, with the rows of users, boards, members and invites counted.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { errorStatus, type ErrorCode } from '../../shared/errors.ts';
import { createNodeApp, type NodeApp } from '../../server/runtime/node-app.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { seededRandom, type SeededRandom } from '../support/seeded-random.ts';
import { targets, type Target } from '../support/targets.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { relaxedRateLimits, testScryptCost } from '../support/test-server.ts';

const seed = Number(process.env['FUZZ_SEED'] ?? 20261123);
const day = 24 * 60 * 60 * 1000;

/** The fixed world the bad requests aim at: a facilitator, an editor, a board and an invite. */
const world = { ann: '', bob: '', annId: '', bobId: '', board: '', inviteId: '', token: '', expiringToken: '' };

interface Sent {
  method: string;
  path: string;
  body?: string;
  headers?: Record<string, string>;
}

/** How a describe block reaches its app: a request to `path` with the app's Origin unless told. */
type Send = (path: string, init: RequestInit & { headers?: Record<string, string> }) => Promise<Response>;

/** Requests to `app.url` (fetch over HTTP, or `app.request` in-process) from the app's own origin. */
function sender(app: () => { url: string; config: { publicOrigin: string } }, request: (url: string, init: RequestInit) => Promise<Response>): Send {
  return (path, init) => request(`${app().url}${path}`, { ...init, headers: { origin: app().config.publicOrigin, ...init.headers } });
}

async function send(to: Send, { method, path, body, headers = {} }: Sent): Promise<{ status: number; text: string }> {
  const response = await to(path, { method, body, headers });
  return { status: response.status, text: await response.text() };
}

async function setUp(to: Send, path: string, body: unknown, cookie?: string): Promise<{ json: Record<string, unknown>; cookie: string }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (cookie) headers['cookie'] = cookie;
  const response = await to(path, { method: 'POST', headers, body: JSON.stringify(body) });
  if (response.status >= 300) throw new Error(`set-up ${path} failed: ${response.status} ${await response.text()}`);
  const set = response.headers.getSetCookie()[0];
  return { json: (await response.json()) as Record<string, unknown>, cookie: set ? set.split(';')[0]! : cookie ?? '' };
}

/** Makes the world on an app. */
async function makeWorld(to: Send): Promise<void> {
  const ann = await setUp(to, '/api/auth/register', { email: 'ann@example.org', password: 'a long enough password', displayName: 'Ann' });
  const bob = await setUp(to, '/api/auth/register', { email: 'bob@example.org', password: 'a long enough password', displayName: 'Bob' });
  Object.assign(world, { ann: ann.cookie, bob: bob.cookie });
  world.annId = (ann.json['user'] as { id: string }).id;
  world.bobId = (bob.json['user'] as { id: string }).id;
  world.board = ((await setUp(to, '/api/boards', { title: 'Fuzzed' }, world.ann)).json['board'] as { id: string }).id;
  const invite = await setUp(to, `/api/boards/${world.board}/invites`, { access: 'edit' }, world.ann);
  await setUp(to, `/api/invites/${String(invite.json['token'])}/accept`, {}, world.bob);
  world.token = String(invite.json['token']);
  world.inviteId = (invite.json['invite'] as { id: string }).id;
  world.expiringToken = String((await setUp(to, `/api/boards/${world.board}/invites`, { access: 'view', expiresInHours: 1 }, world.ann)).json['token']);
}

/** A route and a body that would be valid for it, so each mutation is the one thing wrong. */
interface Route {
  method: string;
  path: () => string;
  /** Valid fields; null for routes without a body. */
  body: Record<string, unknown> | null;
  /** The cookie a valid caller sends (empty: none needed). */
  cookie: () => string;
}

const routes: Route[] = [
  { method: 'POST', path: () => '/api/auth/register', body: { email: 'new@example.org', password: 'a long enough password', displayName: 'Nia' }, cookie: () => '' },
  { method: 'POST', path: () => '/api/auth/login', body: { email: 'ann@example.org', password: 'a long enough password' }, cookie: () => '' },
  { method: 'POST', path: () => '/api/auth/logout', body: null, cookie: () => world.ann },
  { method: 'POST', path: () => '/api/auth/logout-everywhere', body: null, cookie: () => world.ann },
  { method: 'GET', path: () => '/api/me', body: null, cookie: () => world.ann },
  { method: 'PATCH', path: () => '/api/me', body: { displayName: 'Ann B' }, cookie: () => world.ann },
  { method: 'POST', path: () => '/api/me/credentials', body: { email: 'c@example.org', password: 'a long enough password' }, cookie: () => world.ann },
  { method: 'POST', path: () => '/api/boards', body: { title: 'Another', purpose: 'why' }, cookie: () => world.ann },
  { method: 'GET', path: () => '/api/boards', body: null, cookie: () => world.ann },
  { method: 'GET', path: () => `/api/boards/${world.board}`, body: null, cookie: () => world.ann },
  { method: 'DELETE', path: () => `/api/boards/${world.board}`, body: null, cookie: () => world.ann },
  { method: 'GET', path: () => `/api/boards/${world.board}/members`, body: null, cookie: () => world.ann },
  { method: 'PATCH', path: () => `/api/boards/${world.board}/members/${world.bobId}`, body: { access: 'view' }, cookie: () => world.ann },
  { method: 'DELETE', path: () => `/api/boards/${world.board}/members/${world.bobId}`, body: null, cookie: () => world.ann },
  { method: 'POST', path: () => `/api/boards/${world.board}/invites`, body: { access: 'edit', expiresInHours: 24, maxUses: 3 }, cookie: () => world.ann },
  { method: 'GET', path: () => `/api/boards/${world.board}/invites`, body: null, cookie: () => world.ann },
  { method: 'DELETE', path: () => `/api/boards/${world.board}/invites/${world.inviteId}`, body: null, cookie: () => world.ann },
  { method: 'GET', path: () => `/api/invites/${world.token}`, body: null, cookie: () => '' },
  { method: 'POST', path: () => `/api/invites/${world.token}/accept`, body: { displayName: 'Gus' }, cookie: () => '' },
];

/** Values of the wrong type or size for a field (an empty string is a valid, optional purpose). */
function wrongValues(rng: SeededRandom, field: string, valid: unknown): unknown[] {
  const huge = 'x'.repeat(rng.int(20_000, 60_000));
  const common: unknown[] = [null, [], ['x'], {}, { nested: { deep: [valid] } }, true, huge];
  return typeof valid === 'number' ? [...common, String(valid), -1, 0, 1.5, 1e12] : [...common, 123, -1.5, ...(field === 'purpose' ? [] : [''])];
}

/** Bodies for a route: each changes one thing about a valid body. */
function badBodies(rng: SeededRandom, valid: Record<string, unknown>): { what: string; body: string; type?: string }[] {
  const json = JSON.stringify(valid);
  const out: { what: string; body: string; type?: string }[] = [];
  for (let i = 0; i < 8; i++) out.push({ what: 'malformed json', body: json.slice(0, rng.int(0, json.length - 1)) + rng.pick(['', '}', ',', '"', '\u0000']) });
  out.push({ what: 'random bytes', body: String.fromCharCode(...rng.bytes(rng.int(1, 200))) });
  for (const field of Object.keys(valid)) {
    for (const value of wrongValues(rng, field, valid[field])) out.push({ what: `${field}=${JSON.stringify(value).slice(0, 30)}`, body: JSON.stringify({ ...valid, [field]: value }) });
    const { [field]: _dropped, ...rest } = valid;
    if (field !== 'purpose' && field !== 'expiresInHours' && field !== 'maxUses' && field !== 'displayName') {
      out.push({ what: `missing ${field}`, body: JSON.stringify(rest) });
    }
  }
  out.push({ what: 'unknown field', body: JSON.stringify({ ...valid, isAdmin: true }) });
  out.push({ what: 'prototype key', body: `{"__proto__":{"access":"facilitate"},${json.slice(1)}` });
  for (const top of ['null', '[]', '"text"', '42', 'true']) out.push({ what: `top-level ${top}`, body: top });
  out.push({ what: 'over 64 KiB', body: JSON.stringify({ ...valid, padding: 'p'.repeat(65 * 1024) }) });
  for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonp', '']) {
    out.push({ what: `content-type "${type}"`, body: json, type });
  }
  return out;
}

/** Ids and tokens that name nothing, or nothing this caller may touch. */
const badIds = ['0', 'nope', 'A'.repeat(22), 'x'.repeat(5000), '%00', '..%2F..%2Fhealthz', '%F0%9F%92%A5', "'%20OR%201=1--"];

function substitute(route: Route, id: string): string | null {
  const path = route.path();
  for (const real of [world.board, world.bobId, world.inviteId, world.token]) if (path.includes(real)) return path.replace(real, id);
  return null;
}

interface Outcome {
  request: string;
  status: number;
  text: string;
  /** The codes this request was aimed at; another 4xx means it tested something else. */
  aimedAt?: readonly ErrorCode[];
}

const bodyCodes: readonly ErrorCode[] = ['invalid_json', 'invalid_body', 'payload_too_large', 'unsupported_media_type'];

/** Checks one answer; returns a description when it breaks the contract. */
function violation({ request, status, text, aimedAt }: Outcome): string | null {
  if (status < 400 || status > 499) return `${request} -> ${status} ${text.slice(0, 200)}`;
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const code = body.error?.code;
    if (typeof code !== 'string' || !(code in errorStatus) || typeof body.error?.message !== 'string' || body.error.message === '') {
      return `${request} -> ${status} without the error shape: ${text.slice(0, 200)}`;
    }
    if (errorStatus[code as ErrorCode] !== status) return `${request} -> ${status} but code ${code} means ${errorStatus[code as ErrorCode]}`;
    if (aimedAt && !aimedAt.includes(code as ErrorCode)) return `${request} -> ${code}, not one of ${aimedAt.join('/')}`;
  } catch {
    return `${request} -> ${status} not JSON: ${text.slice(0, 200)}`;
  }
  return null;
}

async function rowCounts(db: SqlDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of ['users', 'boards', 'members', 'invites']) {
    const result = await db.execute(`SELECT count(*) AS n FROM ${table}`);
    counts[table] = Number(result.rows[0]!['n']);
  }
  const invite = await db.execute({ sql: 'SELECT uses, revoked_at FROM invites WHERE id = ?', args: [world.inviteId] });
  counts['uses of the invite'] = Number(invite.rows[0]!['uses']);
  counts['invite revoked'] = invite.rows[0]!['revoked_at'] === null ? 0 : 1;
  return counts;
}

/** Every bad request of the fuzz that needs no clock, each recorded with `run`. */
async function fuzz(run: (label: string, sent: Sent, aimedAt?: readonly ErrorCode[]) => Promise<void>): Promise<void> {
  const rng = seededRandom(seed);
  for (const route of routes) {
    const cookie = route.cookie();
    const withCookie = (headers: Record<string, string> = {}): Record<string, string> => (cookie ? { cookie, ...headers } : headers);
    if (route.body) {
      for (const bad of badBodies(rng, route.body)) {
        await run(bad.what, { method: route.method, path: route.path(), body: bad.body, headers: withCookie(bad.type === '' ? {} : { 'content-type': bad.type ?? 'application/json' }) }, bodyCodes);
      }
    }
    for (const id of badIds) {
      const path = substitute(route, id);
      if (path) await run(`id ${id.slice(0, 20)}`, { method: route.method, path, body: route.body ? JSON.stringify(route.body) : undefined, headers: withCookie({ 'content-type': 'application/json' }) }, ['not_found', 'forbidden', 'invalid_body']);
    }
    const body = route.body ? JSON.stringify(route.body) : undefined;
    const json = { 'content-type': 'application/json' };
    if (route.method !== 'GET') {
      await run('cross-origin', { method: route.method, path: route.path(), body, headers: { ...withCookie(json), origin: 'https://evil.example' } }, ['cross_origin']);
      await run('null origin', { method: route.method, path: route.path(), body, headers: { ...withCookie(json), origin: 'null' } }, ['cross_origin']);
    }
    if (cookie && route.path() !== '/api/auth/logout') {
      await run('no session', { method: route.method, path: route.path(), body, headers: json }, ['unauthenticated']);
      await run('forged session', { method: route.method, path: route.path(), body, headers: { ...json, cookie: `session=${'a'.repeat(32)}` } }, ['unauthenticated']);
      await run('garbage cookie', { method: route.method, path: route.path(), body, headers: { ...json, cookie: `session=${String.fromCharCode(...rng.bytes(40).map((b) => 0x21 + (b % 90)))}` } }, ['unauthenticated']);
    }
    // A member who is not a facilitator, on facilitator-only routes.
    const facilitatorOnly = (route.path().startsWith('/api/boards/') && route.path().includes('/invites')) || route.path().includes('/members/') || route.method === 'DELETE';
    if (facilitatorOnly) {
      await run('not a facilitator', { method: route.method, path: route.path().replace(world.bobId, world.annId), body, headers: { ...json, cookie: world.bob } }, ['forbidden']);
    }
  }
  await run('unknown route', { method: 'GET', path: '/api/nothing-here' });
  await run('unknown method', { method: 'PUT', path: `/api/boards/${world.board}`, body: '{}', headers: { cookie: world.ann, 'content-type': 'application/json' } });
}

/** Expired: sessions after 31 idle days, and the one-hour invite (the clock moved on by then). */
async function fuzzExpired(run: (label: string, sent: Sent, aimedAt?: readonly ErrorCode[]) => Promise<void>): Promise<void> {
  for (const route of routes.filter((r) => r.cookie())) {
    if (route.path() === '/api/auth/logout') continue;
    await run('expired session', { method: route.method, path: route.path(), body: route.body ? JSON.stringify(route.body) : undefined, headers: { cookie: world.ann, 'content-type': 'application/json' } }, ['unauthenticated']);
  }
  await run('expired invite', { method: 'GET', path: `/api/invites/${world.expiringToken}` });
  await run('expired invite', { method: 'POST', path: `/api/invites/${world.expiringToken}/accept`, body: '{"displayName":"Late"}', headers: { 'content-type': 'application/json' } });
}

/** A recorder of outcomes on one app, and what they break; `after` runs after each request. */
function outcomesOn(to: Send, after: () => void = () => undefined) {
  const outcomes: Outcome[] = [];
  const run = async (label: string, sent: Sent, aimedAt?: readonly ErrorCode[]): Promise<void> => {
    const { status, text } = await send(to, sent);
    outcomes.push({ request: `${sent.method} ${sent.path.slice(0, 80)} (${label})`, status, text, aimedAt });
    after();
  };
  const problems = () => outcomes.map(violation).filter((problem): problem is string => problem !== null);
  const summary = () => {
    const byStatus = new Map<number, number>();
    for (const outcome of outcomes) byStatus.set(outcome.status, (byStatus.get(outcome.status) ?? 0) + 1);
    return `${outcomes.length} requests over ${routes.length} routes; statuses ${[...byStatus].map(([s, n]) => `${s}×${n}`).join(' ')}`;
  };
  return { run, problems, summary };
}

/** The world as the API shows it: who Ann and Bob are, Ann's boards, the board's members and invites, the invite's preview. */
async function worldOverHttp(to: Send): Promise<Record<string, { status: number; text: string }>> {
  const get = (path: string, cookie?: string) => send(to, { method: 'GET', path, headers: cookie ? { cookie } : {} });
  return {
    ann: await get('/api/me', world.ann),
    bob: await get('/api/me', world.bob),
    boards: await get('/api/boards', world.ann),
    board: await get(`/api/boards/${world.board}`, world.bob),
    members: await get(`/api/boards/${world.board}/members`, world.ann),
    invites: await get(`/api/boards/${world.board}/invites`, world.ann),
    preview: await get(`/api/invites/${world.token}`),
  };
}

/**
 * What an app reports as errors from now on: on Node (in this process) its console.error; in
 * wrangler dev what its Worker prints, i.e. every line of wrangler's output other than its request
 * log. wrangler dev keeps only the tail of its output, so `look()` is called after every request
 * and takes what was printed since the last look.
 */
function reportsOf(app: Target): { look(): void; reported(): string[]; stop(): void } {
  const output = (app as Partial<{ output(): string }>).output;
  if (!output) {
    const errors = vi.spyOn(console, 'error');
    return {
      look: () => undefined,
      reported: () => errors.mock.calls.map((args) => args.map(String).join(' ')),
      stop: () => errors.mockRestore(),
    };
  }
  let seen = output();
  let partial = '';
  const printed: string[] = [];
  return {
    look() {
      const now = output();
      const anchor = seen.slice(-512);
      const at = now.lastIndexOf(anchor);
      if (at === -1) throw new Error('wrangler printed more than the output it keeps between two looks');
      const lines = (partial + now.slice(at + anchor.length)).split('\n');
      partial = lines.pop()!;
      printed.push(...lines);
      seen = now;
    },
    reported: () => [...printed, partial].filter((line) => line.trim() !== '' && !line.startsWith('[wrangler:info]')),
    stop: () => undefined,
  };
}

describe.each(targets)('HTTP fuzzing on %s', (target) => {
  let app: Target;
  const to = sender(() => app, (url, init) => fetch(url, init));
  beforeAll(async () => {
    app = await target.start();
    await makeWorld(to);
  });
  afterAll(() => app?.dispose());

  it(`answers every bad request on every route with a 4xx in the error shape and changes nothing (seed ${seed})`, async () => {
    const before = await worldOverHttp(to);
    const reports = reportsOf(app);
    const { run, problems, summary } = outcomesOn(to, () => reports.look());
    try {
      await fuzz(run);
    } finally {
      reports.stop();
    }
    expect(await worldOverHttp(to)).toEqual(before);
    reports.look();
    const reported = reports.reported();
    console.log(`http fuzz on ${target}: ${summary()}; ${reported.length} reported errors`);
    expect(problems()).toEqual([]);
    expect(reported).toEqual([]);
    // No fuzzed sign-up made the account it named.
    expect((await send(to, { method: 'POST', path: '/api/auth/register', body: JSON.stringify(routes[0]!.body), headers: { 'content-type': 'application/json' } })).status).toBe(201);
  });
});

describe('HTTP fuzzing on node, in-process: expired sessions and invites, and every row counted', () => {
  const dir = makeTempDir();
  const libsqlUrl = `file:${dir.path}/fuzz-http.db`;
  const origin = 'http://127.0.0.1:8787';
  let node: NodeApp;
  let db: SqlDatabase;
  let now = Date.UTC(2026, 10, 23);
  const reported: unknown[] = [];
  const to = sender(() => ({ url: origin, config: { publicOrigin: origin } }), async (url, init) => node.app.request(url, init));

  beforeAll(async () => {
    node = await createNodeApp({
      env: { LIBSQL_URL: libsqlUrl, PUBLIC_URL: origin },
      clientDir: null,
      scryptCost: testScryptCost,
      rateLimits: relaxedRateLimits,
      clock: { now: () => now },
      onError: (error) => reported.push(error),
    });
    db = await openLibsqlDatabase({ url: libsqlUrl });
    await makeWorld(to);
  });
  afterAll(async () => {
    db?.close();
    await node?.close();
    dir.remove();
  });

  it(`answers every bad request on every route with a 4xx in the error shape and changes no row (seed ${seed})`, async () => {
    const before = await rowCounts(db);
    const { run, problems, summary } = outcomesOn(to);
    await fuzz(run);
    now += 31 * day;
    await fuzzExpired(run);
    console.log(`http fuzz in-process: ${summary()}; ${reported.length} reported errors`);
    expect(problems()).toEqual([]);
    expect(reported).toEqual([]);
    expect(await rowCounts(db)).toEqual(before);
  });
});
