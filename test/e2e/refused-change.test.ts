/**
 * A change the server refuses (close code 4422), in real Chromium against the real server and its
 * guard. An honest page never sends one, so the test makes the page send what its person may not
 * do — Cai, who can comment and give feelings, renames a stage:
 * - through the page's own socket while the board is open;
 * - from the page's copy on this device (IndexedDB), as a change made there while offline would be.
 * Either way the page throws its document and the device's copy away, loads the board afresh from
 * the server, says so politely, and works on; the refused change is sent once, never again.
 */
import * as encoding from 'lib0/encoding';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, type Feeling } from '../../shared/board-document.ts';
import { CloseCode, MessageType } from '../../shared/sync-protocol.ts';
import { localCopyName } from '../../client/src/local-copies.ts';
import { axeViolations } from '../support/axe.ts';
import { contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const notice = 'One of your changes could not be saved, so we loaded the board again. Everything you see now is saved.';

/** Runs in the page before its scripts: keeps every WebSocket it opens and the code it closed with. */
function recordSockets(): void {
  const sockets: WebSocket[] = [];
  const codes: (number | null)[] = [];
  Object.assign(window, { sockets, socketCodes: codes });
  window.WebSocket = class RecordedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const index = sockets.push(this) - 1;
      codes.push(null);
      this.addEventListener('close', (event) => (codes[index] = event.code));
    }
  };
}

const socketCodes = (page: Page) => page.evaluate(() => (window as unknown as { socketCodes: (number | null)[] }).socketCodes);

/** Ann's board with one stage and one card, and Cai, who can comment and give feelings. */
async function boardWithCommenter(title: string) {
  const { server, browser } = fixture;
  const ann = await signUp(server, 'Ann');
  const cai = await signUp(server, 'Cai');
  const boardId = await createBoard(server, ann, title);
  await addMember(server.libsqlUrl, boardId, cai.id, 'comment');
  const seed = fixture.nodeClient(boardId, ann);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-arriving', 'Arriving')]);
    touchpoints.set(
      'touchpoint-reception',
      newTouchpoint({ id: 'touchpoint-reception', stageId: 'stage-arriving', order: 'a0', title: 'Reception desk', createdBy: ann.id, createdAt: Date.now() }),
    );
  });
  const context = await contextFor(browser, server, cai);
  await context.addInitScript(recordSockets);
  return { boardId, cai, server: seed.doc, context };
}

/** Cai renaming the stage, as a Yjs update on top of what the server has: the guard refuses it. */
function renameStage(server: Y.Doc, title: string): Uint8Array {
  const forged = new Y.Doc();
  Y.applyUpdate(forged, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(forged);
  boardTypes(forged).stages.get(0).set('title', title);
  return Y.encodeStateAsUpdate(forged, before);
}

/** The feelings on the card (only Cai gives any): the server writes them under keys that name nobody. */
const receptionFeelings = (server: Y.Doc) =>
  [...boardTypes(server).feelings.entries()].filter(([key]) => key.startsWith('touchpoint-reception/')).map(([key, value]) => ({ key, ...(value as Feeling) }));

async function openAsCai(context: BrowserContext, boardId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return page;
}

/** After the reload: the server's stage title, the notice, and a feeling that reaches the server. */
async function expectLoadedAgain(page: Page, server: Y.Doc, cai: TestPerson) {
  await page.getByRole('status').filter({ hasText: notice }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  await page.getByRole('heading', { name: 'Step 1: Arriving' }).waitFor();
  expect(boardTypes(server).stages.get(0).get('title')).toBe('Arriving');
  expect(await axeViolations(page)).toEqual([]);
  // The fresh document syncs: what Cai may do still works and is saved.
  const reception = page.locator('[data-touchpoint-id="touchpoint-reception"]');
  await reception.getByRole('radio', { name: 'Good', exact: true }).check();
  await waitUntil(() => receptionFeelings(server).some((feeling) => feeling.score === 1), 'Cai\'s feeling reaches the server');
  expect(receptionFeelings(server)[0]?.key).not.toContain(cai.id);
  // The refused change was sent once: one socket closed with 4422, the one open now never was.
  const codes = await socketCodes(page);
  expect(codes.filter((code) => code === CloseCode.changeRefused)).toHaveLength(1);
  expect(codes.at(-1)).toBeNull();
  expect(boardTypes(server).stages.get(0).get('title')).toBe('Arriving');
}

describe('a change the server refuses', () => {
  it('loads the board afresh when the page sends a change its person may not make', async () => {
    const { boardId, cai, server, context } = await boardWithCommenter('Refused live');
    const page = await openAsCai(context, boardId);
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, MessageType.sync);
    syncProtocol.writeUpdate(frame, renameStage(server, 'Renamed by Cai'));
    await page.evaluate((bytes) => {
      const { sockets } = window as unknown as { sockets: WebSocket[] };
      sockets.at(-1)!.send(new Uint8Array(bytes));
    }, [...encoding.toUint8Array(frame)]);
    await expectLoadedAgain(page, server, cai);
    await context.close();
  });

  it('throws away the copy on this device that holds the refused change, so it is never sent again', async () => {
    const { boardId, cai, server, context } = await boardWithCommenter('Refused from the device');
    const page = await openAsCai(context, boardId);
    const database = localCopyName(boardId);
    const storedUpdates = () =>
      page.evaluate(
        (name) =>
          new Promise<number[][]>((resolve, reject) => {
            const open = indexedDB.open(name);
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const db = open.result;
              const all = db.transaction('updates').objectStore('updates').getAll();
              all.onsuccess = () => {
                db.close();
                resolve((all.result as Uint8Array[]).map((update) => [...update]));
              };
            };
          }),
        database,
      );
    // The device's copy holds the board; leave the board (its copy closes) and put the change in it.
    await waitUntil(async () => (await storedUpdates()).length > 0, 'the board is kept on this device');
    await page.goto('/');
    await page.getByRole('heading', { name: /Your boards/ }).waitFor();
    await page.evaluate(
      ({ name, update }) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open(name);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const write = db.transaction('updates', 'readwrite');
            write.objectStore('updates').add(new Uint8Array(update));
            write.oncomplete = () => {
              db.close();
              resolve();
            };
            write.onerror = () => reject(write.error);
          };
        }),
      { name: database, update: [...renameStage(server, 'Renamed offline by Cai')] },
    );

    await page.goto(`/boards/${boardId}`);
    await expectLoadedAgain(page, server, cai);

    // What the device keeps now is the board as the server has it, without the refused change.
    await page.goto('/');
    await page.getByRole('heading', { name: /Your boards/ }).waitFor();
    const copy = new Y.Doc();
    for (const update of await storedUpdates()) Y.applyUpdate(copy, new Uint8Array(update));
    expect(boardTypes(copy).stages.get(0).get('title')).toBe('Arriving');
    // Opening the board again from it sends nothing the server refuses.
    await page.goto(`/boards/${boardId}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.locator('[data-touchpoint-id="touchpoint-reception"]').getByRole('radio', { name: 'Bad', exact: true }).check();
    await waitUntil(() => receptionFeelings(server).length === 1 && receptionFeelings(server)[0]?.score === -1, 'the new feeling reaches the server');
    expect(await socketCodes(page)).not.toContain(CloseCode.changeRefused);
    expect(await page.getByText(notice).count()).toBe(0);
    await context.close();
  });
});
