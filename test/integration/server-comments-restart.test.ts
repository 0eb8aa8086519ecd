/**
 * What the server alone knows about comments survives a restart, on both targets: who wrote a
 * comment without a name (its author can still change it; nobody else can), who said "Me too"
 * (said again, it still counts once), and a hidden comment's words (shown again after it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyCommentsAnswer, PostCommentBody } from '../../shared/api.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { startRestartable, type RestartableApp } from '../support/restartable-app.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { api, type TestPerson } from '../support/test-server.ts';

describe.each(targets)('comment records across a restart, on %s', (target) => {
  let app: RestartableApp;
  let boardId: string;
  let cast: Cast;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await startRestartable(target);
    ({ boardId, cast } = await setUpBoard(app));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    boardTypes(fay.doc).meta.set('anonymousComments', true);
    await roundTrip(fay);
    for (const client of open.splice(0)) client.destroy();
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
  const post = (person: TestPerson, id: string, words: string, anonymous: boolean) =>
    call(person, '/comments', 'POST', { id, target: { type: 'touchpoint', id: seeded.reception }, parentId: null, body: words, anonymous } satisfies PostCommentBody);

  it('keeps who wrote a comment without a name, who said Me too, and hidden words', async () => {
    expect((await post(cast.comment, 'comment-anonymous-1', 'The ward was too noisy to sleep.', true)).status).toBe(201);
    expect((await post(cast.edit, 'comment-to-hide-1', 'Dr Smith ignored me.', false)).status).toBe(201);
    expect((await call(cast.edit, '/comments/comment-anonymous-1/me-too', 'PUT')).body).toEqual({ meToo: 1, mine: true });
    expect((await call(cast.facilitate, '/comments/comment-to-hide-1/hidden', 'PUT', { reason: 'Names a doctor' })).status).toBe(204);

    await app.restart();

    expect((await call(cast.comment, '/comments/mine', 'GET')).body).toEqual({ anonymous: ['comment-anonymous-1'], meToo: [] } satisfies MyCommentsAnswer);
    expect((await call(cast.edit, '/comments/comment-anonymous-1', 'PATCH', { body: 'Not mine to change' })).status).toBe(403);
    expect((await call(cast.comment, '/comments/comment-anonymous-1', 'PATCH', { body: 'The ward was noisy all night.' })).status).toBe(204);
    expect((await call(cast.edit, '/comments/comment-anonymous-1/me-too', 'PUT')).body).toEqual({ meToo: 1, mine: true });
    expect((await call(cast.facilitate, '/comments/comment-to-hide-1/hidden', 'DELETE')).status).toBe(204);

    const watcher = await syncedClient(app, boardId, cast.view, open);
    const { comments } = boardTypes(watcher.doc);
    expect(String(comments.get('comment-anonymous-1')!.get('body'))).toBe('The ward was noisy all night.');
    expect(comments.get('comment-anonymous-1')!.get('authorId')).toBeNull();
    expect(comments.get('comment-anonymous-1')!.get('meToo')).toBe(1);
    expect(String(comments.get('comment-to-hide-1')!.get('body'))).toBe('Dr Smith ignored me.');
    expect(comments.get('comment-to-hide-1')!.get('hidden')).toBeNull();
  });
});
