/**
 * Boards stored by older code, on the Node server with its real LibSQL file: each one's stored
 * state is written as the older code wrote it.
 * - Before hidden dot voting (issue 15) and the method's records (issue 16): stages, a card,
 *   feelings, a comment, and each person's dots in the document, `votes.<card>/<user>`. It loads
 *   with nothing of the map lost; the per-person dots are gone from the document, and after the
 *   compaction from what is stored (schemaVersion stays 1: nothing else changed shape). It takes
 *   the method's records at once, no migration needed: the facilitator makes a priority area from
 *   the old card and puts a member in its group, who adds an action.
 * - Before feelings without names (issue 17): feelings under `touchpointId/userId`, in `feelings`
 *   and `feelingsAfter`. At load each moves under a key of the server's that names nobody, with
 *   the same value; each person is told only their own and can clear it; after the compaction the
 *   stored board holds no old key's value (a word only a cleared feeling had is in no cell). The
 *   old key strings themselves may stay in Yjs's records of deleted items (a key, no value).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey, type Feeling } from '../../shared/board-document.ts';
import { feelingMaps, type FeelingMapName } from '../../shared/api.ts';
import { actionsOf, methodTypes, newAction, newPriority, prioritiesOf } from '../../shared/method.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { giveFeeling, myFeelings } from '../support/feelings.ts';
import { documentJson, newComment, roundTrip, syncedClient } from '../support/guard-board.ts';
import { cellsContaining } from '../support/stored-bytes.ts';
import { joinBoard } from '../support/invites.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

/** A key the server makes up for a feeling: the card's id, then 22 random characters. */
const serverKey = /^[a-z0-9-]+\/[A-Za-z0-9_-]{22}$/;

/** Each feelings map as [card, value] pairs in a steady order: what a page can see, whatever the keys. */
function feelingsByCard(json: Record<string, unknown>): Record<string, unknown> {
  const out = { ...json };
  for (const map of feelingMaps) {
    const entries = Object.entries(json[map] as Record<string, unknown>).map(([key, value]) => [key.slice(0, key.indexOf('/')), value] as const);
    out[map] = entries.map((entry) => JSON.stringify(entry)).sort();
  }
  return out;
}

/** Stores `old` as the board's whole state, in place of what the new server wrote at creation. */
async function storeAsOlderCodeDid(server: TestServer, boardId: string, old: Y.Doc): Promise<void> {
  const db = await openLibsqlDatabase({ url: server.libsqlUrl });
  try {
    await db.batch([
      { sql: 'DELETE FROM document_updates WHERE board_id = ?', args: [boardId] },
      { sql: 'DELETE FROM document_snapshots WHERE board_id = ?', args: [boardId] },
      { sql: 'INSERT INTO document_snapshots (board_id, snapshot, updated_at) VALUES (?, ?, 0)', args: [boardId, Y.encodeStateAsUpdate(old)] },
    ]);
  } finally {
    db.close();
  }
}

