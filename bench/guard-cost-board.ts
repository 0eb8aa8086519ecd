/**
 * The boards the guard's cost is measured on (bench/guard-cost.ts): a large, realistic EBCD map —
 * 20 stages, 300 touchpoints whose stories were written and edited in pieces by three editors,
 * and 30 people's feelings on every touchpoint (9,000, some changed once), written as the server
 * writes them since issue 17 (under keys that name nobody, with the server's own Yjs client id, one
 * per session) — and the benchmark room's small board (one stage, five cards), where `npm run bench`
 * types. Every value fits the schema the guard enforces (valid ids, touchpoints in their writer's
 * name, texts within limits), each person writes with their own Yjs client id, and everything is
 * seeded, so every run builds the same bytes.
 */
import { encodeBase64urlNoPadding } from '@oslojs/encoding';
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import type { Access } from '../shared/access.ts';
import { boardTypes, initBoardDocument, newStage, newTouchpoint, type Feeling, type FeelingScore } from '../shared/board-document.ts';
import { negativeWords, positiveWords } from '../shared/emotion-words.ts';
import { seededRandom, type SeededRandom } from '../test/support/seeded-random.ts';

export interface Person {
  userId: string;
  access: Access;
}

export interface GuardBoard {
  /** The board as a server room holds it once loaded (gc on). */
  doc: Y.Doc;
  /** Who wrote with each Yjs client id in it: the room's client-owner record (the server's own ids are in no one's name). */
  owners: Map<number, string>;
  facilitator: Person;
  editors: Person[];
  participants: Person[];
  stageIds: string[];
  touchpointIds: string[];
  /** Its name in the report, and what it holds. */
  name: string;
  shape: string;
}

const words = 'the nurse said we would wait in the corridor until a bed was free and nobody told my mother why it took so long so she sat there frightened while the porter came and went'.split(' ');

/** A 22-character id like the server's (shared/api.ts idPattern), from the seeded stream. */
const userId = (random: SeededRandom): string => encodeBase64urlNoPadding(random.bytes(16));
/** A Yjs client id as a browser draws one (any 32-bit number). */
export const clientId = (random: SeededRandom): number => random.int(1, 2 ** 32 - 1);

/** About `length` characters of plain sentences. */
export function prose(random: SeededRandom, length: number): string {
  let text = '';
  while (text.length < length) text += `${random.pick(words)} `;
  return text.slice(0, length);
}

/** One person's feeling as the page writes it (FeelingControl.tsx): a score and up to three words, one sometimes their own. */
export function someFeeling(random: SeededRandom, at: number): Feeling {
  const score = random.int(-2, 2) as FeelingScore;
  const deck = score >= 0 ? positiveWords : negativeWords;
  const picked = new Set<string>();
  for (let i = random.int(0, 3); i > 0; i--) picked.add(random.pick(deck));
  if (random.chance(0.2)) picked.add('kept waiting');
  return { score, words: [...picked], at };
}

/** Runs `write` as one transaction of `doc` under `client`'s Yjs client id. */
function as(doc: Y.Doc, client: number, write: () => void): void {
  doc.clientID = client;
  doc.transact(write);
}

