/**
 * "More than one reality" (issue 17) on the server, on both runtimes, with stock y-websocket
 * clients and the HTTP API:
 * - With 2 people of one perspective and 3 of another giving feelings at a moment, only the
 *   second's line has a point there; "Rather not say" never has a line; where the shown middles
 *   are 2 points or more apart is listed as where the realities differ most.
 * - Nobody's choice reaches anyone else: what another member can read — the whole document,
 *   presence, and every answer the API gives them — is the same before and after a person chooses
 *   or changes their perspective. Each person is told their own choice only.
 * - Lines are worked out again at most every 10 minutes, not at each feeling (Node, a clock the
 *   test moves): a line that moved right after someone gave a feeling would point at them.
 * - Bad choices and bad settings get the contract's error shape (or 4422) and change nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newTouchpoint } from '../../shared/board-document.ts';
import type { MyPerspective, PerspectiveLines } from '../../shared/api.ts';
import type { ErrorBody } from '../../shared/errors.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { defaultPerspectives, perspectiveLinesEveryMs } from '../../shared/perspectives.ts';
import { documentJson, roundTrip, seedAsFacilitator, seeded, setUpBoard, syncedClient, type Cast } from '../support/guard-board.ts';
import { giveFeeling } from '../support/feelings.ts';
import { joinBoard } from '../support/invites.ts';
import { nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { api, signUp, startTestServer, type AppAddress, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const corridor = 'touch-corridor-lens';
const worksHere = 'works-here';
const usesService = 'uses-this-service';

interface Lens {
  boardId: string;
  cast: Cast;
  /** Two who work here, three who use the service. */
  staff: TestPerson[];
  patients: TestPerson[];
  fay: SyncClient;
}

/** A board with perspectives on, the corridor card, and five more members who can give feelings. */
async function setUpLens(app: AppAddress & { wsUrl: string }, open: SyncClient[]): Promise<Lens> {
  const { boardId, cast } = await setUpBoard(app);
  const fay = await syncedClient(app, boardId, cast.facilitate, open);
  seedAsFacilitator(fay.doc, cast.facilitate.id);
  const { touchpoints, meta } = boardTypes(fay.doc);
  fay.doc.transact(() => {
    touchpoints.set(corridor, newTouchpoint({ id: corridor, stageId: seeded.waiting, order: 'a0', title: 'Corridor', createdBy: cast.facilitate.id, createdAt: Date.now() }));
    meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
  });
  await roundTrip(fay);
  const people = await Promise.all(['Sal', 'Tam', 'Uma', 'Val', 'Wyn'].map((name) => signUp(app, name).then((person) => joinBoard(app, cast.facilitate, boardId, 'comment', person))));
  return { boardId, cast, staff: people.slice(0, 2), patients: people.slice(2), fay };
}

