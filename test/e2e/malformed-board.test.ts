/**
 * A board stored before the server's guard may hold what the guard now refuses: a stage that is a
 * plain string, a card whose title is a number, a feeling scored 7, a "Recently deleted" entry of
 * an unknown kind, a board title that is not text. Written here straight into the stored log
 * (the server stopped, no socket, no guard), then the board is opened in real Chromium at
 * 390×844 and 1366×768: the page shows everything that is readable, skips what is not, never goes
 * blank or throws, has no axe violations, and its member can still add a card that reaches
 * another client through the guard.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { clientDist } from '../../scripts/build-client.ts';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { addTouchpoint, chooseCardAction } from '../support/board-page.ts';
import { launchBrowser } from '../support/browser.ts';
import { freePort } from '../support/free-port.ts';
import { addMember } from '../support/members.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { writeBehindGuard } from '../support/write-behind-guard.ts';

const dir = makeTempDir('common-ground-malformed-');
const libsqlUrl = `file:${dir.path}/board.db`;
let url = '';
let server: TestServer | undefined;
let browser: Browser | undefined;
const clients: SyncClient[] = [];

/** The server on our database file and port, serving the built client (E2E_CLIENT_DIR: another build). */
const start = () =>
  startTestServer({ libsqlUrl, clientDir: process.env['E2E_CLIENT_DIR'] ?? clientDist, env: { PORT: new URL(url).port, PUBLIC_URL: url } });

beforeAll(async () => {
  url = `http://127.0.0.1:${await freePort()}`;
  server = await start();
  browser = await launchBrowser();
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await browser?.close();
  await server?.dispose(); // its own empty folder; the database is in ours
  dir.remove();
});

/** The readable part: one stage, one card in it, Ann's feeling about it. */
function writeGoodPart(doc: Y.Doc, ann: TestPerson): void {
  const { stages, touchpoints, feelings } = boardTypes(doc);
  stages.push([newStage('stage-arriving', 'Arriving')]);
  touchpoints.set('card-car-park', newTouchpoint({ id: 'card-car-park', stageId: 'stage-arriving', order: 'a0', title: 'Car park', story: 'No spaces at all', createdBy: ann.id, createdAt: 1 }));
  feelings.set(participantKey('card-car-park', ann.id), { score: -1, words: ['frustrated'], at: 1 });
}

/** What the guard refuses today, each kind once (through untyped views of the top-level types). */
function writeGarbage(doc: Y.Doc, ann: TestPerson, bob: TestPerson): void {
  const { meta, touchpoints, deleted } = boardTypes(doc);
  const stages = doc.getArray<unknown>('stages');
  const feelings = doc.getMap<unknown>('feelings');
  const comments = doc.getMap<unknown>('comments');
  // A stage that is a plain string, and a stage map without an id.
  const idless = new Y.Map<unknown>();
  idless.set('title', 'Stage without an id');
  stages.push(['Waiting room', idless]);
  // A card whose title is a number and whose story is missing, in the good stage.
  const numbered = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ id: 'card-numbered', stageId: 'stage-arriving', order: 'a1', title: 42, createdBy: ann.id, createdAt: 2 })) numbered.set(key, value);
  touchpoints.set('card-numbered', numbered);
  // A card in a stage that does not exist.
  touchpoints.set('card-nowhere', newTouchpoint({ id: 'card-nowhere', stageId: 'stage-nowhere', order: 'a0', title: 'Lost card', createdBy: ann.id, createdAt: 3 }));
  // A feeling scored 7 whose words are not a list, and Bob's own "feeling" that is a string.
  feelings.set(participantKey('card-car-park', 'someone-else'), { score: 7, words: 'angry', at: 4 });
  feelings.set(participantKey('card-car-park', bob.id), 'very good');
  // A Recently deleted entry of an unknown kind, under the good card's id: it must hide nothing.
  const banana = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ id: 'card-car-park', kind: 'banana', deletedAt: Date.now(), deletedBy: ann.id })) banana.set(key, value);
  deleted.set('card-car-park', banana);
  // A comment that is a number; a phase that is not one; a board title that is a number.
  comments.set('comment-number', 17);
  meta.set('phase', 'party');
  meta.set('title', 42);
}

/** A page of `person`'s at `viewport`, recording every uncaught error and console error from the start. */
async function openRecorded(person: TestPerson, boardId: string, viewport: { width: number; height: number }) {
  const context = await browser!.newContext({ baseURL: url, viewport });
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url }]);
  const page = await context.newPage();
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return { page, pageErrors, consoleErrors };
}

const cardOf = (page: Page, id: string) => page.locator(`[data-touchpoint-id="${id}"]`);

/**
 * The readable part shows — the good stage, card, story, Ann's feeling, on the board and on the
 * curve — and nothing of the rest; the page never failed; axe finds nothing.
 */
