/**
 * Deleting a board while people have it open: their sockets close with 4404, no one joins it again,
 * and nothing of its content stays — in no table, and not in the database file's bytes (main file
 * and write-ahead log) — although its room was loaded, had a log tail to compact, and was being
 * edited. Stock y-websocket providers. The sockets' side runs as one suite against both targets
 * (test/support/targets.ts), the Node server and the Workers build in `wrangler dev`; what stays in
 * storage is read in the Node server's LibSQL file, on Node (the board object's storage after a
 * deletion is checked inside workerd, test/workers/board-object.test.ts).
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { clientPool, nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { api, createBoard, signUp, startTestServer, type AppAddress, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { joinBoard } from '../support/invites.ts';
import { giveFeeling } from '../support/feelings.ts';
import { defaultPerspectives } from '../../shared/perspectives.ts';

const meta = (doc: import('yjs').Doc) => boardTypes(doc).meta;
import { cellsContaining as storedCells, filesContaining as storedFiles } from '../support/stored-bytes.ts';

/** The app the running describe block tests. */
let server: AppAddress & { wsUrl: string; dispose(): Promise<void> };
let ann: TestPerson;
const pool = clientPool(() => server);

const client = (boardId: string, person: TestPerson): SyncClient => pool.connect(boardId, person);

const node = () => server as TestServer;
const cellsContaining = (needle: string) => storedCells(node().libsqlUrl, needle);
const filesContaining = (needle: string) => storedFiles(node().libsqlUrl, needle);

