/**
 * The board's history (issue 17) on both targets, with stock y-websocket clients and the HTTP API:
 * - A version is kept when the last person leaves after changes (the end of a live session), and
 *   none when they leave without changing anything; any member lists them and reads one as the
 *   map showed it then (no one's own feeling: counts only).
 * - Restoring is a new change everyone receives: a moment's story put back by a member who can
 *   edit; a stage or the whole board only by a facilitator (403 otherwise, 404 for a version or
 *   thing not kept, 409 `stage_gone` when a moment's stage is not on the board now); what a
 *   whole-board restore takes away goes to "Recently deleted", nothing is removed.
 * - A withdrawn story is taken out of every kept version; on Node its words are then in no table
 *   and not in the database file's bytes.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import type { HistoryList, HistoryVersion } from '../../shared/history.ts';
import { hiddenIds, markDeleted } from '../../shared/recently-deleted.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { cellsContaining, filesContaining } from '../support/stored-bytes.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const story = (doc: Y.Doc, id: string) => String(boardTypes(doc).touchpoints.get(id)?.get('story') ?? '');

describe.each(targets)('the board’s history on %s', (target) => {
  let app: Target;
  const open: SyncClient[] = [];
  afterEach(() => {
    for (const one of open.splice(0)) one.destroy();
  });
  beforeAll(async () => {
    app = await target.start();
  }, 120_000);
  afterAll(() => app?.dispose());

  const versions = async (boardId: string, person: TestPerson) => ((await (await api(app, `/api/boards/${boardId}/history`, { cookie: person.cookie })).json()) as HistoryList).versions;
  const version = async (boardId: string, person: TestPerson, id: string) => (await (await api(app, `/api/boards/${boardId}/history/${id}`, { cookie: person.cookie })).json()) as HistoryVersion;
  const restore = (boardId: string, person: TestPerson, versionId: string, body: unknown) => api(app, `/api/boards/${boardId}/history/${versionId}/restore`, { cookie: person.cookie, body });
  /** Everyone leaves: the server keeps a version once the room is empty. */
  const everyoneLeaves = async (boardId: string, cast: Cast, count: number) => {
    for (const one of open.splice(0)) one.destroy();
    await waitUntil(async () => (await versions(boardId, cast.view)).length === count, `${count} versions are kept`, 20_000);
  };
  /** A board with one stage and two moments, kept as version 1 when everyone has left. */
  const boardWithAVersion = async () => {
    const { boardId, cast } = await setUpBoard(app);
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const ed = await syncedClient(app, boardId, cast.edit, open);
    const { stages } = boardTypes(fay.doc);
    fay.doc.transact(() => stages.push([newStage('stage-outpatients', 'Outpatients')]));
    await roundTrip(fay);
    await waitUntil(() => boardTypes(ed.doc).stages.length === 1, 'Ed sees the stage', 20_000);
    const edsTypes = boardTypes(ed.doc);
    ed.doc.transact(() => {
      edsTypes.touchpoints.set('touch-waiting', newTouchpoint({ id: 'touch-waiting', stageId: 'stage-outpatients', order: 'a0', title: 'Waiting', story: 'Two hours on a hard chair.', createdBy: cast.edit.id, createdAt: 1 }));
      edsTypes.touchpoints.set('touch-called', newTouchpoint({ id: 'touch-called', stageId: 'stage-outpatients', order: 'a1', title: 'Being called in', story: 'They said my name kindly.', createdBy: cast.edit.id, createdAt: 1 }));
    });
    await roundTrip(ed);
    // His feeling, given over HTTP as every feeling is (the server writes it under a key of its own).
    await giveFeeling(app, boardId, cast.edit, 'touch-waiting', { score: -2, words: ['bored'] });
    await everyoneLeaves(boardId, cast, 1);
    const [first] = await versions(boardId, cast.view);
    return { boardId, cast, first: first! };
  };

  it('keeps a version when everyone leaves after changes, and lets any member read it as the map was', async () => {
    const { boardId, cast, first } = await boardWithAVersion();
    // Opened and left without a change: nothing new is kept.
    await syncedClient(app, boardId, cast.comment, open);
    for (const one of open.splice(0)) one.destroy();
    const ed = await syncedClient(app, boardId, cast.edit, open);
    (boardTypes(ed.doc).touchpoints.get('touch-waiting')!.get('story') as Y.Text).insert(0, 'Honestly: ');
    await roundTrip(ed);
    await everyoneLeaves(boardId, cast, 2);
    const listed = await versions(boardId, cast.view);
    expect(listed.map((one) => one.id)[1]).toBe(first.id);
    expect(listed[0]!.at).toBeGreaterThanOrEqual(listed[1]!.at);

    const then = await version(boardId, cast.view, first.id);
    expect(then.board.stages).toEqual([
      {
        id: 'stage-outpatients',
        title: 'Outpatients',
        touchpoints: [
          { id: 'touch-waiting', title: 'Waiting', story: 'Two hours on a hard chair.', consent: 'not-yet', createdBy: cast.edit.id, feelings: { count: 1, scoreCounts: [1, 0, 0, 0, 0] } },
          { id: 'touch-called', title: 'Being called in', story: 'They said my name kindly.', consent: 'not-yet', createdBy: cast.edit.id, feelings: { count: 0, scoreCounts: [0, 0, 0, 0, 0] } },
        ],
      },
    ]);
    // Nobody's own feeling is in it: not the words they chose, only counts.
    expect(JSON.stringify(then)).not.toContain('bored');
    for (const [response, status, code] of [
      [await api(app, `/api/boards/${boardId}/history`, { cookie: cast.outsider.cookie }), 403, 'forbidden'],
      [await api(app, `/api/boards/${boardId}/history/not-a-kept-version`, { cookie: cast.view.cookie }), 404, 'not_found'],
    ] as const) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    }
  });

  it('puts things back as a new change everyone receives, each by the people who may', async () => {
    const { boardId, cast, first } = await boardWithAVersion();
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const watcher = await syncedClient(app, boardId, cast.view, open);
    // Since then: the story was spoilt, a moment was added.
    const types = boardTypes(fay.doc);
    fay.doc.transact(() => {
      const text = types.touchpoints.get('touch-waiting')!.get('story') as Y.Text;
      text.delete(0, text.length);
      text.insert(0, 'oops');
      types.touchpoints.set('touch-added', newTouchpoint({ id: 'touch-added', stageId: 'stage-outpatients', order: 'a2', title: 'Added since', createdBy: cast.facilitate.id, createdAt: 2 }));
    });
    await waitUntil(() => story(watcher.doc, 'touch-waiting') === 'oops', 'the watcher sees the spoilt story', 20_000);

    const refusals = [
      [await restore(boardId, cast.comment, first.id, { what: 'touchpoint', id: 'touch-waiting' }), 403, 'forbidden'],
      [await restore(boardId, cast.edit, first.id, { what: 'stage', id: 'stage-outpatients' }), 403, 'forbidden'],
      [await restore(boardId, cast.edit, first.id, { what: 'board' }), 403, 'forbidden'],
      [await restore(boardId, cast.edit, first.id, { what: 'touchpoint', id: 'touch-added' }), 404, 'not_found'],
      [await restore(boardId, cast.edit, 'no-such-version', { what: 'touchpoint', id: 'touch-waiting' }), 404, 'not_found'],
      [await restore(boardId, cast.edit, first.id, { what: 'everything' }), 400, 'invalid_body'],
    ] as const;
    for (const [response, status, code] of refusals) {
      expect(response.status).toBe(status);
      expect(((await response.json()) as ErrorBody).error.code).toBe(code);
    }
    expect(story(watcher.doc, 'touch-waiting')).toBe('oops');

    const one = await restore(boardId, cast.edit, first.id, { what: 'touchpoint', id: 'touch-waiting' });
    expect(one.status).toBe(200);
    expect(await one.json()).toEqual({ restored: 1, movedToRecentlyDeleted: 0 });
    await waitUntil(() => story(watcher.doc, 'touch-waiting') === 'Two hours on a hard chair.', 'everyone receives the story put back', 20_000);

    // The whole board as it was: the moment added since goes to "Recently deleted", not away.
    const whole = await restore(boardId, cast.facilitate, first.id, { what: 'board' });
    expect(whole.status).toBe(200);
    expect(await whole.json()).toEqual({ restored: 3, movedToRecentlyDeleted: 1 });
    await waitUntil(() => hiddenIds(watcher.doc).has('touch-added'), 'the moment added since is in Recently deleted', 20_000);
    expect(boardTypes(watcher.doc).touchpoints.get('touch-added')).toBeInstanceOf(Y.Map);

    // A moment whose stage is not on the board now: put the stage back first.
    markDeleted(fay.doc, { id: 'stage-outpatients', kind: 'stage', deletedAt: Date.now(), deletedBy: cast.facilitate.id }, null);
    await waitUntil(() => hiddenIds(watcher.doc).has('stage-outpatients'), 'the stage is deleted', 20_000);
    const gone = await restore(boardId, cast.edit, first.id, { what: 'touchpoint', id: 'touch-called' });
    expect(gone.status).toBe(409);
    expect(((await gone.json()) as ErrorBody).error.code).toBe('stage_gone');
    expect((await restore(boardId, cast.facilitate, first.id, { what: 'stage', id: 'stage-outpatients' })).status).toBe(200);
    await waitUntil(() => !hiddenIds(watcher.doc).has('stage-outpatients'), 'the stage is back for everyone', 20_000);
  });

  it('takes a withdrawn story out of every kept version', async () => {
    const { boardId, cast, first } = await boardWithAVersion();
    const phrase = `Cedar clinic ${crypto.randomUUID()}`;
    const ed = await syncedClient(app, boardId, cast.edit, open);
    (boardTypes(ed.doc).touchpoints.get('touch-called')!.get('story') as Y.Text).insert(0, `${phrase}. `);
    await roundTrip(ed);
    await everyoneLeaves(boardId, cast, 2);
    const [second] = await versions(boardId, cast.view);
    expect((await version(boardId, cast.view, second!.id)).board.stages[0]!.touchpoints[1]!.story).toContain(phrase);

    const withdrawn = await api(app, `/api/boards/${boardId}/touchpoints/touch-called/withdraw`, { cookie: cast.edit.cookie, body: { feelings: true, comments: true } });
    expect(withdrawn.status).toBe(200);
    for (const kept of [first, second!]) {
      const then = await version(boardId, cast.view, kept.id);
      expect(then.board.stages[0]!.touchpoints.find((one) => one.id === 'touch-called')!.story).toBe('');
      expect(then.board.stages[0]!.touchpoints.find((one) => one.id === 'touch-waiting')!.story).toBe('Two hours on a hard chair.');
    }
    if (target.name === 'node') {
      const { libsqlUrl } = app as unknown as TestServer;
      expect(await cellsContaining(libsqlUrl, phrase)).toEqual([]);
      expect(await filesContaining(libsqlUrl, phrase)).toEqual([]);
    }
  });
});

