/**
 * "Recently deleted" on real Y.Docs (shared/recently-deleted.ts, client/src/board/recently-deleted/
 * restore.ts, server/sync/purge-deleted.ts): restoring brings back exactly what was there, other
 * people's concurrent edits included; purging removes it and all that belongs to it, so a
 * garbage-collected document no longer holds its words; expiry is at 30 days by the server's time.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { deletedEntries, hiddenIds, markDeleted, purgeDeleted, recentlyDeletedMs } from '../../shared/recently-deleted.ts';
import { restoreDeleted, restorePlace } from '../../client/src/board/recently-deleted/restore.ts';
import { readDeletedItems } from '../../client/src/board/recently-deleted/deleted-items.ts';
import { purgeExpiredDeletions } from '../../server/sync/purge-deleted.ts';

const t0 = Date.UTC(2025, 0, 6);

/** "Waiting" (s1) with cards a and b, "Going home" (s2) with c; feelings, a vote and comments on a. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  const { stages, touchpoints, feelings, votes, comments } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('s1', 'Waiting'), newStage('s2', 'Going home')]);
    for (const [id, stageId, order] of [['a', 's1', 'a0'], ['b', 's1', 'a1'], ['c', 's2', 'a0']] as const) {
      touchpoints.set(id, newTouchpoint({ id, stageId, order, title: `Card ${id}`, story: `Story of ${id}`, createdBy: 'ann', createdAt: t0 }));
    }
    feelings.set('a/ann', { score: -2, words: ['frightened'], at: t0 });
    feelings.set('a/bob', { score: -1, words: [], at: t0 });
    feelings.set('c/ann', { score: 2, words: [], at: t0 });
    votes.set('a', 3);
    for (const [id, targetId, parentId] of [['k1', 'a', null], ['k2', 'a', 'k1'], ['k3', 's1', null], ['k4', 'c', null]] as const) {
      const comment = new Y.Map<unknown>();
      comment.set('id', id);
      // A reply is found by its parent (here it names no target of its own).
      if (parentId === null) comment.set('target', { type: targetId.startsWith('s') ? 'stage' : 'touchpoint', id: targetId });
      comment.set('parentId', parentId);
      comment.set('body', new Y.Text(`Comment ${id}`));
      comments.set(id, comment);
    }
  });
  return doc;
}

/** Two replicas of one board that exchange updates when `sync()` is called. */
function replicas(): { ann: Y.Doc; bob: Y.Doc; sync: () => void } {
  const ann = board();
  const bob = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(ann, Y.encodeStateVector(bob)));
    Y.applyUpdate(ann, Y.encodeStateAsUpdate(bob, Y.encodeStateVector(ann)));
  };
  sync();
  return { ann, bob, sync };
}

const json = (doc: Y.Doc) => {
  const { stages, touchpoints, feelings, votes, comments } = boardTypes(doc);
  return { stages: stages.toJSON(), touchpoints: touchpoints.toJSON(), feelings: feelings.toJSON(), votes: votes.toJSON(), comments: comments.toJSON() };
};