async function showsWhatItCanRead({ page, pageErrors, consoleErrors }: Awaited<ReturnType<typeof openRecorded>>): Promise<void> {
  await waitUntil(
    async () => {
      // Yjs catches what an observer throws and logs it as a console error: both mean a crash here.
      const errors = [...pageErrors, ...consoleErrors];
      if (errors.length > 0) throw new Error(`the page failed: ${errors.join('; ')}`);
      return page.getByRole('heading', { name: /Arriving/ }).isVisible();
    },
    'the good stage shows',
    30_000,
  );
  const good = cardOf(page, 'card-car-park');
  await good.getByRole('heading', { name: 'Car park' }).waitFor();
  await good.getByText('No spaces at all').waitFor();
  // Ann's feeling counts; the 7 and Bob's string do not.
  await good.getByText('1 person: 1 bad.').waitFor();
  // The card whose title is a number is there to be named; the string stage, the stage without
  // an id and the card in no stage are not shown.
  await page.getByRole('heading', { name: 'Untitled touchpoint' }).waitFor();
  expect(await page.getByText('Waiting room').count()).toBe(0);
  expect(await page.getByText('Stage without an id').count()).toBe(0);
  expect(await page.getByText('Lost card').count()).toBe(0);
  // The entry of an unknown kind hides nothing, and there is nothing in Recently deleted.
  expect(await page.getByRole('button', { name: /Recently deleted/ }).count()).toBe(0);
  const row = page.getByRole('table', { name: 'How each moment felt' }).getByRole('row', { name: /Car park/ });
  await expect.poll(() => row.textContent()).toContain('Bad');
  // The title that is a number gives way to the board's name on record.
  expect(await page.locator('h1').textContent()).toBe('Outpatients');
  expect(await axeViolations(page)).toEqual([]);
}

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

describe.each(viewports)('a board holding what the guard refuses, on $name', (viewport) => {
  it('shows what it can read, skips the rest, and can still be edited', async () => {
    const ann = await signUp(server!, 'Ann');
    const bob = await signUp(server!, 'Bob');
    const boardId = await createBoard(server!, ann, 'Outpatients');
    await addMember(libsqlUrl, boardId, bob.id, 'edit');
    // Behind the guard's back: the server stopped (everything flushed), the log written, started again.
    await server!.dispose();
    server = undefined;
    await writeBehindGuard(libsqlUrl, boardId, (doc) =>
      doc.transact(() => {
        writeGoodPart(doc, ann);
        writeGarbage(doc, ann, bob);
      }),
    );
    server = await start();

    // Bob (can add and change) and Ann (can organise: she also gets the title and stage controls).
    const bobs = await openRecorded(bob, boardId, viewport);
    const anns = await openRecorded(ann, boardId, viewport);
    for (const opened of [bobs, anns]) await showsWhatItCanRead(opened);
    // Ann's choice is hers on her page; Bob's string is no choice at all.
    expect(await cardOf(anns.page, 'card-car-park').getByRole('radio', { name: 'Bad', exact: true }).isChecked()).toBe(true);
    expect(await cardOf(bobs.page, 'card-car-park').getByRole('radio', { checked: true }).count()).toBe(0);
    const { page } = bobs;

    // The server handed over the garbage too (the page got the same document): nothing was dropped before it.
    const watcher = connectClient(server, boardId, ann.cookie);
    clients.push(watcher);
    await watcher.synced;
    const stored = boardTypes(watcher.doc);
    expect(stored.stages.length).toBe(3);
    expect(stored.meta.get('phase')).toBe('party');
    expect(stored.comments.get('comment-number')).toBe(17);
    expect(stored.deleted.get('card-car-park')?.get('kind')).toBe('banana');
    // Stored under named keys, the feelings were moved at load to keys of the server's that name
    // nobody — the garbage too, untouched: three on the good card, none under anyone's id.
    const feelingEntries = [...(stored.feelings as unknown as Y.Map<unknown>).entries()];
    expect(feelingEntries.map(([, value]) => value)).toEqual(expect.arrayContaining(['very good', { score: 7, words: 'angry', at: 4 }, { score: -1, words: ['frustrated'], at: 1 }]));
    expect(feelingEntries).toHaveLength(3);
    for (const [key] of feelingEntries) {
      expect(key).toMatch(/^card-car-park\/[A-Za-z0-9_-]{22}$/);
      for (const id of [ann.id, bob.id, 'someone-else']) expect(key).not.toContain(id);
    }

    // Bob can still add a card; it passes the guard and reaches another client.
    await addTouchpoint(page, 'Ticket machine');
    const titles = () => [...stored.touchpoints.values()].map((touchpoint) => String(touchpoint.get('title')));
    await waitUntil(() => titles().includes('Ticket machine'), 'the card Bob added reaches another client', 10_000);
    // The card whose title was a number shows as untitled, and Bob can name it and tell its story.
    await chooseCardAction(page, 'Untitled touchpoint', 'Change name or story');
    await page.getByLabel('Touchpoint name').fill('Pay machine');
    await page.getByLabel('Story').fill('It only took coins.');
    const numbered = () => stored.touchpoints.get('card-numbered');
    await waitUntil(
      () => String(numbered()?.get('title')) === 'Pay machine' && String(numbered()?.get('story')) === 'It only took coins.',
      'the name and story Bob gave the untitled card reach another client',
      10_000,
    );
    await page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    expect(await page.getByText('could not be saved').count()).toBe(0);

    await anns.page.getByRole('heading', { name: 'Pay machine' }).waitFor();
    await anns.page.getByRole('heading', { name: 'Ticket machine' }).waitFor();
    for (const opened of [bobs, anns]) {
      expect(opened.pageErrors).toEqual([]);
      expect(opened.consoleErrors).toEqual([]);
      await opened.page.context().close();
    }
  });
});
