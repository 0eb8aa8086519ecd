/**
 * The guard's short way for typing (server/sync/guard/typed-text.ts) accepts only what the general
 * path accepts: thousands of seeded single-update changes — typing anywhere, by anyone, near the
 * limits, into other people's comments, into texts that are not a title, story or body, with a
 * missing change in between — each judged both ways. The short way must also actually be taken
 * for ordinary typing, or it saves nothing.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Access } from '../../shared/access.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { commentBodyMaxLength, storyMaxLength, touchpointTitleMaxLength } from '../../shared/limits.ts';
import { judgeChanges, boardTops, RefusedChange } from '../../server/sync/guard/board-rules.ts';
import { typedTextClient } from '../../server/sync/guard/typed-text.ts';
import { readUpdateChanges, UnreadableUpdate, type DecodedUpdate } from '../../server/sync/guard/update-changes.ts';
import { seededRandom, type SeededRandom } from '../support/seeded-random.ts';

const people = ['facilitator-0001', 'editor-000000001', 'commenter-000001', 'viewer-000000001'] as const;
const accesses: readonly Access[] = ['facilitate', 'edit', 'comment', 'view'];

/** A board with texts of every kind a keystroke can reach, some at or one short of their limit. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDocument(doc, { title: 'Outpatients' });
  const { stages, touchpoints, comments, meta } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('stage-0000000001', 'Arriving')]);
    const card = (id: string, title: string, story: string, createdBy: string) =>
      touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-0000000001', order: `a${id.at(-1)}`, title, story, createdBy, createdAt: 1 }));
    card('touch-0000000001', 'Reception', 'A long wait at the desk', people[0]);
    card('touch-0000000002', 'x'.repeat(touchpointTitleMaxLength - 1), 'y'.repeat(storyMaxLength - 1), people[1]);
    card('touch-0000000003', '', '', people[1]);
    card('touch-0000000004', 'x'.repeat(touchpointTitleMaxLength), 'y'.repeat(storyMaxLength), people[0]);
    for (const [n, author, body] of [
      [1, people[0], 'Long wait'],
      [2, people[2], 'z'.repeat(commentBodyMaxLength - 1)],
      [3, people[1], ''],
      [4, people[2], 'z'.repeat(commentBodyMaxLength)],
      [5, people[2], ''],
    ] as const) {
      const comment = new Y.Map<unknown>();
      const id = `comment-0000000${n}`;
      for (const [key, value] of Object.entries({ id, target: { type: 'touchpoint', id: 'touch-0000000001' }, parentId: null, authorId: author, createdAt: 1 })) comment.set(key, value);
      comment.set('body', new Y.Text(body));
      // Hidden by a facilitator: its words are the server's to give back, nobody types into it.
      if (n === 5) comment.set('hidden', { reason: 'Names a member of staff', at: 1 });
      comments.set(id, comment);
    }
    // Texts that are no title, story or body: a Y.Text where the schema has none.
    meta.set('notes', new Y.Text('not a board field'));
    touchpoints.get('touch-0000000001')!.set('order', new Y.Text('a1'));
  });
  return doc;
}

/** Every Y.Text in the document, with where it is. */
function texts(doc: Y.Doc): Y.Text[] {
  const found: Y.Text[] = [];
  const walk = (type: Y.AbstractType<unknown>) => {
    if (type instanceof Y.Text) found.push(type);
    if (type instanceof Y.Map) for (const value of type.values()) if (value instanceof Y.AbstractType) walk(value);
  };
  const { meta, touchpoints, comments } = boardTypes(doc);
  for (const map of [meta, touchpoints, comments]) walk(map as Y.AbstractType<unknown>);
  return found;
}

/** The general path's judgement: true when accepted (the client-id check is the same on both). */
function generalAccepts(doc: Y.Doc, update: Uint8Array, userId: string, access: Access): boolean {
  try {
    judgeChanges(doc, readUpdateChanges(doc, Y.decodeUpdate(update) as DecodedUpdate, boardTops), { userId, access });
    return true;
  } catch (error) {
    if (error instanceof RefusedChange || error instanceof UnreadableUpdate) return false;
    throw error;
  }
}