/** The large board: 20 stages × 15 touchpoints with stories, 30 people's feelings on each. */
export function buildLargeBoard(seed = 12): GuardBoard {
  const random = seededRandom(seed);
  const doc = new Y.Doc({ gc: true });
  const owners = new Map<number, string>();
  const person = (access: Access): Person & { client: number } => {
    const p = { userId: userId(random), access, client: clientId(random) };
    owners.set(p.client, p.userId);
    return p;
  };
  const facilitator = person('facilitate');
  const editors = [person('edit'), person('edit'), person('edit')];
  // People who give feelings only: the server writes those, so their pages write nothing themselves.
  const participants: Person[] = Array.from({ length: 30 }, () => ({ userId: userId(random), access: 'comment' }));
  const { stages, touchpoints, feelings } = boardTypes(doc);
  const at = Date.UTC(2026, 11, 1);

  const stageIds = Array.from({ length: 20 }, (_, i) => `stage-${String(i).padStart(3, '0')}`);
  as(doc, facilitator.client, () => {
    initBoardDocument(doc, { title: 'Outpatients: from referral to follow-up', purpose: prose(random, 300) });
    stages.push(stageIds.map((id, i) => newStage(id, `Stage ${i + 1}: ${prose(random, 30).trim()}`)));
  });

  // 15 cards a stage, each added by one of the editors with the first part of its story.
  const touchpointIds: string[] = [];
  for (const [s, stageId] of stageIds.entries()) {
    const orders = generateNKeysBetween(null, null, 15);
    for (let t = 0; t < 15; t++) {
      const id = `touch-${String(s * 15 + t).padStart(4, '0')}`;
      touchpointIds.push(id);
      const editor = editors[(s + t) % editors.length]!;
      as(doc, editor.client, () => {
        const card = { id, stageId, order: orders[t]!, title: prose(random, random.int(12, 60)).trim(), story: prose(random, random.int(150, 900)), createdBy: editor.userId, createdAt: at };
        touchpoints.set(id, newTouchpoint(card));
      });
    }
  }
  // Stories grow and get corrected over the sessions: inserts and deletions anywhere, by anyone editing.
  const storyOf = (id: string) => touchpoints.get(id)!.get('story') as Y.Text;
  for (let i = 0; i < 1500; i++) {
    const story = storyOf(random.pick(touchpointIds));
    as(doc, random.pick(editors).client, () => {
      if (random.chance(0.7) || story.length < 50) story.insert(random.int(0, story.length), prose(random, random.int(5, 120)));
      else story.delete(random.int(0, story.length - 20), random.int(1, 20));
    });
  }
  // Everyone's feeling on every touchpoint, written by the server (a room's own client id, three
  // sessions) under a key of its own that names nobody; one in ten changed their mind once.
  const serverClients = [clientId(random), clientId(random), clientId(random)];
  for (let p = 0; p < participants.length; p++) {
    const server = serverClients[p % serverClients.length]!;
    for (const id of touchpointIds) {
      const key = `${id}/${userId(random)}`;
      as(doc, server, () => feelings.set(key, someFeeling(random, at)));
      if (random.chance(0.1)) as(doc, server, () => feelings.set(key, someFeeling(random, at + 60_000)));
    }
  }
  return {
    doc: loaded(doc),
    owners,
    facilitator,
    editors,
    participants,
    stageIds,
    touchpointIds,
    name: 'large',
    shape: '20 stages, 300 touchpoints (stories 150–900 characters, then 1,500 edits), 30 people × 300 feelings (written by the server under keys that name nobody)',
  };
}

/** The room `npm run bench` types into: one stage and five cards in the bench account's name. */
export function buildBenchBoard(seed = 13): GuardBoard {
  const random = seededRandom(seed);
  const doc = new Y.Doc({ gc: true });
  const writer = { userId: userId(random), access: 'facilitate' as const, client: clientId(random) };
  const cards = ['bench-latency', 'bench-throughput-1', 'bench-throughput-2', 'bench-throughput-3', 'bench-throughput-4'];
  const { stages, touchpoints } = boardTypes(doc);
  as(doc, writer.client, () => {
    initBoardDocument(doc, { title: 'Bench with 10 clients' });
    stages.push([newStage('bench-stage', 'Waiting room')]);
    const orders = generateNKeysBetween(null, null, cards.length);
    cards.forEach((id, i) => touchpoints.set(id, newTouchpoint({ id, stageId: 'bench-stage', order: orders[i]!, title: id, createdBy: writer.userId, createdAt: Date.UTC(2026, 11, 1) })));
  });
  return {
    doc: loaded(doc),
    owners: new Map([[writer.client, writer.userId]]),
    facilitator: { userId: writer.userId, access: 'facilitate' },
    editors: [{ userId: writer.userId, access: 'facilitate' }],
    participants: [],
    stageIds: ['bench-stage'],
    touchpointIds: cards,
    name: "bench's room",
    shape: '1 stage, 5 cards',
  };
}

/** A copy of `doc` as a room builds it from stored bytes (Room's constructor). */
export function loaded(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: true });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

/** A copy of `doc` to write with as a device in a new session: its own new client id. */
export function deviceCopy(doc: Y.Doc, client: number): Y.Doc {
  const copy = loaded(doc);
  copy.clientID = client;
  return copy;
}
