/**
 * "Recently deleted" ends on the server: a stage deleted 30 days ago is removed for good when the
 * board next loads — whoever opens it, a view member too — with its cards, stories, feelings
 * and comments, written and relayed like any change; after the compaction that follows,
 * nothing of it is in any table or in the bytes of the database file and its write-ahead log.
 * The same holds for a facilitator's "Empty recently deleted". Real server, real LibSQL file,
 * stock y-websocket providers, a server clock the test moves.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { deletedEntries, markDeleted, purgeDeleted, recentlyDeletedMs } from '../../shared/recently-deleted.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip } from '../support/guard-board.ts';
import { addMember } from '../support/members.ts';
import { cellsContaining, filesContaining } from '../support/stored-bytes.ts';
import { clientPool, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

let server: TestServer;
let now = Date.UTC(2025, 0, 6, 9, 0);
const minute = 60_000;
const pool = clientPool(() => server);

beforeEach(async () => {
  now = Date.UTC(2025, 0, 6, 9, 0);
  server = await startTestServer({ clock: { now: () => now } });
});
afterEach(async () => {
  pool.destroyAll();
  await server.dispose();
});

/** Ids of the stages, touchpoints and comment the boards below hold. */
const [waiting, goingHome] = ['stage-waiting', 'stage-going-home'];
const [corridor, phoneCall] = ['touch-corridor', 'touch-phone-call'];
const sameForMyMum = 'comment-same-for-my-mum';

interface Marked {
  boardId: string;
  ann: TestPerson;
  /** Unique words in the deleted stage's card, feeling and comment, and in the card that stays. */
  story: string;
  word: string;
  comment: string;
  kept: string;
  /** The key of Ann's feeling on the card that stays. */
  keptFeeling: string;
}

/**
 * Ann's board: "Waiting" with a card (story, her feeling with a word of her own, a comment)
 * and "Going home" with a card that stays. Ann deletes "Waiting" as the board page does, at `now`.
 */
async function boardWithDeletedStage(): Promise<Marked> {
  const ann = await signUp(server, 'Ann');
  const boardId = await createBoard(server, ann, 'Day surgery');
  const marks = {
    story: `They left me in the corridor ${crypto.randomUUID()}`,
    // A word of her own: at most 40 characters, as any word in a feeling (shared/emotion-words.ts).
    word: `forgotten-${crypto.randomUUID().replaceAll('-', '').slice(0, 24)}`,
    comment: `Same for my mum ${crypto.randomUUID()}`,
    kept: `A nurse phoned the next day ${crypto.randomUUID()}`,
  };
  const client = pool.connect(boardId, ann);
  await client.synced;
  const { stages, touchpoints, comments } = boardTypes(client.doc);
  client.doc.transact(() => {
    stages.push([newStage(waiting, 'Waiting'), newStage(goingHome, 'Going home')]);
    touchpoints.set(corridor, newTouchpoint({ id: corridor, stageId: waiting, order: 'a0', title: 'Corridor', story: marks.story, createdBy: ann.id, createdAt: now }));
    touchpoints.set(phoneCall, newTouchpoint({ id: phoneCall, stageId: goingHome, order: 'a0', title: 'Phone call', story: marks.kept, createdBy: ann.id, createdAt: now }));
    const comment = new Y.Map<unknown>();
    comment.set('id', sameForMyMum);
    comment.set('target', { type: 'touchpoint', id: corridor });
    comment.set('parentId', null);
    comment.set('authorId', ann.id);
    comment.set('body', new Y.Text(marks.comment));
    comment.set('createdAt', now);
    comments.set(sameForMyMum, comment);
  });
  await roundTrip(client);
  // Her feelings, given over HTTP as every feeling is: the server writes them under keys of its own.
  await giveFeeling(server, boardId, ann, corridor, { score: -2, words: [marks.word] });
  const keptFeeling = (await giveFeeling(server, boardId, ann, phoneCall, { score: 1 }))!;
  await waitUntil(() => boardTypes(client.doc).feelings.size === 2, 'her feelings reach her page');
  markDeleted(client.doc, { id: waiting, kind: 'stage', deletedAt: now, deletedBy: ann.id }, null);
  await leaveAndUnload(client, boardId);
  return { boardId, ann, keptFeeling, ...marks };
}

/**
 * Waits until the server has everything `client` wrote, closes it, and waits for the unload. The
 * room may hold more than the client (the server's own change in answer, e.g. a deletion time it
 * sets to its clock), so "everything" is every client's clock at least as far as `client` saw it.
 */
async function leaveAndUnload(client: SyncClient, boardId: string): Promise<void> {
  const sent = Y.decodeStateVector(Y.encodeStateVector(client.doc));
  await waitUntil(() => {
    const room = server.registry.loaded(boardId);
    if (room === undefined || room.hasUnsavedChanges) return false;
    const held = Y.decodeStateVector(Y.encodeStateVector(room.doc));
    return [...sent].every(([clientId, clock]) => (held.get(clientId) ?? 0) >= clock);
  }, 'the server has every change');
  client.destroy();
  await waitUntil(() => server.registry.loaded(boardId) === undefined, 'the room is compacted and unloaded', 10_000);
}

