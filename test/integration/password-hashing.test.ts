/**
 * Password hashing cannot be used to starve sign-in (issue 9, item 3): adding an email and
 * password to a guest account is rate limited by address and by account (429 + Retry-After,
 * nothing changed), and a flood of new hashes on a real server is bounded — at most
 * `concurrency` scrypt runs at once, a full waiting line answers 503 + Retry-After at once, and a
 * sign-in goes ahead of every waiting new hash. The hashing is Node's real scrypt, wrapped only
 * to count the runs and, in the flood, to hold them until every request has arrived.
 */
import { describe, expect, it } from 'vitest';
import type { Scrypt } from '../../server/auth/passwords.ts';
import { createNodeApp } from '../../server/runtime/node-app.ts';
import { nodeScrypt } from '../../server/runtime/node-scrypt.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { acceptInvite, createInvite } from '../support/invites.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { api, cookieFrom, createBoard, startTestServer, testScryptCost, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const origin = 'http://127.0.0.1:8787';
const minute = 60 * 1000;
const password = 'a long enough password';

/** One in-process app with the default limits and a clock the test moves; all calls come from one address. */
async function inProcessApp() {
  const dir = makeTempDir();
  let now = Date.UTC(2026, 10, 23);
  const node = await createNodeApp({
    env: { LIBSQL_URL: `file:${dir.path}/app.db`, PUBLIC_URL: origin },
    clientDir: null,
    scryptCost: testScryptCost,
    clock: { now: () => now },
  });
  const call = async (path: string, body?: unknown, cookie?: string) => {
    const headers: Record<string, string> = { origin };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (cookie) headers['cookie'] = cookie;
    return node.app.request(`${origin}${path}`, { method: body === undefined ? 'GET' : 'POST', headers, body: JSON.stringify(body) });
  };
  const register = await call('/api/auth/register', { email: 'ann@example.org', password, displayName: 'Ann' });
  expect(register.status).toBe(201);
  const ann = cookieFrom(register);
  const board = await call('/api/boards', { title: 'Day surgery' }, ann);
  const boardId = ((await board.json()) as { board: { id: string } }).board.id;
  const { token } = (await (await call(`/api/boards/${boardId}/invites`, { access: 'edit' }, ann)).json()) as { token: string };
  return {
    call,
    /** A new guest, joined by the invite link (which is not limited and hashes nothing). */
    async guest(name = 'Grace') {
      const accepted = await call(`/api/invites/${token}/accept`, { displayName: name });
      expect(accepted.status).toBe(200);
      return cookieFrom(accepted);
    },
    addCredentials: (cookie: string, email: string) => call('/api/me/credentials', { email, password }, cookie),
    signIn: (email: string) => call('/api/auth/login', { email, password }),
    later(ms: number) {
      now += ms;
    },
    async dispose() {
      await node.close();
      dir.remove();
    },
  };
}

async function expectRefused(response: Response, status: number, code: string, maxSeconds: number) {
  expect(response.status).toBe(status);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(await response.json()).toEqual({ error: { code, message: expect.stringMatching(/wait .* try again/) } });
  const retryAfter = Number(response.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
}

describe('adding an email and password to a guest account', () => {
  it('is limited to 20 tries an hour per address; over it answers 429 and changes nothing', async () => {
    const app = await inProcessApp();
    try {
      // Twenty guests each ask whether Ann's email has an account: the probe the limit is for.
      for (let i = 0; i < 20; i++) expect((await app.addCredentials(await app.guest(`Guest ${i}`), 'ann@example.org')).status).toBe(409);
      const grace = await app.guest();
      await expectRefused(await app.addCredentials(grace, 'grace@example.org'), 429, 'rate_limited', 60 * 60);
      expect((await app.signIn('grace@example.org')).status).toBe(401); // no email or password was added
      app.later(60 * minute);
      expect((await app.addCredentials(grace, 'grace@example.org')).status).toBe(200);
      expect((await app.signIn('grace@example.org')).status).toBe(200);
    } finally {
      await app.dispose();
    }
  });

  it('is limited to 5 tries an hour per account, from any address', async () => {
    const app = await inProcessApp();
    try {
      const grace = await app.guest();
      for (let i = 0; i < 5; i++) expect((await app.addCredentials(grace, 'ann@example.org')).status).toBe(409);
      await expectRefused(await app.addCredentials(grace, 'grace@example.org'), 429, 'rate_limited', 60 * 60);
      expect((await app.signIn('grace@example.org')).status).toBe(401);
      // Another guest on the same connection is not held back by Grace's tries.
      expect((await app.addCredentials(await app.guest('Hana'), 'hana@example.org')).status).toBe(200);
      app.later(60 * minute);
      expect((await app.addCredentials(grace, 'grace@example.org')).status).toBe(200);
    } finally {
      await app.dispose();
    }
  });
});

/** Node's scrypt, counting how many run at once; while `held`, each run waits for the release first. */
function watchedScrypt() {
  let running = 0;
  let held: Promise<void> | null = null;
  let release = () => {};
  const watch = {
    most: 0,
    /** The password of every run, in the order they started. */
    started: [] as string[],
    get running() {
      return running;
    },
    hold() {
      held = new Promise<void>((resolve) => (release = resolve));
      watch.most = running;
      watch.started = [];
    },
    release() {
      held = null;
      release();
    },
    scrypt: (async (passwordBytes, salt, params) => {
      running++;
      watch.most = Math.max(watch.most, running);
      watch.started.push(new TextDecoder().decode(passwordBytes));
      try {
        if (held) await held;
        return await nodeScrypt(passwordBytes, salt, params);
      } finally {
        running--;
      }
    }) satisfies Scrypt,
  };
  return watch;
}

describe('password hashing under a flood', () => {
  it('runs at most 2 at once, refuses a full line with 503 and Retry-After, and signs people in first', async () => {
    const watch = watchedScrypt();
    const server = await startTestServer({
      scrypt: watch.scrypt,
      hashGate: { concurrency: 2, maxWaitingNewHashes: 3, maxWaitingSignIns: 5, retryAfterSeconds: 5 },
    });
    const pending: Promise<Response>[] = [];
    try {
      const annPassword = 'the password Ann signs in with';
      const registered = await api(server, '/api/auth/register', { body: { email: 'ann@example.org', password: annPassword, displayName: 'Ann' } });
      expect(registered.status).toBe(201);
      const ann: TestPerson = { id: '', displayName: 'Ann', cookie: cookieFrom(registered) };
      const { token } = await createInvite(server, ann, await createBoard(server, ann), { access: 'edit' });
      const guests: TestPerson[] = [];
      for (let i = 0; i < 14; i++) guests.push(await acceptInvite(server, token, `Guest ${i}`));

      // 20 new hashes at once, every one held inside scrypt once it starts: 14 guests probing
      // Ann's email and 6 new accounts. 2 run, 3 wait, and the other 15 are refused at once.
      watch.hold();
      let answered = 0;
      const count = (response: Promise<Response>) => response.then((r) => (answered++, r));
      const flood = [
        ...guests.map((guest, i) => count(api(server, '/api/me/credentials', { body: { email: 'ann@example.org', password: `probe password ${i}` }, cookie: guest.cookie }))),
        ...Array.from({ length: 6 }, (_, i) => count(api(server, '/api/auth/register', { body: { email: `new${i}@example.org`, password: `new password ${i}`, displayName: 'New' } }))),
      ];
      pending.push(...flood);
      await waitUntil(() => answered === 15, '15 of the 20 requests are refused at once', 10_000);
      expect(server.hashing.stats()).toEqual({ running: 2, waitingSignIns: 0, waitingNewHashes: 3 });

      // Ann signs in now: she waits only for the two hashes already running.
      const signIn = api(server, '/api/auth/login', { body: { email: 'ann@example.org', password: annPassword } });
      pending.push(signIn);
      await waitUntil(() => server.hashing.stats().waitingSignIns === 1, 'the sign-in waits for a slot');
      watch.release();
      const answers = await Promise.all(flood);
      expect((await signIn).status).toBe(200);

      expect(watch.most).toBe(2);
      expect(watch.started.slice(2, 3)).toEqual([annPassword]); // the first slot to come free was hers
      const refused = answers.filter((r) => r.status === 503);
      expect(refused).toHaveLength(15);
      for (const response of refused) await expectRefused(response, 503, 'unavailable', 5);
      expect(Number(refused[0]!.headers.get('retry-after'))).toBe(5);
      const admitted = await Promise.all(answers.filter((r) => r.status !== 503).map((r) => r.status));
      expect(admitted.every((status) => status === 409 || status === 201)).toBe(true);
      expect(admitted).toHaveLength(5);

      // A refused account creation made no account.
      const db = await openLibsqlDatabase({ url: server.libsqlUrl });
      try {
        const users = await db.execute("SELECT COUNT(*) AS n FROM users WHERE email LIKE 'new%'");
        expect(Number(users.rows[0]!['n'])).toBe(admitted.filter((status) => status === 201).length);
      } finally {
        db.close();
      }
    } finally {
      // Should the test fail early, the held requests finish before the server closes.
      watch.release();
      await Promise.allSettled(pending);
      await server.dispose();
    }
  });
});