describe('the board’s history while a board stays open for days (Node, a clock the test moves)', () => {
  let now = Date.UTC(2026, 11, 2, 9);
  let server: TestServer;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    server = await startTestServer({ clock: { now: () => now } });
  }, 120_000);
  afterAll(async () => {
    for (const one of open.splice(0)) one.destroy();
    await server?.dispose();
  });

  it('keeps one more when someone arrives a day after the newest, if the board changed', async () => {
    const { boardId, cast } = await setUpBoard(server);
    const count = async () => ((await (await api(server, `/api/boards/${boardId}/history`, { cookie: cast.view.cookie })).json()) as HistoryList).versions.length;
    const fay = await syncedClient(server, boardId, cast.facilitate, open);
    boardTypes(fay.doc).stages.push([newStage('stage-first', 'First')]);
    await roundTrip(fay);
    fay.destroy();
    await waitUntil(async () => (await count()) === 1, 'the first version is kept', 20_000);

    // Fay stays all week; a change, then people come and go while she is there.
    const staying = await syncedClient(server, boardId, cast.facilitate, open);
    boardTypes(staying.doc).stages.push([newStage('stage-second', 'Second')]);
    await roundTrip(staying);
    now += 60 * 60 * 1000;
    await syncedClient(server, boardId, cast.edit, open);
    expect(await count()).toBe(1);
    now += 24 * 60 * 60 * 1000;
    await syncedClient(server, boardId, cast.comment, open);
    await waitUntil(async () => (await count()) === 2, 'a day later, someone arriving keeps another', 20_000);
    // Nothing changed since: the next day's arrival keeps nothing.
    now += 25 * 60 * 60 * 1000;
    const late = await syncedClient(server, boardId, cast.view, open);
    await roundTrip(late);
    expect(await count()).toBe(2);
  });
});
