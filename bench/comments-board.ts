/**
 * The boards `npm run bench -- --comments` opens (issue 13): a realistic EBCD map written through
 * the real server by real members — a facilitator, two editors and nine people who may comment,
 * each on their own session and their own stock y-websocket client — once without comments and
 * once with 2,000 of them spread over its cards, stages and the board: threads with replies, some
 * long, some sorted, some changed, a few without a name (posted through the API, which the server
 * writes), a few hidden by the facilitator and some "Me too"s. Feelings are given over HTTP, as
 * the page gives them: the server writes each under a key that names nobody (issue 17). Every
 * value is the document's own
 * shape (docs/board-document.md), so the guard takes every change; seeded, so every run writes the
 * same board.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, type Feeling } from '../shared/board-document.ts';
import { commentBodyMaxLength } from '../shared/limits.ts';
import { cookieWebSocket, connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import { seededRandom, type SeededRandom } from '../test/support/seeded-random.ts';
import { waitUntil } from '../test/support/wait.ts';
import { createBoard, registerAccount, type ApiTarget, type BenchAccount } from './account.ts';
import { prose, someFeeling } from './guard-cost-board.ts';

export interface CommentsServer extends ApiTarget {
  wsUrl: string;
}

/** A member of both boards, with their access. */
export interface Member extends BenchAccount {
  access: 'facilitate' | 'edit' | 'comment';
}

export interface People {
  facilitator: Member;
  editors: Member[];
  participants: Member[];
  all: Member[];
}

export interface SeededBoard {
  boardId: string;
  /** One card's id, for the page to type into. */
  firstCard: string;
  cards: number;
  comments: number;
}

/** The shape of the map, said once for the report. */
export const boardShape = { stages: 12, cardsPerStage: 10, comments: 2_000 } as const;

const seedTimeoutMs = 120_000;

