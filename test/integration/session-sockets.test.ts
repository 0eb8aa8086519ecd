/**
 * No session outlives sign-out on a live board: signing out (here, everywhere, or by adding an
 * email and password, which ends the account's other sessions) closes the sockets opened with the
 * ended sessions with 4401 at once, and a session that expires while its socket is open is caught
 * at that socket's next frame. Sockets of sessions still valid carry on. Stock y-websocket
 * providers, as one suite against both targets (test/support/targets.ts): the Node server and the
 * Workers build in `wrangler dev`. What needs the Node server's insides — a second session made
 * in its LibSQL file, a clock the test moves, the stored document — is checked on Node alone.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { SessionStore } from '../../server/auth/sessions.ts';
import { createSqlDocumentStore } from '../../server/storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { joinBoard } from '../support/invites.ts';
import { clientPool, nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { api, cookieFrom, createBoard, signUp, startTestServer, type AppAddress, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

/** The app the running describe block tests (a Node TestServer in the Node-only block). */
let server: AppAddress & { wsUrl: string };
const pool = clientPool(() => server);

const client = (boardId: string, person: TestPerson): SyncClient => pool.connect(boardId, person);


/** A second session of the same account, as signing in on another device gives. */
async function signInAgain(person: TestPerson, email: string): Promise<TestPerson> {
  const response = await api(server, '/api/auth/login', { body: { email, password: 'a long enough password' } });
  expect(response.status).toBe(200);
  return { ...person, cookie: cookieFrom(response) };
}

const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => String(stage.get('title')));
/** Titles of the board's touchpoints, sorted (a map's order is not the board's). */
const cardTitles = (doc: Y.Doc) => [...boardTypes(doc).touchpoints.values()].map((card) => String(card.get('title'))).sort();

/** The stage the people below add their touchpoints to, added by the facilitator. */
const arriving = 'stage-arriving';
async function addArriving(facilitator: SyncClient, ...others: SyncClient[]): Promise<void> {
  boardTypes(facilitator.doc).stages.push([newStage(arriving, 'Arriving')]);
  await waitUntil(() => others.every((other) => stageTitles(other.doc).includes('Arriving')), 'everyone has the stage');
}

/** Adds a touchpoint through `writer` in `person`'s name (an edit member may). */
function addCard(writer: SyncClient, person: TestPerson, title: string): void {
  const id = `touch-${title.replace(/[^A-Za-z0-9]+/g, '-')}`;
  boardTypes(writer.doc).touchpoints.set(id, newTouchpoint({ id, stageId: arriving, order: 'a0', title, createdBy: person.id, createdAt: Date.now() }));
}

/** Adds a touchpoint through `writer` and waits until the server has stored it: the socket still works. */
async function isStored(writer: SyncClient, person: TestPerson, boardId: string, title: string): Promise<void> {
  addCard(writer, person, title);
  await waitUntil(async () => cardTitles(await storedDocument(boardId)).includes(title), `"${title}" is stored`);
}

/** Adds a touchpoint through `writer` and waits until `reader` has it: the positive probe that a socket still works. */
async function stillSyncs(writer: SyncClient, person: TestPerson, reader: SyncClient, title: string): Promise<void> {
  addCard(writer, person, title);
  await waitUntil(() => cardTitles(reader.doc).includes(title), `"${title}" arrives`);
}

/** The board as the Node server's LibSQL file stores it. */
async function storedDocument(boardId: string): Promise<Y.Doc> {
  const db = await openLibsqlDatabase({ url: (server as TestServer).libsqlUrl });
  try {
    const { snapshot, updates } = await createSqlDocumentStore({ db, now: () => 0 }).load(boardId);
    const doc = new Y.Doc();
    for (const update of snapshot ? [snapshot, ...updates] : updates) Y.applyUpdate(doc, update);
    return doc;
  } finally {
    db.close();
  }
}

/** Ann with two sessions (laptop and phone) on one board, and Bea watching it. */
async function twoDevices() {
  const email = `ann-${crypto.randomUUID()}@example.org`;
  const register = await api(server, '/api/auth/register', {
    body: { email, password: 'a long enough password', displayName: 'Ann' },
  });
  const { user } = (await register.json()) as { user: { id: string } };
  const laptop: TestPerson = { id: user.id, displayName: 'Ann', cookie: cookieFrom(register) };
  const phone = await signInAgain(laptop, email);
  const boardId = await createBoard(server, laptop);
  const bea = await joinBoard(server, laptop, boardId, 'edit', 'Bea');
  const onLaptop = client(boardId, laptop);
  const onPhone = client(boardId, phone);
  const beaClient = client(boardId, bea);
  await Promise.all([onLaptop.synced, onPhone.synced, beaClient.synced]);
  await addArriving(onLaptop, onPhone, beaClient);
  return { laptop, phone, bea, boardId, onLaptop, onPhone, beaClient };
}

