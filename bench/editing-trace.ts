/**
 * Seeded stand-ins for the B4 editing trace of crdt-benchmarks (Martin Kleppmann's keystrokes
 * writing a LaTeX paper: about 260k single-character edits, 182k insertions and 77k deletions,
 * leaving about 105k characters). The trace itself is not in the npm registry, the only place
 * this machine can fetch from, so two models of it are played instead:
 *
 * - `typing`: how people write — runs of typed letters, usually followed by a few backspaces,
 *   now and then a jump to another place in the text. Tuned to B4's proportions (≈ 70 % inserts,
 *   ≈ 30 % deletes, ≈ 105k characters left), so its Yjs encoding has a comparable number of runs.
 * - `scattered`: a worst case for Yjs' run-length encoding — every keystroke is a coin toss
 *   between typing and deleting, with frequent jumps, so almost no two neighbouring characters
 *   merge into one item. Much larger when encoded than any real typing history of this length.
 *
 * Each edit is its own transaction, as in crdt-benchmarks, by one client into one touchpoint story.
 */
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';

export type TraceShape = 'typing' | 'scattered';

/** A board with one stage and one touchpoint, its story written by `operations` keystrokes. */
export function boardFromTrace(operations: number, shape: TraceShape, seed: number): Y.Doc {
  const doc = new Y.Doc();
  // Every item names its neighbours by (client id, clock), so the id's size shows in the encoding:
  // a fixed 32-bit id (5 bytes as a varint, like most random ids) keeps sizes equal between runs.
  doc.clientID = 3_141_592_653;
  const { stages, touchpoints } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('s1', 'Waiting')]);
    touchpoints.set('t1', newTouchpoint({ id: 't1', stageId: 's1', order: 'a0', title: 'The waiting room', createdBy: 'bench', createdAt: 0 }));
  });
  const story = touchpoints.get('t1')!.get('story') as Y.Text;
  const random = prng.create(seed);
  if (shape === 'typing') playTyping(story, operations, random);
  else playScattered(story, operations, random);
  return doc;
}

/** The story's length after the trace; 0 while the touchpoint has not arrived. */
export function storyLength(doc: Y.Doc): number {
  const story = boardTypes(doc).touchpoints.get('t1')?.get('story');
  return story instanceof Y.Text ? story.length : 0;
}

/** A run length with the given mean: 1 + a geometric draw, so runs are mostly short, some long. */
function runLength(random: prng.PRNG, mean: number): number {
  let length = 1;
  while (prng.real53(random) > 1 / mean) length++;
  return length;
}

/**
 * Runs of about 40 typed letters; after 60 % of them about 28 backspaces (a word or a phrase
 * rewritten); before 10 % of them a jump to a random place. Expected share of deletes:
 * 0.6 × 28 / (40 + 0.6 × 28) ≈ 30 %.
 */
function playTyping(story: Y.Text, operations: number, random: prng.PRNG): void {
  let cursor = 0;
  let done = 0;
  while (done < operations) {
    if (story.length > 0 && prng.real53(random) < 0.1) cursor = prng.int32(random, 0, story.length);
    for (let n = runLength(random, 40); n > 0 && done < operations; n--, done++) story.insert(cursor++, prng.letter(random));
    if (prng.real53(random) < 0.6) {
      for (let n = runLength(random, 28); n > 0 && cursor > 0 && done < operations; n--, done++) story.delete(--cursor, 1);
    }
  }
}

/** Every keystroke: 2 % jump anywhere, then 10 % delete the letter before the cursor, else type one. */
function playScattered(story: Y.Text, operations: number, random: prng.PRNG): void {
  let cursor = 0;
  for (let i = 0; i < operations; i++) {
    if (prng.int32(random, 0, 99) < 2) cursor = prng.int32(random, 0, story.length);
    if (cursor > 0 && prng.int32(random, 0, 99) < 10) story.delete(--cursor, 1);
    else story.insert(cursor++, prng.letter(random));
  }
}