describe('a board from before hidden voting and the method', () => {
  it('loads whole without the per-person dots, and takes priority areas and actions', async () => {
    const server = await startTestServer();
    const open: SyncClient[] = [];
    const db = await openLibsqlDatabase({ url: server.libsqlUrl });
    try {
      const ann = await signUp(server, 'Ann');
      const boardId = await createBoard(server, ann);
      const bo = await joinBoard(server, ann, boardId, 'edit', await signUp(server, 'Bo'));

      // The older code's board, as stored: replace what the new server wrote at creation.
      const old = new Y.Doc();
      initBoardDocument(old, { title: 'Outpatients journey' });
      const { stages, touchpoints, feelings, votes, comments } = boardTypes(old);
      stages.push([newStage('stage-waiting', 'Waiting')]);
      touchpoints.set('touch-corridor', newTouchpoint({ id: 'touch-corridor', stageId: 'stage-waiting', order: 'a0', title: 'Corridor', story: 'Nobody told us anything.', createdBy: ann.id, createdAt: 1 }));
      feelings.set(participantKey('touch-corridor', bo.id), { score: -2, words: ['ignored'], at: 2 });
      votes.set(participantKey('touch-corridor', ann.id), 17);
      votes.set(participantKey('touch-corridor', bo.id), 19);
      comments.set('comment-corridor', newComment({ id: 'comment-corridor', authorId: bo.id, body: 'Two hours', touchpointId: 'touch-corridor', createdAt: 3 }));
      const expected = documentJson(old);
      (expected['votes'] as Record<string, unknown>) = {};
      await storeAsOlderCodeDid(server, boardId, old);

      // Whole, the feelings the same under the server's keys (a board from before issue 17 too).
      const annClient = await syncedClient(server, boardId, ann, open);
      expect(feelingsByCard(documentJson(annClient.doc))).toEqual(feelingsByCard(expected));
      for (const key of boardTypes(annClient.doc).feelings.keys()) {
        expect(key).toMatch(serverKey);
        expect(key).not.toContain(bo.id);
      }
      expect(boardTypes(annClient.doc).meta.get('schemaVersion')).toBe(1);

      // The method's records, straight away.
      const { priorities } = methodTypes(annClient.doc);
      const area = newPriority({ id: 'priority-news', title: 'News while waiting', touchpointIds: ['touch-corridor'], order: 'a0', createdBy: ann.id, createdAt: Date.now() });
      area.set('group', [bo.id]);
      priorities.set('priority-news', area);
      await roundTrip(annClient);
      const boClient = await syncedClient(server, boardId, bo, open);
      methodTypes(boClient.doc).actions.set('action-screen', newAction({ id: 'action-screen', priorityId: 'priority-news', what: 'A screen with waiting times', owner: { name: 'Ward 4 nurses' }, due: '2027-06-30', order: 'a0', createdBy: bo.id, createdAt: Date.now() }));
      await roundTrip(boClient);
      await waitUntil(() => actionsOf(annClient.doc, 'priority-news').length === 1, 'Ann sees Bo’s action', 20_000);
      expect(prioritiesOf(annClient.doc).map((one) => one.touchpointIds)).toEqual([['touch-corridor']]);

      // Compacted when the last one leaves: the stored state holds no one's dots.
      for (const client of open.splice(0)) client.destroy();
      await waitUntil(() => server.registry.loaded(boardId) === undefined, 'the room is let go', 20_000);
      await server.registry.shutdown();
      const { rows } = await db.execute({ sql: 'SELECT snapshot FROM document_snapshots WHERE board_id = ?', args: [boardId] });
      const stored = new Y.Doc();
      Y.applyUpdate(stored, rows[0]!['snapshot'] as Uint8Array);
      expect(boardTypes(stored).votes.toJSON()).toEqual({});
      expect(Y.decodeUpdate(rows[0]!['snapshot'] as Uint8Array).structs.some((struct) => struct instanceof Y.Item && struct.content instanceof Y.ContentAny && (struct.content.arr.includes(17) || struct.content.arr.includes(19)))).toBe(false);
      expect(actionsOf(stored, 'priority-news').map((action) => action.what)).toEqual(['A screen with waiting times']);
    } finally {
      for (const client of open) client.destroy();
      db.close();
      await server.dispose();
    }
  });
});