/** Someone who may only look opens the board (and so loads it) and returns their synced client. */
async function viewerOpens(boardId: string): Promise<SyncClient> {
  const viewer = await signUp(server, 'Vic');
  await addMember(server.libsqlUrl, boardId, viewer.id, 'view');
  const client = pool.connect(boardId, viewer);
  await client.synced;
  return client;
}

const stageIds = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => stage.get('id'));

describe('recently deleted, on the server', () => {
  it('keeps a deleted stage and all that belongs to it for 30 days, then removes it for good when anyone opens the board', async () => {
    const marked = await boardWithDeletedStage();
    // Deleted but kept: still in the document and on disk, to be brought back.
    expect(await cellsContaining(server.libsqlUrl, marked.story)).not.toEqual([]);

    now += recentlyDeletedMs - minute;
    const early = await viewerOpens(marked.boardId);
    expect(deletedEntries(early.doc).map((entry) => entry.id)).toEqual([waiting]);
    expect(String(boardTypes(early.doc).touchpoints.get(corridor)?.get('story'))).toBe(marked.story);
    await leaveAndUnload(early, marked.boardId);

    now += 2 * minute;
    const late = await viewerOpens(marked.boardId);
    const types = boardTypes(late.doc);
    expect(deletedEntries(late.doc)).toEqual([]);
    expect(stageIds(late.doc)).toEqual([goingHome]);
    expect([...types.touchpoints.keys()]).toEqual([phoneCall]);
    expect([...types.feelings.keys()]).toEqual([marked.keptFeeling]);
    expect([...types.comments.keys()]).toEqual([]);
    expect(String(types.touchpoints.get(phoneCall)?.get('story'))).toBe(marked.kept);
    await leaveAndUnload(late, marked.boardId);

    // Compacted on the last leave: gone from every table and from the files' bytes.
    for (const words of [marked.story, marked.word, marked.comment]) {
      expect(await cellsContaining(server.libsqlUrl, words)).toEqual([]);
      expect(filesContaining(server.libsqlUrl, words)).toEqual([]);
    }
    expect(await cellsContaining(server.libsqlUrl, marked.kept)).not.toEqual([]);
  });

  it('relays the removal to people already on the board, from the server, after writing it', async () => {
    const marked = await boardWithDeletedStage();
    now += recentlyDeletedMs;
    // Two people open the board at once: both see the stage gone, and reopening shows the same.
    const [first, second] = await Promise.all([viewerOpens(marked.boardId), viewerOpens(marked.boardId)]);
    expect(stageIds(first.doc)).toEqual([goingHome]);
    expect(stageIds(second.doc)).toEqual([goingHome]);
    first.destroy();
    second.destroy();
    await waitUntil(() => server.registry.loaded(marked.boardId) === undefined, 'unloaded', 10_000);
    const again = await viewerOpens(marked.boardId);
    expect(stageIds(again.doc)).toEqual([goingHome]);
    expect(boardTypes(again.doc).touchpoints.has(corridor)).toBe(false);
  });

  it('moves a deletion time from a clock far ahead back to the server\'s time, so it still ends after 30 days', async () => {
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Clock ahead');
    const client = pool.connect(boardId, ann);
    await client.synced;
    boardTypes(client.doc).stages.push([newStage(waiting, 'Waiting')]);
    markDeleted(client.doc, { id: waiting, kind: 'stage', deletedAt: now + 365 * 24 * 60 * minute, deletedBy: ann.id }, null);
    await leaveAndUnload(client, boardId);

    const opened = await viewerOpens(boardId);
    expect(deletedEntries(opened.doc)[0]?.deletedAt).toBe(now);
    await leaveAndUnload(opened, boardId);
    now += recentlyDeletedMs;
    const later = await viewerOpens(boardId);
    expect(stageIds(later.doc)).toEqual([]);
  });

  it('forgets what a facilitator empties from recently deleted: gone from the tables and the files', async () => {
    const marked = await boardWithDeletedStage();
    now += minute;
    const facilitator = pool.connect(marked.boardId, marked.ann);
    await facilitator.synced;
    expect(purgeDeleted(facilitator.doc, deletedEntries(facilitator.doc).map((entry) => entry.id), null)).toBe(1);
    await leaveAndUnload(facilitator, marked.boardId);
    for (const words of [marked.story, marked.word, marked.comment]) {
      expect(await cellsContaining(server.libsqlUrl, words)).toEqual([]);
      expect(filesContaining(server.libsqlUrl, words)).toEqual([]);
    }
    expect(await cellsContaining(server.libsqlUrl, marked.kept)).not.toEqual([]);
  });
});
