/**
 * A board stored before hidden dot voting (issue 15) and the method's records (issue 16), on the
 * Node server with its real LibSQL file: its stored state is written as the older code wrote it —
 * stages, a card, feelings, a comment, and each person's dots in the document, `votes.<card>/<user>`.
 * - It loads with nothing of the map lost; the per-person dots are gone from the document, and
 *   after the compaction from what is stored (schemaVersion stays 1: nothing else changed shape).
 * - It takes the method's records at once, no migration needed: the facilitator makes a priority
 *   area from the old card and puts a member in its group, who adds an action.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { actionsOf, methodTypes, newAction, newPriority, prioritiesOf } from '../../shared/method.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { documentJson, newComment, roundTrip, syncedClient } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

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
      await db.batch([
        { sql: 'DELETE FROM document_updates WHERE board_id = ?', args: [boardId] },
        { sql: 'DELETE FROM document_snapshots WHERE board_id = ?', args: [boardId] },
        { sql: 'INSERT INTO document_snapshots (board_id, snapshot, updated_at) VALUES (?, ?, 0)', args: [boardId, Y.encodeStateAsUpdate(old)] },
      ]);

      const annClient = await syncedClient(server, boardId, ann, open);
      expect(documentJson(annClient.doc)).toEqual(expected);
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