describe.each(targets)('ending a session closes its sync sockets on %s', (target) => {
  beforeAll(async () => (server = await target.start()));
  afterEach(() => pool.destroyAll());
  afterAll(() => (server as Target | undefined)?.dispose());

  it('signing out closes that session’s socket with 4401; the other device carries on', async () => {
    const { laptop, onLaptop, onPhone, beaClient } = await twoDevices();
    const closed = nextCloseCode(onLaptop.provider);
    expect((await api(server, '/api/auth/logout', { method: 'POST', cookie: laptop.cookie })).status).toBe(204);
    expect(await closed).toBe(CloseCode.unauthenticated);
    await stillSyncs(onPhone, laptop, beaClient, 'From the phone');
  });

  it('signing out everywhere closes every socket of the person with 4401, at once', async () => {
    const { laptop, phone, bea, boardId, onLaptop, onPhone, beaClient } = await twoDevices();
    const closed = [nextCloseCode(onLaptop.provider), nextCloseCode(onPhone.provider)];
    expect((await api(server, '/api/auth/logout-everywhere', { method: 'POST', cookie: phone.cookie })).status).toBe(204);
    expect(await Promise.all(closed)).toEqual([CloseCode.unauthenticated, CloseCode.unauthenticated]);
    // Nothing the closed sockets try afterwards reaches the board: not Bea, nor someone who opens it
    // after Bea's next edit (relayed only once stored).
    addCard(onLaptop, laptop, 'After signing out');
    addCard(beaClient, bea, 'Bea carries on');
    const later = client(boardId, bea);
    await waitUntil(() => cardTitles(later.doc).includes('Bea carries on'), 'Bea\'s touchpoint is stored and relayed');
    expect(cardTitles(later.doc)).toEqual(['Bea carries on']);
    expect(cardTitles(beaClient.doc)).toEqual(['Bea carries on']);
  });
});

describe('ending a session closes its sync sockets on node: a second session made in the database, a moved clock', () => {
  afterEach(async () => {
    pool.destroyAll();
    await (server as TestServer).dispose();
  });

  it("adding an email and password ends the account's other sessions and closes their sockets", async () => {
    const node = await startTestServer();
    server = node;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann);
    const guest = await joinBoard(server, ann, boardId, 'edit', 'Sam');
    // The guest's second session, as a second device that joined before would have.
    const db = await openLibsqlDatabase({ url: node.libsqlUrl });
    const { token } = await new SessionStore({ db, clock: { now: () => Date.now() }, random: (n) => crypto.getRandomValues(new Uint8Array(n)) }).create(guest.id);
    db.close();
    const otherDevice: TestPerson = { ...guest, cookie: `session=${token}` };
    const annClient = client(boardId, ann);
    const here = client(boardId, guest);
    const there = client(boardId, otherDevice);
    await Promise.all([annClient.synced, here.synced, there.synced]);
    await addArriving(annClient, here, there);
    const closed = nextCloseCode(there.provider);
    const response = await api(server, '/api/me/credentials', {
      body: { email: `sam-${crypto.randomUUID()}@example.org`, password: 'a long enough password' },
      cookie: guest.cookie,
    });
    expect(response.status).toBe(200);
    expect(await closed).toBe(CloseCode.unauthenticated);
    expect((await api(server, '/api/me', { cookie: otherDevice.cookie })).status).toBe(401);
    await stillSyncs(here, guest, annClient, 'Still here');
  });

  it('a session that expires while its socket is open is refused at the next frame, and its edit is not kept', async () => {
    let now = Date.now();
    server = await startTestServer({ clock: { now: () => now } });
    const ann = await signUp(server, 'Ann');
    const bea = await signUp(server, 'Bea');
    const boardId = await createBoard(server, ann);
    const beaJoined = await joinBoard(server, ann, boardId, 'edit', bea);
    const annClient = client(boardId, ann);
    const beaClient = client(boardId, beaJoined);
    await Promise.all([annClient.synced, beaClient.synced]);
    await addArriving(annClient, beaClient);
    // Bea keeps using the app: her session is renewed, so it outlives Ann's.
    now += 20 * 24 * 60 * 60 * 1000;
    expect((await api(server, '/api/me', { cookie: bea.cookie })).status).toBe(200);
    now += 11 * 24 * 60 * 60 * 1000; // Ann's 30 days are over; Bea's renewed session is not

    const closed = nextCloseCode(annClient.provider);
    boardTypes(annClient.doc).stages.push([newStage('stage-sent-expired', 'Sent on an expired session')]);
    expect(await closed).toBe(CloseCode.unauthenticated);
    await isStored(beaClient, beaJoined, boardId, 'Bea, renewed, carries on');
    const stored = await storedDocument(boardId);
    expect(stageTitles(stored)).toEqual(['Arriving']);
    expect(cardTitles(stored)).toEqual(['Bea, renewed, carries on']);
  });
});
