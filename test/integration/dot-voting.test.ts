/**
 * Hidden dot voting on the server (issue 15), on both runtimes, watched through stock y-websocket
 * clients and the HTTP API:
 * - While a vote is open, what a participant can observe — their whole document, presence, and
 *   every answer the API gives them — changes with another person's dots only by the count of
 *   people who have voted: nobody's dots and no totals are anywhere. Each person's own dots come
 *   back to them only.
 * - At the reveal, only totals per card enter the document, and each person's dots are forgotten.
 * - Fewer than 3 voters: no reveal (409 `too_few_voters`), so nobody can take their own dots from
 *   the totals to read another's. Ending a vote drops its dots unseen.
 * - Bad requests get the contract's error shape and change nothing; no client may write `votes`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newTouchpoint } from '../../shared/board-document.ts';
import type { MyDots } from '../../shared/api.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { readVote, voteOf } from '../../shared/vote.ts';
import { SessionKey } from '../../shared/session.ts';
import { documentJson, roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, type TestPerson, type TestServer } from '../support/test-server.ts';
import { cellsContaining } from '../support/stored-bytes.ts';
import { waitUntil } from '../support/wait.ts';

const corridor = 'touch-corridor';

describe.each(targets)('hidden dot voting on %s', (target) => {
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
    boardTypes(fay.doc).touchpoints.set(
      corridor,
      newTouchpoint({ id: corridor, stageId: seeded.waiting, order: 'a0', title: 'Corridor', createdBy: cast.facilitate.id, createdAt: Date.now() }),
    );
    await roundTrip(fay);
    watcher = await syncedClient(app, boardId, cast.view, open);
  }, 120_000);
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const vote = async (person: TestPerson, body: unknown) => {
    const response = await api(app, `/api/boards/${boardId}/vote`, { body, cookie: person.cookie });
    return { status: response.status, body: (await response.json()) as Partial<MyDots> & Partial<ErrorBody> };
  };
  const give = (person: TestPerson, touchpointId: string) => vote(person, { action: 'give-dot', touchpointId });
  const myDots = async (person: TestPerson) => (await (await api(app, `/api/boards/${boardId}/vote`, { cookie: person.cookie })).json()) as MyDots;
  const seen = () => voteOf(watcher.doc);
  /** Whether the server still keeps anyone's dots on the board (read in the Node server's database file). */
  const dotsKept = async () => target.name === 'node' && (await cellsContaining((app as TestServer).libsqlUrl, boardId)).includes('vote_dots.board_id');
  const ended = async () => {
    expect((await vote(cast.facilitate, { action: 'end' })).status).toBe(200);
    await waitUntil(() => seen() === null, 'the vote ended', 10_000);
  };

  /** Everything a participant can read of the board: the document, presence, and the API's answers. */
  const observe = async (person: TestPerson, client: SyncClient) => {
    const answers: Record<string, unknown> = {};
    for (const path of ['/api/boards', `/api/boards/${boardId}`, `/api/boards/${boardId}/members`, `/api/boards/${boardId}/vote`, `/api/boards/${boardId}/news`, `/api/boards/${boardId}/comments/mine`]) {
      const response = await api(app, path, { cookie: person.cookie });
      answers[path] = { status: response.status, body: await response.json() };
    }
    const document = documentJson(client.doc);
    return { document, presence: [...client.provider.awareness.getStates().values()], answers };
  };

  it('shows nobody’s dots and no totals before the reveal, and only the totals after it', async () => {
    const opened = await vote(cast.facilitate, { action: 'open', dots: 7 });
    expect(opened).toEqual({ status: 200, body: { mine: {}, left: 7 } });
    await waitUntil(() => seen()?.status === 'open', 'the watcher sees the vote open', 10_000);
    // Facilitator, editor and comment member may vote; the view member may not.
    expect(seen()).toMatchObject({ status: 'open', dotsEach: 7, voted: 0, of: 3, by: cast.facilitate.id });

    // The editor is the participant who looks for the comment member's dots.
    const ed = await syncedClient(app, boardId, cast.edit, open);
    await waitUntil(() => voteOf(ed.doc)?.status === 'open', 'the editor sees the vote', 10_000);
    const before = await observe(cast.edit, ed);

    for (const touchpointId of [corridor, corridor, corridor, corridor, corridor, seeded.reception, seeded.reception]) {
      expect((await give(cast.comment, touchpointId)).status).toBe(200);
    }
    await waitUntil(() => voteOf(ed.doc)?.voted === 1, 'the editor sees that one person has voted', 10_000);
    await roundTrip(ed);
    const after = await observe(cast.edit, ed);
    // The only difference anywhere: one more person has voted.
    const expected = structuredClone(before);
    (expected.document['session'] as Record<string, { voted: number }>)[SessionKey.vote]!.voted = 1;
    expect(after).toEqual(expected);
    expect(boardTypes(ed.doc).votes.size).toBe(0);

    // Their own dots, to each person only.
    expect(await myDots(cast.comment)).toEqual({ mine: { [corridor]: 5, [seeded.reception]: 2 }, left: 0 });
    expect(await myDots(cast.edit)).toEqual({ mine: {}, left: 7 });
    const none = await give(cast.comment, corridor);
    expect(none.status).toBe(409);
    expect(none.body.error?.code).toBe('no_dots_left');
    // A dot taken back can go elsewhere.
    expect((await vote(cast.comment, { action: 'take-dot', touchpointId: corridor })).body).toEqual({ mine: { [corridor]: 4, [seeded.reception]: 2 }, left: 1 });
    expect((await give(cast.comment, seeded.reception)).body).toEqual({ mine: { [corridor]: 4, [seeded.reception]: 3 }, left: 0 });

    // Two voters: the totals would give each the other's dots, so there is no reveal yet.
    expect((await give(cast.edit, seeded.reception)).body).toEqual({ mine: { [seeded.reception]: 1 }, left: 6 });
    const tooFew = await vote(cast.facilitate, { action: 'reveal' });
    expect(tooFew.status).toBe(409);
    expect(tooFew.body.error?.code).toBe('too_few_voters');
    expect(tooFew.body.error?.message).toContain('2 people');
    await roundTrip(watcher);
    expect(seen()?.status).toBe('open');
    expect(boardTypes(watcher.doc).votes.size).toBe(0);

    expect((await give(cast.facilitate, corridor)).status).toBe(200);
    await waitUntil(() => seen()?.voted === 3, '3 of 3 have voted', 10_000);
    expect(await vote(cast.facilitate, { action: 'reveal' })).toEqual({ status: 200, body: { mine: {}, left: null } });
    await waitUntil(() => seen()?.status === 'revealed', 'the watcher sees the results', 10_000);
    // Only totals, keyed by card: nothing in them says whose dots they were.
    expect(boardTypes(watcher.doc).votes.toJSON()).toEqual({ [corridor]: 5, [seeded.reception]: 4 });
    expect(seen()).toMatchObject({ status: 'revealed', voted: 3, of: 3 });
    // Each person's dots are forgotten once the totals are out.
    expect(await myDots(cast.comment)).toEqual({ mine: {}, left: null });
    expect(await dotsKept()).toBe(false);
    const late = await give(cast.comment, corridor);
    expect(late.body.error?.code).toBe('no_vote');

    // Ending the shown vote leaves the totals until the next vote opens.
    await ended();
    expect(boardTypes(watcher.doc).votes.size).toBe(2);
    expect((await vote(cast.facilitate, { action: 'open', dots: 2 })).status).toBe(200);
    await waitUntil(() => seen()?.status === 'open' && boardTypes(watcher.doc).votes.size === 0, 'a new vote with no totals', 10_000);
    await ended();
  });

  it('drops an ended vote’s dots unseen', async () => {
    expect((await vote(cast.facilitate, { action: 'open', dots: 3 })).status).toBe(200);
    await waitUntil(() => seen()?.status === 'open', 'open', 10_000);
    for (const person of [cast.facilitate, cast.edit, cast.comment]) expect((await give(person, corridor)).status).toBe(200);
    await waitUntil(() => seen()?.voted === 3, 'three have voted', 10_000);
    if (target.name === 'node') expect(await dotsKept()).toBe(true);
    await ended();
    expect(await dotsKept()).toBe(false);
    expect(boardTypes(watcher.doc).votes.size).toBe(0);
    expect((await vote(cast.facilitate, { action: 'open', dots: 3 })).status).toBe(200);
    await waitUntil(() => seen()?.status === 'open', 'open again', 10_000);
    expect(seen()?.voted).toBe(0);
    for (const person of [cast.facilitate, cast.edit, cast.comment]) expect(await myDots(person)).toEqual({ mine: {}, left: 3 });
    await ended();
  });

  it('says what is wrong with a request, in the contract’s shape, and changes nothing', async () => {
    const refusals: [TestPerson, unknown, number, string][] = [
      [cast.facilitate, { action: 'give-dot', touchpointId: corridor }, 409, 'no_vote'],
      [cast.facilitate, { action: 'reveal' }, 409, 'no_vote'],
      [cast.edit, { action: 'open', dots: 3 }, 403, 'forbidden'],
      [cast.outsider, { action: 'open', dots: 3 }, 403, 'forbidden'],
      [cast.facilitate, { action: 'open', dots: 0 }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'open', dots: 11 }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'open', dots: 'three' }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'give-dot', touchpointId: '../x' }, 400, 'invalid_body'],
      [cast.facilitate, { action: 'cast-a-spell' }, 400, 'invalid_body'],
    ];
    const check = async ([person, body, status, code]: (typeof refusals)[number]) => {
      const answer = await vote(person, body);
      expect(answer.status, JSON.stringify(body)).toBe(status);
      expect(answer.body.error?.code).toBe(code);
      expect(answer.body.error?.message.length).toBeGreaterThan(10);
    };
    for (const refusal of refusals) await check(refusal);
    expect(seen()).toBeNull();

    expect((await vote(cast.facilitate, { action: 'open', dots: 3 })).status).toBe(200);
    await waitUntil(() => seen()?.status === 'open', 'open', 10_000);
    for (const refusal of [
      [cast.facilitate, { action: 'open', dots: 3 }, 409, 'vote_open'],
      [cast.view, { action: 'give-dot', touchpointId: corridor }, 403, 'forbidden'],
      [cast.edit, { action: 'reveal' }, 403, 'forbidden'],
      [cast.comment, { action: 'end' }, 403, 'forbidden'],
      [cast.comment, { action: 'give-dot', touchpointId: 'touch-not-there' }, 404, 'not_found'],
    ] as const) {
      await check(refusal as (typeof refusals)[number]);
    }
    expect(await myDots(cast.comment)).toEqual({ mine: {}, left: 3 });
    await roundTrip(watcher);
    expect(seen()?.voted).toBe(0);
    await ended();
  });

  it('refuses any client’s change to the dots in the document, the facilitator’s too', async () => {
    const fay = await syncedClient(app, boardId, cast.facilitate, open);
    const closed = nextCloseCode(fay.provider, 10_000);
    boardTypes(fay.doc).votes.set(corridor, 99);
    expect(await closed).toBe(CloseCode.changeRefused);
    const stillThere = await syncedClient(app, boardId, cast.facilitate, open);
    const closedToo = nextCloseCode(stillThere.provider, 10_000);
    boardTypes(stillThere.doc).session.set(SessionKey.vote, { id: 'vote-forged', status: 'revealed', dotsEach: 3, voted: 3, of: 3, by: cast.facilitate.id, at: 1 });
    expect(await closedToo).toBe(CloseCode.changeRefused);
    await roundTrip(watcher);
    expect(boardTypes(watcher.doc).votes.size).toBe(0);
    expect(readVote(boardTypes(watcher.doc).session.get(SessionKey.vote))).toBeNull();
  });
});
