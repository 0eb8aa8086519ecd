/**
 * Feelings without names (issue 17) from the page, in real Chromium at 390×844 and 1366×768: the
 * page never writes a feeling into the document; it keeps the person's choice on the device, shows
 * it at once and sends it to the server, which writes it under a key that names nobody.
 * - Bo gives a feeling by keyboard; Ann's stock client receives it under a key without Bo's id,
 *   focus stays on his choice, his page shows Ann's feeling in the count but nowhere her key, and
 *   axe finds nothing on the card with its picker and words open.
 * - Offline, Bo changes his feeling twice and reloads: his newest choice still shows (and his
 *   other card's feeling still shows as his); back online, the newest reaches the server under
 *   his same key. Signing out then leaves nothing of his feelings on the device.
 * - Three quick changes on a slow link (each answer held back, the first longest) end with the
 *   last one on the server and on the page.
 * - Where the device would not keep a choice (storage refused), the card says so.
 * - A choice the server refuses (its card deleted meanwhile) leaves the device, and the page says
 *   why in words.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint, type Feeling } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { axeViolations } from '../support/axe.ts';
import { contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling, myFeelings } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const desk = { id: 'card-desk', title: 'At the desk' };
const waiting = { id: 'card-waiting', title: 'Waiting room' };
const keptWords = 'Not sent yet. Your feeling is kept on this device and will be sent when you are back online.';
const notKeptWords = 'Not sent yet, and this device could not keep it. Keep this page open until you are back online, or your feeling will be lost.';
const waitingHere = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith('common-ground:feelings:outbox:')).length);

/** Ann's board with two cards, Bo able to give feelings, and Ann's stock client watching. */
async function boardWithBo() {
  const { server } = fixture;
  const ann = await signUp(server, 'Ann');
  const bo = await signUp(server, 'Bo');
  const boardId = await createBoard(server, ann, 'Clinic visit');
  await addMember(server.libsqlUrl, boardId, bo.id, 'comment');
  const watcher = fixture.nodeClient(boardId, ann);
  await watcher.synced;
  const { stages, touchpoints } = boardTypes(watcher.doc);
  watcher.doc.transact(() => {
    stages.push([newStage('stage-clinic', 'At the clinic')]);
    for (const [i, card] of [desk, waiting].entries()) {
      touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: 'stage-clinic', order: `a${i}`, title: card.title, createdBy: ann.id, createdAt: 1 }));
    }
  });
  return { ann, bo, boardId, watcher, feelings: boardTypes(watcher.doc).feelings };
}

