/**
 * "What's new since I was last here" (issue 13) over HTTP and sync, on both targets
 * (test/support/targets.ts): what a person adds while another is away shows in the other's
 * `GET /api/boards` as `unread` and in the board's news, never in their own; opening the board
 * and leaving it, or "Mark all as seen", clears it; any member may ask, others get the contract's
 * errors. Stock y-websocket providers; the server keeps all of it, the document holds none of it.
 * Nothing waits a fixed time: each step waits for what the server answers to change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardNews, ListedBoard, UnreadCounts } from '../../shared/api.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { giveFeeling } from '../support/feelings.ts';
import { newComment, roundTrip } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const none: UnreadCounts = { comments: 0, touchpoints: 0, feelings: 0 };

describe.each(targets)("what's new on %s", (target) => {
  let app: Target;
  let ann: TestPerson;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    ann = await signUp(app, 'Ann');
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  async function unread(person: TestPerson, boardId: string): Promise<UnreadCounts | undefined> {
    const response = await api(app, '/api/boards', { cookie: person.cookie });
    expect(response.status).toBe(200);
    return ((await response.json()) as { boards: ListedBoard[] }).boards.find((board) => board.id === boardId)?.unread;
  }
  async function news(person: TestPerson, boardId: string): Promise<BoardNews> {
    const response = await api(app, `/api/boards/${boardId}/news`, { cookie: person.cookie });
    expect(response.status).toBe(200);
    return (await response.json()) as BoardNews;
  }
  const unreadIs = (person: TestPerson, boardId: string, expected: UnreadCounts, what: string) =>
    waitUntil(async () => JSON.stringify(await unread(person, boardId)) === JSON.stringify(expected), what, 20_000);

  /** Opens the board as `person`, lets `work` change it, waits until the server has it all, and closes. */
  async function visit(person: TestPerson, boardId: string, work: (client: SyncClient) => void | Promise<void> = () => undefined): Promise<void> {
    const client = connectClient(app, boardId, person.cookie, { syncTimeoutMs: 20_000 });
    open.push(client);
    await client.synced;
    await work(client);
    await roundTrip(client); // answered once every change before it is stored
    client.destroy();
  }

  /** Has `person` open the board and leave it, and waits until the server has moved their marker. */
  async function openAndLeave(person: TestPerson, boardId: string): Promise<void> {
    const before = (await news(person, boardId)).since;
    await visit(person, boardId);
    await waitUntil(async () => (await news(person, boardId)).since !== before, `${person.displayName}'s marker moves when they leave`, 20_000);
  }

  it("shows Bob what Ann added while he was away, never Ann her own, and clears when Bob opens the board and leaves", async () => {
    const boardId = await createBoard(app, ann, 'Ward 7 discharge');
    const bob = await joinBoard(app, ann, boardId, 'comment', 'Bob');
    expect(await unread(bob, boardId)).toEqual(none);
    await openAndLeave(bob, boardId);

    // Ann, on her own: a stage (not counted), a card and a comment on it.
    await visit(ann, boardId, ({ doc }) => {
      const { stages, touchpoints, comments } = boardTypes(doc);
      doc.transact(() => {
        stages.push([newStage('stage-leaving', 'Leaving')]);
        touchpoints.set('card-pharmacy', newTouchpoint({ id: 'card-pharmacy', stageId: 'stage-leaving', order: 'a0', title: 'Waiting for the pharmacy', createdBy: ann.id, createdAt: Date.now() }));
        comments.set('comment-pharmacy', newComment({ id: 'comment-pharmacy', authorId: ann.id, body: 'Four hours, with my coat on', touchpointId: 'card-pharmacy' }));
      });
    });

    await unreadIs(bob, boardId, { comments: 1, touchpoints: 1, feelings: 0 }, "Bob's list shows Ann's comment and card");
    expect(await unread(ann, boardId)).toEqual(none);
    const bobsNews = await news(bob, boardId);
    expect(bobsNews).toEqual({
      since: expect.any(String),
      comments: [{ id: 'comment-pharmacy', at: expect.any(String) }],
      touchpoints: [{ id: 'card-pharmacy', at: expect.any(String) }],
      feelings: 0,
    });
    expect(Date.parse(bobsNews.comments[0]!.at)).toBeGreaterThan(Date.parse(bobsNews.since));
    expect(await news(ann, boardId)).toMatchObject({ comments: [], touchpoints: [], feelings: 0 });

    // Bob opens the board and leaves: nothing is new for him any more.
    await openAndLeave(bob, boardId);
    expect(await unread(bob, boardId)).toEqual(none);

    // Bob's feeling (given over HTTP from the board, as the page does) and reply while Ann is away
    // are new for Ann, not for Bob: the server knows whose the feeling is though the document does not.
    await visit(bob, boardId, async ({ doc }) => {
      const { feelings, comments } = boardTypes(doc);
      const key = await giveFeeling(app, boardId, bob, 'card-pharmacy', { score: -2 });
      await waitUntil(() => feelings.has(key!), 'Bob sees his feeling', 20_000);
      const reply = newComment({ id: 'comment-reply', authorId: bob.id, body: 'Same for me', touchpointId: 'card-pharmacy' });
      reply.set('parentId', 'comment-pharmacy');
      comments.set('comment-reply', reply);
    });
    await unreadIs(ann, boardId, { comments: 1, touchpoints: 0, feelings: 1 }, "Ann's list shows Bob's reply and feeling");
    expect(await unread(bob, boardId)).toEqual(none);
  });

  it('"Mark all as seen" clears it at once, for any member, view included', async () => {
    const boardId = await createBoard(app, ann, 'Clinic letters');
    const vic = await joinBoard(app, ann, boardId, 'view', 'Vic');
    await visit(ann, boardId, ({ doc }) => {
      const { stages, touchpoints } = boardTypes(doc);
      stages.push([newStage('stage-letters', 'Letters')]);
      touchpoints.set('card-letter', newTouchpoint({ id: 'card-letter', stageId: 'stage-letters', order: 'a0', title: 'The letter came late', createdBy: ann.id, createdAt: Date.now() }));
    });
    // Vic never opened it: what Ann added since Vic joined is new for Vic.
    await unreadIs(vic, boardId, { comments: 0, touchpoints: 1, feelings: 0 }, "Vic's list shows Ann's card");
    const seen = await api(app, `/api/boards/${boardId}/seen`, { method: 'POST', cookie: vic.cookie });
    expect(seen.status).toBe(204);
    expect(await unread(vic, boardId)).toEqual(none);
    expect(await news(vic, boardId)).toMatchObject({ comments: [], touchpoints: [], feelings: 0 });
  });

  it("answers someone not on the board, or a board that isn't there, with the contract's errors", async () => {
    const boardId = await createBoard(app, ann, 'Private board');
    const otto = await signUp(app, 'Otto');
    for (const [method, path] of [['GET', 'news'], ['POST', 'seen']] as const) {
      const forbidden = await api(app, `/api/boards/${boardId}/${path}`, { method, cookie: otto.cookie });
      expect(forbidden.status).toBe(403);
      expect(((await forbidden.json()) as ErrorBody).error.code).toBe('forbidden');
      const missing = await api(app, `/api/boards/no-such-board/${path}`, { method, cookie: ann.cookie });
      expect(missing.status).toBe(404);
      expect(((await missing.json()) as ErrorBody).error.code).toBe('not_found');
      const signedOut = await api(app, `/api/boards/${boardId}/${path}`, { method });
      expect(signedOut.status).toBe(401);
    }
  });
});

