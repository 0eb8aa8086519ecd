/**
 * Undo never takes back a card that others have spoken about (client/src/board/undo-limits.ts):
 * the server's guard refuses removing such a card for good from someone who does not organise.
 * Feelings are under keys that name nobody since issue 17 (the server writes them), so every
 * feeling on the card counts as someone else's — the person's own too: no page can tell whose.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newTouchpoint } from '../../shared/board-document.ts';
import { keptByOthers } from '../../client/src/board/undo-limits.ts';
import { newFeelingKey } from '../../server/sync/feeling-actions.ts';

const mine = Symbol('local');
/** A feeling at card t1 as the server writes it: under a key that names nobody. */
const feelingKey = () => `t1/${newFeelingKey()}`;

/** Bob's board with one card he added as one Undo step, and the step. */
function bobAddsACard() {
  const doc = new Y.Doc();
  const { touchpoints } = boardTypes(doc);
  const manager = new Y.UndoManager(Object.values(boardTypes(doc)), { trackedOrigins: new Set([mine]) });
  doc.transact(() => {
    touchpoints.set('t1', newTouchpoint({ id: 't1', stageId: 's1', order: 'a0', title: 'Car park', createdBy: 'bob', createdAt: 1 }));
  }, mine);
  const step = manager.undoStack.at(-1)!;
  return { doc, step };
}

describe('keptByOthers', () => {
  it('lets Bob take back a card nobody has spoken about, his own comment included', () => {
    const { doc, step } = bobAddsACard();
    expect(keptByOthers(doc, step, 'bob', false)).toBeNull();
    const comment = new Y.Map<unknown>();
    comment.set('target', { type: 'touchpoint', id: 't1' });
    comment.set('authorId', 'bob');
    boardTypes(doc).comments.set('c1', comment);
    expect(keptByOthers(doc, step, 'bob', false)).toBeNull();
  });

  it("keeps the card once anyone gave a feeling (his own too: whose, no page knows), or someone else dots or a comment, and names it", () => {
    for (const speak of [
      (doc: Y.Doc) => boardTypes(doc).feelings.set(feelingKey(), { score: -2, words: ['ignored'], at: 60_000 }),
      (doc: Y.Doc) => boardTypes(doc).feelingsAfter.set(feelingKey(), { score: 1, words: [], at: 60_000 }),
      // Revealed dot totals: whose they are nobody knows, so they count as others'.
      (doc: Y.Doc) => boardTypes(doc).votes.set('t1', 2),
      (doc: Y.Doc) => {
        const comment = new Y.Map<unknown>();
        comment.set('target', { type: 'touchpoint', id: 't1' });
        comment.set('authorId', 'ann');
        boardTypes(doc).comments.set('c1', comment);
      },
    ]) {
      const { doc, step } = bobAddsACard();
      speak(doc);
      expect(keptByOthers(doc, step, 'bob', false)).toBe('Car park');
      // An organiser may take back anything.
      expect(keptByOthers(doc, step, 'bob', true)).toBeNull();
    }
  });

  it('does not hold back steps that add no card (a rename)', () => {
    const { doc } = bobAddsACard();
    boardTypes(doc).feelings.set(feelingKey(), { score: 0, words: [], at: 60_000 });
    const manager = new Y.UndoManager(Object.values(boardTypes(doc)), { trackedOrigins: new Set([mine]) });
    doc.transact(() => (boardTypes(doc).touchpoints.get('t1')!.get('title') as Y.Text).insert(0, 'The '), mine);
    expect(keptByOthers(doc, manager.undoStack.at(-1)!, 'bob', false)).toBeNull();
  });
});
