/**
 * Raise a hand in Chromium (issue 15, the page's side; the server keeps the queue by its clock).
 * Fay organises the session; Sam (may comment) raises his hand by keyboard, then Ana (may only
 * look) raises hers. Fay's queue says "Hands up: 1. Sam 2. Ana" — the order they went up, not
 * their names' — and she alone hears who raised a hand and who is first. "Who is here" shows the
 * hand beside each name with words ("Sam, hand raised"). Fay lowers Sam's hand from her queue by
 * keyboard (focus moves on to Ana's), Sam's page shows it and tells him; Ana lowers her own.
 * Offline, the toggle says plainly that it needs a connection and sends nothing. axe finds
 * nothing with the queue and the list open, at 390×844 and 1366×768; targets are ≥ 44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { readHands, SessionKey } from '../../shared/session.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const toggle = (page: Page) => page.getByRole('button', { name: /^(Raise|Lower) my hand$/ });
const pressed = (page: Page, value: 'true' | 'false') => expect.poll(() => toggle(page).getAttribute('aria-pressed')).toBe(value);
const queue = (page: Page) => page.getByRole('region', { name: 'Hands up:' });
const queueNames = (page: Page) => queue(page).locator('li .hands-queue__name').allTextContents();
/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const whoIsHere = (page: Page) => page.getByRole('region', { name: 'Who is here' });

/** The server has answered the last press (the toggle is no longer waiting). */
const answered = (page: Page) => expect.poll(() => toggle(page).getAttribute('aria-disabled')).toBeNull();

async function sessionOf() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const sam = await signUp(server, 'Sam');
  const ana = await signUp(server, 'Ana');
  const boardId = await createBoard(server, fay, 'Outpatients');
  await addMember(server.libsqlUrl, boardId, sam.id, 'comment');
  await addMember(server.libsqlUrl, boardId, ana.id, 'view');
  const watcher = fixture.nodeClient(boardId, fay);
  await watcher.synced;
  const onServer = () => readHands(boardTypes(watcher.doc).session.get(SessionKey.hands)).map((hand) => hand.userId);
  return { fay, sam, ana, boardId, onServer };
}