describe.each(targets)('perspectives on %s', (target) => {
  let app: Awaited<ReturnType<typeof target.start>>;
  let lens: Lens;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await target.start();
    lens = await setUpLens(app, open);
  }, 120_000);
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });

  const choose = async (person: TestPerson, choice: unknown) => {
    const response = await api(app, `/api/boards/${lens.boardId}/perspective`, { method: 'PUT', body: { choice }, cookie: person.cookie });
    return { status: response.status, body: (await response.json()) as Partial<MyPerspective> & Partial<ErrorBody> };
  };
  const lines = async (person: TestPerson) => (await (await api(app, `/api/boards/${lens.boardId}/perspectives`, { cookie: person.cookie })).json()) as PerspectiveLines;

  /** Everything a member can read of the board: the document, presence, and every answer the API gives them. */
  const observe = async (person: TestPerson, client: SyncClient) => {
    const { boardId } = lens;
    const answers: Record<string, unknown> = {};
    const paths = ['/api/boards', `/api/boards/${boardId}`, `/api/boards/${boardId}/members`, `/api/boards/${boardId}/vote`, `/api/boards/${boardId}/news`];
    paths.push(`/api/boards/${boardId}/comments/mine`, `/api/boards/${boardId}/feelings/mine`, `/api/boards/${boardId}/perspective`, `/api/boards/${boardId}/perspectives`);
    paths.push(`/api/boards/${boardId}/history`, '/api/me');
    for (const path of paths) {
      const response = await api(app, path, { cookie: person.cookie });
      answers[path] = { status: response.status, body: await response.json() };
    }
    await roundTrip(client);
    return { document: documentJson(client.doc), presence: [...client.provider.awareness.getStates().values()], answers };
  };

  it('draws a line only where at least 3 people of a perspective gave a feeling: of 2 and 3, only the second’s', async () => {
    const { boardId, staff, patients, cast } = lens;
    for (const person of staff) expect((await choose(person, worksHere)).body).toEqual({ choice: worksHere });
    for (const person of patients) expect((await choose(person, usesService)).body).toEqual({ choice: usesService });
    for (const person of staff) await giveFeeling(app, boardId, person, corridor, { score: 2 });
    for (const [i, person] of patients.entries()) await giveFeeling(app, boardId, person, corridor, { score: i === 1 ? -1 : -2 });
    const seen = await lines(cast.view);
    expect(seen.perspectives.map((p) => p.id)).toEqual([usesService, 'cares-for-someone', worksHere]);
    const atCorridor = seen.moments.find((moment) => moment.touchpointId === corridor)!;
    expect(atCorridor.points).toEqual({ [usesService]: { count: 3, median: -2 }, 'cares-for-someone': null, [worksHere]: null });
    // Each is told their own choice, and only that.
    expect(await (await api(app, `/api/boards/${boardId}/perspective`, { cookie: staff[0]!.cookie })).json()).toEqual({ choice: worksHere });
    expect(await (await api(app, `/api/boards/${boardId}/perspective`, { cookie: cast.edit.cookie })).json()).toEqual({ choice: null });
  });

  it('lets nobody else learn a person’s choice: everything another member can read is the same before and after it', async () => {
    const { boardId, staff, cast } = lens;
    const tam = staff[1]!;
    // The watcher: another member, with a stock client and presence of their own.
    const watcher = await syncedClient(app, boardId, cast.edit, open);
    watcher.provider.awareness.setLocalStateField('user', { name: 'Ed' });
    await waitUntil(() => boardTypes(watcher.doc).feelings.size === 5, 'the five feelings reach the watcher', 20_000);
    const before = await observe(cast.edit, watcher);
    expect((await choose(tam, usesService)).body).toEqual({ choice: usesService });
    expect((await choose(cast.comment, 'cares-for-someone')).body).toEqual({ choice: 'cares-for-someone' });
    expect(await observe(cast.edit, watcher)).toEqual(before);
    expect(await (await api(app, `/api/boards/${boardId}/perspective`, { cookie: tam.cookie })).json()).toEqual({ choice: usesService });
  });

  it('refuses bad choices and bad settings, changing nothing', async () => {
    const { boardId, cast, patients } = lens;
    expect(await choose(patients[0]!, 'no-such-choice')).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect(await choose(patients[0]!, 42)).toMatchObject({ status: 400, body: { error: { code: 'invalid_body' } } });
    expect((await (await api(app, `/api/boards/${boardId}/perspective`, { cookie: patients[0]!.cookie })).json())).toEqual({ choice: usesService });
    expect((await api(app, `/api/boards/${boardId}/perspective`, { cookie: cast.outsider.cookie })).status).toBe(403);
    // Only a facilitator names the choices, and only as a list of 2 to 6 with words.
    const ed = await syncedClient(app, boardId, cast.edit, open);
    const closed = nextCloseCode(ed.provider, 20_000);
    boardTypes(ed.doc).meta.set('perspectives', [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]);
    expect(await closed).toBe(CloseCode.changeRefused);
    ed.provider.disconnect();
    for (const bad of [[{ id: 'only', label: 'Only one' }], [{ id: 'a', label: '' }, { id: 'b', label: 'B' }], [{ id: 'a', label: 'A' }, { id: 'a', label: 'Again' }], [{ id: 'a', label: 'A', who: 'x' }, { id: 'b', label: 'B' }]]) {
      const fay = await syncedClient(app, boardId, cast.facilitate, open);
      const refused = nextCloseCode(fay.provider, 20_000);
      boardTypes(fay.doc).meta.set('perspectives', bad);
      expect(await refused, JSON.stringify(bad)).toBe(CloseCode.changeRefused);
      fay.provider.disconnect();
    }
    const watcher = await syncedClient(app, boardId, cast.view, open);
    expect(boardTypes(watcher.doc).meta.get('perspectives')).toEqual(defaultPerspectives);
  });

  it('gives the lines as they were worked out on a board without perspectives: none, and a choice is refused', async () => {
    const other = await setUpBoard(app);
    const answer = (await (await api(app, `/api/boards/${other.boardId}/perspectives`, { cookie: other.cast.comment.cookie })).json()) as PerspectiveLines;
    expect(answer).toEqual({ workedOutAt: null, perspectives: [], moments: [], differMost: [] });
    const response = await api(app, `/api/boards/${other.boardId}/perspective`, { method: 'PUT', body: { choice: worksHere }, cookie: other.cast.comment.cookie });
    expect(response.status).toBe(409);
    expect(((await response.json()) as ErrorBody).error.code).toBe('no_perspectives');
  });
});