function card(page: Page, title: string) {
  return page.locator('[data-touchpoint-id]').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/** The feelings the watcher has on a card: key → value. */
function feelingsOn(feelings: ReturnType<typeof boardTypes>['feelings'], touchpointId: string): [string, Feeling][] {
  return [...feelings.entries()].filter(([key]) => key.startsWith(`${touchpointId}/`)) as [string, Feeling][];
}

async function boardPage(context: BrowserContext, boardId: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('heading', { name: 'Clinic visit', level: 1 }).waitFor();
  return page;
}

async function checked(page: Page, title: string): Promise<string | null> {
  const radios = card(page, title).getByRole('radiogroup', { name: 'How did this feel?' }).getByRole('radio');
  for (const radio of await radios.all()) if (await radio.isChecked()) return (await radio.getAttribute('value')) ?? null;
  return null;
}

describe.each(viewports)('feelings from the page on $name', (viewport) => {
  it('gives a feeling by keyboard that another member receives under a key without the giver’s id', async () => {
    const { server, browser } = fixture;
    const { ann, bo, boardId, feelings } = await boardWithBo();
    const context = await contextFor(browser, server, bo, viewport);
    const page = await boardPage(context, boardId);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    await tabTo(page, 'Very bad');
    await page.keyboard.press('ArrowRight'); // radios: arrows move and choose
    await waitUntil(() => feelingsOn(feelings, desk.id).length === 1, 'Bo’s feeling reaches Ann’s stock client', 10_000);
    const [[key, value]] = feelingsOn(feelings, desk.id) as [[string, Feeling]];
    expect(value).toMatchObject({ score: -1, words: [] });
    expect(key).not.toContain(bo.id);
    expect(key.slice(desk.id.length + 1)).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('-1');
    expect(await myFeelings(server, boardId, bo)).toEqual({ feelings: { [desk.id]: key }, feelingsAfter: {} });

    // Ann's feeling: counted on Bo's page, never shown as his, and her key nowhere in his page.
    const annKey = await giveFeeling(server, boardId, ann, desk.id, { score: 2, words: ['safe'] });
    const onDesk = card(page, desk.title);
    await onDesk.getByText('2 people: 1 bad, 1 very good.').waitFor();
    expect(await checked(page, desk.title)).toBe('-1');
    const html = await page.content();
    expect(html).not.toContain(annKey!.slice(desk.id.length + 1));
    expect(html).not.toContain(key.slice(desk.id.length + 1));

    await onDesk.getByRole('button', { name: 'Choose words' }).click();
    await onDesk.getByRole('button', { name: /anxious/i }).click();
    await waitUntil(() => (feelings.get(key) as Feeling | undefined)?.words.join() === 'anxious', 'the word reaches the server under the same key', 10_000);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps a feeling changed offline through a reload and sends the newest once back online', async () => {
    const { server, browser } = fixture;
    const { bo, boardId, feelings } = await boardWithBo();
    const context = await contextFor(browser, server, bo, viewport);
    const first = await boardPage(context, boardId);
    await first.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
    await first.evaluate(async () => void (await navigator.serviceWorker.ready));
    await card(first, desk.title).getByLabel('Good', { exact: true }).check();
    await card(first, waiting.title).getByLabel('Okay', { exact: true }).check();
    await waitUntil(() => feelingsOn(feelings, desk.id).length === 1 && feelingsOn(feelings, waiting.id).length === 1, 'both feelings reach the server', 10_000);
    const [[key]] = feelingsOn(feelings, desk.id) as [[string, Feeling]];
    await first.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();

    await context.setOffline(true);
    await first.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await card(first, desk.title).getByLabel('Bad', { exact: true }).check();
    await card(first, desk.title).getByText(keptWords).waitFor();
    await card(first, desk.title).getByLabel('Very bad', { exact: true }).check();
    expect((feelings.get(key) as Feeling).score).toBe(1);

    // Reloaded while still offline: the newest choice shows, and so does his other card's.
    await first.reload();
    const page = first;
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await card(page, desk.title).getByText(keptWords).waitFor();
    expect(await checked(page, desk.title)).toBe('-2');
    expect(await checked(page, waiting.title)).toBe('0');
    await card(page, desk.title).getByText('1 person: 1 very bad.').waitFor();
    // (Whether the server has it yet is not asked here: in the full suite Chromium's offline
    // emulation let a page reloaded from the service worker send before the test went online.
    // With the socket down, the page's copy of the board says "Good": "Very bad" checked after the
    // reload can only have come from the device's outbox.)

    await context.setOffline(false);
    await waitUntil(() => (feelings.get(key) as Feeling | undefined)?.score === -2, 'the newest choice reaches the server under the same key', 20_000);
    expect(feelingsOn(feelings, desk.id)).toHaveLength(1);
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
    await expect.poll(() => card(page, desk.title).getByText(keptWords).count()).toBe(0);
    expect(await checked(page, desk.title)).toBe('-2');

    // Signing out leaves nothing of his feelings on this device.
    const keptHere = () => page.evaluate(() => Object.keys(localStorage).filter((name) => name.startsWith('common-ground:feelings:')));
    expect((await keptHere()).length).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitUntil(async () => (await keptHere()).length === 0, 'the device forgets his feelings at sign-out', 10_000);
    await context.close();
  });

  it('ends three quick changes on a slow link with the last one on the server', async () => {
    const { server, browser } = fixture;
    const { bo, boardId, feelings } = await boardWithBo();
    const context = await contextFor(browser, server, bo, viewport);
    const page = await boardPage(context, boardId);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // Each feeling sent is held back, the first longest: answers sent together would land out of order.
    const holdBack = [1500, 600, 0];
    let sent = 0;
    let answered = 0;
    await page.route('**/api/boards/*/feelings/*', async (route) => {
      if (route.request().method() !== 'PUT') return route.continue();
      const delay = holdBack[sent++] ?? 0;
      await new Promise((resolve) => setTimeout(resolve, delay));
      await route.continue();
    });
    page.on('response', (response) => {
      if (response.request().method() === 'PUT' && response.url().includes('/feelings/')) answered += 1;
    });

    const onDesk = card(page, desk.title);
    await onDesk.getByLabel('Good', { exact: true }).check();
    await onDesk.getByLabel('Bad', { exact: true }).check();
    await onDesk.getByLabel('Very good', { exact: true }).check();
    await waitUntil(() => feelingsOn(feelings, desk.id)[0]?.[1].score === 2, 'the last choice reaches the server', 15_000);
    await waitUntil(() => answered === sent && sent > 0, 'every feeling sent is answered', 15_000);
    await page.waitForFunction(() => !document.body.textContent?.includes('Not sent yet'));
    expect(feelingsOn(feelings, desk.id).map(([, value]) => value.score)).toEqual([2]);
    expect(await checked(page, desk.title)).toBe('2');
    await context.close();
  });

  it('says so when the device would not keep a choice made offline', async () => {
    const { server, browser } = fixture;
    const { bo, boardId, feelings } = await boardWithBo();
    const context = await contextFor(browser, server, bo, viewport);
    // This device's storage is full for the feelings waiting to be sent.
    await context.addInitScript(() => {
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key: string, value: string) {
        if (key.startsWith('common-ground:feelings:outbox:')) throw new DOMException('full', 'QuotaExceededError');
        setItem.call(this, key, value);
      };
    });
    const page = await boardPage(context, boardId);
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await card(page, desk.title).getByLabel('Good', { exact: true }).check();
    await card(page, desk.title).getByText(notKeptWords).waitFor();
    expect(await card(page, desk.title).getByText(keptWords).count()).toBe(0);
    expect(await checked(page, desk.title)).toBe('1');
    // Back online before the page closes: it is sent all the same.
    await context.setOffline(false);
    await waitUntil(() => feelingsOn(feelings, desk.id)[0]?.[1].score === 1, 'the choice reaches the server', 20_000);
    await expect.poll(() => card(page, desk.title).getByText(notKeptWords).count()).toBe(0);
    await context.close();
  });

  it('drops a choice the server refuses and says why', async () => {
    const { server, browser } = fixture;
    const { ann, bo, boardId, watcher, feelings } = await boardWithBo();
    const context = await contextFor(browser, server, bo, viewport);
    const page = await boardPage(context, boardId);
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
    await context.setOffline(true);
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await card(page, waiting.title).getByLabel('Bad', { exact: true }).check();
    await card(page, waiting.title).getByText(keptWords).waitFor();
    expect(await waitingHere(page)).toBe(1);
    // Meanwhile Ann deletes the card.
    markDeleted(watcher.doc, { id: waiting.id, kind: 'touchpoint', deletedAt: Date.now(), deletedBy: ann.id }, null);

    await context.setOffline(false);
    await page.getByText('Your feeling was not saved. That card is not on the board any more.').first().waitFor({ state: 'attached', timeout: 20_000 });
    await waitUntil(async () => (await waitingHere(page)) === 0, 'the refused choice leaves the device', 10_000);
    expect(feelingsOn(feelings, waiting.id)).toEqual([]);
    await context.close();
  });
});
