/**
 * When the browser will not keep a copy of the board (IndexedDB refused, as in Firefox private
 * windows and some locked-down NHS browsers), the board still loads and syncs from the server,
 * and the status line never claims "saved on this device": it says changes are not kept here and
 * asks the person to stay online — before and after the network goes. With IndexedDB working it
 * says the usual thing.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { addStage, contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { indexedDbOpenFails } from '../support/faults.ts';

const fixture = useBrowserFixture();


/** Runs in the page before its scripts: `indexedDB.open` throws, as where storage is blocked by policy. */
function openThrows(): void {
  IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
    throw new DOMException('The user denied permission to access the database.', 'SecurityError');
  };
}

const stageTitles = (doc: Y.Doc) => boardTypes(doc).stages.toArray().map((stage) => stage.get('title'));

/** A board with a stage the server already has, a Node client watching it, and a context for `person`. */
async function boardOnServer(title: string) {
  const { server, browser } = fixture;
  const person = await signUp(server, 'Pat');
  const boardId = await createBoard(server, person, title);
  const watcher = fixture.nodeClient(boardId, person);
  await watcher.synced;
  boardTypes(watcher.doc).stages.push([newStage('from-server', 'Referral')]);
  const context = await contextFor(browser, server, person);
  return { person, boardId, watcher, context };
}

/** Opens the board, collecting uncaught errors (a swallowed failure would show up here). */
async function openPage(context: BrowserContext, boardId: string): Promise<{ page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`/boards/${boardId}`);
  return { page, errors };
}

const status = (page: Page) => page.getByRole('status').first();

describe('a browser that keeps no copy of the board', () => {
  it('loads and syncs from the server, and says changes are not kept on this device, online and offline', async () => {
    const { boardId, watcher, context } = await boardOnServer('Private window');
    await context.addInitScript(indexedDbOpenFails);
    const { page, errors } = await openPage(context, boardId);

    await page.getByRole('heading', { name: /Referral/ }).waitFor(); // loaded from the server
    await page.getByRole('status').filter({ hasText: 'not kept on this device' }).waitFor({ timeout: 10_000 });
    await addStage(page, 'Arriving');
    await waitUntil(() => stageTitles(watcher.doc).includes('Arriving'), 'the stage added in the page reaches the server');
    await page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    expect(await status(page).textContent()).toBe(
      'Live — all changes saved. Your changes are not kept on this device, so please stay online until it says saved.',
    );

    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await addStage(page, 'Waiting'); // unsaved: the old page said "saved on this device" here
    const offline = await status(page).textContent();
    expect(offline).not.toContain('saved on this device');
    expect(offline).toBe(
      'Offline — your changes are not kept on this device. Please keep this page open until you are back online and it says saved.',
    );

    await context.setOffline(false);
    await waitUntil(() => stageTitles(watcher.doc).includes('Waiting'), 'the offline stage reaches the server once back');
    await page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    expect(await status(page).textContent()).toContain('not kept on this device');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says the same when opening IndexedDB throws', async () => {
    const { boardId, context } = await boardOnServer('Locked-down browser');
    await context.addInitScript(openThrows);
    const { page, errors } = await openPage(context, boardId);
    await page.getByRole('heading', { name: /Referral/ }).waitFor();
    await page.getByRole('status').filter({ hasText: 'not kept on this device' }).waitFor({ timeout: 10_000 });
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await addStage(page, 'Waiting');
    expect(await status(page).textContent()).toContain('Offline — your changes are not kept on this device.');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a browser that keeps a copy of the board', () => {
  it('says the usual thing: saved on this device while offline, no warning online', async () => {
    const { boardId, context } = await boardOnServer('Usual browser');
    const { page, errors } = await openPage(context, boardId);
    await page.getByRole('heading', { name: /Referral/ }).waitFor();
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: 'Offline' }).waitFor();
    await addStage(page, 'Waiting');
    // Only said once the device's copy is open, so from here on the copy is known to work.
    await page.getByRole('status').filter({ hasText: 'saved on this device' }).waitFor();
    expect(await status(page).textContent()).toBe(
      'Offline — your changes are saved on this device and will be sent when you are back online',
    );
    await context.setOffline(false);
    await page.getByRole('status').filter({ hasText: 'all changes saved' }).waitFor();
    expect(await status(page).textContent()).toBe('Live — all changes saved');
    expect(errors).toEqual([]);
    await context.close();
  });
});
