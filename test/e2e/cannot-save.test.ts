/**
 * When the server's database keeps refusing one board's writes, the server closes that board's
 * sockets with 4503 and the page's provider keeps reconnecting (and being closed again). The person
 * is online, so the status line must not say "Offline": it says in plain words that the server
 * cannot save the board just now, whether this device keeps their changes, and that they can keep
 * working — and it keeps saying that, without flickering, through every reconnect, until the
 * database takes the writes and the server has the changes ("Live — all changes saved").
 * The database is the real LibSQL store wrapped so that `write` fails for the boards in `failing`.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { MessageType } from '../../shared/sync-protocol.ts';
import { addStage, contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { indexedDbOpenFails, refusingWritesFor } from '../support/faults.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

/** Boards whose writes the database refuses, as a remote LibSQL refuses an oversize write. */
const failing = new Set<string>();
const fixture = useBrowserFixture({
  wrapDocumentStore: refusingWritesFor(failing),
  onError: () => {}, // the failed writes are expected here; save-failures.test.ts checks the log
});
afterEach(() => failing.clear());

const cannotSaveKept =
  'The server cannot save this board just now. Your changes are kept on this device and will be sent when it can — you can keep working.';
const cannotSaveNotKept =
  'The server cannot save this board just now. Your changes are not kept on this device, so please keep this page open. They will be sent when the server can — you can keep working.';


const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => String(stage.get('title')));
const statusLine = (page: Page): Locator => page.getByRole('status').and(page.locator('.connection-status'));

/**
 * Opens the board in a page that records every text its status line shows (consecutive repeats
 * once) and counts the page's sync sockets that were closed, and those that synced (got the
 * server's sync step 2).
 */
async function openWatchedBoard(context: BrowserContext, boardId: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  let closedSockets = 0;
  let syncedSockets = 0;
  page.on('websocket', (socket) => {
    if (!socket.url().includes('/sync/')) return;
    socket.on('close', () => closedSockets++);
    let synced = false;
    socket.on('framereceived', ({ payload }) => {
      if (synced || typeof payload === 'string') return;
      synced = payload[0] === MessageType.sync && payload[1] === syncProtocol.messageYjsSyncStep2;
      if (synced) syncedSockets++;
    });
  });
  await page.goto(`/boards/${boardId}`);
  await statusLine(page).filter({ hasText: 'Live' }).waitFor();
  await statusLine(page).evaluate((element) => {
    const shown: string[] = [];
    const record = () => {
      const text = element.textContent ?? '';
      if (shown.at(-1) !== text) shown.push(text);
    };
    record();
    new MutationObserver(record).observe(element, { subtree: true, childList: true, characterData: true });
    (window as unknown as { statusShown: string[] }).statusShown = shown;
  });
  return {
    page,
    errors,
    closedSockets: () => closedSockets,
    syncedSockets: () => syncedSockets,
    shown: () => page.evaluate(() => (window as unknown as { statusShown: string[] }).statusShown),
  };
}

/** A board on the server, a Node client watching it, and a signed-in browser context. */
async function boardOnServer(title: string) {
  const { server, browser } = fixture;
  const person = await signUp(server, 'Pat');
  const boardId = await createBoard(server, person, title);
  const watcher = fixture.nodeClient(boardId, person);
  await watcher.synced;
  const context = await contextFor(browser, server, person);
  return { boardId, watcher, context };
}

/** The texts shown from the first one containing `from` on. */
const shownFrom = (shown: string[], from: string) => shown.slice(shown.findIndex((text) => text.includes(from)));

