/**
 * Comment changes the server writes itself (server/sync/comment-actions.ts), on both targets:
 * a comment without a name leaves nothing in the document that links it to its author — not its
 * `authorId`, not the Yjs client id of its items (two people's anonymous comments carry the
 * server's one id) — and no other person's API answer names it, yet its author can change and
 * delete it; "Me too" is a count with no names, said once per person; a facilitator hides a
 * comment (its words leave the document) and shows it again. Stock y-websocket clients watch the
 * document; forging the server's fields through sync is refused with 4422.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MyCommentsAnswer, PostCommentBody } from '../../shared/api.ts';
import { boardTypes } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, type TestPerson, type TestServer } from '../support/test-server.ts';
import { cellsContaining } from '../support/stored-bytes.ts';
import { waitUntil } from '../support/wait.ts';

describe.each(targets)('comments the server writes, on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  let watcher: SyncClient;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    boardTypes(fay.doc).meta.set('anonymousComments', true);
    await roundTrip(fay);
    watcher = await syncedClient(app, boardId, cast.view, open);
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const call = async (person: TestPerson, path: string, method: string, body?: unknown) => {
    const response = await api(app, `/api/boards/${boardId}${path}`, { method, body, cookie: person.cookie });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
  };
  let counter = 0;
  const post = (person: TestPerson, words: string, extra: Partial<PostCommentBody> = {}) => {
    const id = `server-comment-${String(++counter).padStart(3, '0')}`;
    const body: PostCommentBody = { id, target: { type: 'touchpoint', id: seeded.reception }, parentId: null, body: words, anonymous: true, ...extra };
    return call(person, '/comments', 'POST', body).then((answer) => ({ ...answer, id }));
  };
  const seen = (id: string) => boardTypes(watcher.doc).comments.get(id);
  const words = (id: string) => String(seen(id)?.get('body') ?? '');
  const mine = async (person: TestPerson) => (await call(person, '/comments/mine', 'GET')).body as MyCommentsAnswer;
  /** Yjs client ids of a comment's map and of every character of its words. */
  const writers = (id: string): Set<number> => {
    const comment = seen(id)!;
    const ids = new Set([comment._item!.id.client]);
    for (let item = (comment.get('body') as Y.Text)._start; item !== null; item = item.right) ids.add(item.id.client);
    return ids;
  };

  it('posts without a name: nothing in the document or in anyone else’s answers links it to its author, who can still change and delete it', async () => {
    const cam = await syncedClient(app, boardId, cast.comment, open);
    const ed = await syncedClient(app, boardId, cast.edit, open);
    const byCam = await post(cast.comment, 'The letter never came. I rang four times.');
    const byEd = await post(cast.edit, 'Nobody told me where to wait.');
    expect([byCam.status, byEd.status]).toEqual([201, 201]);
    await waitUntil(() => words(byCam.id) !== '' && words(byEd.id) !== '', 'the watcher sees both comments');
    for (const { id } of [byCam, byEd]) {
      expect(seen(id)!.get('authorId')).toBeNull();
      expect(seen(id)!.get('createdAt')).toEqual(expect.any(Number));
    }
    // Written by the server: one Yjs client id for both people's, none of theirs.
    expect(writers(byCam.id)).toEqual(writers(byEd.id));
    expect(writers(byCam.id).size).toBe(1);
    for (const client of [cam, ed, watcher]) expect(writers(byCam.id).has(client.doc.clientID)).toBe(false);
    // Only the author is told it is theirs.
    expect((await mine(cast.comment)).anonymous).toContain(byCam.id);
    expect((await mine(cast.edit)).anonymous).not.toContain(byCam.id);
    expect((await mine(cast.facilitate)).anonymous).toEqual([]);

    expect((await call(cast.comment, `/comments/${byCam.id}`, 'PATCH', { body: 'The letter came a week late.' })).status).toBe(204);
    await waitUntil(() => words(byCam.id) === 'The letter came a week late.', 'the change reaches the watcher');
    expect(seen(byCam.id)!.get('editedAt')).toEqual(expect.any(Number));
    expect(writers(byCam.id)).toEqual(writers(byEd.id));
    // Nobody else can: not by the API, the facilitator included, and not through sync.
    for (const other of [cast.edit, cast.facilitate]) {
      const refused = await call(other, `/comments/${byCam.id}`, 'PATCH', { body: 'changed by someone else' });
      expect(refused.status).toBe(403);
      expect((refused.body as ErrorBody).error.code).toBe('forbidden');
      expect((await call(other, `/comments/${byCam.id}`, 'DELETE')).status).toBe(403);
    }
    const closed = nextCloseCode(ed.provider);
    (boardTypes(ed.doc).comments.get(byCam.id)!.get('body') as Y.Text).insert(0, 'Not true: ');
    expect(await closed).toBe(CloseCode.changeRefused);
    await roundTrip(watcher);
    expect(words(byCam.id)).toBe('The letter came a week late.');

    expect((await call(cast.comment, `/comments/${byCam.id}`, 'DELETE')).status).toBe(204);
    await waitUntil(() => seen(byCam.id) === undefined, 'the watcher sees it go');
    expect((await mine(cast.comment)).anonymous).not.toContain(byCam.id);
  });

  it('lets the author of a conversation without a name mark it as sorted without being named, anyone who may comment open it again, and nobody else sort it', async () => {
    const { id } = await post(cast.comment, 'Who do I ring about my results?');
    expect((await call(cast.edit, `/comments/${id}`, 'PATCH', { resolved: true })).status).toBe(403);
    expect((await call(cast.comment, `/comments/${id}`, 'PATCH', { resolved: true })).status).toBe(204);
    await waitUntil(() => seen(id)?.get('resolvedAt') != null, 'the watcher sees it sorted');
    expect(seen(id)!.get('resolvedBy')).toBeNull(); // naming who sorted it would name its author
    expect((await call(cast.view, `/comments/${id}`, 'PATCH', { resolved: false })).status).toBe(403);
    expect((await call(cast.edit, `/comments/${id}`, 'PATCH', { resolved: false })).status).toBe(204);
    await waitUntil(() => seen(id)?.get('resolvedAt') === null, 'the watcher sees it open again');
    expect((await call(cast.facilitate, `/comments/${id}`, 'PATCH', { resolved: true })).status).toBe(204);
    await waitUntil(() => seen(id)?.get('resolvedBy') === cast.facilitate.id, 'sorted by the facilitator, named');
    const reply = await post(cast.edit, 'Ward 4 reception', { parentId: id, anonymous: false });
    expect(reply.status).toBe(201);
    expect((await call(cast.edit, `/comments/${reply.id}`, 'PATCH', { resolved: true })).status).toBe(403); // a reply is not a conversation
  });

  it('refuses a comment without a name where the facilitator has not allowed it, from view, and a reply in the wrong place', async () => {
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    boardTypes(fay.doc).meta.set('anonymousComments', false);
    await roundTrip(fay);
    const refused = await post(cast.comment, 'Without my name, please');
    expect(refused.status).toBe(403);
    expect((refused.body as ErrorBody).error.message).toMatch(/not turned on comments without a name/);
    expect((await post(cast.comment, 'With my name', { anonymous: false })).status).toBe(201);
    expect((await post(cast.view, 'Looking only', { anonymous: false })).status).toBe(403);
    expect((await post(cast.outsider, 'Not on the board', { anonymous: false })).status).toBe(403);
    expect((await post(cast.comment, 'On nothing', { anonymous: false, target: { type: 'touchpoint', id: 'touch-not-there' } })).status).toBe(404);
    const bad = await post(cast.comment, '   ', { anonymous: false });
    expect(bad.status).toBe(400);
    expect((bad.body as ErrorBody).error.code).toBe('invalid_body');
    boardTypes(fay.doc).meta.set('anonymousComments', true);
    await roundTrip(fay);
  });

  it('counts "Me too" once per person, with no names, and keeps the count for the server to write', async () => {
    const { id } = await post(cast.facilitate, 'The waiting room was cold.', { anonymous: false });
    const meToo = (person: TestPerson, method: 'PUT' | 'DELETE') => call(person, `/comments/${id}/me-too`, method);
    expect((await meToo(cast.edit, 'PUT')).body).toEqual({ meToo: 1, mine: true });
    expect((await meToo(cast.edit, 'PUT')).body).toEqual({ meToo: 1, mine: true });
    expect((await meToo(cast.comment, 'PUT')).body).toEqual({ meToo: 2, mine: true });
    expect((await meToo(cast.view, 'PUT')).status).toBe(403);
    expect((await meToo(cast.facilitate, 'PUT')).status).toBe(403); // their own comment
    expect((await meToo(cast.edit, 'DELETE')).body).toEqual({ meToo: 1, mine: false });
    await waitUntil(() => seen(id)?.get('meToo') === 1, 'the watcher sees the count');
    expect((await mine(cast.comment)).meToo).toContain(id);
    expect((await mine(cast.edit)).meToo).not.toContain(id);
    // The count is the server's: a client setting it is refused.
    const ed = await syncedClient(app, boardId, cast.edit, open);
    const closed = nextCloseCode(ed.provider);
    boardTypes(ed.doc).comments.get(id)!.set('meToo', 40);
    expect(await closed).toBe(CloseCode.changeRefused);
    await roundTrip(watcher);
    expect(seen(id)!.get('meToo')).toBe(1);
  });

  it('lets a facilitator hide a comment with a reason (its words leave the document) and show it again', async () => {
    const { id } = await post(cast.comment, 'Nurse Jones was rude to me.', { anonymous: false });
    await waitUntil(() => words(id) !== '', 'the watcher sees it');
    expect((await call(cast.edit, `/comments/${id}/hidden`, 'PUT', { reason: 'Names a member of staff' })).status).toBe(403);
    expect((await call(cast.facilitate, `/comments/${id}/hidden`, 'PUT', { reason: '  ' })).status).toBe(400);
    expect((await call(cast.facilitate, `/comments/${id}/hidden`, 'PUT', { reason: 'Names a member of staff' })).status).toBe(204);
    await waitUntil(() => seen(id)?.get('hidden') != null, 'the watcher sees it hidden');
    expect(seen(id)!.get('hidden')).toEqual({ reason: 'Names a member of staff', at: expect.any(Number) });
    expect(words(id)).toBe('');
    // Hidden words cannot be written back: not by its author through the API or through sync.
    expect((await call(cast.comment, `/comments/${id}`, 'PATCH', { body: 'Nurse Jones was rude.' })).status).toBe(403);
    const cam = await syncedClient(app, boardId, cast.comment, open);
    const closed = nextCloseCode(cam.provider);
    (boardTypes(cam.doc).comments.get(id)!.get('body') as Y.Text).insert(0, 'Nurse Jones');
    expect(await closed).toBe(CloseCode.changeRefused);
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const fayClosed = nextCloseCode(fay.provider);
    boardTypes(fay.doc).comments.get(id)!.set('hidden', null);
    expect(await fayClosed).toBe(CloseCode.changeRefused);

    expect((await call(cast.facilitate, `/comments/${id}/hidden`, 'DELETE')).status).toBe(204);
    await waitUntil(() => words(id) === 'Nurse Jones was rude to me.', 'the words come back');
    expect(seen(id)!.get('hidden')).toBeNull();
  });

  it.runIf(target.name === 'node')('keeps who wrote an anonymous comment, and who said "Me too", in no table once it is deleted', async () => {
    const { id } = await post(cast.comment, 'A comment to take back');
    expect((await call(cast.edit, `/comments/${id}/me-too`, 'PUT')).status).toBe(200);
    const records = async () => (await cellsContaining((app as unknown as TestServer).libsqlUrl, id)).filter((cell) => cell.startsWith('comment_'));
    expect(await records()).toEqual(['comment_authors.comment_id', 'comment_me_too.comment_id']);
    expect((await call(cast.comment, `/comments/${id}`, 'DELETE')).status).toBe(204);
    expect(await records()).toEqual([]);
  });
});
