/**
 * A comment written offline (issue 13), in Chromium against the built client and its service
 * worker: Pat opened the board online before; offline, Pat comments on a card — it is kept on the
 * device (a new page opened offline still shows it) and nothing reaches the server — and once Pat
 * is back online it reaches the server and Bob, whose open page shows it at once.
 */
import type { BrowserContext } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();
const offlineSaved = 'Offline — your changes are saved on this device and will be sent when you are back online';
const cardButton = /^(Add a comment|1 comment(, \d+ new)?) on “Ward round”$/;

async function boardPage(context: BrowserContext, boardId: string) {
  const page = await context.newPage();
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('heading', { name: 'Ward round' }).waitFor();
  return page;
}

describe('a comment written offline', () => {
  it('is kept on the device and reaches the others once back online', async () => {
    const { server, browser } = fixture;
    const pat = await signUp(server, 'Pat');
    const bob = await signUp(server, 'Bob');
    const boardId = await createBoard(server, pat, 'Ward');
    await addMember(server.libsqlUrl, boardId, bob.id, 'comment');
    const watcher = fixture.nodeClient(boardId, pat);
    await watcher.synced;
    const { stages, touchpoints, comments } = boardTypes(watcher.doc);
    watcher.doc.transact(() => {
      stages.push([newStage('stage-on-ward', 'On the ward')]);
      touchpoints.set('touch-ward-round', newTouchpoint({ id: 'touch-ward-round', stageId: 'stage-on-ward', order: 'a0', title: 'Ward round', createdBy: pat.id, createdAt: 1 }));
    });

    const context = await contextFor(browser, server, pat);
    const first = await boardPage(context, boardId);
    await first.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
    await first.evaluate(async () => void (await navigator.serviceWorker.ready));
    const bobPage = await openBoard(await contextFor(browser, server, bob), boardId);
    await bobPage.getByRole('button', { name: cardButton }).waitFor();
    expect(await bobPage.getByRole('button', { name: 'Add a comment on “Ward round”', exact: true }).count()).toBe(1);

    await context.setOffline(true);
    await first.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await first.getByRole('button', { name: cardButton }).click();
    await first.getByLabel('Your comment', { exact: true }).fill('Nobody told me the doctor had been.');
    await first.getByRole('button', { name: 'Post comment' }).click();
    await first.getByRole('status').filter({ hasText: offlineSaved }).waitFor();
    // Kept on this device: a page opened offline still has it.
    await first.close();
    const page = await boardPage(context, boardId);
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await page.getByRole('button', { name: cardButton }).click();
    await page.getByText('Nobody told me the doctor had been.').waitFor();
    expect(comments.size).toBe(0);
    expect(await bobPage.getByRole('button', { name: 'Add a comment on “Ward round”', exact: true }).count()).toBe(1);

    await context.setOffline(false);
    await waitUntil(() => comments.size === 1, 'the comment written offline reaches the server', 20_000);
    await bobPage.getByRole('button', { name: /^1 comment(, \d+ new)? on “Ward round”$/ }).click();
    await bobPage.getByText('Nobody told me the doctor had been.').waitFor();
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
    expect(await page.getByText(/could not be saved/).count()).toBe(0);
    await context.close();
    await bobPage.context().close();
  });
});
