/**
 * The guard's judgement of single updates, in process: a server document, a client document that
 * is a copy of it, one change made on the client the way any Yjs program would, and the update it
 * sends checked against the server's document. The integration tests (test/integration/guard*)
 * send the same kinds of change from stock y-websocket clients to real servers.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { markDeleted, purgeDeleted } from '../../shared/recently-deleted.ts';
import { moveStage, moveTouchpoint } from '../../client/src/board/ordering.ts';
import { restoreDeleted } from '../../client/src/board/recently-deleted/restore.ts';
import { checkUpdate, MissingContent, RefusedChange } from '../../server/sync/guard/update-guard.ts';
import { newFeelingKey } from '../../server/sync/feeling-actions.ts';

const facilitator = 'facilitator-0001';
const editor = 'editor-000000001';
const commenter = 'commenter-000001';
const stageId = 'stage-0000000001';
const touchpointId = 'touch-0000000001';
/** Where the server wrote the facilitator's feeling (feeling-actions.ts: a key that names nobody). */
const facilitatorsFeeling = `${touchpointId}/${newFeelingKey()}`;

/**
 * A feeling the server writes for someone who gave it over HTTP: into its own document, with its
 * own client id, as feeling-actions.ts does (no client's update, so the guard never judges it).
 */
function serverWritesFeeling(server: Y.Doc, value: { score: -2 | -1 | 0 | 1 | 2; words: string[] }, map: 'feelings' | 'feelingsAfter' = 'feelings'): string {
  const key = `${touchpointId}/${newFeelingKey()}`;
  boardTypes(server)[map].set(key, { ...value, at: 60_000 });
  return key;
}

/** A board as the server holds it: a stage, a touchpoint by the facilitator, the facilitator's feeling and comment. */
function serverBoard(): Y.Doc {
  const doc = new Y.Doc({ gc: true });
  initBoardDocument(doc, { title: 'Outpatients', purpose: 'Make waiting better' });
  const { stages, touchpoints, feelings, comments } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage(stageId, 'Arriving')]);
    touchpoints.set(touchpointId, newTouchpoint({ id: touchpointId, stageId, order: 'a0', title: 'Reception', createdBy: facilitator, createdAt: 1 }));
    feelings.set(facilitatorsFeeling, { score: 2, words: ['safe'], at: 1 });
    const comment = new Y.Map<unknown>();
    comment.set('id', 'comment-00000001');
    comment.set('target', { type: 'touchpoint', id: touchpointId });
    comment.set('parentId', null);
    comment.set('authorId', facilitator);
    comment.set('body', new Y.Text('Long wait'));
    comment.set('createdAt', 1);
    comments.set('comment-00000001', comment);
  });
  return doc;
}

/** Makes `change` on a copy of `server` and checks the update it produces for `userId` with `access`. */
function attempt(server: Y.Doc, userId: string, access: Access, change: (doc: Y.Doc) => void): void {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  client.on('update', (update: Uint8Array) => updates.push(update));
  change(client);
  for (const update of updates) {
    checkUpdate(server, update, { userId, access }, () => undefined);
    Y.applyUpdate(server, update);
  }
}

const refused = (server: Y.Doc, userId: string, access: Access, change: (doc: Y.Doc) => void) =>
  expect(() => attempt(server, userId, access, change)).toThrow(RefusedChange);
const allowed = (server: Y.Doc, userId: string, access: Access, change: (doc: Y.Doc) => void) =>
  expect(() => attempt(server, userId, access, change)).not.toThrow();

const touchpoint = (doc: Y.Doc) => boardTypes(doc).touchpoints.get(touchpointId)!;
const title = (doc: Y.Doc) => touchpoint(doc).get('title') as Y.Text;

