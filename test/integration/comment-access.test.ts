/**
 * The `comment` access ("Can comment and give feelings") over HTTP, on both targets
 * (test/support/targets.ts): invites give it, previews and board lists name it, joining by a link
 * ranks it between view and edit (never lowering anyone), facilitators set it and take it back,
 * each change closing the member's open sync sockets with 4501, and an access nobody knows is the
 * contract's validation error. A `comment` member gives feelings over HTTP (issue 17), which
 * someone set to `view` may not. What a `comment` member may change in the document is the guard's
 * (server/sync/guard/), tested with it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Access } from '../../shared/access.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import type { Board, CreatedInvite, Invite, InvitePreview, Member } from '../../shared/api.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip } from '../support/guard-board.ts';
import { acceptInvite, createInvite } from '../support/invites.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { nextEvent } from '../support/wait.ts';

describe.each(targets)("access 'comment' on %s", (target) => {
  let app: Target;
  let ann: TestPerson;
  const clients: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    ann = await signUp(app, 'Ann');
  });
  afterAll(async () => {
    for (const client of clients.splice(0)) client.destroy();
    await app?.dispose();
  });

  async function json<T>(path: string, cookie: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
    const response = await api(app, path, { ...init, cookie });
    return { status: response.status, body: (await response.json()) as T };
  }
  const members = async (boardId: string) =>
    (await json<{ members: Member[] }>(`/api/boards/${boardId}/members`, ann.cookie)).body.members;
  const accessOf = async (boardId: string, person: TestPerson) => (await members(boardId)).find((m) => m.id === person.id)?.access;
  const uses = async (boardId: string, created: CreatedInvite) =>
    (await json<{ invites: Invite[] }>(`/api/boards/${boardId}/invites`, ann.cookie)).body.invites.find((i) => i.id === created.invite.id)?.uses;

  /** A board of Ann's with `person` on it at `access` (set by Ann, as the members panel does). */
  async function boardWith(person: TestPerson, access: Access): Promise<string> {
    const boardId = await createBoard(app, ann);
    await acceptInvite(app, (await createInvite(app, ann, boardId, { access: 'view' })).token, person);
    if (access !== 'view') {
      expect((await api(app, `/api/boards/${boardId}/members/${person.id}`, { method: 'PATCH', body: { access }, cookie: ann.cookie })).status).toBe(200);
    }
    return boardId;
  }

  it("an invite giving 'comment' is made, listed, previewed and accepted; the member and their board list say 'comment'", async () => {
    const boardId = await createBoard(app, ann);
    const created = await createInvite(app, ann, boardId, { access: 'comment', maxUses: 3 });
    expect(created.invite).toMatchObject({ access: 'comment', maxUses: 3, uses: 0 });
    expect((await json<{ invites: Invite[] }>(`/api/boards/${boardId}/invites`, ann.cookie)).body.invites).toEqual([created.invite]);
    const preview = await api(app, `/api/invites/${created.token}`);
    expect(await preview.json()).toEqual({
      boardTitle: 'Outpatients journey',
      purpose: '',
      access: 'comment',
      memberCount: 1,
    } satisfies InvitePreview);

    const pat = await acceptInvite(app, created.token, 'Pat');
    expect(await members(boardId)).toEqual([
      { id: ann.id, displayName: 'Ann', access: 'facilitate' },
      { id: pat.id, displayName: 'Pat', access: 'comment' },
    ] satisfies Member[]);
    const listed = await json<{ boards: Board[] }>('/api/boards', pat.cookie);
    expect(listed.body.boards).toEqual([expect.objectContaining({ id: boardId, access: 'comment' })]);
    expect((await json<{ board: Board }>(`/api/boards/${boardId}`, pat.cookie)).body.board.access).toBe('comment');
    expect(await uses(boardId, created)).toBe(1);
  });

  it("a viewer following a 'comment' link goes up to comment, and a commenter following an 'edit' link up to edit", async () => {
    const vic = await signUp(app, 'Vic');
    const boardId = await boardWith(vic, 'view');
    const comment = await createInvite(app, ann, boardId, { access: 'comment' });
    await acceptInvite(app, comment.token, vic);
    expect(await accessOf(boardId, vic)).toBe('comment');
    expect(await uses(boardId, comment)).toBe(1);
    const edit = await createInvite(app, ann, boardId, { access: 'edit' });
    await acceptInvite(app, edit.token, vic);
    expect(await accessOf(boardId, vic)).toBe('edit');
    expect(await uses(boardId, edit)).toBe(1);
  });

  it("nobody is lowered by a link: an editor following a 'comment' link stays an editor, a commenter following a 'view' link a commenter, and no use is counted", async () => {
    const eve = await signUp(app, 'Eve');
    const editorsBoard = await boardWith(eve, 'edit');
    const comment = await createInvite(app, ann, editorsBoard, { access: 'comment' });
    await acceptInvite(app, comment.token, eve);
    expect(await accessOf(editorsBoard, eve)).toBe('edit');
    expect(await uses(editorsBoard, comment)).toBe(0);

    const cal = await signUp(app, 'Cal');
    const commentersBoard = await boardWith(cal, 'comment');
    const view = await createInvite(app, ann, commentersBoard, { access: 'view' });
    await acceptInvite(app, view.token, cal);
    expect(await accessOf(commentersBoard, cal)).toBe('comment');
    expect(await uses(commentersBoard, view)).toBe(0);
    // The facilitator following a 'comment' link of their own board stays the facilitator.
    await acceptInvite(app, (await createInvite(app, ann, commentersBoard, { access: 'comment' })).token, ann);
    expect(await accessOf(commentersBoard, ann)).toBe('facilitate');
  });

  it("a facilitator sets 'comment' and takes it back; each change closes the member's open sync socket with 4501", async () => {
    const bob = await signUp(app, 'Bob');
    const boardId = await boardWith(bob, 'edit');
    const b = connectClient(app, boardId, bob.cookie);
    clients.push(b);
    await b.synced;
    const patch = (access: string) =>
      json<{ member: Member }>(`/api/boards/${boardId}/members/${bob.id}`, ann.cookie, { method: 'PATCH', body: { access } });

    for (const access of ['comment', 'edit', 'comment', 'view'] as const) {
      const closed = nextEvent<[CloseEvent | null]>(b.provider, 'connection-close', 10_000);
      // The stock provider reconnects by itself and syncs again, admitted with the new access.
      const resynced = new Promise<void>((resolve) => {
        const onSync = (synced: boolean) => {
          if (!synced) return;
          b.provider.off('sync', onSync);
          resolve();
        };
        b.provider.on('sync', onSync);
      });
      const [changed, [event]] = await Promise.all([patch(access), closed]);
      expect(changed).toEqual({ status: 200, body: { member: { id: bob.id, displayName: 'Bob', access } } });
      expect(event?.code).toBe(CloseCode.accessChanged);
      expect(await accessOf(boardId, bob)).toBe(access);
      expect((await json<{ board: Board }>(`/api/boards/${boardId}`, bob.cookie)).body.board.access).toBe(access);
      await resynced;
    }
  });

  it("a 'comment' member gives and changes their feeling over HTTP; set to 'view', they may not (403), and set back, they may again", async () => {
    const kit = await signUp(app, 'Kit');
    const boardId = await boardWith(kit, 'comment');
    const anns = connectClient(app, boardId, ann.cookie);
    clients.push(anns);
    await anns.synced;
    const card = 'touch-front-desk';
    anns.doc.transact(() => {
      boardTypes(anns.doc).stages.push([newStage('stage-arriving', 'Arriving')]);
      boardTypes(anns.doc).touchpoints.set(card, newTouchpoint({ id: card, stageId: 'stage-arriving', order: 'a0', title: 'Front desk', createdBy: ann.id, createdAt: Date.now() }));
    });
    await roundTrip(anns);
    const put = (feeling: unknown) => json<ErrorBody & { key: string | null }>(`/api/boards/${boardId}/feelings/${card}`, kit.cookie, { method: 'PUT', body: { feeling } });
    const patch = async (access: Access) =>
      expect((await api(app, `/api/boards/${boardId}/members/${kit.id}`, { method: 'PATCH', body: { access }, cookie: ann.cookie })).status).toBe(200);

    const key = await giveFeeling(app, boardId, kit, card, { score: -1, words: ['rushed'] });
    await patch('view');
    for (const feeling of [{ score: 2, words: [] }, null]) {
      const refused = await put(feeling);
      expect([refused.status, refused.body.error?.code], JSON.stringify(feeling)).toEqual([403, 'forbidden']);
      expect(refused.body.error?.message).toEqual(expect.any(String));
    }
    await roundTrip(anns);
    expect(boardTypes(anns.doc).feelings.get(key!)).toMatchObject({ score: -1, words: ['rushed'] });
    await patch('comment');
    expect(await giveFeeling(app, boardId, kit, card, { score: 1 })).toBe(key);
  });

  it("an access nobody knows is the contract's validation error, and changes nothing", async () => {
    const dee = await signUp(app, 'Dee');
    const boardId = await boardWith(dee, 'comment');
    const attempts = [
      json<ErrorBody>(`/api/boards/${boardId}/members/${dee.id}`, ann.cookie, { method: 'PATCH', body: { access: 'owner' } }),
      json<ErrorBody>(`/api/boards/${boardId}/members/${dee.id}`, ann.cookie, { method: 'PATCH', body: { access: 'Comment' } }),
      json<ErrorBody>(`/api/boards/${boardId}/invites`, ann.cookie, { body: { access: 'owner' } }),
      // Facilitating is given in the members panel, never by a link.
      json<ErrorBody>(`/api/boards/${boardId}/invites`, ann.cookie, { body: { access: 'facilitate' } }),
    ];
    for (const { status, body } of await Promise.all(attempts)) {
      expect(status).toBe(400);
      expect(body).toEqual({
        error: { code: 'invalid_body', message: expect.any(String), issues: [{ path: 'access', message: expect.any(String) }] },
      });
    }
    expect(await accessOf(boardId, dee)).toBe('comment');
    expect((await json<{ invites: Invite[] }>(`/api/boards/${boardId}/invites`, ann.cookie)).body.invites).toHaveLength(1);
  });
});