/** One keystroke (or a pasted run) in a random text of a copy of `server`; sometimes with a change before it that the server never got. */
function keystroke(server: Y.Doc, random: SeededRandom): Uint8Array {
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  const updates: Uint8Array[] = [];
  device.on('update', (update: Uint8Array) => updates.push(update));
  const all = texts(device);
  const text = random.pick(all);
  if (random.chance(0.1)) text.insert(0, 'q'); // a change the server will not get
  const typed = random.chance(0.8) ? random.pick(['a', 'é', ' ', '\n', '😀']) : 'pasted words '.repeat(random.int(1, 20));
  text.insert(random.int(0, text.length), typed);
  return updates.at(-1)!;
}

describe("the guard's short way for typing", () => {
  // Thousands of documents copied and judged twice: seconds on a busy machine.
  it('accepts only what the general path accepts, and is taken for ordinary typing', { timeout: 60_000 }, () => {
    const random = seededRandom(20261201);
    const server = board();
    let short = 0;
    let both = 0;
    for (let round = 0; round < 3000; round++) {
      const update = keystroke(server, random);
      const who = random.int(0, people.length - 1);
      const sender = { userId: people[who]!, access: accesses[random.chance(0.8) ? who : random.int(0, 3)]! };
      const client = typedTextClient(server, Y.decodeUpdate(update) as DecodedUpdate, sender);
      const general = generalAccepts(server, update, sender.userId, sender.access);
      if (client !== undefined) {
        short++;
        expect(general, `seed round ${round}: taken the short way but refused by the general path`).toBe(true);
        expect(client).toBe(Y.decodeUpdate(update).structs[0]!.id.client);
      }
      if (general) both++;
      // Now and then the server takes an accepted keystroke, so texts grow towards their limits.
      if (general && random.chance(0.3)) Y.applyUpdate(server, update);
    }
    // Most accepted keystrokes go the short way (the rest: typed into a text the general path
    // also accepts in a shape the short way leaves to it).
    expect(short).toBeGreaterThan(both * 0.7);
  });

  it('leaves to the general path: a keystroke past a limit, into someone else’s comment, by too little access', () => {
    const server = board();
    const typeInto = (pick: (doc: Y.Doc) => Y.Text, at = 0): DecodedUpdate => {
      const device = new Y.Doc();
      Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
      let update: Uint8Array | undefined;
      device.on('update', (u: Uint8Array) => (update = u));
      pick(device).insert(at, 'a');
      return Y.decodeUpdate(update!) as DecodedUpdate;
    };
    const field = (card: string, key: string) => (doc: Y.Doc) => boardTypes(doc).touchpoints.get(card)!.get(key) as Y.Text;
    const body = (comment: string) => (doc: Y.Doc) => boardTypes(doc).comments.get(comment)!.get('body') as Y.Text;
    const editor = { userId: people[1], access: 'edit' as const };
    const commenter = { userId: people[2], access: 'comment' as const };
    // Taken: the limit's last letter; a comment's author; an empty text (no item beside).
    expect(typedTextClient(server, typeInto(field('touch-0000000002', 'story')), editor)).toBeTypeOf('number');
    expect(typedTextClient(server, typeInto(field('touch-0000000002', 'title'), 3), editor)).toBeTypeOf('number');
    expect(typedTextClient(server, typeInto(field('touch-0000000003', 'story')), editor)).toBeTypeOf('number');
    expect(typedTextClient(server, typeInto(body('comment-00000002'), 7), commenter)).toBeTypeOf('number');
    // Left to the general path (which refuses each).
    expect(typedTextClient(server, typeInto(field('touch-0000000004', 'story')), editor)).toBeUndefined();
    expect(typedTextClient(server, typeInto(field('touch-0000000004', 'title')), editor)).toBeUndefined();
    expect(typedTextClient(server, typeInto(body('comment-00000004')), commenter)).toBeUndefined();
    expect(typedTextClient(server, typeInto(body('comment-00000001')), commenter)).toBeUndefined();
    expect(typedTextClient(server, typeInto(body('comment-00000005')), commenter)).toBeUndefined();
    expect(typedTextClient(server, typeInto(field('touch-0000000001', 'story')), commenter)).toBeUndefined();
    expect(typedTextClient(server, typeInto(body('comment-00000002')), { userId: people[2], access: 'view' })).toBeUndefined();
    expect(typedTextClient(server, typeInto(field('touch-0000000001', 'order')), editor)).toBeUndefined();
    expect(typedTextClient(server, typeInto((doc) => boardTypes(doc).meta.get('notes') as Y.Text), { userId: people[0], access: 'facilitate' })).toBeUndefined();
  });
});
