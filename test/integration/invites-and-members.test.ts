/**
 * Invites, members and account changes over HTTP, as one suite against both targets
 * (test/support/targets.ts): the Node server and the Workers build in `wrangler dev`. What needs
 * the Node wiring — the rows in its LibSQL file, and a clock the test moves to expire invites — is
 * checked on Node alone, in-process (`app.request`) on the real Node wiring and a real LibSQL file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedInvite, Invite, InvitePreview, Member } from '../../shared/api.ts';
import { errorStatus } from '../../shared/errors.ts';
import { inviteTokenHash } from '../../server/invites/invite-store.ts';
import { inProcessOrigin, useInProcessApp } from '../support/in-process-app.ts';
import { targets, type Target } from '../support/targets.ts';

const hour = 60 * 60 * 1000;

interface Json {
  [key: string]: unknown;
}

interface CallInit {
  method?: string;
  body?: unknown;
  cookie?: string;
  /** null: no Origin header; default the app's own. */
  origin?: string | null;
}

type Caller = (path: string, init?: CallInit) => Promise<{ status: number; json: Json | null; response: Response }>;

/** A caller on an app at `origin`: `send` does the request (fetch over HTTP, or `app.request` in-process). */
function caller(origin: () => string, send: (url: string, init: RequestInit) => Promise<Response>): Caller {
  return async (path, init = {}) => {
    const headers: Record<string, string> = {};
    if (init.origin !== null) headers['origin'] = init.origin ?? origin();
    if (init.cookie) headers['cookie'] = init.cookie;
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    const response = await send(`${origin()}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, json: (text ? JSON.parse(text) : null) as Json | null, response };
  };
}

function cookieOf(response: Response): string {
  return response.headers.getSetCookie().find((line) => line.startsWith('session='))!.split(';')[0]!;
}

function expectError(result: { status: number; json: Json | null }, code: keyof typeof errorStatus) {
  expect(result.status).toBe(errorStatus[code]);
  expect(result.json).toMatchObject({ error: { code, message: expect.any(String) } });
}

let emails = 0;

/** The helpers every test here uses, on one app. */
function helpers(call: Caller) {
  async function register(displayName: string) {
    const email = `m${++emails}@example.org`;
    const result = await call('/api/auth/register', { body: { email, password: 'a long enough password', displayName } });
    expect(result.status).toBe(201);
    return { email, cookie: cookieOf(result.response), id: (result.json!['user'] as { id: string }).id };
  }
  async function newBoard(cookie: string): Promise<string> {
    const result = await call('/api/boards', { body: { title: 'Maternity journey', purpose: 'Make the first visit less frightening' }, cookie });
    return (result.json!['board'] as { id: string }).id;
  }
  async function invite(boardId: string, cookie: string, body: object): Promise<CreatedInvite> {
    const result = await call(`/api/boards/${boardId}/invites`, { body, cookie });
    expect(result.status).toBe(201);
    return result.json as unknown as CreatedInvite;
  }
  /** A board's members, sorted by name. */
  async function members(boardId: string, cookie: string): Promise<Member[]> {
    const list = (await call(`/api/boards/${boardId}/members`, { cookie })).json!['members'] as Member[];
    return list.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }
  /**
   * An invite that can no longer be used says why (`code`) to anyone who opens it, and neither a
   * guest nor a signed-in person can join with it; no cookie is set.
   */
  async function expectRefused(created: CreatedInvite, code: keyof typeof errorStatus, signedIn: { cookie: string }): Promise<void> {
    expectError(await call(`/api/invites/${created.token}`), code);
    const asGuest = await call(`/api/invites/${created.token}/accept`, { body: { displayName: 'Late' } });
    expectError(asGuest, code);
    expect(asGuest.response.headers.getSetCookie()).toEqual([]);
    expectError(await call(`/api/invites/${created.token}/accept`, { body: {}, cookie: signedIn.cookie }), code);
  }
  /** A new board where Ann made Bob a facilitator too, then each lowers the other to view at once. */
  async function lowerEachOther(ann: { id: string; cookie: string }, bob: { id: string; cookie: string }) {
    const boardId = await newBoard(ann.cookie);
    const { token } = await invite(boardId, ann.cookie, { access: 'edit' });
    await call(`/api/invites/${token}/accept`, { body: {}, cookie: bob.cookie });
    await call(`/api/boards/${boardId}/members/${bob.id}`, { method: 'PATCH', body: { access: 'facilitate' }, cookie: ann.cookie });
    const results = await Promise.all([
      call(`/api/boards/${boardId}/members/${bob.id}`, { method: 'PATCH', body: { access: 'view' }, cookie: ann.cookie }),
      call(`/api/boards/${boardId}/members/${ann.id}`, { method: 'PATCH', body: { access: 'view' }, cookie: bob.cookie }),
    ]);
    return { boardId, statuses: results.map((r) => r.status).sort() };
  }
  return { register, newBoard, invite, members, expectRefused, lowerEachOther };
}

describe.each(targets)('invites, members and accounts on %s', (target) => {
  let app: Target;
  beforeAll(async () => (app = await target.start()));
  afterAll(() => app?.dispose());
  const origin = () => app.config.publicOrigin;
  const call = caller(() => app.url, (url, init) => fetch(url, init));
  const { register, newBoard, invite, members, expectRefused, lowerEachOther } = helpers(call);

  describe('invites', () => {
    it('facilitators create, list and revoke links; others may not', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const sent = Date.now();
      const created = await invite(boardId, ann.cookie, { access: 'edit', maxUses: 5 });
      const answered = Date.now();
      expect(created.token).toMatch(/^[a-z2-7]{32}$/);
      expect(created.url).toBe(`${origin()}/invite/${created.token}`);
      expect(created.invite).toEqual({
        id: expect.any(String),
        access: 'edit',
        createdAt: expect.any(String),
        expiresAt: expect.any(String),
        maxUses: 5,
        uses: 0,
        revokedAt: null,
      } satisfies Invite);
      // Made while asked, good for 7 days (to the millisecond on Node's clock, below).
      expectMomentWithin(created.invite.createdAt, sent, answered);
      expect(Date.parse(created.invite.expiresAt) - Date.parse(created.invite.createdAt)).toBe(7 * 24 * hour);
      expect(created.invite.id).not.toBe(created.token);

      const listed = await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie });
      expect(listed.json).toEqual({ invites: [created.invite] });

      const bob = await register('Bob');
      await call(`/api/invites/${created.token}/accept`, { body: {}, cookie: bob.cookie });
      expectError(await call(`/api/boards/${boardId}/invites`, { body: { access: 'view' }, cookie: bob.cookie }), 'forbidden');
      expectError(await call(`/api/boards/${boardId}/invites`, { cookie: bob.cookie }), 'forbidden');
      expectError(await call(`/api/boards/${boardId}/invites/${created.invite.id}`, { method: 'DELETE', cookie: bob.cookie }), 'forbidden');
      expectError(await call('/api/boards/NoSuchBoard000000000/invites', { body: { access: 'view' }, cookie: ann.cookie }), 'not_found');
      expectError(await call(`/api/boards/${boardId}/invites`, { body: { access: 'facilitate' }, cookie: ann.cookie }), 'invalid_body');

      const revoking = Date.now();
      expect((await call(`/api/boards/${boardId}/invites/${created.invite.id}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
      const revoked = Date.now();
      const after = (await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie })).json!['invites'] as Invite[];
      expect(after[0]).toMatchObject({ id: created.invite.id, uses: 1, revokedAt: expect.any(String) });
      expectMomentWithin(after[0]!.revokedAt!, revoking, revoked);
      expectError(await call(`/api/boards/${boardId}/invites/NoSuchInvite00000000`, { method: 'DELETE', cookie: ann.cookie }), 'not_found');
    });

    it('previews a link without signing in: title, purpose, access and how many are on the board', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const { token } = await invite(boardId, ann.cookie, { access: 'view' });
      const preview = await call(`/api/invites/${token}`);
      expect(preview.json).toEqual({
        boardTitle: 'Maternity journey',
        purpose: 'Make the first visit less frightening',
        access: 'view',
        memberCount: 1,
      } satisfies InvitePreview);
      expectError(await call('/api/invites/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa'), 'not_found');
      expectError(await call('/api/invites/not-a-token'), 'not_found');
    });

    it('a guest joins with only a name: a guest account, a session, and the board', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const { token } = await invite(boardId, ann.cookie, { access: 'edit' });
      expectError(await call(`/api/invites/${token}/accept`, { body: {} }), 'invalid_body');
      const accepted = await call(`/api/invites/${token}/accept`, { body: { displayName: ' Grace ' } });
      expect(accepted.status).toBe(200);
      expect(accepted.json).toEqual({ boardId });
      const cookie = cookieOf(accepted.response);
      const me = (await call('/api/me', { cookie })).json!['user'] as { id: string; displayName: string };
      expect(me.displayName).toBe('Grace');
      // No email, no password (the row itself is read on Node below).
      expect(me).toMatchObject({ guest: true });
      expect((await call(`/api/boards/${boardId}`, { cookie })).json).toMatchObject({ board: { id: boardId, access: 'edit' } });
      expect(await members(boardId, ann.cookie)).toEqual([
        { id: ann.id, displayName: 'Ann', access: 'facilitate' },
        { id: me.id, displayName: 'Grace', access: 'edit' },
      ]);
    });

    it('a signed-in person joins with their account and keeps the higher access', async () => {
      const ann = await register('Ann');
      const bob = await register('Bob');
      const boardId = await newBoard(ann.cookie);
      const view = await invite(boardId, ann.cookie, { access: 'view' });
      const edit = await invite(boardId, ann.cookie, { access: 'edit' });
      expect((await call(`/api/invites/${view.token}/accept`, { body: {}, cookie: bob.cookie })).json).toEqual({ boardId });
      expect((await members(boardId, ann.cookie))[1]).toEqual({ id: bob.id, displayName: 'Bob', access: 'view' });
      await call(`/api/invites/${edit.token}/accept`, { body: {}, cookie: bob.cookie });
      expect((await members(boardId, ann.cookie))[1]!.access).toBe('edit');
      await call(`/api/invites/${view.token}/accept`, { body: {}, cookie: bob.cookie });
      expect((await members(boardId, ann.cookie))[1]!.access).toBe('edit');
      // The facilitator following their own view link stays a facilitator.
      await call(`/api/invites/${view.token}/accept`, { body: {}, cookie: ann.cookie });
      expect((await members(boardId, ann.cookie))[0]!.access).toBe('facilitate');
    });

    it('used-up and revoked links say so plainly and change nothing', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const once = await invite(boardId, ann.cookie, { access: 'edit', maxUses: 1 });
      const revoked = await invite(boardId, ann.cookie, { access: 'edit' });
      await call(`/api/boards/${boardId}/invites/${revoked.invite.id}`, { method: 'DELETE', cookie: ann.cookie });
      expect((await call(`/api/invites/${once.token}/accept`, { body: { displayName: 'First' } })).status).toBe(200);
      const before = { members: (await members(boardId, ann.cookie)).length };
      const bob = await register('Bob');

      for (const [created, code] of [
        [once, 'invite_used_up'],
        [revoked, 'invite_revoked'],
      ] as const) {
        await expectRefused(created, code, bob);
      }
      expect((await members(boardId, ann.cookie)).length).toBe(before.members);
      expect((await call('/api/boards', { cookie: bob.cookie })).json).toEqual({ boards: [] });
      const listed = (await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie })).json!['invites'] as Invite[];
      expect(listed.map((i) => i.uses).sort()).toEqual([0, 1]);
    });

    it('concurrent accepts never exceed the maximum uses', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const { token } = await invite(boardId, ann.cookie, { access: 'view', maxUses: 3 });
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => call(`/api/invites/${token}/accept`, { body: { displayName: `Guest ${i}` } })),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(3);
      for (const refused of results.filter((r) => r.status !== 200)) expectError(refused, 'invite_used_up');
      expect(await members(boardId, ann.cookie)).toHaveLength(4);
      const listed = (await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie })).json!['invites'] as Invite[];
      expect(listed[0]!.uses).toBe(3);
    });

    it('refuses cross-origin requests with the session cookie on the new routes', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const { token, invite: created } = await invite(boardId, ann.cookie, { access: 'edit' });
      const evil = 'https://evil.example';
      const attempts = [
        call(`/api/boards/${boardId}/invites`, { body: { access: 'edit' }, cookie: ann.cookie, origin: evil }),
        call(`/api/boards/${boardId}/invites/${created.id}`, { method: 'DELETE', cookie: ann.cookie, origin: evil }),
        call(`/api/boards/${boardId}/members/${ann.id}`, { method: 'PATCH', body: { access: 'view' }, cookie: ann.cookie, origin: null }),
        call(`/api/boards/${boardId}/members/${ann.id}`, { method: 'DELETE', cookie: ann.cookie, origin: evil }),
        call(`/api/invites/${token}/accept`, { body: { displayName: 'Eve' }, origin: evil }),
        call('/api/me', { method: 'PATCH', body: { displayName: 'Eve' }, cookie: ann.cookie, origin: evil }),
        call('/api/me/credentials', { body: { email: 'e@example.org', password: 'a long enough password' }, cookie: ann.cookie, origin: evil }),
        call('/api/auth/logout-everywhere', { method: 'POST', cookie: ann.cookie, origin: evil }),
      ];
      for (const result of await Promise.all(attempts)) expectError(result, 'cross_origin');
      expect(await members(boardId, ann.cookie)).toHaveLength(1);
      expect((await call('/api/me', { cookie: ann.cookie })).json).toMatchObject({ user: { displayName: 'Ann' } });
    });
  });

  describe('members', () => {
    it('facilitators change access and remove; members leave; a board always keeps a facilitator', async () => {
      const ann = await register('Ann');
      const bob = await register('Bob');
      const cat = await register('Cat');
      const boardId = await newBoard(ann.cookie);
      const { token } = await invite(boardId, ann.cookie, { access: 'edit' });
      for (const person of [bob, cat]) await call(`/api/invites/${token}/accept`, { body: {}, cookie: person.cookie });

      const patch = (target: string, access: string, cookie: string) =>
        call(`/api/boards/${boardId}/members/${target}`, { method: 'PATCH', body: { access }, cookie });
      const remove = (target: string, cookie: string) => call(`/api/boards/${boardId}/members/${target}`, { method: 'DELETE', cookie });

      expectError(await patch(ann.id, 'view', ann.cookie), 'last_facilitator');
      expectError(await remove(ann.id, ann.cookie), 'last_facilitator');
      expectError(await patch(cat.id, 'view', bob.cookie), 'forbidden');
      expectError(await remove(cat.id, bob.cookie), 'forbidden');
      expectError(await patch('NoSuchPerson00000000', 'view', ann.cookie), 'not_found');
      expectError(await patch(bob.id, 'owner', ann.cookie), 'invalid_body');

      expect((await patch(bob.id, 'facilitate', ann.cookie)).json).toEqual({ member: { id: bob.id, displayName: 'Bob', access: 'facilitate' } });
      // Now there are two facilitators: Ann may step down, but Bob then may not.
      expect((await patch(ann.id, 'edit', ann.cookie)).json).toEqual({ member: { id: ann.id, displayName: 'Ann', access: 'edit' } });
      expectError(await patch(bob.id, 'edit', bob.cookie), 'last_facilitator');

      expect((await remove(cat.id, cat.cookie)).status).toBe(204); // Cat leaves
      expectError(await call(`/api/boards/${boardId}`, { cookie: cat.cookie }), 'forbidden');
      expect((await remove(ann.id, bob.cookie)).status).toBe(204); // Bob removes Ann
      expect(await members(boardId, bob.cookie)).toEqual([{ id: bob.id, displayName: 'Bob', access: 'facilitate' }]);
      expectError(await remove(ann.id, bob.cookie), 'not_found');
    });

    it('two facilitators lowering each other at once leave one facilitator', async () => {
      // Over a real connection the two requests may or may not overlap (in-process on Node below,
      // they always do): on a few boards at once, each pair ends with one facilitator either way —
      // refused as the last facilitator (409) when they overlapped, as no longer a facilitator
      // (403) when one came first.
      const ann = await register('Ann');
      const bob = await register('Bob');
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const { boardId, statuses } = await lowerEachOther(ann, bob);
          expect([[200, 403], [200, 409]]).toContainEqual(statuses);
          const facilitators = (await members(boardId, ann.cookie)).filter((member) => member.access === 'facilitate');
          expect(facilitators).toHaveLength(1);
        }),
      );
    });
  });

  describe('account', () => {
    it('changes the display name', async () => {
      const ann = await register('Ann');
      const result = await call('/api/me', { method: 'PATCH', body: { displayName: ' Annie ' }, cookie: ann.cookie });
      expect(result.json).toEqual({ user: { id: ann.id, displayName: 'Annie', guest: false } });
      expect((await call('/api/me', { cookie: ann.cookie })).json).toEqual({ user: { id: ann.id, displayName: 'Annie', guest: false } });
      expectError(await call('/api/me', { method: 'PATCH', body: { displayName: '' }, cookie: ann.cookie }), 'invalid_body');
      expectError(await call('/api/me', { method: 'PATCH', body: { displayName: 'X' } }), 'unauthenticated');
    });

    it('a guest keeps their account by adding an email and password, once', async () => {
      const ann = await register('Ann');
      const boardId = await newBoard(ann.cookie);
      const { token } = await invite(boardId, ann.cookie, { access: 'edit' });
      const guest = cookieOf((await call(`/api/invites/${token}/accept`, { body: { displayName: 'Grace' } })).response);
      const password = 'a long enough password';
      // Only the person themself learns they are a guest (so the page can warn before signing out).
      expect((await call('/api/me', { cookie: guest })).json).toMatchObject({ user: { displayName: 'Grace', guest: true } });
      expectError(await call('/api/me/credentials', { body: { email: ann.email, password }, cookie: guest }), 'email_taken');
      const added = await call('/api/me/credentials', { body: { email: 'Grace@Example.org', password }, cookie: guest });
      expect(added.json).toMatchObject({ user: { displayName: 'Grace', guest: false } });
      expect((await call('/api/me', { cookie: guest })).json).toMatchObject({ user: { guest: false } });
      const members = (await call(`/api/boards/${boardId}/members`, { cookie: ann.cookie })).json as { members: object[] };
      for (const member of members.members) expect(member).not.toHaveProperty('guest');
      expectError(await call('/api/me/credentials', { body: { email: 'other@example.org', password }, cookie: guest }), 'credentials_exist');
      expectError(await call('/api/me/credentials', { body: { email: 'third@example.org', password }, cookie: ann.cookie }), 'credentials_exist');
      const login = await call('/api/auth/login', { body: { email: 'grace@example.org', password } });
      expect(login.status).toBe(200);
      expect((await call(`/api/boards/${boardId}`, { cookie: cookieOf(login.response) })).status).toBe(200);
    });

    it('signing out everywhere ends every session of the person', async () => {
      const ann = await register('Ann');
      const other = cookieOf((await call('/api/auth/login', { body: { email: ann.email, password: 'a long enough password' } })).response);
      const bob = await register('Bob');
      const result = await call('/api/auth/logout-everywhere', { method: 'POST', cookie: ann.cookie });
      expect(result.status).toBe(204);
      expect(result.response.headers.get('set-cookie')).toMatch(/^session=;/);
      expectError(await call('/api/me', { cookie: ann.cookie }), 'unauthenticated');
      expectError(await call('/api/me', { cookie: other }), 'unauthenticated');
      expect((await call('/api/me', { cookie: bob.cookie })).status).toBe(200);
      expectError(await call('/api/auth/logout-everywhere', { method: 'POST' }), 'unauthenticated');
    });
  });
});