describe('a board the server cannot save', () => {
  it('says so in plain words (not "Offline") through every reconnect, then "all changes saved" once the server has them', async () => {
    const { boardId, watcher, context } = await boardOnServer('Cannot save');
    const { page, errors, closedSockets, shown } = await openWatchedBoard(context, boardId);

    failing.add(boardId);
    await addStage(page, 'Triage');
    // The server retries for about 1.5 s, then closes the page's socket with 4503.
    await statusLine(page).filter({ hasText: 'cannot save this board' }).waitFor({ timeout: 15_000 });
    expect(await statusLine(page).textContent()).toBe(cannotSaveKept);

    // The provider reconnects, re-sends the stage and is closed again: the message stays put.
    const closedBefore = closedSockets();
    await waitUntil(() => closedSockets() >= closedBefore + 2, 'the page reconnected and was closed twice more', 20_000);
    expect(await statusLine(page).textContent()).toBe(cannotSaveKept);
    expect(stageTitles(watcher.doc)).not.toContain('Triage'); // never relayed unsaved

    failing.delete(boardId);
    await statusLine(page).filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
    expect(await statusLine(page).textContent()).toBe('Live — all changes saved');
    await waitUntil(() => stageTitles(watcher.doc).includes('Triage'), 'the stage reaches the server', 10_000);

    // From the first failure on it said only these two things: no "Offline", no flicker to "Live".
    expect(shownFrom(await shown(), 'cannot save')).toEqual([cannotSaveKept, 'Live — all changes saved']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so, without flickering to "Live", when the refused changes are someone else\'s', async () => {
    const { boardId, watcher, context } = await boardOnServer('Cannot save, not mine');
    const { page, errors, closedSockets, syncedSockets, shown } = await openWatchedBoard(context, boardId);

    failing.add(boardId);
    boardTypes(watcher.doc).stages.push([newStage('from-elsewhere', 'Discharge')]);
    // The other client's change is refused; the server closes every socket on the board.
    await statusLine(page).filter({ hasText: 'cannot save this board' }).waitFor({ timeout: 15_000 });
    expect(await statusLine(page).textContent()).toBe(cannotSaveKept);

    // The other client waits; this page reconnects and syncs with nothing of its own to save —
    // which proves nothing about saving — and then the other client re-sends and is refused again.
    watcher.provider.disconnect();
    const syncedBefore = syncedSockets();
    await waitUntil(() => syncedSockets() > syncedBefore, 'the page reconnected and synced', 10_000);
    const closedBefore = closedSockets();
    watcher.provider.connect();
    await waitUntil(() => closedSockets() > closedBefore, 'the board was closed again', 15_000);
    expect(await statusLine(page).textContent()).toBe(cannotSaveKept);
    expect(await page.getByRole('heading', { name: /Discharge/ }).count()).toBe(0); // never relayed

    failing.delete(boardId);
    await page.getByRole('heading', { name: /Discharge/ }).waitFor({ timeout: 20_000 });
    await statusLine(page).filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
    expect(shownFrom(await shown(), 'cannot save')).toEqual([cannotSaveKept, 'Live — all changes saved']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('asks the person to keep the page open when this device keeps no copy', async () => {
    const { boardId, watcher, context } = await boardOnServer('Cannot save, no copy');
    await context.addInitScript(indexedDbOpenFails);
    const { page, errors, shown } = await openWatchedBoard(context, boardId);
    await statusLine(page).filter({ hasText: 'not kept on this device' }).waitFor({ timeout: 10_000 });

    failing.add(boardId);
    await addStage(page, 'Waiting room');
    await statusLine(page).filter({ hasText: 'cannot save this board' }).waitFor({ timeout: 15_000 });
    expect(await statusLine(page).textContent()).toBe(cannotSaveNotKept);

    failing.delete(boardId);
    await waitUntil(() => stageTitles(watcher.doc).includes('Waiting room'), 'the stage reaches the server', 20_000);
    await statusLine(page).filter({ hasText: 'all changes saved' }).waitFor({ timeout: 10_000 });
    expect(await statusLine(page).textContent()).toBe(
      'Live — all changes saved. Your changes are not kept on this device, so please stay online until it says saved.',
    );
    expect(shownFrom(await shown(), 'cannot save')).toEqual([
      cannotSaveNotKept,
      'Live — all changes saved. Your changes are not kept on this device, so please stay online until it says saved.',
    ]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
