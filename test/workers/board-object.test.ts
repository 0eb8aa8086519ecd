/**
 * The board's Durable Object inside workerd (server/runtime/worker-board.ts), through the real
 * Worker entry: hibernation and wake (the room rebuilt from the object's SQLite, every socket taken
 * back with its presence, none twice), durable before relay, compaction, and deletion — whose
 * each feeling is, kept in the object's own SQLite (issue 17), going with the board and with a
 * withdrawn story.
 */
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import type { DurableObjectState, DurableObjectStub } from '@cloudflare/workers-types';
import { afterEach, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { waitUntil } from '../support/wait.ts';
import { BoardPeer, call, createBoard, signUp } from './board-peer.ts';
import { workerEnv } from './worker-env.ts';

const open: BoardPeer[] = [];
afterEach(() => {
  for (const peer of open.splice(0)) peer.close();
});

async function connect(boardId: string, person: { id: string; cookie: string }): Promise<BoardPeer> {
  const peer = await BoardPeer.open(boardId, person);
  open.push(peer);
  return peer;
}

function boardObject(boardId: string): DurableObjectStub {
  return workerEnv.BOARDS.get(workerEnv.BOARDS.idFromName(boardId));
}

/** Stages' titles in a document, in the board's schema (shared/board-document.ts). */
function stageTitles(doc: Y.Doc): string[] {
  return boardTypes(doc).stages.toArray().map((stage) => String(stage.get('title')));
}

function addStage(doc: Y.Doc, id: string, title: string): void {
  boardTypes(doc).stages.push([newStage(id, title)]);
}

function rows(state: DurableObjectState, sql: string): Record<string, unknown>[] {
  return state.storage.sql.exec(sql).toArray();
}

/** `person` gives a feeling over HTTP, as every feeling is given; resolves to its key in the document. */
async function giveFeeling(boardId: string, person: { cookie: string }, touchpointId: string, words: string[] = []): Promise<string> {
  const response = await call(`/api/boards/${boardId}/feelings/${touchpointId}`, { method: 'PUT', body: { feeling: { score: -1, words } }, cookie: person.cookie });
  expect(response.status).toBe(200);
  return ((await response.json()) as { key: string }).key;
}

describe('board object', () => {
  it('wakes from hibernation with its sockets, their presence and the document, and no socket twice', async () => {
    const ann = await signUp('Ann');
    const boardId = await createBoard(ann);
    const a = await connect(boardId, ann);
    const b = await connect(boardId, ann);
    a.present('Ann');
    await waitUntil(() => [...b.othersPresence().values()].some((s) => s.user?.name === 'Ann'), 'b sees a');
    addStage(a.doc, 'stage-before-wake', 'Before the wake');
    await waitUntil(() => stageTitles(b.doc).includes('Before the wake'), 'b has the first stage');

    const stub = boardObject(boardId);
    const wakesBefore = await runInDurableObject(stub, (instance: { stats(): { wakes: number } }) => instance.stats().wakes);
    await evictDurableObject(stub);

    // A frame from b wakes the object; a sees b's change relayed by the rebuilt room.
    addStage(b.doc, 'stage-after-wake', 'After the wake');
    await waitUntil(() => stageTitles(a.doc).includes('After the wake'), 'a has the stage b added after the wake');
    const after = await runInDurableObject(stub, (instance: { stats(): { wakes: number; sockets: number } }) => instance.stats());
    expect(after.wakes).toBe(wakesBefore + 1);
    expect(after.sockets).toBe(2);

    // Someone joining now gets the whole document and Ann's presence, kept across the wake.
    const carl = await signUp('Carl');
    const join = await call(`/api/boards/${boardId}/invites`, { body: { access: 'edit' }, cookie: ann.cookie });
    const { token } = (await join.json()) as { token: string };
    expect((await call(`/api/invites/${token}/accept`, { body: {}, cookie: carl.cookie })).status).toBe(200);
    const c = await connect(boardId, carl);
    expect(stageTitles(c.doc).sort()).toEqual(['After the wake', 'Before the wake']);
    await waitUntil(() => [...c.othersPresence().values()].some((s) => s.user?.name === 'Ann'), 'c sees Ann present');
    expect(await runInDurableObject(stub, (_instance, state: DurableObjectState) => state.getWebSockets().length)).toBe(3);
  });

  it('stores an update in its SQLite before any other socket sees it', async () => {
    const ann = await signUp('Ann');
    const boardId = await createBoard(ann);
    const a = await connect(boardId, ann);
    const b = await connect(boardId, ann);
    const stub = boardObject(boardId);
    // Hold the object's durability barrier: while it is held, nothing may reach b.
    let release: () => void = () => undefined;
    await runInDurableObject(stub, (_instance, state: DurableObjectState) => {
      const storage = state.storage as unknown as { sync: () => Promise<void> };
      const real = storage.sync.bind(storage);
      storage.sync = () => new Promise<void>((resolve) => (release = () => void real().then(resolve)));
    });
    const seenBefore = b.received.length;
    addStage(a.doc, 'stage-held', 'Held until durable');
    await waitUntil(
      () => runInDurableObject(stub, (_i, state: DurableObjectState) => rows(state, 'SELECT seq FROM document_updates').length > 1),
      'the update is written',
    );
    // Give the room every chance to relay too early.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(b.received.length).toBe(seenBefore);
    expect(stageTitles(b.doc)).toEqual([]);
    await runInDurableObject(stub, () => release()); // inside the object: its storage is its own
    await waitUntil(() => stageTitles(b.doc).includes('Held until durable'), 'b gets it once durable');
  });

  it('compacts its log into a snapshot when the last socket leaves, and loads from it', async () => {
    const ann = await signUp('Ann');
    const boardId = await createBoard(ann);
    const a = await connect(boardId, ann);
    for (let i = 0; i < 20; i++) addStage(a.doc, `stage-${String(i).padStart(3, '0')}`, `Stage ${i}`);
    const stub = boardObject(boardId);
    await waitUntil(
      () => runInDurableObject(stub, (_i, state: DurableObjectState) => rows(state, 'SELECT seq FROM document_updates').length >= 21),
      'every update is logged',
    );
    a.close();
    await waitUntil(
      () =>
        runInDurableObject(
          stub,
          (_i, state: DurableObjectState) =>
            rows(state, 'SELECT seq FROM document_updates').length === 0 && rows(state, 'SELECT id FROM document_snapshot').length === 1,
        ),
      'the log is compacted into the snapshot',
    );
    await evictDurableObject(stub);
    const again = await connect(boardId, ann);
    expect(stageTitles(again.doc)).toHaveLength(20);
  });

  it('keeps nothing once the board is deleted, and closes its sockets with 4404', async () => {
    const ann = await signUp('Ann');
    const boardId = await createBoard(ann);
    const a = await connect(boardId, ann);
    a.doc.transact(() => {
      addStage(a.doc, 'stage-secret', 'A story that must go');
      boardTypes(a.doc).touchpoints.set('touch-secret', newTouchpoint({ id: 'touch-secret', stageId: 'stage-secret', order: 'a0', title: 'Secret', createdBy: ann.id, createdAt: 1 }));
    });
    const stub = boardObject(boardId);
    await waitUntil(
      () => runInDurableObject(stub, (_i, state: DurableObjectState) => rows(state, 'SELECT seq FROM document_updates').length > 1),
      'logged',
    );
    // Whose her feeling is, kept in the object's SQLite: it goes with the rest.
    await giveFeeling(boardId, ann, 'touch-secret');
    expect(await runInDurableObject(stub, (_i, state: DurableObjectState) => rows(state, 'SELECT user_id FROM feeling_owners'))).toEqual([{ user_id: ann.id }]);
    expect((await call(`/api/boards/${boardId}`, { method: 'DELETE', cookie: ann.cookie })).status).toBe(204);
    await waitUntil(() => a.closeCode !== null, 'a is closed');
    expect(a.closeCode).toBe(4404);
    const tables = await runInDurableObject(stub, (_i, state: DurableObjectState) =>
      rows(state, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name != 'sqlite_sequence'"),
    );
    expect(tables).toEqual([]);
  });

  it('keeps no word of a withdrawn story in any of its tables — log, snapshot or history — while the board is open', async () => {
    const ann = await signUp('Ann');
    const boardId = await createBoard(ann);
    const phrase = `Willow ward ${crypto.randomUUID()}`;
    const stub = boardObject(boardId);
    // A word of her own in her feeling on the moment, which goes with the story when she asks.
    const word = `willow${crypto.randomUUID().slice(0, 8)}`;
    const everyCell = (needle = phrase) =>
      runInDurableObject(stub, (_i, state: DurableObjectState) => {
        const tables = rows(state, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND name != 'sqlite_sequence'");
        const found: string[] = [];
        for (const { name } of tables) {
          for (const row of rows(state, `SELECT * FROM "${String(name)}"`)) {
            for (const [column, value] of Object.entries(row)) {
              const text = value instanceof ArrayBuffer ? new TextDecoder().decode(value) : String(value);
              if (text.includes(needle)) found.push(`${String(name)}.${column}`);
            }
          }
        }
        return found;
      });
    // A version is kept with the story in it: everyone leaves after writing it.
    const first = await connect(boardId, ann);
    first.doc.transact(() => {
      boardTypes(first.doc).stages.push([newStage('stage-ward', 'On the ward')]);
      boardTypes(first.doc).touchpoints.set('touch-night', newTouchpoint({ id: 'touch-night', stageId: 'stage-ward', order: 'a0', title: 'At night', story: `On ${phrase} nobody came.`, createdBy: ann.id, createdAt: 1 }));
    });
    await waitUntil(async () => (await everyCell()).length > 0, 'the story is stored');
    await giveFeeling(boardId, ann, 'touch-night', [word]);
    first.close();
    await waitUntil(async () => (await everyCell()).includes('board_versions.state'), 'a version holds the story');
    expect(await everyCell(word)).toContain('board_versions.state');
    // Back on the board, Ann withdraws it; she stays while it goes.
    const again = await connect(boardId, ann);
    expect((await call(`/api/boards/${boardId}/touchpoints/touch-night/withdraw`, { body: { feelings: true, comments: true }, cookie: ann.cookie })).status).toBe(200);
    await waitUntil(() => String(boardTypes(again.doc).touchpoints.get('touch-night')?.get('story')) === '', 'the story leaves her copy');
    expect(await everyCell()).toEqual([]);
    expect(await everyCell(word)).toEqual([]);
    expect(await runInDurableObject(stub, (_i, state: DurableObjectState) => rows(state, 'SELECT user_id FROM feeling_owners'))).toEqual([]);
  });
});