describe.each(targets)('deleting a board on %s', (target) => {
  beforeAll(async () => {
    server = await target.start();
    ann = await signUp(server, 'Ann');
  });
  afterEach(() => pool.destroyAll());
  afterAll(() => server?.dispose());

  it('closes its sockets with 4404, and the board is gone for everyone on it', async () => {
    const boardId = await createBoard(server, ann, 'Ward 7 board');
    const sam = await joinBoard(server, ann, boardId, 'edit', 'Sam');
    const annClient = client(boardId, ann);
    const samClient = client(boardId, sam);
    await Promise.all([annClient.synced, samClient.synced]);
    const story = 'My private story about the night on the ward';
    const { stages, touchpoints } = boardTypes(annClient.doc);
    stages.push([newStage('stage-arriving', 'Arriving')]);
    touchpoints.set('touch-at-the-desk', newTouchpoint({ id: 'touch-at-the-desk', stageId: 'stage-arriving', order: 'a0', title: 'At the desk', story, createdBy: ann.id, createdAt: 1 }));
    await waitUntil(() => String(boardTypes(samClient.doc).touchpoints.get('touch-at-the-desk')?.get('story') ?? '') === story, 'Sam sees the story');

    const closed = [nextCloseCode(annClient.provider), nextCloseCode(samClient.provider)];
    expect((await api(server, `/api/boards/${boardId}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
    expect(await Promise.all(closed)).toEqual([CloseCode.notFound, CloseCode.notFound]);
    for (const person of [ann, sam]) {
      expect((await api(server, `/api/boards/${boardId}`, { cookie: person.cookie })).status).toBe(404);
      expect((await (await api(server, '/api/boards', { cookie: person.cookie })).json()) as unknown).toEqual({ boards: [] });
    }
  });

  it('lets no one back in: a reconnecting client that still holds the board is refused with 4404', async () => {
    const boardId = await createBoard(server, ann, 'Short-lived board');
    const annClient = client(boardId, ann);
    await annClient.synced;
    const closed = nextCloseCode(annClient.provider);
    expect((await api(server, `/api/boards/${boardId}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
    expect(await closed).toBe(CloseCode.notFound);
    // A client that still holds the board (e.g. a tab that was offline) comes back with it.
    const marker = `written after deletion ${crypto.randomUUID()}`;
    const late = client(boardId, ann);
    late.synced.catch(() => undefined); // it never syncs: the board is gone
    boardTypes(late.doc).stages.push([newStage('stage-written-late', marker)]);
    expect(await nextCloseCode(late.provider)).toBe(CloseCode.notFound);
    expect((await api(server, `/api/boards/${boardId}`, { cookie: ann.cookie })).status).toBe(404);
    if (target.name === 'node') {
      // Its copy is written nowhere, and the room is not loaded again.
      expect(await cellsContaining(marker)).toEqual([]);
      expect(node().registry.loaded(boardId)).toBeUndefined();
    }
  });
});

describe('deleting a board on node: nothing of it in its LibSQL file', () => {
  beforeEach(async () => {
    // "What's new" written within milliseconds, so the board has rows of it to remove.
    server = await startTestServer({ activityFlushMs: 10 });
    ann = await signUp(server, 'Ann');
  });
  afterEach(async () => {
    pool.destroyAll();
    await server.dispose();
  });

  it('closes its sockets with 4404 and leaves nothing of it in any table or in the file', async () => {
    const title = `Ward 7 board ${crypto.randomUUID()}`;
    const story = `My private story ${crypto.randomUUID()} about the night on the ward`;
    const boardId = await createBoard(server, ann, title);
    const sam = await joinBoard(server, ann, boardId, 'edit', 'Sam');
    const annClient = client(boardId, ann);
    const samClient = client(boardId, sam);
    await Promise.all([annClient.synced, samClient.synced]);

    // The story is written, relayed, so on disk — in the log, which the last leave would compact.
    const { stages, touchpoints } = boardTypes(annClient.doc);
    stages.push([newStage('stage-arriving', 'Arriving')]);
    touchpoints.set('touch-at-the-desk', newTouchpoint({ id: 'touch-at-the-desk', stageId: 'stage-arriving', order: 'a0', title: 'At the desk', story, createdBy: ann.id, createdAt: 1 }));
    await waitUntil(() => String(boardTypes(samClient.doc).touchpoints.get('touch-at-the-desk')?.get('story') ?? '') === story, 'Sam sees the story');
    expect(node().registry.loaded(boardId)?.hasLogTail).toBe(true);
    expect(await cellsContaining(story)).not.toEqual([]);
    // What's new for Sam, and Sam's "Mark all as seen", are kept beside the board's rows.
    expect((await api(server, `/api/boards/${boardId}/seen`, { method: 'POST', cookie: sam.cookie })).status).toBe(204);
    await waitUntil(async () => (await cellsContaining(boardId)).includes('board_activity.board_id'), "the board's activity is written");
    expect(await cellsContaining(boardId)).toContain('board_seen.board_id');
    // Sam's dot in an open vote, which only the server keeps.
    expect((await api(server, `/api/boards/${boardId}/vote`, { body: { action: 'open', dots: 2 }, cookie: ann.cookie })).status).toBe(200);
    expect((await api(server, `/api/boards/${boardId}/vote`, { body: { action: 'give-dot', touchpointId: 'touch-at-the-desk' }, cookie: sam.cookie })).status).toBe(200);
    expect(await cellsContaining(boardId)).toContain('vote_dots.board_id');
    // Whose Sam's feeling is, which only the server keeps (issue 17).
    await giveFeeling(server, boardId, sam, 'touch-at-the-desk', { score: -1 });
    expect(await cellsContaining(boardId)).toContain('feeling_owners.board_id');
    // Sam's perspective and the lines worked out from everyone's, which only the server keeps.
    meta(annClient.doc).set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    await waitUntil(() => meta(samClient.doc).has('perspectives'), 'Sam sees perspectives turned on');
    expect((await api(server, `/api/boards/${boardId}/perspective`, { method: 'PUT', body: { choice: 'works-here' }, cookie: sam.cookie })).status).toBe(200);
    expect((await api(server, `/api/boards/${boardId}/perspectives`, { cookie: ann.cookie })).status).toBe(200);
    expect(await cellsContaining(boardId)).toEqual(expect.arrayContaining(['perspective_choices.board_id', 'perspective_lines.board_id']));

    const closed = [nextCloseCode(annClient.provider), nextCloseCode(samClient.provider)];
    const response = await api(server, `/api/boards/${boardId}`, { method: 'DELETE', cookie: ann.cookie });
    expect(response.status).toBe(204);
    expect(await Promise.all(closed)).toEqual([CloseCode.notFound, CloseCode.notFound]);
    await waitUntil(() => node().registry.loaded(boardId) === undefined, 'the room is unloaded');
    // Whatever the unload would still write is written by now.
    await node().registry.shutdown();

    expect(await cellsContaining(story)).toEqual([]);
    expect(await cellsContaining(title)).toEqual([]);
    expect(await cellsContaining(boardId)).toEqual([]);
    expect(filesContaining(story)).toEqual([]);
    expect(filesContaining(title)).toEqual([]);
  });
});
