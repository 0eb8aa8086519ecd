/**
 * "Me too" on comments in Chromium (issue 13, the page's side; the server writes the count).
 * Fay (organises) comments on a card; Ed (comment access) says Me too — Fay's open page shows
 * "1 person said me too" at once, Ed's button is pressed, and still pressed after a reload (the
 * server says so: GET comments/mine); Gus's Me too makes it 2; Ed takes his back. Fay has no
 * Me too on her own comment, and Vic, who may only look, sees the count and no button. By
 * keyboard alone; offline the button says plainly that it needs a connection and sends nothing.
 * axe finds nothing at 390×844 and 1366×768 and the button is at least 44 px tall.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
const cardId = 'touch-pharmacy';
const cardTitle = 'Waiting at the pharmacy';

const pageOf = (browser: Browser, server: TestServer, person: TestPerson, boardId: string, viewport = viewports[1]!): Promise<Page> => boardPageOf(browser, server, person, boardId, viewport);

/** Fay's board with one card, Fay's comment on it written by Node as Fay, and the server's view. */
async function boardWithFaysComment(fay: TestPerson) {
  const boardId = await createBoard(fixture.server, fay, 'Going home');
  const seed = fixture.nodeClient(boardId, fay);
  await seed.synced;
  const { stages, touchpoints, comments } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-leaving', 'Leaving')]);
    touchpoints.set(cardId, newTouchpoint({ id: cardId, stageId: 'stage-leaving', order: 'a0', title: cardTitle, createdBy: fay.id, createdAt: Date.now() }));
    const comment = new Y.Map<unknown>();
    for (const [key, value] of Object.entries({ id: 'fay-comment-1', target: { type: 'touchpoint', id: cardId }, parentId: null, authorId: fay.id, createdAt: Date.now(), editedAt: null, resolvedAt: null, resolvedBy: null })) comment.set(key, value);
    comment.set('body', new Y.Text('Two hours for one prescription.'));
    comments.set('fay-comment-1', comment);
  });
  const meTooOnServer = () => (comments.get('fay-comment-1') as Y.Map<unknown>).get('meToo');
  return { boardId, meTooOnServer };
}

const card = (page: Page) => page.locator(`[data-touchpoint-id="${cardId}"]`);
/** Opens the card's conversations. */
const openComments = (page: Page) => card(page).getByRole('button', { name: new RegExp(`^1 comment(, \\d+ new)? on “${cardTitle}”$`) }).click();
const meToo = (page: Page) => card(page).getByRole('button', { name: 'Me too (Fay’s comment)' });
const pressed = async (page: Page, value: 'true' | 'false') => expect.poll(() => meToo(page).getAttribute('aria-pressed')).toBe(value);
/** The server has answered the last press (the button is no longer waiting): a press now is not ignored. */
const answered = async (page: Page) => expect.poll(() => meToo(page).getAttribute('aria-disabled')).toBeNull();
const count = (page: Page, words: string) => card(page).locator('.me-too__count').filter({ hasText: new RegExp(`^${words}$`) }).waitFor();