describe("what's new on node: written when the room unloads and when the server stops, not only when its batch is due", () => {
  const hour = 60 * 60 * 1000;
  const open: SyncClient[] = [];
  afterAll(() => {
    for (const client of open.splice(0)) client.destroy();
  });

  it('an hour-long batch is written when the last person leaves, and when the server stops with people on the board', async () => {
    const first = await startTestServer({ activityFlushMs: hour });
    let second: TestServer | undefined;
    try {
      const ann = await signUp(first, 'Ann');
      const boardId = await createBoard(first, ann, 'Night ward');
      const bob = await joinBoard(first, ann, boardId, 'edit', 'Bob');
      const card = (id: string) => newTouchpoint({ id, stageId: 'stage-night', order: 'a0', title: id, createdBy: ann.id, createdAt: Date.now() });
      const unreadOf = async (server: TestServer) =>
        ((await (await api(server, '/api/boards', { cookie: bob.cookie })).json()) as { boards: ListedBoard[] }).boards[0]!.unread;

      // Ann adds a card and leaves: the room unloads, and its batch is written then.
      const annClient = connectClient(first, boardId, ann.cookie);
      open.push(annClient);
      await annClient.synced;
      boardTypes(annClient.doc).stages.push([newStage('stage-night', 'At night')]);
      boardTypes(annClient.doc).touchpoints.set('card-lights', card('card-lights'));
      await roundTrip(annClient);
      annClient.destroy();
      await waitUntil(() => first.registry.loaded(boardId) === undefined, 'the room unloads');
      await waitUntil(async () => (await unreadOf(first)).touchpoints === 1, "Bob's list shows Ann's card", 10_000);

      // Ann adds another and stays; the server stops (SIGTERM's path) and starts again on the same file.
      const staying = connectClient(first, boardId, ann.cookie);
      open.push(staying);
      await staying.synced;
      boardTypes(staying.doc).touchpoints.set('card-noise', card('card-noise'));
      await roundTrip(staying);
      expect((await unreadOf(first)).touchpoints).toBe(1); // still waiting in its batch
      await first.close();
      second = await startTestServer({ libsqlUrl: first.libsqlUrl, activityFlushMs: hour });
      expect(await unreadOf(second)).toEqual({ comments: 0, touchpoints: 2, feelings: 0 });
    } finally {
      await second?.dispose();
      await first.dispose();
    }
  });
});
