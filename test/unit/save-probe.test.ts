/**
 * The "saved" probe's pace: every answer carries the board's whole delete set, so on a big,
 * much-edited board the page probes less often while someone types.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { probeDelayMs } from '../../client/src/board/save-tracker.ts';

/** What the server answers a probe from a client that is up to date: no structs, the delete set. */
function answerBytes(doc: Y.Doc): number {
  return Y.encodeStateAsUpdate(doc, Y.encodeStateVector(doc)).byteLength;
}

describe('probeDelayMs', () => {
  it('probes after 200 ms on a small board', () => {
    const doc = new Y.Doc();
    doc.getText('story').insert(0, 'We waited two hours and nobody told us why.');
    expect(probeDelayMs(answerBytes(doc))).toBeLessThan(210);
  });

  it('waits longer when the last answer was large, and never more than 2 s', () => {
    const doc = new Y.Doc();
    const story = doc.getText('story');
    // 2,000 separate deletions: a delete set of a few KB, like a long-edited story.
    story.insert(0, 'x'.repeat(6_000));
    for (let i = 0; i < 2_000; i++) story.delete(i * 2, 1);
    const bytes = answerBytes(doc);
    expect(bytes).toBeGreaterThan(2_000);
    expect(probeDelayMs(bytes)).toBeGreaterThan(400);
    expect(probeDelayMs(10_000_000)).toBe(2_000);
  });
});
