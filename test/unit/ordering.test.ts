/** Moving and deleting stages and touchpoints on a real Y.Doc (client/src/board/ordering.ts). */
import { generateNKeysBetween } from 'fractional-indexing';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { deletedEntries } from '../../shared/recently-deleted.ts';
import { localOrigin } from '../../client/src/board/local-origin.ts';
import {
  deleteStage,
  deleteTouchpoint,
  keyAtEnd,
  moveStage,
  moveTouchpoint,
  placesIn,
  stageIds,
} from '../../client/src/board/ordering.ts';

function board(layout: Record<string, string[]>, keys?: Record<string, string>): Y.Doc {
  const doc = new Y.Doc();
  const { stages, touchpoints } = boardTypes(doc);
  for (const [stageId, ids] of Object.entries(layout)) {
    stages.push([newStage(stageId, `Title ${stageId}`)]);
    const orders = generateNKeysBetween(null, null, ids.length);
    ids.forEach((id, i) => {
      const order = keys?.[id] ?? orders[i] ?? '';
      touchpoints.set(id, newTouchpoint({ id, stageId, order, title: id, createdBy: 'u', createdAt: 0 }));
    });
  }
  return doc;
}

const idsIn = (doc: Y.Doc, stageId: string) => placesIn(boardTypes(doc).touchpoints, stageId).map((p) => p.id);

describe('moving touchpoints', () => {
  it('moves within a stage, to the first and the last place', () => {
    const doc = board({ s1: ['a', 'b', 'c', 'd'] });
    moveTouchpoint(doc, 'c', 's1', 0, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['c', 'a', 'b', 'd']);
    moveTouchpoint(doc, 'c', 's1', 99, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['a', 'b', 'd', 'c']);
    moveTouchpoint(doc, 'a', 's1', 1, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['b', 'a', 'd', 'c']);
  });

  it('moves across stages, including into an empty stage', () => {
    const doc = board({ s1: ['a', 'b'], s2: ['x', 'y'], s3: [] });
    moveTouchpoint(doc, 'a', 's2', 1, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['b']);
    expect(idsIn(doc, 's2')).toEqual(['x', 'a', 'y']);
    moveTouchpoint(doc, 'b', 's3', 0, localOrigin);
    expect(idsIn(doc, 's3')).toEqual(['b']);
    expect(boardTypes(doc).touchpoints.get('b')?.get('stageId')).toBe('s3');
  });

  it('copes with duplicate keys by renumbering the stage, ties kept by id', () => {
    const doc = board({ s1: ['a', 'b', 'c'] }, { a: 'a0', b: 'a0', c: 'a0' });
    expect(idsIn(doc, 's1')).toEqual(['a', 'b', 'c']);
    moveTouchpoint(doc, 'c', 's1', 1, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['a', 'c', 'b']);
    const orders = placesIn(boardTypes(doc).touchpoints, 's1').map((p) => p.order);
    expect(new Set(orders).size).toBe(3);
  });

  it('copes with keys another program wrote that are not valid', () => {
    const doc = board({ s1: ['a', 'b'] }, { a: 'zzz', b: 'zzz0' });
    moveTouchpoint(doc, 'b', 's1', 0, localOrigin);
    expect(idsIn(doc, 's1')).toEqual(['b', 'a']);
  });

  it('gives a new touchpoint a key after the last one', () => {
    const doc = board({ s1: ['a', 'b'] });
    const places = placesIn(boardTypes(doc).touchpoints, 's1');
    expect(keyAtEnd(places) > (places[1]?.order ?? '')).toBe(true);
    expect(keyAtEnd([])).toBe('a0');
  });

  it('is one undoable step', () => {
    const doc = board({ s1: ['a', 'b'], s2: ['x'] });
    const undo = new Y.UndoManager(boardTypes(doc).touchpoints, { trackedOrigins: new Set([localOrigin]) });
    moveTouchpoint(doc, 'a', 's2', 0, localOrigin);
    undo.undo();
    expect(idsIn(doc, 's1')).toEqual(['a', 'b']);
    expect(idsIn(doc, 's2')).toEqual(['x']);
  });
});

