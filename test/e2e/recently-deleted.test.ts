/**
 * "Recently deleted" in Chromium, at 390×844 and 1366×768: Ann deletes a stage with cards and
 * feelings — after a confirmation that says how many cards go with it — and Bob, in another
 * browser, finds it in Recently deleted with Ann's first name and restores it by keyboard; every
 * card, story and feeling is back for both. Someone who can only look sees no Restore. Ann, who
 * can organise the board, empties Recently deleted after a confirmation, and the content is gone
 * from the document. axe-core finds nothing with the confirmations and with the panel open.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { axeViolations } from '../support/axe.ts';
import { openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

/** A browser of `person`'s own at the given size, signed in. */
async function contextAt(browser: Browser, server: TestServer, person: TestPerson, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport });
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
  return context;
}

const cards = [
  { id: 'card-one', title: 'Corridor', story: 'They left me in the corridor for an hour' },
  { id: 'card-two', title: 'Name called', story: 'Nobody said how long it would be' },
  { id: 'card-three', title: 'Tea trolley', story: 'A volunteer brought me tea' },
];

/** The feelings summary under a card, as everyone sees it. */
const summaryOf = (page: Page, id: string) => page.locator(`[data-touchpoint-id="${id}"] .feeling__counts`);

describe.each(viewports)('recently deleted on $name', (viewport) => {
  it('lets Bob bring back the stage Ann deleted, with its cards, stories and feelings, for both', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const vic = await signUp(server, 'Vic');
    const boardId = await createBoard(server, ann, 'Day surgery');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    await addMember(server.libsqlUrl, boardId, vic.id, 'view');
    const seed = fixture.nodeClient(boardId, ann);
    await seed.synced;
    const { stages, touchpoints, feelings } = boardTypes(seed.doc);
    seed.doc.transact(() => {
      stages.push([newStage('stage-one', 'Waiting'), newStage('stage-two', 'Going home')]);
      cards.forEach((card, i) =>
        touchpoints.set(card.id, newTouchpoint({ ...card, stageId: 'stage-one', order: `a${i}`, createdBy: ann.id, createdAt: Date.now() })),
      );
    });
    // Bob's client shows when the cards have reached the server; then each gives their own
    // feelings over HTTP, which the server writes under keys that name nobody.
    const bobs = fixture.nodeClient(boardId, bob);
    await waitUntil(() => cards.every((card) => boardTypes(bobs.doc).touchpoints.has(card.id)), 'the cards reach the server', 10_000);
    const given = [
      await giveFeeling(server, boardId, ann, 'card-one', { score: -2, words: ['frightened'] }),
      await giveFeeling(server, boardId, bob, 'card-one', { score: -1 }),
      await giveFeeling(server, boardId, bob, 'card-three', { score: 2 }),
    ];
    await waitUntil(() => given.every((key) => feelings.has(key!)), 'the feelings reach Ann’s client', 10_000);

    const pageA = await openBoard(await contextAt(browser, server, ann, viewport), boardId);
    const pageB = await openBoard(await contextAt(browser, server, bob, viewport), boardId);
    const pageV = await openBoard(await contextAt(browser, server, vic, viewport), boardId);
    for (const page of [pageA, pageB]) await summaryOf(page, 'card-one').filter({ hasText: '2 people: 1 very bad, 1 bad.' }).waitFor();

    // Ann is asked first, with the count, and the answer has focus.
    await pageA.getByRole('button', { name: 'Delete stage: Waiting' }).click();
    const question = pageA.getByRole('group', { name: 'Delete “Waiting” and its 3 cards?' });
    await question.waitFor();
    await expect.poll(() => question.textContent()).toContain('You or anyone who can add and change things can bring it back from Recently deleted for 30 days.');
    await expect.poll(() => pageA.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete it');
    expect(await axeViolations(pageA)).toEqual([]);
    await pageA.getByRole('button', { name: 'Yes, delete it' }).click();
    for (const page of [pageA, pageB, pageV]) {
      await page.getByRole('heading', { name: 'Going home' }).waitFor();
      await page.getByText(cards[0]!.story).waitFor({ state: 'detached' });
      expect(await page.getByRole('heading', { name: /Waiting/ }).count()).toBe(0);
    }

    // Someone who can only look sees no Recently deleted and no Restore.
    expect(await pageV.getByRole('button', { name: /Recently deleted/ }).count()).toBe(0);
    expect(await pageV.getByRole('button', { name: /Restore/ }).count()).toBe(0);

    // Bob finds it, with Ann's first name, and restores it by keyboard.
    const opener = pageB.getByRole('button', { name: 'Recently deleted (1)' });
    await opener.focus();
    await pageB.keyboard.press('Enter');
    const panel = pageB.getByRole('dialog', { name: 'Recently deleted' });
    // "just now", or a minute or two on a busy machine.
    await panel.getByText(/^Deleted (just now|\d+ minutes? ago) by Ann\./).waitFor();
    await panel.getByText('A stage, with its 3 cards.').waitFor();
    const box = await panel.boundingBox();
    expect(box!.x >= 0 && box!.x + box!.width <= viewport.width).toBe(true);
    expect(await axeViolations(pageB)).toEqual([]);
    // Emptying is for people who can organise the board; Bob can add and change.
    expect(await panel.getByRole('button', { name: 'Empty recently deleted' }).count()).toBe(0);
    await pageB.keyboard.press('Tab');
    await expect.poll(() => pageB.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Restore stage: Waiting');
    await pageB.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: '“Waiting” is back on the board, with its 3 cards.' }).waitFor();
    await pageB.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });

    // Everything is back, for both: the stage first, its cards with their stories and feelings.
    for (const page of [pageA, pageB]) {
      await page.getByRole('heading', { name: 'Step 1: Waiting' }).waitFor();
      for (const card of cards) {
        await page.getByRole('heading', { name: card.title }).waitFor();
        await page.getByText(card.story).waitFor();
      }
      await summaryOf(page, 'card-one').filter({ hasText: '2 people: 1 very bad, 1 bad.' }).waitFor();
      await summaryOf(page, 'card-three').filter({ hasText: '1 person: 1 very good.' }).waitFor();
      expect(await page.getByRole('button', { name: /Recently deleted/ }).count()).toBe(0);
    }
    // The very same feelings are back in the document, under their keys; and Ann's own choice is hers again.
    expect(new Set(feelings.keys())).toEqual(new Set(given));
    expect(await pageA.locator('[data-touchpoint-id="card-one"]').getByRole('radio', { name: 'Very bad' }).isChecked()).toBe(true);
    for (const page of [pageA, pageB, pageV]) await page.context().close();
  });

  it('lets a facilitator empty it for good, after asking', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Emptying');
    const seed = fixture.nodeClient(boardId, ann);
    await seed.synced;
    const { stages, touchpoints } = boardTypes(seed.doc);
    seed.doc.transact(() => {
      stages.push([newStage('stage-one', 'Arriving')]);
      touchpoints.set('card-one', newTouchpoint({ id: 'card-one', stageId: 'stage-one', order: 'a0', title: 'Car park', story: 'No spaces at all', createdBy: ann.id, createdAt: 1 }));
    });
    markDeleted(seed.doc, { id: 'card-one', kind: 'touchpoint', deletedAt: Date.now() - 2 * 24 * 3600_000, deletedBy: ann.id }, null);
    const page = await openBoard(await contextAt(browser, server, ann, viewport), boardId);
    await page.getByRole('button', { name: 'Recently deleted (1)' }).click();
    const panel = page.getByRole('dialog', { name: 'Recently deleted' });
    await panel.getByText('A card from the stage “Arriving”.').waitFor();
    await panel.getByText('Deleted 2 days ago by you. It will be gone for good in 28 days.').waitFor();
    await panel.getByRole('button', { name: 'Empty recently deleted' }).click();
    await panel.getByRole('group', { name: 'Delete everything in Recently deleted for good?' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Yes, delete for good');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await panel.getByRole('status').filter({ hasText: 'Recently deleted is empty now.' }).waitFor();
    await waitUntil(() => !boardTypes(seed.doc).touchpoints.has('card-one') && boardTypes(seed.doc).deleted.size === 0, 'the card is gone for good');
    await page.keyboard.press('Escape');
    // The button went with the last item; focus goes somewhere useful, not to the page's top.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('add-stage');
    await page.context().close();
  });
});