describe('perspective lines over time (Node, a clock the test moves)', () => {
  let now = Date.UTC(2026, 11, 2, 9);
  let app: Awaited<ReturnType<typeof startTestServer>>;
  let lens: Lens;
  const open: SyncClient[] = [];
  beforeAll(async () => {
    app = await startTestServer({ clock: { now: () => now } });
    lens = await setUpLens(app, open);
  }, 120_000);
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await app?.dispose();
  });
  const lines = async (person: TestPerson) => (await (await api(app, `/api/boards/${lens.boardId}/perspectives`, { cookie: person.cookie })).json()) as PerspectiveLines;
  const choose = (person: TestPerson, choice: string) => api(app, `/api/boards/${lens.boardId}/perspective`, { method: 'PUT', body: { choice }, cookie: person.cookie });

  it('shows only the perspective with 3 people at a moment, marks where realities differ, and works lines out again only every 10 minutes', async () => {
    const { boardId, staff, patients, cast } = lens;
    for (const person of staff) expect((await choose(person, worksHere)).status).toBe(200);
    for (const person of patients) expect((await choose(person, usesService)).status).toBe(200);
    for (const person of staff) await giveFeeling(app, boardId, person, corridor, { score: 2 });
    for (const [i, person] of patients.entries()) await giveFeeling(app, boardId, person, corridor, { score: i === 1 ? -1 : -2 });
    // The facilitator says "Rather not say" and gives a feeling: no line is ever drawn for it.
    expect((await choose(cast.facilitate, 'rather-not-say')).status).toBe(200);
    await giveFeeling(app, boardId, cast.facilitate, corridor, { score: 0 });

    const first = await lines(cast.view);
    expect(first.workedOutAt).toBe(new Date(now).toISOString());
    expect(first.perspectives.map((p) => p.id)).toEqual([usesService, 'cares-for-someone', worksHere]);
    const atCorridor = first.moments.find((moment) => moment.touchpointId === corridor)!;
    expect(atCorridor.points).toEqual({ [usesService]: { count: 3, median: -2 }, 'cares-for-someone': null, [worksHere]: null });
    expect(first.differMost).toEqual([]);
    expect(JSON.stringify(first)).not.toMatch(new RegExp([...staff, ...patients, cast.facilitate].map((p) => p.id).join('|')));

    // A third member of staff gives a feeling: nothing moves until the lines are worked out again.
    await giveFeeling(app, boardId, cast.comment, corridor, { score: 1 });
    expect((await choose(cast.comment, worksHere)).status).toBe(200);
    now += perspectiveLinesEveryMs - 1;
    expect(await lines(cast.view)).toEqual(first);
    now += 1;
    const second = await lines(cast.view);
    expect(second.moments.find((moment) => moment.touchpointId === corridor)!.points).toEqual({
      [usesService]: { count: 3, median: -2 },
      'cares-for-someone': null,
      [worksHere]: { count: 3, median: 2 },
    });
    // -2 and +2: four points apart, where the realities differ most.
    expect(second.differMost).toEqual([{ touchpointId: corridor, gap: 4, lowest: usesService, highest: worksHere }]);
  });
});
