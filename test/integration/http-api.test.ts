/**
 * The HTTP API: accounts, sessions, boards, and the contract's error shape for bad input.
 *
 * Run as one suite against both targets (test/support/targets.ts) — the Node server and the
 * Workers build in `wrangler dev` — over real HTTP. What only the Node wiring lets a test see (the
 * rows in the LibSQL file, the stored document, a clock the test moves) is checked on Node alone,
 * in-process (`app.request`) on the real Node wiring and a real LibSQL file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionIdOf } from '../../server/auth/sessions.ts';
import { inProcessOrigin, useInProcessApp } from '../support/in-process-app.ts';
import { targets, type Target } from '../support/targets.ts';

interface Call {
  method?: string;
  body?: unknown;
  raw?: string;
  cookie?: string;
  /** Sent as they are; `origin` defaults to the app's own. */
  headers?: Record<string, string>;
}

interface Answer {
  status: number;
  json: Record<string, any> | null;
  response: Response;
}

type Caller = (path: string, call?: Call) => Promise<Answer>;

/** A caller on an app: `send` does the request (fetch over HTTP, or `app.request` in-process). */
function caller(origin: () => string, send: (url: string, init: RequestInit) => Promise<Response>): Caller {
  return async (path, { method, body, raw, cookie, headers = {} } = {}) => {
    const all: Record<string, string> = { origin: origin(), ...headers };
    if (cookie) all['cookie'] = cookie;
    if (body !== undefined || raw !== undefined) all['content-type'] ??= 'application/json';
    const response = await send(`${origin()}${path}`, {
      method: method ?? (body !== undefined || raw !== undefined ? 'POST' : 'GET'),
      headers: all,
      body: raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as Record<string, any>) : null, response };
  };
}

let emails = 0;
async function register(call: Caller, displayName = 'Ann') {
  const email = `p${++emails}@example.org`;
  const result = await call('/api/auth/register', { body: { email, password: 'a long enough password', displayName } });
  expect(result.status).toBe(201);
  const cookie = result.response.headers.getSetCookie()[0]!.split(';')[0]!;
  return { email, cookie, user: result.json!['user'] as { id: string; displayName: string } };
}

function expectError(result: { status: number; json: Record<string, any> | null }, status: number, code: string) {
  expect(result.status).toBe(status);
  expect(result.json).toMatchObject({ error: { code, message: expect.any(String) } });
}

