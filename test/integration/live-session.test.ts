/**
 * The live session's tools on the server (issue 15), on both runtimes: the facilitator's timer
 * and paused editing, written by the server into the board document's `session` map with the
 * server's clock (shared/session.ts) and watched through stock y-websocket clients.
 * - Only a facilitator runs them (403 for others), bad bodies are 400, a timer change with no
 *   timer is 409 `no_timer`, each in the contract's error shape; GET /api/time tells the clock.
 * - The timer's end is the server's time plus its minutes; pausing keeps what is left, adding a
 *   minute adds to it, resuming counts down from it, stopping removes it; someone joining later
 *   sees it as it is.
 * - No client may write the `session` map, the facilitator included (refused with 4422).
 * - While editing is paused an editor and a comment member still give feelings, over HTTP as
 *   always since issue 17 (their stock clients writing one are refused, paused or not), but an
 *   editor's change to a card is refused (4422) and reaches nobody; resumed, it is accepted again.
 * - Raised hands queue in the order they went up; each person raises and lowers only their own;
 *   a facilitator lowers anyone's.
 * - "Bring everyone here" names a stage or card that is on the board, with a new id each time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { giveFeeling } from '../support/feelings.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { readGathered, readHands, readPaused, readTimer, SessionKey } from '../../shared/session.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

describe.each(targets)('the live session’s tools on %s', (target) => {
  let app: Target;
  let boardId: string;
  let cast: Cast;
  let watcher: SyncClient;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    ({ boardId, cast } = await setUpBoard(app));
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    seedAsFacilitator(fay.doc, cast.facilitate.id);
    await roundTrip(fay);
    watcher = await syncedClient(app, boardId, cast.view, open);
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const act = async (person: TestPerson, body: unknown) => {
    const response = await api(app, `/api/boards/${boardId}/session`, { body, cookie: person.cookie });
    return { status: response.status, body: (await response.json()) as { now?: number } & Partial<ErrorBody> };
  };
  const session = (client: SyncClient) => boardTypes(client.doc).session;
  const timerSeen = () => readTimer(session(watcher).get(SessionKey.timer));

  it('runs a timer on the server’s clock that everyone, also someone joining later, sees', async () => {
    expect((await api(app, '/api/time')).status).toBe(401);
    const time = await api(app, '/api/time', { cookie: cast.view.cookie });
    const { now: serverNow } = (await time.json()) as { now: number };
    expect(Math.abs(serverNow - Date.now())).toBeLessThan(5_000);

    const started = await act(cast.facilitate, { action: 'start-timer', minutes: 5 });
    expect(started.status).toBe(200);
    await waitUntil(() => timerSeen()?.status === 'running', 'the watcher sees the timer running', 10_000);
    const running = timerSeen()!;
    expect(running).toEqual({ status: 'running', endsAt: started.body.now! + 5 * 60_000, durationMs: 5 * 60_000, setBy: cast.facilitate.id });

    const paused = await act(cast.facilitate, { action: 'pause-timer' });
    await waitUntil(() => timerSeen()?.status === 'paused', 'the watcher sees it paused', 10_000);
    const left = (timerSeen() as { remainingMs: number }).remainingMs;
    expect(left).toBe(running.status === 'running' ? running.endsAt - paused.body.now! : NaN);

    expect((await act(cast.facilitate, { action: 'add-minute' })).status).toBe(200);
    await waitUntil(() => (timerSeen() as { remainingMs?: number } | null)?.remainingMs === left + 60_000, 'a minute more', 10_000);

    // Someone opening the board now sees the same paused timer.
    const late = await syncedClient(app, boardId, cast.comment, open);
    expect(readTimer(session(late).get(SessionKey.timer))).toEqual(timerSeen());

    const resumed = await act(cast.facilitate, { action: 'resume-timer' });
    await waitUntil(() => timerSeen()?.status === 'running', 'running again', 10_000);
    expect((timerSeen() as { endsAt: number }).endsAt).toBe(resumed.body.now! + left + 60_000);

    expect((await act(cast.facilitate, { action: 'stop-timer' })).status).toBe(200);
    await waitUntil(() => timerSeen() === null, 'the timer gone', 10_000);
  });

  it('lets only a facilitator use them, and says what is wrong with a request', async () => {
    const refusals: [TestPerson, unknown, number, string][] = [
      [cast.edit, { action: 'start-timer', minutes: 5 }, 403, 'forbidden'],
      [cast.view, { action: 'pause-editing' }, 403, 'forbidden'],
      [cast.outsider, { action: 'start-timer', minutes: 5 }, 403, 'forbidden'],
      [cast.facilitate, { action: 'start-timer', minutes: 0 }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'start-timer', minutes: 121 }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'start-timer', minutes: 'five' }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'ring-a-bell' }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'pause-timer' }, 409, 'no_timer'],
    ];
    for (const [person, body, status, code] of refusals) {
      const answer = await act(person, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error?.code).toBe(code);
      expect(answer.body.error?.message.length).toBeGreaterThan(10);
    }
    expect(timerSeen()).toBeNull();
  });

  it('refuses any client’s change to the session, the facilitator’s too', async () => {
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const closed = nextCloseCode(fay.provider, 10_000);
    session(fay).set(SessionKey.paused, { by: cast.facilitate.id, at: Date.now() });
    expect(await closed).toBe(CloseCode.changeRefused);
    await roundTrip(watcher);
    expect(session(watcher).get(SessionKey.paused)).toBeUndefined();
  });

  it('while editing is paused, takes an editor’s and a comment member’s feelings over HTTP but not a change to a card', async () => {
    expect((await act(cast.facilitate, { action: 'pause-editing' })).status).toBe(200);
    await waitUntil(() => readPaused(session(watcher).get(SessionKey.paused)) !== null, 'the watcher sees the pause', 10_000);

    // Feelings are given while paused: people say how a moment felt whatever the facilitator is doing.
    const edsFeeling = await giveFeeling(app, boardId, cast.edit, seeded.reception, { score: -1, words: ['rushed'] });
    const camsFeeling = await giveFeeling(app, boardId, cast.comment, seeded.reception, { score: 1 }, 'feelingsAfter');
    await waitUntil(
      () => boardTypes(watcher.doc).feelings.get(edsFeeling!)?.score === -1 && boardTypes(watcher.doc).feelingsAfter.get(camsFeeling!)?.score === 1,
      'the feelings reach others',
      10_000,
    );
    // Never through a socket, paused or not: a key the client chose would say whose it is.
    const cams = await syncedClient(app, boardId, cast.comment, open);
    const camClosed = nextCloseCode(cams.provider, 10_000);
    boardTypes(cams.doc).feelings.set(participantKey(seeded.reception, cast.comment.id), { score: 2, words: [], at: Date.now() });
    expect(await camClosed).toBe(CloseCode.changeRefused);
    cams.provider.disconnect();

    const ed = await syncedClient(app, boardId, cast.edit, open);
    const closed = nextCloseCode(ed.provider, 10_000);
    (boardTypes(ed.doc).touchpoints.get(seeded.reception)!.get('title') as Y.Text).insert(0, 'Paused? ');
    expect(await closed).toBe(CloseCode.changeRefused);
    await roundTrip(watcher);
    expect(String(boardTypes(watcher.doc).touchpoints.get(seeded.reception)!.get('title'))).toBe('Reception');
    expect([...boardTypes(watcher.doc).feelings.keys()]).toEqual([edsFeeling]);

    expect((await act(cast.facilitate, { action: 'resume-editing' })).status).toBe(200);
    await waitUntil(() => session(watcher).get(SessionKey.paused) === undefined, 'the pause lifted', 10_000);
    const again = await syncedClient(app, boardId, cast.edit, open);
    (boardTypes(again.doc).touchpoints.get(seeded.reception)!.get('title') as Y.Text).insert(0, 'Now: ');
    await roundTrip(again);
    await waitUntil(() => String(boardTypes(watcher.doc).touchpoints.get(seeded.reception)!.get('title')) === 'Now: Reception', 'the change reaches others', 10_000);
  });

  it('queues raised hands in the order they went up; each lowers their own, a facilitator anyone’s', async () => {
    const queue = () => readHands(session(watcher).get(SessionKey.hands)).map((hand) => hand.userId);
    for (const person of [cast.edit, cast.comment, cast.view]) {
      expect((await act(person, { action: 'raise-hand' })).status).toBe(200);
      await waitUntil(() => queue().includes(person.id), `${person.displayName}'s hand is up`, 10_000);
    }
    expect(queue()).toEqual([cast.edit.id, cast.comment.id, cast.view.id]);
    // Raising it again keeps its place.
    expect((await act(cast.edit, { action: 'raise-hand' })).status).toBe(200);
    expect((await act(cast.comment, { action: 'lower-hand' })).status).toBe(200);
    await waitUntil(() => queue().length === 2, 'Cam lowered hers', 10_000);
    expect(queue()).toEqual([cast.edit.id, cast.view.id]);
    const notTheirs = await act(cast.edit, { action: 'lower-hand', userId: cast.view.id });
    expect([notTheirs.status, notTheirs.body.error?.code]).toEqual([403, 'forbidden']);
    expect((await act(cast.outsider, { action: 'raise-hand' })).status).toBe(403);
    expect((await act(cast.facilitate, { action: 'lower-hand', userId: cast.edit.id })).status).toBe(200);
    await waitUntil(() => queue().length === 1, 'the facilitator lowered Ed’s', 10_000);
    expect(queue()).toEqual([cast.view.id]);
  });

  it('brings everyone to a stage or card that is on the board, a new call each time', async () => {
    const gathered = () => readGathered(session(watcher).get(SessionKey.gathered));
    expect((await act(cast.facilitate, { action: 'gather', target: { type: 'touchpoint', id: seeded.reception } })).status).toBe(200);
    await waitUntil(() => gathered() !== null, 'the watcher sees the call', 10_000);
    const first = gathered()!;
    expect(first).toMatchObject({ target: { type: 'touchpoint', id: seeded.reception }, by: cast.facilitate.id });
    expect((await act(cast.facilitate, { action: 'gather', target: { type: 'stage', id: seeded.waiting } })).status).toBe(200);
    await waitUntil(() => gathered()?.id !== first.id, 'a second call', 10_000);
    expect(gathered()!.target).toEqual({ type: 'stage', id: seeded.waiting });
    const refusals: [TestPerson, unknown, number][] = [
      [cast.edit, { action: 'gather', target: { type: 'stage', id: seeded.waiting } }, 403],
      [cast.facilitate, { action: 'gather', target: { type: 'touchpoint', id: 'no-such-card-000' } }, 404],
      [cast.facilitate, { action: 'gather', target: { type: 'board', id: boardId } }, 400],
    ];
    for (const [person, body, status] of refusals) expect((await act(person, body)).status, JSON.stringify(body)).toBe(status);
  });
});
