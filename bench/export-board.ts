/**
 * The boards `npm run bench -- --export` turns into PDFs (issue 14): EBCD maps of a given number of
 * touchpoints, written through the real server by real members on their own stock y-websocket
 * clients (bench/comments-board.ts gives the people and the clients): stages of 10–30 cards, each
 * card a title and a story of a few sentences by one of two editors, the feelings of about eight
 * of nine participants on every card with the words they chose (given over HTTP, as the page gives
 * them: the server writes each under a key that names nobody), and about one comment for every
 * three cards, each by a participant in their own name. Seeded, so every run writes the same board.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { cookieWebSocket, connectProvider } from '../test/support/sync-client.ts';
import { seededRandom, type SeededRandom } from '../test/support/seeded-random.ts';
import { clientsFor, giveFeelings, settle, type CommentsServer, type People, type PlannedFeeling } from './comments-board.ts';
import { prose, someFeeling } from './guard-cost-board.ts';

export interface ExportBoard {
  boardId: string;
  stages: number;
  touchpoints: number;
  feelings: number;
  comments: number;
  /** Characters of title and story on all cards. */
  storyChars: number;
}

const seedTimeoutMs = 300_000;

const stageNames = ['Referral', 'Waiting for a date', 'The letter', 'The day before', 'Arriving', 'Waiting room', 'Seeing the doctor', 'Tests', 'The results', 'Treatment', 'Going home', 'Follow-up'];

/** A few plain sentences: 2–5 of 6–18 words, each with a capital and a full stop. */
function story(random: SeededRandom): string {
  const sentences: string[] = [];
  for (let i = random.int(2, 5); i > 0; i--) {
    const words = prose(random, random.int(35, 110)).trim().split(' ').slice(0, random.int(6, 18)).join(' ');
    sentences.push(`${words.charAt(0).toUpperCase()}${words.slice(1)}.`);
  }
  return sentences.join(' ');
}

/** Cards per stage: 10–30 each (≈ 20 on average), adding up to `touchpoints`; one stage when fewer than 20. */
export function stageSizes(touchpoints: number, random: SeededRandom): number[] {
  const stages = Math.max(1, Math.round(touchpoints / 20));
  const sizes = Array.from({ length: stages }, (_, i) => Math.floor(touchpoints / stages) + (i < touchpoints % stages ? 1 : 0));
  // Move cards between stages at random, keeping each within 10–30.
  for (let move = 0; move < stages * 4; move++) {
    const from = random.int(0, stages - 1);
    const to = random.int(0, stages - 1);
    const n = random.int(1, 8);
    if (from === to || sizes[from]! - n < 10 || sizes[to]! + n > 30) continue;
    sizes[from]! -= n;
    sizes[to]! += n;
  }
  return sizes;
}

/** Writes a map of `touchpoints` cards (with feelings and comments) onto `boardId` and checks it all arrived. */
export async function seedExportBoard(server: CommentsServer, boardId: string, people: People, touchpoints: number, seed = 14): Promise<ExportBoard> {
  const random = seededRandom(seed + touchpoints);
  const observer = connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(people.facilitator.cookie) }, { syncTimeoutMs: seedTimeoutMs });
  const clients = clientsFor(server, boardId, people.all);
  try {
    await Promise.all([observer.synced, clients.synced]);
    const sizes = stageSizes(touchpoints, random);
    const stageIds = sizes.map((_, i) => `stage-${String(i).padStart(4, '0')}`);
    const facilitatorDoc = clients.of(people.facilitator).doc;
    facilitatorDoc.transact(() => {
      const { meta, stages } = boardTypes(facilitatorDoc);
      meta.set('purpose', story(random));
      meta.set('phase', 'joint-event');
      stages.push(stageIds.map((id, i) => newStage(id, `${stageNames[i % stageNames.length]}${i >= stageNames.length ? ` (${Math.floor(i / stageNames.length) + 1})` : ''}`)));
    });
    await settle(observer, clients, (doc) => boardTypes(doc).stages.length === stageIds.length, 'the stages are on the board');

    // Cards, one transaction each, as an editor adds them on the page.
    const cardIds: string[][] = [];
    let storyChars = 0;
    let n = 0;
    for (const [s, stageId] of stageIds.entries()) {
      const orders = generateNKeysBetween(null, null, sizes[s]!);
      const ids: string[] = [];
      for (let t = 0; t < sizes[s]!; t++) {
        const id = `card-${String(n++).padStart(5, '0')}`;
        ids.push(id);
        const editor = people.editors[(s + t) % people.editors.length]!;
        const doc = clients.of(editor).doc;
        const title = prose(random, random.int(12, 60)).trim();
        const text = story(random);
        storyChars += title.length + text.length;
        doc.transact(() => boardTypes(doc).touchpoints.set(id, newTouchpoint({ id, stageId, order: orders[t]!, title, story: text, createdBy: editor.userId, createdAt: Date.UTC(2026, 10, 2) })));
      }
      cardIds.push(ids);
    }
    await settle(observer, clients, (doc) => boardTypes(doc).touchpoints.size === touchpoints, `all ${touchpoints} cards are on the board`);

    // Feelings: each participant on about nine cards in ten.
    const planned: PlannedFeeling[] = [];
    for (const participant of people.participants) {
      for (const id of cardIds.flat()) if (random.chance(0.9)) planned.push({ member: participant, touchpointId: id, feeling: someFeeling(random, Date.UTC(2026, 10, 3)) });
    }
    await giveFeelings(server, boardId, planned);
    const feelings = planned.length;
    await settle(observer, clients, (doc) => boardTypes(doc).feelings.size === feelings, 'every feeling is on the board');

    // About one comment for every three cards, each by a participant in their own name.
    const allCards = cardIds.flat();
    const comments = Math.round(allCards.length / 3);
    for (let c = 0; c < comments; c++) {
      const author = random.pick(people.participants);
      const doc = clients.of(author).doc;
      const id = `comment-${String(c).padStart(5, '0')}`;
      const body = story(random);
      doc.transact(() => {
        const map = new Y.Map<unknown>();
        map.set('id', id);
        map.set('target', { type: 'touchpoint', id: random.pick(allCards) });
        map.set('parentId', null);
        map.set('authorId', author.userId);
        map.set('body', new Y.Text(body));
        map.set('createdAt', Date.UTC(2026, 10, 4) + c * 60_000);
        map.set('editedAt', null);
        map.set('resolvedAt', null);
        map.set('resolvedBy', null);
        boardTypes(doc).comments.set(id, map);
      });
    }
    await settle(observer, clients, (doc) => boardTypes(doc).comments.size === comments, `all ${comments} comments are on the board`);
    return { boardId, stages: stageIds.length, touchpoints, feelings, comments, storyChars };
  } finally {
    clients.destroy();
    observer.destroy();
  }
}