describe('the guard: feelings', () => {
  // Since issue 17 a person gives their feeling over HTTP and the server writes it under a key that
  // names nobody (feeling-actions.ts): a key a client chose would say whose the feeling is.
  it('refuses every access its own feeling, given, changed or taken back through its own client', () => {
    for (const [userId, access] of [[commenter, 'comment'], [editor, 'edit'], [facilitator, 'facilitate']] as const) {
      const server = serverBoard();
      const ownId = participantKey(touchpointId, userId);
      refused(server, userId, access, (doc) => boardTypes(doc).feelings.set(ownId, { score: -1, words: ['rushed', 'my own words'], at: 5 }));
      refused(server, userId, access, (doc) => boardTypes(doc).feelingsAfter.set(ownId, { score: 1, words: [], at: 5 }));
      refused(server, userId, access, (doc) => boardTypes(doc).feelings.set(`${touchpointId}/${newFeelingKey()}`, { score: 1, words: [], at: 5 }));
      // The one the server wrote for them: changed or taken back only over HTTP.
      const mine = serverWritesFeeling(server, { score: 0, words: [] });
      const mineNow = serverWritesFeeling(server, { score: 0, words: [] }, 'feelingsAfter');
      refused(server, userId, access, (doc) => boardTypes(doc).feelings.set(mine, { score: 2, words: ['safe'], at: 6 }));
      refused(server, userId, access, (doc) => boardTypes(doc).feelings.delete(mine));
      refused(server, userId, access, (doc) => boardTypes(doc).feelingsAfter.set(mineNow, { score: 2, words: [], at: 6 }));
      refused(server, userId, access, (doc) => boardTypes(doc).feelingsAfter.delete(mineNow));
      expect(boardTypes(server).feelings.has(ownId)).toBe(false);
      expect(boardTypes(server).feelings.get(mine)).toEqual({ score: 0, words: [], at: 60_000 });
      expect(boardTypes(server).feelingsAfter.get(mineNow)).toEqual({ score: 0, words: [], at: 60_000 });
    }
  });

  it("refuses setting or deleting another person's feeling, even for a facilitator", () => {
    const server = serverBoard();
    refused(server, editor, 'edit', (doc) => boardTypes(doc).feelings.set(facilitatorsFeeling, { score: -2, words: ['ignored'], at: 5 }));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).feelings.delete(facilitatorsFeeling));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).feelings.set(participantKey(touchpointId, facilitator), { score: -2, words: ['ignored'], at: 5 }));
    const editors = serverWritesFeeling(server, { score: 1, words: [] });
    // A facilitator removes it only with its card, for good (below: "empty Recently deleted").
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).feelings.delete(editors));
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).feelings.set(editors, { score: -2, words: [], at: 5 }));
    refused(server, facilitator, 'facilitate', (doc) =>
      boardTypes(doc).feelings.set(participantKey(touchpointId, 'nobody-000000001'), { score: 1, words: [], at: 5 }),
    );
    expect(boardTypes(server).feelings.get(facilitatorsFeeling)).toEqual({ score: 2, words: ['safe'], at: 1 });
    expect(boardTypes(server).feelings.get(editors)).toEqual({ score: 1, words: [], at: 60_000 });
  });

  it('refuses a feeling that does not fit: score 7, a half score, unknown fields, long words, too many words', () => {
    const server = serverBoard();
    const key = participantKey(touchpointId, commenter);
    const set = (value: unknown) => (doc: Y.Doc) => boardTypes(doc).feelings.set(key, value as never);
    refused(server, commenter, 'comment', set({ score: 7, words: [], at: 1 }));
    refused(server, commenter, 'comment', set({ score: 0.5, words: [], at: 1 }));
    refused(server, commenter, 'comment', set({ score: 1, words: [], at: 1, role: 'patient' }));
    refused(server, commenter, 'comment', set({ score: 1, words: ['x'.repeat(41)], at: 1 }));
    refused(server, commenter, 'comment', set({ score: 1, words: Array.from({ length: 31 }, () => 'safe'), at: 1 }));
    refused(server, commenter, 'comment', set('very good'));
    refused(server, commenter, 'comment', (doc) => boardTypes(doc).feelings.set('not-a-key', { score: 1, words: [], at: 1 }));
  });

  it('view may not write at all, and a comment member may not change the map', () => {
    const server = serverBoard();
    refused(server, commenter, 'view', (doc) => boardTypes(doc).feelings.set(participantKey(touchpointId, commenter), { score: 1, words: [], at: 1 }));
    refused(server, commenter, 'view', (doc) => {
      const comment = new Y.Map<unknown>();
      comment.set('id', 'comment-by-viewer1');
      comment.set('target', { type: 'touchpoint', id: touchpointId });
      comment.set('parentId', null);
      comment.set('authorId', commenter);
      comment.set('body', new Y.Text('Hello'));
      comment.set('createdAt', 1);
      boardTypes(doc).comments.set('comment-by-viewer1', comment);
    });
    refused(server, commenter, 'comment', (doc) => title(doc).insert(0, 'x'));
    refused(server, commenter, 'comment', (doc) => touchpoint(doc).set('order', 'a1'));
    refused(server, commenter, 'comment', (doc) =>
      markDeleted(doc, { id: touchpointId, kind: 'touchpoint', deletedAt: 1, deletedBy: commenter }, null),
    );
  });
});