/** POSTs JSON as the app's page does; the answer's JSON (or nothing) on success, a clear error otherwise. */
async function call(server: ApiTarget, method: string, path: string, cookie: string | undefined, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { origin: server.origin };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (cookie) headers['cookie'] = cookie;
  const response = await fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path} failed: ${response.status} ${await response.text()}`);
  return response;
}

async function invite(server: ApiTarget, facilitator: Member, boardId: string, access: 'edit' | 'comment'): Promise<string> {
  const response = await call(server, 'POST', `/api/boards/${boardId}/invites`, facilitator.cookie, { access });
  return ((await response.json()) as { token: string }).token;
}

/** A guest who joins by an invite link with a first name (no password: the cheapest account). */
async function joinAsGuest(server: ApiTarget, token: string, displayName: string, access: Member['access']): Promise<Member> {
  const response = await call(server, 'POST', `/api/invites/${token}/accept`, undefined, { displayName });
  const header = response.headers.getSetCookie().find((line) => line.startsWith('session='));
  if (!header) throw new Error('joining by invite returned no session cookie');
  const cookie = header.split(';')[0]!;
  const me = (await (await call(server, 'GET', '/api/me', cookie)).json()) as { user: { id: string } };
  return { displayName, cookie, userId: me.user.id, access };
}

/** The facilitator, who creates both boards, and eleven guests on both. */
export async function boardsAndPeople(server: ApiTarget, titles: readonly string[]): Promise<{ boardIds: string[]; people: People }> {
  const account = await registerAccount(server, 'Fay');
  const facilitator: Member = { ...account, access: 'facilitate' };
  const boardIds: string[] = [];
  for (const title of titles) boardIds.push(await createBoard(server, account, title));
  const [first, ...rest] = boardIds as [string, ...string[]];
  const editToken = await invite(server, facilitator, first, 'edit');
  const commentToken = await invite(server, facilitator, first, 'comment');
  const editors = [await joinAsGuest(server, editToken, 'Eli', 'edit'), await joinAsGuest(server, editToken, 'Edna', 'edit')];
  const names = ['Pat', 'Sam', 'Ros', 'Jo', 'Kit', 'Mo', 'Bea', 'Alf', 'Nia'];
  const participants: Member[] = [];
  for (const name of names) participants.push(await joinAsGuest(server, commentToken, name, 'comment'));
  for (const boardId of rest) {
    const tokens = { edit: await invite(server, facilitator, boardId, 'edit'), comment: await invite(server, facilitator, boardId, 'comment') };
    for (const member of [...editors, ...participants]) await call(server, 'POST', `/api/invites/${tokens[member.access as 'edit' | 'comment']}/accept`, member.cookie, {});
  }
  return { boardIds, people: { facilitator, editors, participants, all: [facilitator, ...editors, ...participants] } };
}

/** A feeling to give: whose, where, and what. */
export interface PlannedFeeling {
  member: Member;
  touchpointId: string;
  feeling: Feeling;
}

/**
 * Gives every planned feeling over HTTP, as the page does (`PUT /api/boards/:id/feelings/:touchpointId`):
 * each person one after another, everyone at once — a room of people choosing their faces.
 */
export async function giveFeelings(server: ApiTarget, boardId: string, planned: readonly PlannedFeeling[]): Promise<void> {
  const byPerson = new Map<string, PlannedFeeling[]>();
  for (const one of planned) byPerson.set(one.member.userId, [...(byPerson.get(one.member.userId) ?? []), one]);
  await Promise.all(
    [...byPerson.values()].map(async (theirs) => {
      for (const { member, touchpointId, feeling } of theirs) {
        await (await call(server, 'PUT', `/api/boards/${boardId}/feelings/${touchpointId}`, member.cookie, { feeling: { score: feeling.score, words: feeling.words } })).arrayBuffer();
      }
    }),
  );
}

/** One stock client per person on a board; any socket closed under them (a refusal: 4422) fails the seeding. */
export function clientsFor(server: CommentsServer, boardId: string, people: readonly Member[]): { of(member: Member): SyncClient; synced: Promise<void>; closes(): string[]; destroy(): void } {
  const closes: string[] = [];
  const clients = new Map<string, SyncClient>();
  for (const member of people) {
    const client = connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(member.cookie) }, { syncTimeoutMs: seedTimeoutMs });
    client.provider.on('connection-close', (event: CloseEvent | null) => void closes.push(`${member.displayName}: ${event?.code ?? '?'} ${event?.reason ?? ''}`));
    clients.set(member.userId, client);
  }
  return {
    of: (member) => clients.get(member.userId)!,
    synced: Promise.all([...clients.values()].map((client) => client.synced)).then(() => undefined),
    closes: () => closes,
    destroy: () => clients.forEach((client) => client.destroy()),
  };
}

/** Waits until `check` holds in the observer's copy, failing at once if the server closed a writer's socket. */
export async function settle(observer: SyncClient, clients: { closes(): string[] }, check: (doc: Y.Doc) => boolean, what: string): Promise<void> {
  await waitUntil(() => {
    if (clients.closes().length > 0) throw new Error(`the server closed a writer's socket while seeding (${what}): ${clients.closes().join('; ')}`);
    return check(observer.doc);
  }, what, seedTimeoutMs);
}

/**
 * The map, the same on every board given the same seed: 12 stages of 10 cards, added by the two
 * editors with stories of 150–900 characters, and every participant's feeling on most cards.
 */