describe('moving stages', () => {
  it('keeps id and title and the touchpoints follow', () => {
    const doc = board({ s1: ['a'], s2: ['b'], s3: [] });
    const { stages } = boardTypes(doc);
    expect(moveStage(doc, 's1', 2, localOrigin)).toBe(true);
    expect(stageIds(stages)).toEqual(['s2', 's3', 's1']);
    expect(stages.get(2).get('title')).toBe('Title s1');
    expect(idsIn(doc, 's1')).toEqual(['a']);
    moveStage(doc, 's3', 0, localOrigin);
    expect(stageIds(stages)).toEqual(['s3', 's2', 's1']);
    moveStage(doc, 's1', 1, localOrigin);
    expect(stageIds(stages)).toEqual(['s3', 's1', 's2']);
    expect(moveStage(doc, 's1', 1, localOrigin)).toBe(false);
  });

  it('tidies the two copies left by two people moving one stage at once', () => {
    const a = board({ s1: [], s2: [], s3: [] });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    moveStage(a, 's1', 2, localOrigin);
    moveStage(b, 's1', 1, localOrigin);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    const { stages } = boardTypes(a);
    expect(stages.length).toBe(4);
    expect(stageIds(stages)).toHaveLength(3);
    moveStage(a, 's1', 0, localOrigin);
    expect(stages.length).toBe(3);
    expect(stageIds(stages)).toEqual(['s1', 's2', 's3']);
  });

  it('undoes a move in one step', () => {
    const doc = board({ s1: [], s2: [] });
    const { stages } = boardTypes(doc);
    const undo = new Y.UndoManager(stages, { trackedOrigins: new Set([localOrigin]) });
    moveStage(doc, 's2', 0, localOrigin);
    undo.undo();
    expect(stageIds(stages)).toEqual(['s1', 's2']);
    expect(stages.get(1).get('title')).toBe('Title s2');
  });
});

describe('deleting', () => {
  it('puts a stage with its touchpoints in Recently deleted, keeping all of it, and Undo brings it back', () => {
    const doc = board({ s1: ['a', 'b'], s2: ['x'] });
    const types = boardTypes(doc);
    types.feelings.set('a/u1', { score: 1, words: [], at: 0 });
    types.votes.set('x/u1', 2);
    const undo = new Y.UndoManager(Object.values(types), { trackedOrigins: new Set([localOrigin]) });
    expect(deleteStage(doc, 's1', 'u1', localOrigin)).toBe(2);
    expect(deletedEntries(doc)).toEqual([{ id: 's1', kind: 'stage', deletedAt: expect.any(Number), deletedBy: 'u1' }]);
    // Hidden, not removed: moves count only what the board shows.
    expect(stageIds(types.stages)).toEqual(['s1', 's2']);
    expect(types.feelings.get('a/u1')?.score).toBe(1);
    expect(moveStage(doc, 's2', 0, localOrigin)).toBe(false);
    undo.undo();
    expect(deletedEntries(doc)).toEqual([]);
    expect(idsIn(doc, 's1')).toEqual(['a', 'b']);
  });

  it('puts one touchpoint in Recently deleted; moves in its stage skip it', () => {
    const doc = board({ s1: ['a', 'b', 'c'] });
    deleteTouchpoint(doc, 'a', 'u1', localOrigin);
    expect(deletedEntries(doc).map((entry) => [entry.id, entry.kind])).toEqual([['a', 'touchpoint']]);
    // Place 0 among the cards shown is before b, not before the hidden a.
    moveTouchpoint(doc, 'c', 's1', 0, localOrigin);
    expect(idsIn(doc, 's1').filter((id) => id !== 'a')).toEqual(['c', 'b']);
  });
});
