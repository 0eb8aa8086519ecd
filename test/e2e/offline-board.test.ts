/**
 * Opening a board without a connection (issue 10, point 4), in Chromium against the built client
 * and its service worker: a person who opened a board online opens it again offline, in a new
 * page, from this device's copy — with the offline status, editable — and what they add offline
 * reaches the server once they are back. A board this device keeps no copy of says so; after
 * signing out nothing of the boards is left to open.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { addStage, contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];

const offlineSaved = 'Offline — your changes are saved on this device and will be sent when you are back online';
const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => stage.get('title'));

/** Pat's board with a stage on the server, a Node client watching it, and Pat's browser at `viewport`. */
async function boardOpenedOnline(title: string, viewport: { width: number; height: number }) {
  const { server, browser } = fixture;
  const pat = await signUp(server, 'Pat');
  const boardId = await createBoard(server, pat, title);
  const watcher = fixture.nodeClient(boardId, pat);
  await watcher.synced;
  boardTypes(watcher.doc).stages.push([newStage('referral', 'Referral')]);
  const context = await contextFor(browser, server, pat);
  const { page } = await newPage(context, `/boards/${boardId}`, viewport);
  await page.getByRole('heading', { name: /Referral/ }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
  // The app shell is kept on this device once its service worker is active.
  await page.evaluate(async () => void (await navigator.serviceWorker.ready));
  return { boardId, watcher, context, page };
}

/** A new page on `path`, with the viewport and a record of uncaught errors. */
async function newPage(context: BrowserContext, path: string, viewport: { width: number; height: number }): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(path);
  return { page, errors };
}

describe.each(viewports)('offline at $width×$height', (viewport) => {
  it('a board opened here before opens from the device copy, editable, and the edit reaches the server once back', async () => {
    const { boardId, watcher, context, page: first } = await boardOpenedOnline('Day surgery', viewport);
    await first.close();

    await context.setOffline(true);
    const { page, errors } = await newPage(context, `/boards/${boardId}`, viewport);
    await page.getByRole('heading', { name: /Referral/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Offline — reconnecting' }).waitFor();
    expect(await page.getByText('We could not reach Common Ground').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);

    await addStage(page, 'Waiting for a date');
    await page.getByRole('status').filter({ hasText: offlineSaved }).waitFor();
    expect(stageTitles(watcher.doc)).not.toContain('Waiting for a date');

    await context.setOffline(false);
    await waitUntil(() => stageTitles(watcher.doc).includes('Waiting for a date'), 'the stage added offline reaches the server', 20_000);
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('offline, without a copy to open', () => {
  it('says the board is not kept on this device when its copy is gone', async () => {
    const viewport = viewports[0]!;
    const { boardId, context, page } = await boardOpenedOnline('Copy cleared', viewport);
    // The browser cleared the site's storage for this board (as it may when the disk is full).
    await page.close();
    const blank = await context.newPage();
    await blank.goto('/account');
    await blank.evaluate(
      (name) =>
        new Promise<void>((resolve, reject) => {
          const request = indexedDB.deleteDatabase(name);
          request.onsuccess = () => resolve();
          request.onerror = () => reject(request.error);
        }),
      `common-ground:board:${boardId}`,
    );
    await blank.close();

    await context.setOffline(true);
    const { page: offline } = await newPage(context, `/boards/${boardId}`, viewport);
    await offline.getByText('This board is not kept on this device, so it cannot open without a connection.').waitFor();
    expect(await axeViolations(offline)).toEqual([]);
    await context.close();
  });

  it('after signing out, nothing of the board is left to open', async () => {
    const viewport = viewports[1]!;
    const { boardId, context, page } = await boardOpenedOnline('Shared computer', viewport);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    const remembered = () => page.evaluate(() => localStorage.getItem('common-ground:remembered-boards'));
    await waitUntil(async () => (await remembered()) === null, 'the device forgets the person and the board');

    await context.setOffline(true);
    const { page: offline } = await newPage(context, `/boards/${boardId}`, viewport);
    await offline.getByRole('heading', { name: 'We could not reach Common Ground' }).waitFor();
    expect(await offline.getByRole('heading', { name: /Referral/ }).count()).toBe(0);
    await context.close();
  });
});