describe.each(viewports)('raise a hand on $name', (viewport) => {
  it('queues hands for the facilitator in the order they went up, marks them in “Who is here”, and lets her lower one', async () => {
    const { server, browser } = fixture;
    const { fay, sam, ana, boardId, onServer } = await sessionOf();
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const samPage = await boardPageOf(browser, server, sam, boardId, viewport);
    const anaPage = await boardPageOf(browser, server, ana, boardId, viewport);

    // Everyone has the toggle with its hint; only the facilitator would see a queue.
    for (const page of [fayPage, samPage, anaPage]) {
      await toggle(page).waitFor();
      expect(await toggle(page).textContent()).toBe('Raise my hand');
      await pressed(page, 'false');
      expect(await page.getByText('I’d like to say something').isVisible()).toBe(true);
    }

    // Sam raises his by keyboard alone, then Ana (who may only look) hers.
    await tabTo(samPage, 'Raise my hand');
    await samPage.keyboard.press('Enter');
    await pressed(samPage, 'true');
    expect(await toggle(samPage).textContent()).toBe('Lower my hand');
    await waitUntil(() => onServer().length === 1, 'Sam’s hand reaches the server', 10_000);
    await expect.poll(() => heard(samPage)).toContain('Your hand is up. The facilitator can see it.');
    await queue(fayPage).waitFor();
    await expect.poll(() => heard(fayPage)).toContain('Sam raised a hand.');
    await toggle(anaPage).click();
    await pressed(anaPage, 'true');
    await expect.poll(() => queueNames(fayPage)).toEqual(['Sam', 'Ana']);
    expect(onServer()).toEqual([sam.id, ana.id]);
    await expect.poll(() => heard(fayPage)).toContain('Ana raised a hand. First in the queue: Sam (2 hands up).');
    // A numbered list under "Hands up:": 1. Sam 2. Ana.
    expect(await queue(fayPage).getByRole('heading').textContent()).toBe('Hands up:');
    expect(await queue(fayPage).getByRole('list').evaluate((list) => list.tagName)).toBe('OL');
    // Only the facilitator has the queue and hears about others' hands.
    await whoIsHere(samPage).getByRole('button', { name: /2 hands up$/ }).waitFor();
    expect(await queue(samPage).count()).toBe(0);
    expect(await queue(anaPage).count()).toBe(0);
    expect((await heard(samPage)).join(' ')).not.toMatch(/raised a hand/);

    // "Who is here" says it in words beside the name, and shows a hand.
    const summary = whoIsHere(fayPage).getByRole('button', { name: /^3 people here, 2 hands up$/ });
    // Its words fit inside it (on a phone the hands take a second line), and nothing scrolls sideways.
    const sticksOut = () =>
      summary.evaluate((button) => {
        const box = button.getBoundingClientRect();
        return [...button.children].filter((part) => part.getBoundingClientRect().right > box.right + 0.5).map((part) => part.textContent);
      });
    expect(await sticksOut()).toEqual([]);
    expect(await fayPage.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await summary.click();
    const person = (name: string) => whoIsHere(fayPage).getByRole('listitem').filter({ has: fayPage.locator('.presence__name', { hasText: new RegExp(`^${name}`) }) });
    await expect.poll(() => person('Sam').locator('.presence__name').textContent()).toBe('Sam, hand raised');
    await expect.poll(() => person('Ana').locator('.presence__name').textContent()).toBe('Ana, hand raised');
    expect(await person('Fay').locator('.presence__name').textContent()).toBe('Fay (you)');
    expect(await person('Sam').locator('.hand-icon').isVisible()).toBe(true);
    expect(await person('Fay').locator('.hand-icon').count()).toBe(0);

    // Targets are at least 44 px, and axe finds nothing with the queue and the list open.
    for (const target of [toggle(fayPage), queue(fayPage).getByRole('button').first(), queue(fayPage).getByRole('button').last()]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await axeViolations(fayPage)).toEqual([]);
    expect(await axeViolations(samPage)).toEqual([]);

    // Fay lowers Sam's hand by keyboard; focus moves on to Ana's button.
    await tabTo(fayPage, 'Lower Sam’s hand');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => queueNames(fayPage)).toEqual(['Ana']);
    expect(onServer()).toEqual([ana.id]);
    await expect.poll(() => fayPage.evaluate(() => document.activeElement?.textContent)).toBe('Lower Ana’s hand');
    await pressed(samPage, 'false');
    expect(await toggle(samPage).textContent()).toBe('Raise my hand');
    await expect.poll(() => heard(samPage)).toContain('Your hand was lowered.');
    await expect.poll(() => person('Sam').locator('.presence__name').textContent()).toBe('Sam');

    // Ana lowers her own: the queue goes.
    await answered(anaPage);
    await toggle(anaPage).click();
    await pressed(anaPage, 'false');
    await queue(fayPage).waitFor({ state: 'detached' });
    await waitUntil(() => onServer().length === 0, 'no hand is up on the server', 10_000);
    for (const page of [fayPage, samPage, anaPage]) await page.context().close();
  });
});

describe('raise a hand offline', () => {
  it('says plainly that it needs a connection, and sends nothing', async () => {
    const { server, browser } = fixture;
    const { sam, boardId, onServer } = await sessionOf();
    const page = await boardPageOf(browser, server, sam, boardId, viewports[1]!);
    await page.context().setOffline(true);
    await page.getByRole('status').filter({ hasText: /^Offline/ }).waitFor();
    const why = 'Raising or lowering your hand needs a connection. You can do it when you are back online.';
    const shown = page.locator('.raise-hand').getByText(why);
    await shown.waitFor();
    expect(await toggle(page).getAttribute('aria-disabled')).toBe('true');
    await toggle(page).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain(why);
    await pressed(page, 'false');
    expect(await axeViolations(page)).toEqual([]);
    await page.context().setOffline(false);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor({ timeout: 20_000 });
    expect(onServer()).toEqual([]);
    expect(await shown.count()).toBe(0);
    await toggle(page).click();
    await pressed(page, 'true');
    await waitUntil(() => onServer().length === 1, 'raised once back online', 10_000);
    await page.context().close();
  });
});