describe.each(viewports)('Me too on $name', (viewport) => {
  it('counts live for everyone, remembers who said it, and is never offered on one’s own comment', async () => {
    const { server, browser } = fixture;
    const fay = await signUp(server, 'Fay');
    const ed = await signUp(server, 'Ed');
    const gus = await signUp(server, 'Gus');
    const vic = await signUp(server, 'Vic');
    const { boardId, meTooOnServer } = await boardWithFaysComment(fay);
    await addMember(server.libsqlUrl, boardId, ed.id, 'comment');
    await addMember(server.libsqlUrl, boardId, gus.id, 'comment');
    await addMember(server.libsqlUrl, boardId, vic.id, 'view');
    const fayPage = await pageOf(browser, server, fay, boardId, viewport);
    const edPage = await pageOf(browser, server, ed, boardId, viewport);
    await openComments(fayPage);
    await openComments(edPage);

    // Fay's own comment: no Me too for her, and nothing said yet.
    await card(fayPage).getByText('Two hours for one prescription.').waitFor();
    expect(await card(fayPage).getByRole('button', { name: /^Me too/ }).count()).toBe(0);
    await pressed(edPage, 'false');
    expect(await card(edPage).locator('.me-too__count').count()).toBe(0);

    // Ed says it: Fay sees the count at once, Ed's button is pressed.
    await meToo(edPage).click();
    await count(fayPage, '1 person said me too');
    await pressed(edPage, 'true');
    await count(edPage, '1 person said me too');
    expect(meTooOnServer()).toBe(1);
    expect(await axeViolations(edPage)).toEqual([]);
    expect(await meToo(edPage).evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThanOrEqual(44);

    // After a reload the server still says Ed said it.
    await edPage.reload();
    await edPage.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await openComments(edPage);
    await pressed(edPage, 'true');

    // A third person makes it two, live on both pages.
    expect((await api(server, `/api/boards/${boardId}/comments/fay-comment-1/me-too`, { method: 'PUT', cookie: gus.cookie })).status).toBe(200);
    await count(fayPage, '2 people said me too');
    await count(edPage, '2 people said me too');
    await pressed(edPage, 'true');

    // Vic may only look: the count, no button.
    const vicPage = await pageOf(browser, server, vic, boardId, viewport);
    await openComments(vicPage);
    await count(vicPage, '2 people said me too');
    expect(await card(vicPage).getByRole('button', { name: /^Me too/ }).count()).toBe(0);
    await vicPage.context().close();

    // Ed takes it back.
    await meToo(edPage).click();
    await pressed(edPage, 'false');
    await count(fayPage, '1 person said me too');
    await waitUntil(() => meTooOnServer() === 1, 'the server counts one');
    expect(await axeViolations(fayPage)).toEqual([]);
    expect(await axeViolations(edPage)).toEqual([]);
    for (const page of [fayPage, edPage]) expect(await page.getByText(/could not be saved/).count()).toBe(0);
    await fayPage.context().close();
    await edPage.context().close();
  });
});

describe('Me too by keyboard, and offline', () => {
  it('is pressed and taken back with the keyboard, and says it needs a connection when offline', async () => {
    const { server, browser } = fixture;
    const fay = await signUp(server, 'Fay');
    const ed = await signUp(server, 'Ed');
    const { boardId, meTooOnServer } = await boardWithFaysComment(fay);
    await addMember(server.libsqlUrl, boardId, ed.id, 'comment');
    const page = await pageOf(browser, server, ed, boardId, viewports[0]);
    await tabTo(page, new RegExp(`^1 comment(, \\d+ new)? on “${cardTitle}”$`));
    await page.keyboard.press('Enter');
    await tabTo(page, 'Me too (Fay’s comment)');
    await page.keyboard.press('Space');
    await pressed(page, 'true');
    await waitUntil(() => meTooOnServer() === 1, 'Ed’s Me too reaches the server');
    // The server's count can reach others before its answer reaches Ed's page; until it does, a
    // second press is ignored (the button says it is waiting), so wait for the answer.
    await answered(page);
    // Focus stays on the button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('comment-fay-comment-1-me-too');
    await page.keyboard.press('Enter');
    await pressed(page, 'false');
    await waitUntil(() => meTooOnServer() === 0, 'taken back on the server');

    // Offline: the button says why it cannot be used, and pressing it sends nothing.
    await page.context().setOffline(true);
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    await card(page).getByText('Me too needs a connection. You can say it when you are back online.').waitFor();
    expect(await meToo(page).getAttribute('aria-disabled')).toBe('true');
    await page.keyboard.press('Enter');
    await page.locator('[aria-live="polite"]:not([role="status"])').filter({ hasText: /^Me too needs a connection/ }).waitFor({ state: 'attached' });
    await pressed(page, 'false');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    expect(await card(page).getByText(/needs a connection/).count()).toBe(0);
    await answered(page);
    await meToo(page).click();
    await pressed(page, 'true');
    await waitUntil(() => meTooOnServer() === 1, 'said again once back online');
    await page.context().close();
  });
});