describe('restoring', () => {
  it('brings a stage back at its place with its cards, feelings, votes and comments exactly as they were', () => {
    const doc = board();
    const before = json(doc);
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    expect([...hiddenIds(doc)]).toEqual(['s1']);
    expect(readDeletedItems(doc)).toMatchObject([{ id: 's1', kind: 'stage', title: 'Waiting', cards: 2, deletedBy: 'ann' }]);
    expect(restoreDeleted(doc, 's1', null)).toBe(true);
    expect(json(doc)).toEqual(before);
    expect(deletedEntries(doc)).toEqual([]);
  });

  it('keeps what someone else did to a stage while it was being deleted', () => {
    const { ann, bob, sync } = replicas();
    // At the same time: Ann deletes "Waiting"; Bob, who has not seen that yet, adds to a card's
    // story, records a feeling and adds a card to the stage.
    markDeleted(ann, { id: 's1', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    const story = boardTypes(bob).touchpoints.get('a')!.get('story') as Y.Text;
    story.insert(story.length, ', and nobody came');
    boardTypes(bob).feelings.set('b/bob', { score: -2, words: ['ignored'], at: t0 });
    boardTypes(bob).touchpoints.set('d', newTouchpoint({ id: 'd', stageId: 's1', order: 'a2', title: 'Card d', createdBy: 'bob', createdAt: t0 }));
    sync();
    expect(readDeletedItems(bob)).toMatchObject([{ id: 's1', cards: 3 }]);
    // Bob brings it back: everything is there for both.
    expect(restoreDeleted(bob, 's1', null)).toBe(true);
    sync();
    for (const doc of [ann, bob]) {
      expect(deletedEntries(doc)).toEqual([]);
      expect(String(boardTypes(doc).touchpoints.get('a')!.get('story'))).toBe('Story of a, and nobody came');
      expect(boardTypes(doc).feelings.get('b/bob')?.words).toEqual(['ignored']);
      expect(boardTypes(doc).touchpoints.get('d')?.get('stageId')).toBe('s1');
    }
    expect(json(ann)).toEqual(json(bob));
  });

  it('puts a card back in its stage, or at the end of the first stage when its stage is not on the board', () => {
    const doc = board();
    markDeleted(doc, { id: 'c', kind: 'touchpoint', deletedAt: t0, deletedBy: 'ann' }, null);
    expect(restorePlace(doc, 'c')).toEqual({ stageId: 's2', moved: false });
    markDeleted(doc, { id: 's2', kind: 'stage', deletedAt: t0 + 1, deletedBy: 'bob' }, null);
    expect(restorePlace(doc, 'c')).toEqual({ stageId: 's1', moved: true });
    expect(readDeletedItems(doc).find((item) => item.id === 'c')).toMatchObject({ fromStage: 'Going home', place: { stageTitle: 'Waiting', moved: true } });
    expect(restoreDeleted(doc, 'c', null)).toBe(true);
    const { touchpoints, feelings } = boardTypes(doc);
    expect(touchpoints.get('c')?.get('stageId')).toBe('s1');
    expect(String(touchpoints.get('c')?.get('order')) > String(touchpoints.get('b')?.get('order'))).toBe(true);
    expect(feelings.get('c/ann')?.score).toBe(2);
  });

  it('cannot put a card back when no stage is on the board, and changes nothing', () => {
    const doc = board();
    markDeleted(doc, { id: 'a', kind: 'touchpoint', deletedAt: t0, deletedBy: 'ann' }, null);
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    markDeleted(doc, { id: 's2', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    expect(restorePlace(doc, 'a')).toBeNull();
    expect(restoreDeleted(doc, 'a', null)).toBe(false);
    expect(deletedEntries(doc)).toHaveLength(3);
  });
});

describe('purging', () => {
  it('removes a stage, its cards and all about them for good, keeping a card of it deleted on its own', () => {
    const doc = new Y.Doc({ gc: true });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(board()));
    markDeleted(doc, { id: 'b', kind: 'touchpoint', deletedAt: t0, deletedBy: 'ann' }, null);
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0 + 1, deletedBy: 'ann' }, null);
    expect(purgeDeleted(doc, ['s1'], null)).toBe(1);
    const { stages, touchpoints, feelings, votes, comments } = boardTypes(doc);
    expect(stages.toArray().map((stage) => stage.get('id'))).toEqual(['s2']);
    expect([...touchpoints.keys()].sort()).toEqual(['b', 'c']);
    expect([...feelings.keys()]).toEqual(['c/ann']);
    expect([...votes.keys()]).toEqual([]);
    expect([...comments.keys()]).toEqual(['k4']);
    expect(deletedEntries(doc).map((entry) => entry.id)).toEqual(['b']);
    // Garbage-collected: the document's bytes no longer hold the words.
    const bytes = Buffer.from(Y.encodeStateAsUpdate(doc));
    for (const words of ['Story of a', 'frightened', 'Comment k2', 'Comment k3', 'Waiting']) expect(bytes.includes(words)).toBe(false);
    expect(bytes.includes('Story of b')).toBe(true);
  });
});

describe('expiry on the server', () => {
  it('purges at 30 days by the server clock, not a moment before', () => {
    const doc = board();
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    expect(purgeExpiredDeletions(doc, t0 + recentlyDeletedMs - 1, null)).toBe(0);
    expect(deletedEntries(doc)).toHaveLength(1);
    expect(purgeExpiredDeletions(doc, t0 + recentlyDeletedMs, null)).toBe(1);
    expect(boardTypes(doc).touchpoints.has('a')).toBe(false);
  });

  it('writes nothing when nothing has expired', () => {
    const doc = board();
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0, deletedBy: 'ann' }, null);
    let updates = 0;
    doc.on('update', () => updates++);
    purgeExpiredDeletions(doc, t0 + 1000, null);
    expect(updates).toBe(0);
  });

  it('gives a deletion time from a clock far ahead, or none, the server\'s time', () => {
    const doc = board();
    markDeleted(doc, { id: 's1', kind: 'stage', deletedAt: t0 + 400 * 24 * 3600_000, deletedBy: 'ann' }, null);
    boardTypes(doc).deleted.get('s1')!.delete('deletedAt');
    markDeleted(doc, { id: 'c', kind: 'touchpoint', deletedAt: t0 + 400 * 24 * 3600_000, deletedBy: 'ann' }, null);
    purgeExpiredDeletions(doc, t0, null);
    expect(deletedEntries(doc).map((entry) => entry.deletedAt)).toEqual([t0, t0]);
  });

  it('drops an entry whose stage or card is already gone', () => {
    const doc = board();
    markDeleted(doc, { id: 'gone', kind: 'touchpoint', deletedAt: t0, deletedBy: 'ann' }, null);
    expect(purgeExpiredDeletions(doc, t0, null)).toBe(1);
    expect(deletedEntries(doc)).toEqual([]);
  });
});