async function writeMap(server: CommentsServer, boardId: string, people: People, observer: SyncClient, seed: number): Promise<string[]> {
  const random = seededRandom(seed);
  const clients = clientsFor(server, boardId, people.all);
  try {
    await clients.synced;
    const facilitatorDoc = clients.of(people.facilitator).doc;
    const stageIds = Array.from({ length: boardShape.stages }, (_, i) => `stage-${String(i).padStart(3, '0')}`);
    const stageNames = ['Referral', 'Waiting for a date', 'The letter', 'The day before', 'Arriving', 'Waiting room', 'Seeing the doctor', 'Tests', 'The results', 'Treatment', 'Going home', 'Follow-up'];
    facilitatorDoc.transact(() => {
      const { meta, stages } = boardTypes(facilitatorDoc);
      meta.set('purpose', prose(random, 200));
      meta.set('anonymousComments', true);
      stages.push(stageIds.map((id, i) => newStage(id, stageNames[i] ?? `Stage ${i + 1}`)));
    });
    await settle(observer, clients, (doc) => boardTypes(doc).stages.length === stageIds.length, 'the stages are on the board');
    const cardIds: string[] = [];
    for (const [s, stageId] of stageIds.entries()) {
      const orders = generateNKeysBetween(null, null, boardShape.cardsPerStage);
      for (let t = 0; t < boardShape.cardsPerStage; t++) {
        const id = `card-${String(s * boardShape.cardsPerStage + t).padStart(4, '0')}`;
        cardIds.push(id);
        const editor = people.editors[(s + t) % people.editors.length]!;
        const doc = clients.of(editor).doc;
        const card = { id, stageId, order: orders[t]!, title: prose(random, random.int(12, 60)).trim(), story: prose(random, random.int(150, 900)), createdBy: editor.userId, createdAt: Date.UTC(2026, 10, 2) };
        doc.transact(() => boardTypes(doc).touchpoints.set(id, newTouchpoint(card)));
      }
    }
    await settle(observer, clients, (doc) => boardTypes(doc).touchpoints.size === cardIds.length, 'every card is on the board');
    const feelings: PlannedFeeling[] = [];
    for (const participant of people.participants) {
      for (const id of cardIds) if (random.chance(0.7)) feelings.push({ member: participant, touchpointId: id, feeling: someFeeling(random, Date.UTC(2026, 10, 3)) });
    }
    await giveFeelings(server, boardId, feelings);
    await settle(observer, clients, (doc) => boardTypes(doc).feelings.size === feelings.length, 'every feeling is on the board');
    return cardIds;
  } finally {
    clients.destroy();
  }
}

/** One comment to write: where, in which thread, by whom, how long, and what happens to it after. */
interface PlannedComment {
  id: string;
  target: { type: 'board' | 'stage' | 'touchpoint'; id: string };
  parentId: string | null;
  author: Member;
  body: string;
  createdAt: number;
  anonymous: boolean;
  /** Marked sorted afterwards (thread heads only), by its author or the facilitator. */
  resolvedBy: Member | null;
  /** Its author changes its words afterwards. */
  edited: boolean;
  hidden: boolean;
  /** People (not its author) who say "Me too". */
  meToo: Member[];
}

/** Most comments a sentence or a few; one in eight a long paragraph; one in forty near the limit. */
function commentLength(random: SeededRandom): number {
  if (random.chance(0.025)) return random.int(2_000, commentBodyMaxLength);
  if (random.chance(0.12)) return random.int(300, 1_200);
  return random.int(20, 300);
}

/** 2,000 comments: threads of 1–6 on cards (70 %), stages (22 %) and the board (8 %). */
function planComments(random: SeededRandom, boardId: string, cardIds: readonly string[], stageIds: readonly string[], people: People): PlannedComment[] {
  const planned: PlannedComment[] = [];
  // Participants write most; the facilitator and editors answer.
  const writer = (): Member => (random.chance(0.7) ? random.pick(people.participants) : random.pick([people.facilitator, ...people.editors]));
  const start = Date.UTC(2026, 10, 4);
  let n = 0;
  const comment = (target: PlannedComment['target'], parentId: string | null): PlannedComment => {
    const author = writer();
    const anonymous = random.chance(0.02);
    return {
      id: `comment-${String(n++).padStart(5, '0')}`,
      target,
      parentId,
      author,
      body: prose(random, commentLength(random)).trim() || 'Yes.',
      createdAt: start + n * 7 * 60_000,
      anonymous,
      resolvedBy: null,
      edited: !anonymous && random.chance(0.05),
      hidden: random.chance(0.005),
      meToo: random.chance(0.04) ? people.all.filter((person) => person !== author && random.chance(0.3)) : [],
    };
  };
  while (planned.length < boardShape.comments) {
    const where = random.next();
    const target: PlannedComment['target'] =
      where < 0.7 ? { type: 'touchpoint', id: random.pick(cardIds) } : where < 0.92 ? { type: 'stage', id: random.pick(stageIds) } : { type: 'board', id: boardId };
    const head = comment(target, null);
    if (!head.anonymous && random.chance(0.2)) head.resolvedBy = random.chance(0.5) ? head.author : people.facilitator;
    planned.push(head);
    const replies = Math.min(random.int(0, 5), boardShape.comments - planned.length);
    for (let r = 0; r < replies; r++) planned.push(comment(target, head.id));
  }
  return planned;
}