describe('the guard: touchpoints', () => {
  it('lets an editor add a touchpoint in their own name, edit its title and story, and move it', () => {
    const server = serverBoard();
    const id = 'touch-0000000002';
    allowed(server, editor, 'edit', (doc) =>
      boardTypes(doc).touchpoints.set(id, newTouchpoint({ id, stageId, order: 'a1', title: 'Waiting', createdBy: editor, createdAt: 5 })),
    );
    allowed(server, editor, 'edit', (doc) => title(doc).insert(9, ' desk'));
    allowed(server, editor, 'edit', (doc) => (touchpoint(doc).get('story') as Y.Text).insert(0, 'I waited an hour.'));
    allowed(server, editor, 'edit', (doc) => title(doc).delete(0, 3));
    allowed(server, editor, 'edit', (doc) => doc.transact(() => touchpoint(doc).set('order', 'Zz')));
    expect(title(server).toString()).toBe('eption desk');
  });

  it('refuses a forged createdBy, a changed createdBy, wrong types, and a title over the limit', () => {
    const server = serverBoard();
    const id = 'touch-0000000003';
    refused(server, editor, 'edit', (doc) =>
      boardTypes(doc).touchpoints.set(id, newTouchpoint({ id, stageId, order: 'a1', title: 'X', createdBy: facilitator, createdAt: 5 })),
    );
    refused(server, facilitator, 'facilitate', (doc) => touchpoint(doc).set('createdBy', editor));
    refused(server, editor, 'edit', (doc) => touchpoint(doc).set('title', 42));
    refused(server, editor, 'edit', (doc) => touchpoint(doc).set('stageId', 7));
    refused(server, editor, 'edit', (doc) => touchpoint(doc).set('colour', 'red'));
    refused(server, editor, 'edit', (doc) => touchpoint(doc).delete('stageId'));
    refused(server, editor, 'edit', (doc) => title(doc).insert(0, 'x'.repeat(1024 * 1024)));
    refused(server, facilitator, 'facilitate', (doc) => title(doc).insert(0, 'x'.repeat(200)));
    refused(server, editor, 'edit', (doc) => title(doc).format(0, 3, { bold: true }));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).touchpoints.set('touch-0000000004', new Y.Map()));
    expect(title(server).toString()).toBe('Reception');
  });

  it('lets an editor take back a card they just added, but not remove anyone else’s for good', () => {
    const server = serverBoard();
    const id = 'touch-0000000005';
    allowed(server, editor, 'edit', (doc) =>
      boardTypes(doc).touchpoints.set(id, newTouchpoint({ id, stageId, order: 'a1', title: 'Mine', createdBy: editor, createdAt: 5 })),
    );
    allowed(server, editor, 'edit', (doc) => boardTypes(doc).touchpoints.delete(id));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).touchpoints.delete(touchpointId));
    allowed(server, editor, 'edit', (doc) => markDeleted(doc, { id: touchpointId, kind: 'touchpoint', deletedAt: 1, deletedBy: editor }, null));
    refused(server, editor, 'edit', (doc) => markDeleted(doc, { id: stageId, kind: 'stage', deletedAt: 1, deletedBy: editor }, null));
    refused(server, editor, 'edit', (doc) =>
      markDeleted(doc, { id: 'touch-0000000009', kind: 'touchpoint', deletedAt: 1, deletedBy: facilitator }, null),
    );
    allowed(server, editor, 'edit', (doc) => boardTypes(doc).deleted.delete(touchpointId));
  });
});