/** Bad registrations, each refused with its error: malformed JSON, wrong types, unknown fields, media type, size. */
async function sendBadRegistrations(call: Caller): Promise<void> {
  expectError(await call('/api/auth/register', { raw: '{"email":' }), 400, 'invalid_json');
  expectError(await call('/api/auth/register', { body: { email: 5, password: [], displayName: null } }), 400, 'invalid_body');
  expectError(await call('/api/auth/register', { body: { email: 'a@b.co', password: 'a long enough password', displayName: 'A', role: 'staff' } }), 400, 'invalid_body');
  expectError(await call('/api/auth/register', { body: { email: 'a@b.co', password: 'short', displayName: 'A' } }), 400, 'invalid_body');
  expectError(await call('/api/auth/register', { raw: 'email=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'unsupported_media_type');
  expectError(await call('/api/auth/register', { raw: JSON.stringify({ email: 'a@b.co', password: 'x'.repeat(100_000), displayName: 'A' }) }), 413, 'payload_too_large');
  expectError(await call('/api/nowhere'), 404, 'not_found');
}

describe.each(targets)('the HTTP API on %s', (target) => {
  let app: Target;
  beforeAll(async () => (app = await target.start()));
  afterAll(() => app?.dispose());
  const call = caller(() => app.url, (url, init) => fetch(url, init));

  describe('accounts and sessions', () => {
    it('registers, sets a safe cookie, and knows who you are', async () => {
      const result = await call('/api/auth/register', { body: { email: 'Ann@Example.org ', password: 'a long enough password', displayName: ' Ann ' } });
      expect(result.status).toBe(201);
      expect(result.json).toEqual({ user: { id: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/), displayName: 'Ann', guest: false } });
      const setCookie = result.response.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^session=[a-z2-7]{32};/);
      expect(setCookie).toContain('HttpOnly');
      expect(setCookie).toContain('SameSite=Lax');
      expect(setCookie).not.toContain('Secure'); // PUBLIC_URL is http here
      const cookie = setCookie.split(';')[0]!;
      expect((await call('/api/me', { cookie })).json).toEqual({ user: result.json!['user'] });
      expect(Object.keys(result.json!['user']).sort()).toEqual(['displayName', 'guest', 'id']);
    });

    it('refuses a second account for the same email, in any case', async () => {
      const { email } = await register(call);
      const again = await call('/api/auth/register', { body: { email: email.toUpperCase(), password: 'another long password', displayName: 'B' } });
      expectError(again, 409, 'email_taken');
    });

    it('signs in with a fresh session and refuses wrong passwords and unknown emails alike', async () => {
      const { email, cookie } = await register(call);
      const wrong = await call('/api/auth/login', { body: { email, password: 'not the password' } });
      const unknown = await call('/api/auth/login', { body: { email: 'nobody@example.org', password: 'not the password' } });
      expectError(wrong, 401, 'invalid_credentials');
      expect(unknown.json).toEqual(wrong.json);
      const login = await call('/api/auth/login', { body: { email, password: 'a long enough password' }, cookie });
      expect(login.status).toBe(200);
      const fresh = login.response.headers.get('set-cookie')!.split(';')[0]!;
      expect(fresh).not.toBe(cookie);
      expect((await call('/api/me', { cookie })).status).toBe(401); // the old session ended
      expect((await call('/api/me', { cookie: fresh })).status).toBe(200);
    });

    it('signs out', async () => {
      const { cookie } = await register(call);
      const out = await call('/api/auth/logout', { method: 'POST', cookie });
      expect(out.status).toBe(204);
      expect(out.response.headers.get('set-cookie')).toMatch(/session=;/);
      expectError(await call('/api/me', { cookie }), 401, 'unauthenticated');
    });

    it('refuses cookie-carrying and foreign-origin state changes', async () => {
      const { cookie } = await register(call);
      expectError(await call('/api/boards', { body: { title: 'x' }, cookie, headers: { origin: 'https://evil.example' } }), 403, 'cross_origin');
      const noOrigin = await fetch(`${app.url}/api/boards`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ title: 'x' }),
      });
      expect(noOrigin.status).toBe(403);
      expectError(await call('/api/auth/login', { body: { email: 'a@b.co', password: 'x' }, headers: { origin: 'https://evil.example' } }), 403, 'cross_origin');
      // Giving a feeling is a state change like any other.
      const boardId = (await call('/api/boards', { body: { title: 'Mine' }, cookie })).json!['board']['id'] as string;
      expectError(
        await call(`/api/boards/${boardId}/feelings/touch-0000000001`, { method: 'PUT', body: { feeling: { score: 1, words: [] } }, cookie, headers: { origin: 'https://evil.example' } }),
        403,
        'cross_origin',
      );
      expect((await call('/api/boards', { cookie })).json!['boards']).toHaveLength(1);
    });
  });

  describe('bad input gets a clear error and changes nothing', () => {
    it('rejects malformed JSON, wrong types, unknown fields, wrong media types and oversize bodies', async () => {
      await sendBadRegistrations(call);
      // None of the refused sign-ups made the account they named (the row count is checked on Node below).
      expect((await call('/api/auth/register', { body: { email: 'a@b.co', password: 'a long enough password', displayName: 'A' } })).status).toBe(201);
    });

    it('lists every problem with its field', async () => {
      const result = await call('/api/auth/register', { body: { email: 'nope', password: 'x', displayName: '' } });
      expect(result.json!['error']['issues'].map((issue: { path: string }) => issue.path).sort()).toEqual(['displayName', 'email', 'password']);
    });
  });

  describe('boards', () => {
    it('creates, lists, reads and deletes a board; the creator facilitates', async () => {
      const ann = await register(call, 'Ann');
      const created = await call('/api/boards', { body: { title: '  Maternity journey ', purpose: 'Make the first visit less scary' }, cookie: ann.cookie });
      expect(created.status).toBe(201);
      const board = created.json!['board'];
      expect(board).toEqual({ id: expect.any(String), title: 'Maternity journey', access: 'facilitate', createdAt: expect.any(String) });
      expect((await call('/api/boards', { cookie: ann.cookie })).json).toEqual({ boards: [{ ...board, unread: { comments: 0, touchpoints: 0, feelings: 0 } }] });
      expect((await call(`/api/boards/${board.id}`, { cookie: ann.cookie })).json).toEqual({ board });
      expect((await call(`/api/boards/${board.id}/members`, { cookie: ann.cookie })).json).toEqual({
        members: [{ id: ann.user.id, displayName: 'Ann', access: 'facilitate' }],
      });
      expect((await call(`/api/boards/${board.id}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
      expectError(await call(`/api/boards/${board.id}`, { cookie: ann.cookie }), 404, 'not_found');
      expect((await call('/api/boards', { cookie: ann.cookie })).json).toEqual({ boards: [] });
    });

    it('hides boards from non-members and strangers', async () => {
      const ann = await register(call, 'Ann');
      const bob = await register(call, 'Bob');
      const { json } = await call('/api/boards', { body: { title: 'Private' }, cookie: ann.cookie });
      const id = json!['board']['id'];
      expectError(await call(`/api/boards/${id}`, { cookie: bob.cookie }), 403, 'forbidden');
      expectError(await call(`/api/boards/${id}/members`, { cookie: bob.cookie }), 403, 'forbidden');
      expectError(await call(`/api/boards/${id}`, { method: 'DELETE', cookie: bob.cookie }), 403, 'forbidden');
      // Feelings (issue 17): a non-member neither gives one nor learns where anyone's is.
      expectError(await call(`/api/boards/${id}/feelings/mine`, { cookie: bob.cookie }), 403, 'forbidden');
      expectError(await call(`/api/boards/${id}/feelings/touch-0000000001`, { method: 'PUT', body: { feeling: { score: 1, words: [] } }, cookie: bob.cookie }), 403, 'forbidden');
      expectError(await call(`/api/boards/${id}/feelings/mine`), 401, 'unauthenticated');
      expectError(await call(`/api/boards/${id}`), 401, 'unauthenticated');
      expectError(await call('/api/boards'), 401, 'unauthenticated');
      expectError(await call('/api/boards/not%20an%20id', { cookie: bob.cookie }), 404, 'not_found');
      expect((await call('/api/boards', { cookie: bob.cookie })).json).toEqual({ boards: [] });
    });

    it('validates board titles', async () => {
      const ann = await register(call);
      expectError(await call('/api/boards', { body: { title: '   ' }, cookie: ann.cookie }), 400, 'invalid_body');
      expectError(await call('/api/boards', { body: { title: 'x'.repeat(121) }, cookie: ann.cookie }), 400, 'invalid_body');
      expect((await call('/api/boards', { cookie: ann.cookie })).json).toEqual({ boards: [] });
    });

    it('answers /healthz', async () => {
      expect((await call('/healthz')).json).toEqual({ ok: true });
    });
  });
});

describe('the HTTP API on node: its rows, its stored documents and its clock', () => {
  const day = 24 * 60 * 60 * 1000;
  let now = Date.UTC(2026, 10, 23);
  const app = useInProcessApp({ now: () => now });
  const call = caller(() => inProcessOrigin, async (url, init) => app().app.request(url, init));

  it('stores only a hash of the session token', async () => {
    const { cookie } = await register(call);
    const token = cookie.split('=')[1]!;
    const rows = await app().db.execute({ sql: 'SELECT id FROM sessions WHERE id = ? OR id = ?', args: [token, sessionIdOf(token)] });
    expect(rows.rows.map((row) => row['id'])).toEqual([sessionIdOf(token)]);
    const users = await app().db.execute('SELECT password_hash FROM users');
    for (const row of users.rows) expect(String(row['password_hash'])).toMatch(/^\$scrypt\$/);
  });

  it('slides the expiry forward when used, and expires after 30 days unused', async () => {
    const { cookie } = await register(call);
    now += 20 * day;
    const used = await call('/api/me', { cookie });
    expect(used.status).toBe(200);
    expect(used.response.headers.get('set-cookie')).toMatch(/^session=/); // renewed
    now += 29 * day;
    expect((await call('/api/me', { cookie })).status).toBe(200); // 49 days after sign-up, still alive
    now += 31 * day;
    const expired = await call('/api/me', { cookie });
    expectError(expired, 401, 'unauthenticated');
    expect(expired.response.headers.get('set-cookie')).toMatch(/session=;/);
  });

  it('adds no row for bad input', async () => {
    const before = await app().db.execute('SELECT count(*) AS n FROM users');
    await sendBadRegistrations(call);
    const after = await app().db.execute('SELECT count(*) AS n FROM users');
    expect(after.rows[0]).toEqual(before.rows[0]);
  });

  it("removes a deleted board's stored document", async () => {
    const ann = await register(call, 'Ann');
    const id = (await call('/api/boards', { body: { title: 'Maternity journey' }, cookie: ann.cookie })).json!['board']['id'] as string;
    expect((await app().documents.load(id)).updates).not.toEqual([]);
    expect((await call(`/api/boards/${id}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
    expect((await app().documents.load(id)).updates).toEqual([]);
  });
});