describe('a board from before feelings without names', () => {
  it('moves each feeling under a key that names nobody at load; each owner is told and clears their own; no old value stays stored', async () => {
    const server = await startTestServer();
    const open: SyncClient[] = [];
    try {
      const ann = await signUp(server, 'Ann');
      const boardId = await createBoard(server, ann);
      const bo = await joinBoard(server, ann, boardId, 'edit', await signUp(server, 'Bo'));
      const cy = await joinBoard(server, ann, boardId, 'comment', await signUp(server, 'Cy'));
      const everyone = [ann, bo, cy];
      // Words of their own that only one old feeling had, to look for in what is stored.
      const only = (word: string) => `${word}${crypto.randomUUID().slice(0, 8)}`;
      const words = { ann: only('calmly'), bo: only('ignored'), boNow: only('heard'), cy: only('lost') };

      const old = new Y.Doc();
      initBoardDocument(old, { title: 'Outpatients journey' });
      const { stages, touchpoints } = boardTypes(old);
      stages.push([newStage('stage-waiting', 'Waiting')]);
      for (const [id, order, title] of [['touch-corridor', 'a0', 'Corridor'], ['touch-desk', 'a1', 'Front desk']] as const) {
        touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-waiting', order, title, createdBy: ann.id, createdAt: 1 }));
      }
      const given: [FeelingMapName, string, (typeof everyone)[number], Feeling][] = [
        ['feelings', 'touch-corridor', ann, { score: 1, words: ['calm', words.ann], at: 60_000 }],
        ['feelings', 'touch-corridor', bo, { score: -2, words: [words.bo], at: 120_000 }],
        ['feelings', 'touch-desk', bo, { score: -1, words: [], at: 120_000 }],
        ['feelingsAfter', 'touch-corridor', bo, { score: 1, words: [words.boNow], at: 180_000 }],
        ['feelings', 'touch-corridor', cy, { score: 0, words: [words.cy], at: 240_000 }],
      ];
      for (const [map, card, person, value] of given) boardTypes(old)[map].set(participantKey(card, person.id), value);
      const oldKeys = new Set(given.map(([, card, person]) => participantKey(card, person.id)));
      await storeAsOlderCodeDid(server, boardId, old);

      // Loaded: every feeling there with the same value, under a key of the server's naming nobody.
      const annClient = await syncedClient(server, boardId, ann, open);
      const types = boardTypes(annClient.doc);
      expect(feelingsByCard(documentJson(annClient.doc))).toEqual(feelingsByCard(documentJson(old)));
      for (const map of feelingMaps) {
        for (const key of types[map].keys()) {
          expect(key).toMatch(serverKey);
          for (const person of everyone) expect(key).not.toContain(person.id);
        }
      }

      // Each is told where their own are, and only theirs; each value is what they had given.
      for (const person of everyone) {
        const mine = await myFeelings(server, boardId, person);
        const theirs = given.filter(([, , owner]) => owner === person);
        expect(Object.values(mine).reduce((sum, one) => sum + Object.keys(one).length, 0), person.displayName).toBe(theirs.length);
        for (const [map, card, , value] of theirs) expect(types[map].get(mine[map][card]!), `${person.displayName} ${map} ${card}`).toEqual(value);
      }

      // Bo and Cy clear their own over HTTP; Ann keeps hers.
      for (const [map, card, person] of given) if (person !== ann) expect(await giveFeeling(server, boardId, person, card, null, map)).toBeNull();
      await waitUntil(() => types.feelings.size === 1 && types.feelingsAfter.size === 0, 'Ann sees their feelings go', 20_000);
      for (const person of [bo, cy]) expect(await myFeelings(server, boardId, person)).toEqual({ feelings: {}, feelingsAfter: {} });
      const annsKey = (await myFeelings(server, boardId, ann)).feelings['touch-corridor']!;
      expect(types.feelings.get(annsKey)).toEqual(given[0]![3]);

      // Compacted when the last one leaves: no cell holds a cleared feeling's words, and the old
      // keys hold no value — only Ann's feeling, once, under its new key. (The old key strings may
      // stay in Yjs's records of deleted items: a key without a value.)
      for (const client of open.splice(0)) client.destroy();
      await waitUntil(() => server.registry.loaded(boardId) === undefined, 'the room is let go', 20_000);
      await server.registry.shutdown();
      for (const word of [words.bo, words.boNow, words.cy]) expect(await cellsContaining(server.libsqlUrl, word), word).toEqual([]);
      const db = await openLibsqlDatabase({ url: server.libsqlUrl });
      const { rows } = await db.execute({ sql: 'SELECT snapshot FROM document_snapshots WHERE board_id = ?', args: [boardId] });
      db.close();
      const snapshot = rows[0]!['snapshot'] as Uint8Array;
      const underOldKeys = Y.decodeUpdate(snapshot).structs.filter((struct): struct is Y.Item => struct instanceof Y.Item && struct.parentSub !== null && oldKeys.has(struct.parentSub));
      for (const item of underOldKeys) expect(item.content, item.parentSub!).toBeInstanceOf(Y.ContentDeleted);
      expect(Buffer.from(snapshot).toString('latin1').split(words.ann).length - 1).toBe(1);
      const stored = new Y.Doc();
      Y.applyUpdate(stored, snapshot);
      expect(boardTypes(stored).feelings.toJSON()).toEqual({ [annsKey]: given[0]![3] });
      expect(boardTypes(stored).feelingsAfter.toJSON()).toEqual({});
    } finally {
      for (const client of open) client.destroy();
      await server.dispose();
    }
  });
});