describe('the guard: the facilitator’s parts', () => {
  it('refuses meta and stages below facilitate, and allows them to a facilitator', () => {
    const server = serverBoard();
    refused(server, editor, 'edit', (doc) => boardTypes(doc).meta.set('phase', 'review'));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).meta.set('title', 'Mine now'));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).stages.push([newStage('stage-0000000002', 'Leaving')]));
    refused(server, editor, 'edit', (doc) => (boardTypes(doc).stages.get(0) as Y.Map<unknown>).set('title', 'Renamed'));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).stages.delete(0, 1));
    allowed(server, facilitator, 'facilitate', (doc) => boardTypes(doc).meta.set('phase', 'gather'));
    allowed(server, facilitator, 'facilitate', (doc) => boardTypes(doc).stages.push([newStage('stage-0000000002', 'Leaving')]));
    allowed(server, facilitator, 'facilitate', (doc) => (boardTypes(doc).stages.get(0) as Y.Map<unknown>).set('title', 'Arrival'));
    expect(boardTypes(server).meta.get('phase')).toBe('gather');
  });

  it('refuses what no one may write: an unknown phase, a string in stages, a 1 MB title, unknown top-level types', () => {
    const server = serverBoard();
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).meta.set('phase', 'party'));
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).meta.set('title', 'x'.repeat(1024 * 1024)));
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).meta.delete('title'));
    refused(server, facilitator, 'facilitate', (doc) => (boardTypes(doc).stages as Y.Array<unknown>).push(['Leaving']));
    refused(server, facilitator, 'facilitate', (doc) => doc.getMap('elsewhere').set('a', 1));
    refused(server, facilitator, 'facilitate', (doc) => boardTypes(doc).meta.set('role', 'consultant'));
  });
});

describe('the guard: comments', () => {
  it("lets an author edit their comment and refuses anyone else's edits, deletes and forged authors", () => {
    const server = serverBoard();
    const body = (doc: Y.Doc) => boardTypes(doc).comments.get('comment-00000001')!.get('body') as Y.Text;
    allowed(server, facilitator, 'facilitate', (doc) => body(doc).insert(9, ' at the desk'));
    refused(server, editor, 'edit', (doc) => body(doc).insert(0, 'Not a '));
    refused(server, editor, 'edit', (doc) => body(doc).delete(0, 4));
    refused(server, editor, 'edit', (doc) => boardTypes(doc).comments.delete('comment-00000001'));
    refused(server, commenter, 'comment', (doc) => {
      const comment = new Y.Map<unknown>();
      comment.set('id', 'comment-00000002');
      comment.set('target', { type: 'board', id: 'board-0000000001' });
      comment.set('parentId', null);
      comment.set('authorId', facilitator);
      comment.set('body', new Y.Text('I said this'));
      comment.set('createdAt', 1);
      boardTypes(doc).comments.set('comment-00000002', comment);
    });
    expect(body(server).toString()).toBe('Long wait at the desk');
  });
});

