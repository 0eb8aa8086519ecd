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
 * Each edit is its own transaction, as in crdt-benchmarks, by one client into a touchpoint's story;
 * a story that holds all a story may (10,000 characters) is left for a new touchpoint's.
 */
import { generateKeyBetween } from 'fractional-indexing';
import * as prng from 'lib0/prng';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { storyMaxLength } from '../shared/limits.ts';

export type TraceShape = 'typing' | 'scattered';

const stageId = 'trace-stage';

/**
 * Where the keystrokes go: one touchpoint's story until it holds as much as a story may (the
 * server refuses a longer one), then the next new touchpoint's, each added in `createdBy`'s name.
 */
class Pen {
  story!: Y.Text;
  cursor = 0;
  #cards = 0;
  #order: string | null = null;
  readonly #doc: Y.Doc;
  readonly #createdBy: string;
  constructor(doc: Y.Doc, createdBy: string) {
    this.#doc = doc;
    this.#createdBy = createdBy;
    this.#newCard();
  }

  /** Call before typing a letter: a full story is left for a new touchpoint's. */
  makeRoom(): void {
    if (this.story.length >= storyMaxLength) this.#newCard();
  }

  #newCard(): void {
    const id = `trace-card-${String(++this.#cards).padStart(4, '0')}`;
    this.#order = generateKeyBetween(this.#order, null);
    const card = newTouchpoint({ id, stageId, order: this.#order, title: `The story, part ${this.#cards}`, createdBy: this.#createdBy, createdAt: 0 });
    boardTypes(this.#doc).touchpoints.set(id, card);
    this.story = card.get('story') as Y.Text;
    this.cursor = 0;
  }
}

/**
 * A board with one stage whose touchpoints' stories are written by `operations` keystrokes (a
 * B4-sized trace fills about a dozen stories), added in `createdBy`'s name.
 */
export function boardFromTrace(operations: number, shape: TraceShape, seed: number, createdBy: string): Y.Doc {
  const doc = new Y.Doc();
  // Every item names its neighbours by (client id, clock), so the id's size shows in the encoding:
  // a fixed 32-bit id (5 bytes as a varint, like most random ids) keeps sizes equal between runs.
  doc.clientID = 3_141_592_653;
  boardTypes(doc).stages.push([newStage(stageId, 'Writing')]);
  const pen = new Pen(doc, createdBy);
  const random = prng.create(seed);
  if (shape === 'typing') playTyping(pen, operations, random);
  else playScattered(pen, operations, random);
  return doc;
}

/** The characters in all the board's stories after the trace; 0 while none has arrived. */
export function storyLength(doc: Y.Doc): number {
  let length = 0;
  for (const card of boardTypes(doc).touchpoints.values()) {
    const story = card.get('story');
    if (story instanceof Y.Text) length += story.length;
  }
  return length;
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
function playTyping(pen: Pen, operations: number, random: prng.PRNG): void {
  let done = 0;
  while (done < operations) {
    if (pen.story.length > 0 && prng.real53(random) < 0.1) pen.cursor = prng.int32(random, 0, pen.story.length);
    for (let n = runLength(random, 40); n > 0 && done < operations; n--, done++) {
      pen.makeRoom();
      pen.story.insert(pen.cursor++, prng.letter(random));
    }
    if (prng.real53(random) < 0.6) {
      for (let n = runLength(random, 28); n > 0 && pen.cursor > 0 && done < operations; n--, done++) pen.story.delete(--pen.cursor, 1);
    }
  }
}

/** Every keystroke: 2 % jump anywhere, then 10 % delete the letter before the cursor, else type one. */
function playScattered(pen: Pen, operations: number, random: prng.PRNG): void {
  for (let i = 0; i < operations; i++) {
    if (prng.int32(random, 0, 99) < 2) pen.cursor = prng.int32(random, 0, pen.story.length);
    if (pen.cursor > 0 && prng.int32(random, 0, 99) < 10) pen.story.delete(--pen.cursor, 1);
    else {
      pen.makeRoom();
      pen.story.insert(pen.cursor++, prng.letter(random));
    }
  }
}