describe('invites on node: the stored rows, and a clock the test moves', () => {
  let now = Date.UTC(2026, 10, 23);
  const app = useInProcessApp({ now: () => now });
  const origin = inProcessOrigin;
  const call = caller(() => origin, async (url, init) => app().app.request(url, init));
  const { register, newBoard, invite, members, expectRefused, lowerEachOther } = helpers(call);

  it("stores only an invite token's hash, and dates an invite and its revocation by the clock", async () => {
    const ann = await register('Ann');
    const boardId = await newBoard(ann.cookie);
    const created = await invite(boardId, ann.cookie, { access: 'edit', maxUses: 5 });
    expect(created.url).toBe(`${origin}/invite/${created.token}`);
    expect(created.invite).toMatchObject({
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + 7 * 24 * hour).toISOString(),
    });
    const stored = await app().db.execute('SELECT token_hash FROM invites');
    expect(stored.rows.map((row) => row['token_hash'])).toContain(inviteTokenHash(created.token));
    expect(JSON.stringify(stored.rows)).not.toContain(created.token);
    now += hour;
    expect((await call(`/api/boards/${boardId}/invites/${created.invite.id}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
    const after = (await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie })).json!['invites'] as Invite[];
    expect(after[0]).toMatchObject({ id: created.invite.id, revokedAt: new Date(now).toISOString() });
  });

  it('two facilitators lowering each other at once, both past the access check, leave one facilitator', async () => {
    const ann = await register('Ann');
    const bob = await register('Bob');
    const { boardId, statuses } = await lowerEachOther(ann, bob);
    expect(statuses).toEqual([200, 409]);
    const all = await app().db.execute({ sql: "SELECT COUNT(*) AS n FROM members WHERE board_id = ? AND access = 'facilitate'", args: [boardId] });
    expect(Number(all.rows[0]!['n'])).toBe(1);
  });

  it('a guest who joins by link has an account without email or password', async () => {
    const ann = await register('Ann');
    const boardId = await newBoard(ann.cookie);
    const { token } = await invite(boardId, ann.cookie, { access: 'edit' });
    const cookie = cookieOf((await call(`/api/invites/${token}/accept`, { body: { displayName: 'Grace' } })).response);
    const me = (await call('/api/me', { cookie })).json!['user'] as { id: string };
    const row = await app().db.execute({ sql: 'SELECT email, password_hash FROM users WHERE id = ?', args: [me.id] });
    expect(row.rows[0]).toMatchObject({ email: null, password_hash: null });
  });

  it('expired, used-up and revoked links say so plainly and change nothing', async () => {
    const ann = await register('Ann');
    const boardId = await newBoard(ann.cookie);
    const expiring = await invite(boardId, ann.cookie, { access: 'edit', expiresInHours: 1 });
    const once = await invite(boardId, ann.cookie, { access: 'edit', maxUses: 1 });
    const revoked = await invite(boardId, ann.cookie, { access: 'edit' });
    await call(`/api/boards/${boardId}/invites/${revoked.invite.id}`, { method: 'DELETE', cookie: ann.cookie });
    expect((await call(`/api/invites/${once.token}/accept`, { body: { displayName: 'First' } })).status).toBe(200);
    now += hour;
    const users = async () => (await app().db.execute('SELECT COUNT(*) AS n FROM users')).rows[0]!['n'];
    const before = { members: (await members(boardId, ann.cookie)).length, users: await users() };
    const bob = await register('Bob');
    const usersBefore = await users();

    for (const [created, code] of [
      [expiring, 'invite_expired'],
      [once, 'invite_used_up'],
      [revoked, 'invite_revoked'],
    ] as const) {
      await expectRefused(created, code, bob);
    }
    expect((await members(boardId, ann.cookie)).length).toBe(before.members);
    expect(await users()).toBe(usersBefore);
    const listed = (await call(`/api/boards/${boardId}/invites`, { cookie: ann.cookie })).json!['invites'] as Invite[];
    expect(listed.map((i) => i.uses).sort()).toEqual([0, 0, 1]);
  });
});

/** `iso` names a moment between `from` and `to` (milliseconds since the epoch), both included. */
function expectMomentWithin(iso: string, from: number, to: number): void {
  const moment = Date.parse(iso);
  expect(moment).toBeGreaterThanOrEqual(from);
  expect(moment).toBeLessThanOrEqual(to);
}