/** The map and 2,000 comments on it, in the order people would write them: threads first, then replies, then changes. */
async function writeComments(server: CommentsServer, boardId: string, people: People, observer: SyncClient, cardIds: string[], seed: number): Promise<number> {
  const random = seededRandom(seed);
  const stageIds = boardTypes(observer.doc).stages.toArray().map((stage) => stage.get('id') as string);
  const planned = planComments(random, boardId, cardIds, stageIds, people);
  const clients = clientsFor(server, boardId, people.all);
  const comments = () => boardTypes(observer.doc).comments;
  try {
    await clients.synced;
    let written = 0;
    for (const wave of [planned.filter((c) => c.parentId === null), planned.filter((c) => c.parentId !== null)]) {
      written += wave.length;
      for (const c of wave) {
        if (c.anonymous) {
          await call(server, 'POST', `/api/boards/${boardId}/comments`, c.author.cookie, { id: c.id, target: c.target, parentId: c.parentId, body: c.body, anonymous: true });
          continue;
        }
        const doc = clients.of(c.author).doc;
        doc.transact(() => {
          const map = new Y.Map<unknown>();
          map.set('id', c.id);
          map.set('target', c.target);
          map.set('parentId', c.parentId);
          map.set('authorId', c.author.userId);
          map.set('body', new Y.Text(c.body));
          map.set('createdAt', c.createdAt);
          map.set('editedAt', null);
          map.set('resolvedAt', null);
          map.set('resolvedBy', null);
          boardTypes(doc).comments.set(c.id, map);
        });
      }
      const target = written;
      await settle(observer, clients, () => comments().size === target, `${target} comments are on the board`);
    }
    // Later: some words changed, some threads sorted — each by the person allowed to.
    for (const c of planned) {
      if (!c.edited && c.resolvedBy === null) continue;
      if (c.edited) {
        const doc = clients.of(c.author).doc;
        doc.transact(() => {
          const map = boardTypes(doc).comments.get(c.id)!;
          (map.get('body') as Y.Text).insert(0, 'Edit: ');
          map.set('editedAt', c.createdAt + 3_600_000);
        });
      }
      if (c.resolvedBy !== null) {
        const doc = clients.of(c.resolvedBy).doc;
        doc.transact(() => {
          const map = boardTypes(doc).comments.get(c.id)!;
          map.set('resolvedAt', c.createdAt + 86_400_000);
          map.set('resolvedBy', c.resolvedBy!.userId);
        });
      }
    }
    const sorted = planned.filter((c) => c.resolvedBy !== null).length;
    await settle(observer, clients, () => [...comments().values()].filter((map) => map.get('resolvedAt') !== null).length === sorted, 'the sorted threads are marked');
    // Through the API, as the page asks the server: "Me too"s and the facilitator hiding a few.
    for (const c of planned) {
      for (const person of c.meToo) await call(server, 'PUT', `/api/boards/${boardId}/comments/${c.id}/me-too`, person.cookie);
      if (c.hidden) await call(server, 'PUT', `/api/boards/${boardId}/comments/${c.id}/hidden`, people.facilitator.cookie, { reason: 'It named a member of staff.' });
    }
    const hidden = planned.filter((c) => c.hidden).length;
    await settle(observer, clients, () => [...comments().values()].filter((map) => map.get('hidden') != null).length === hidden, 'the hidden comments are hidden');
    return comments().size;
  } finally {
    clients.destroy();
  }
}

/** Writes the map onto `boardId`, and `withComments` the 2,000 comments too; checks it all arrived. */
export async function seedBoard(server: CommentsServer, boardId: string, people: People, withComments: boolean, seed = 13): Promise<SeededBoard> {
  const observer = connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(people.facilitator.cookie) }, { syncTimeoutMs: seedTimeoutMs });
  try {
    await observer.synced;
    const cardIds = await writeMap(server, boardId, people, observer, seed);
    const comments = withComments ? await writeComments(server, boardId, people, observer, cardIds, seed + 1) : 0;
    return { boardId, firstCard: cardIds[0]!, cards: cardIds.length, comments };
  } finally {
    observer.destroy();
  }
}