describe('the guard: Yjs-level tricks', () => {
  it("refuses writing with another person's client id, and sets aside a change built on one the server does not have yet", () => {
    const server = serverBoard();
    const victim = new Y.Doc();
    Y.applyUpdate(victim, Y.encodeStateAsUpdate(server));
    const owners = new Map<number, string>([[victim.clientID, commenter]]);
    const forger = new Y.Doc();
    forger.clientID = victim.clientID;
    Y.applyUpdate(forger, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    forger.on('update', (update: Uint8Array) => updates.push(update));
    const forgedId = 'touch-0000000011';
    boardTypes(forger).touchpoints.set(forgedId, newTouchpoint({ id: forgedId, stageId, order: 'a1', title: 'Mine', createdBy: editor, createdAt: 1 }));
    expect(() => checkUpdate(server, updates[0]!, { userId: editor, access: 'edit' }, (id) => owners.get(id))).toThrow(RefusedChange);
    // Typing, which the guard judges the short way, too; the server's own id likewise.
    const typist = (clientId: number): Uint8Array => {
      const device = new Y.Doc();
      Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
      device.clientID = clientId; // after: Yjs gives a document a new id when an update uses its own
      let typed: Uint8Array | undefined;
      device.on('update', (update: Uint8Array) => (typed = update));
      title(device).insert(0, 'A');
      return typed!;
    };
    expect(() => checkUpdate(server, typist(victim.clientID), { userId: editor, access: 'edit' }, (id) => owners.get(id))).toThrow(/another person's client id/);
    expect(() => checkUpdate(server, typist(victim.clientID), { userId: commenter, access: 'edit' }, (id) => owners.get(id))).not.toThrow();
    expect(() => checkUpdate(server, typist(server.clientID), { userId: editor, access: 'edit' }, () => undefined)).toThrow(/server's own client id/);

    const ahead = new Y.Doc();
    Y.applyUpdate(ahead, Y.encodeStateAsUpdate(server));
    const aheadId = 'touch-0000000012';
    boardTypes(ahead).touchpoints.set(aheadId, newTouchpoint({ id: aheadId, stageId, order: 'a1', title: 'Offline', createdBy: editor, createdAt: 1 }));
    const second: Uint8Array[] = [];
    ahead.on('update', (update: Uint8Array) => second.push(update));
    (boardTypes(ahead).touchpoints.get(aheadId)!.get('title') as Y.Text).insert(0, 'Still ');
    // The second change alone depends on the first, which the server has not seen: it cannot be judged yet.
    expect(() => checkUpdate(server, second[0]!, { userId: editor, access: 'edit' }, () => undefined)).toThrow(MissingContent);
    // Both together are fine.
    expect(() => checkUpdate(server, Y.encodeStateAsUpdate(ahead, Y.encodeStateVector(server)), { userId: editor, access: 'edit' }, () => undefined)).not.toThrow();
  });

  it('accepts an offline burst that makes and unmakes things (tombstones) as one update', () => {
    const server = serverBoard();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const id = 'touch-0000000007';
    const { touchpoints, comments } = boardTypes(client);
    touchpoints.set(id, newTouchpoint({ id, stageId, order: 'a1', title: 'Offline', createdBy: editor, createdAt: 5 }));
    (touchpoints.get(id)!.get('story') as Y.Text).insert(0, 'typed then deleted');
    (touchpoints.get(id)!.get('story') as Y.Text).delete(0, 6);
    // Their own comment on it, set twice (the first value a tombstone), then another posted and taken back.
    for (const [commentId, body] of [['comment-00000011', 'First go'], ['comment-00000011', 'Second go'], ['comment-00000012', 'Gone']] as const) {
      const comment = new Y.Map<unknown>();
      comment.set('id', commentId);
      comment.set('target', { type: 'touchpoint', id });
      comment.set('parentId', null);
      comment.set('authorId', editor);
      comment.set('body', new Y.Text(body));
      comment.set('createdAt', 5);
      comments.set(commentId, comment);
    }
    comments.delete('comment-00000012');
    touchpoints.set('touch-0000000008', newTouchpoint({ id: 'touch-0000000008', stageId, order: 'a2', title: 'Gone', createdBy: editor, createdAt: 5 }));
    touchpoints.delete('touch-0000000008');
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(() => checkUpdate(server, update, { userId: editor, access: 'edit' }, () => undefined)).not.toThrow();
  });
});

describe('the guard: what the page itself does', () => {
  it('lets a facilitator empty "Recently deleted", taking other people’s feelings and comments with what they were about', () => {
    const server = serverBoard();
    serverWritesFeeling(server, { score: -1, words: [] });
    serverWritesFeeling(server, { score: 1, words: ['better'] }, 'feelingsAfter');
    allowed(server, editor, 'edit', (doc) => markDeleted(doc, { id: touchpointId, kind: 'touchpoint', deletedAt: 1, deletedBy: editor }, null));
    refused(server, editor, 'edit', (doc) => purgeDeleted(doc, [touchpointId], null));
    allowed(server, facilitator, 'facilitate', (doc) => purgeDeleted(doc, [touchpointId], null));
    expect(boardTypes(server).touchpoints.has(touchpointId)).toBe(false);
    expect(boardTypes(server).feelings.size).toBe(0);
    expect(boardTypes(server).feelingsAfter.size).toBe(0);
    expect(boardTypes(server).comments.size).toBe(0);
  });

  it('lets a facilitator move and delete stages, and an editor restore what was deleted and move cards', () => {
    const server = serverBoard();
    allowed(server, facilitator, 'facilitate', (doc) => boardTypes(doc).stages.push([newStage('stage-0000000002', 'Leaving')]));
    allowed(server, facilitator, 'facilitate', (doc) => moveStage(doc, stageId, 1, null));
    refused(server, editor, 'edit', (doc) => moveStage(doc, stageId, 0, null));
    allowed(server, facilitator, 'facilitate', (doc) => markDeleted(doc, { id: stageId, kind: 'stage', deletedAt: 1, deletedBy: facilitator }, null));
    allowed(server, editor, 'edit', (doc) => restoreDeleted(doc, stageId, null));
    allowed(server, editor, 'edit', (doc) => moveTouchpoint(doc, touchpointId, 'stage-0000000002', 0, null));
    expect(touchpoint(server).get('stageId')).toBe('stage-0000000002');
  });

  it('lets Undo and Redo take back what a person did, as the page does it', () => {
    const server = serverBoard();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const updates: Uint8Array[] = [];
    client.on('update', (update: Uint8Array) => updates.push(update));
    const origin = Symbol('local');
    const undo = new Y.UndoManager(Object.values(boardTypes(client)), { trackedOrigins: new Set([origin]) });
    const id = 'touch-0000000010';
    const step = (change: () => void) => {
      undo.stopCapturing();
      client.transact(change, origin);
    };
    step(() => boardTypes(client).touchpoints.set(id, newTouchpoint({ id, stageId, order: 'a1', title: 'Added', createdBy: editor, createdAt: 5 })));
    step(() => (boardTypes(client).touchpoints.get(id)!.get('story') as Y.Text).insert(0, 'A story'));
    step(() => markDeleted(client, { id: touchpointId, kind: 'touchpoint', deletedAt: 1, deletedBy: editor }, origin));
    undo.undo();
    undo.undo();
    undo.undo();
    undo.redo();
    for (const update of updates) {
      checkUpdate(server, update, { userId: editor, access: 'edit' }, () => undefined);
      Y.applyUpdate(server, update);
    }
    expect(boardTypes(server).touchpoints.get(id)?.get('createdBy')).toBe(editor);
  });
});

describe('the guard: hiding things in ways the page never would', () => {
  it('refuses an editor hiding a stage with an entry that calls it a touchpoint, or moving a card into a made-up stage', () => {
    const server = serverBoard();
    refused(server, editor, 'edit', (doc) => markDeleted(doc, { id: stageId, kind: 'touchpoint', deletedAt: 1, deletedBy: editor }, null));
    refused(server, editor, 'edit', (doc) => touchpoint(doc).set('stageId', 'stage-nowhere-01'));
    allowed(server, facilitator, 'facilitate', (doc) =>
      doc.transact(() => {
        boardTypes(doc).stages.push([newStage('stage-0000000003', 'Home')]);
        touchpoint(doc).set('stageId', 'stage-0000000003');
      }),
    );
  });
});

describe('the guard: shapes that could exhaust it', () => {
  it('places a long run of items each inserted beside the last without recursing (typing backwards, offline)', () => {
    const server = serverBoard();
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const story = touchpoint(client).get('story') as Y.Text;
    // Each character typed at the start: a new item left of the previous one, which Yjs cannot merge.
    for (let i = 0; i < 9000; i++) story.insert(0, 'x');
    const update = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(() => checkUpdate(server, update, { userId: editor, access: 'edit' }, () => undefined)).not.toThrow();
    // Far longer than a story may be: refused for its length, not lost in a stack overflow.
    for (let i = 0; i < 60_000; i++) story.insert(0, 'y');
    const tooLong = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(() => checkUpdate(server, tooLong, { userId: editor, access: 'edit' }, () => undefined)).toThrow(RefusedChange);
    // Building 100,000 keystrokes of Yjs history takes seconds on a busy 2-core machine; what is
    // tested is that placing them does not recurse, not how fast.
  }, 60_000);

  it('refuses maps nested deeper than a board ever nests them', () => {
    const server = serverBoard();
    refused(server, facilitator, 'facilitate', (doc) => {
      let inner = new Y.Map<unknown>();
      for (let i = 0; i < 50; i++) {
        const outer = new Y.Map<unknown>();
        outer.set('x', inner);
        inner = outer;
      }
      touchpoint(doc).set('story', inner);
    });
  });
});
