/**
 * "Bring everyone here" in Chromium (issue 15, the page's side; the server writes each call with a
 * new id). Fay organises a board of five stages of eight cards; Sam has it open at the top. Fay
 * chooses "Bring everyone here" from the menu of "Waiting for results", far down the board: Sam's
 * view goes there and keyboard focus is on the card's title, with "Fay brought everyone to
 * ‘Waiting for results’" and, one Tab on, "Stay where I am"; Fay's own page stays where it was.
 * Sam chooses to stay: Fay's next call (the stage "Going home", from its button by keyboard) does
 * not move him — the top of his page says where, with "Go there", which takes him. Still staying
 * after a reload. Ana, who opens the board after the calls, is not moved by them; the next call
 * moves her, back to the map from the priorities she was reading (issue 16's parts of the board). axe finds nothing with each message shown, at 390×844 and 1366×768.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { gatheredOf } from '../../shared/session.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf, cardMenuName } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
const stageTitles = ['Referral', 'Arriving', 'Waiting', 'Seeing the doctor', 'Going home'];
const card = { id: 'touch-results', title: 'Waiting for results' };
const lastStage = { id: 'stage-num-4', title: 'Going home' };

/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const scrollTop = (page: Page) => page.evaluate(() => Math.round(scrollY));
/** Where an element is in the window: the same before and after means the view did not move (a
 * message growing the pinned bar shifts the page's scroll with it, the content stays put). */
const topOf = (page: Page, id: string) => page.evaluate((id) => Math.round(document.getElementById(id)!.getBoundingClientRect().top), id);
/** Whether the element is on screen below the pinned bar. */
const inView = (page: Page, id: string) =>
  page.evaluate((id) => {
    const element = document.getElementById(id);
    const bar = document.querySelector('.board__bar');
    if (element === null || bar === null) return false;
    const r = element.getBoundingClientRect();
    return r.top >= bar.getBoundingClientRect().bottom - 1 && r.bottom <= innerHeight && r.left >= 0 && r.right <= innerWidth;
  }, id);
const notice = (page: Page) => page.locator('.board__bar .gather-notice');
/** Whether what has focus is on screen, clear of the pinned bar (WCAG 2.4.11). */
const focusInSight = (page: Page) =>
  page.evaluate(() => {
    const focused = document.activeElement;
    const bar = document.querySelector('.board__bar');
    if (focused === null || bar === null) return false;
    const r = focused.getBoundingClientRect();
    return r.top >= bar.getBoundingClientRect().bottom - 1 && r.bottom <= innerHeight;
  });

async function boardOfFive() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const sam = await signUp(server, 'Sam');
  const ana = await signUp(server, 'Ana');
  const boardId = await createBoard(server, fay, 'Outpatients');
  await addMember(server.libsqlUrl, boardId, sam.id, 'edit');
  await addMember(server.libsqlUrl, boardId, ana.id, 'comment');
  const watcher = fixture.nodeClient(boardId, fay);
  await watcher.synced;
  const { stages, touchpoints } = boardTypes(watcher.doc);
  watcher.doc.transact(() => {
    stageTitles.forEach((title, s) => {
      stages.push([newStage(`stage-num-${s}`, title)]);
      for (let c = 0; c < 8; c++) {
        const last = s === 2 && c === 7;
        const id = last ? card.id : `touch-${s}-${c}`;
        touchpoints.set(id, newTouchpoint({ id, stageId: `stage-num-${s}`, order: `a${c}`, title: last ? card.title : `${title}, moment ${c + 1}`, createdBy: fay.id, createdAt: Date.now() }));
      }
    });
  });
  const calls = () => gatheredOf(watcher.doc)?.id ?? null;
  return { fay, sam, ana, boardId, calls };
}

/** Fay chooses "Bring everyone here" from the card's menu, by keyboard. */
async function bringToCard(page: Page): Promise<number> {
  await page.getByRole('button', { name: cardMenuName(card.title), exact: true }).focus();
  await page.keyboard.press('Enter');
  await page.getByRole('menuitem', { name: 'Bring everyone here', exact: true }).focus();
  await page.keyboard.press('Enter');
  // The menu closes at once (the page keeps its place around it); the call reaches the page later.
  await page.getByRole('menu').waitFor({ state: 'detached' });
  // The card's title: the menu button under it moves down when "Sam is here" shows on the card.
  return topOf(page, `touchpoint-${card.id}`);
}

describe.each(viewports)('bring everyone here on $name', (viewport) => {
  it('takes everyone’s view and focus there once per call, unless they chose to stay where they are', async () => {
    const { server, browser } = fixture;
    const { fay, sam, ana, boardId, calls } = await boardOfFive();
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const samPage = await boardPageOf(browser, server, sam, boardId, viewport);
    await samPage.locator(`#touchpoint-${card.id}`).waitFor({ state: 'attached' });
    expect(await scrollTop(samPage)).toBe(0);
    expect(await inView(samPage, `touchpoint-${card.id}`)).toBe(false);

    // Fay brings everyone to the card; her own page stays where it is, focus on the menu button.
    const fayAt = await bringToCard(fayPage);
    await waitUntil(() => calls() !== null, 'the call reaches the server', 10_000);
    await notice(fayPage).getByText(`You brought everyone to ‘${card.title}’.`).waitFor();
    expect(await topOf(fayPage, `touchpoint-${card.id}`)).toBe(fayAt);
    expect(await focusedId(fayPage)).toBe(`touchpoint-${card.id}-actions`);

    // Sam's view and focus go to the card's title, with the message and "Stay where I am" under it.
    const words = `Fay brought everyone to ‘${card.title}’`;
    await expect.poll(() => focusedId(samPage)).toBe(`touchpoint-${card.id}`);
    await expect.poll(() => inView(samPage, `touchpoint-${card.id}`)).toBe(true);
    const landing = samPage.locator(`[data-touchpoint-id="${card.id}"] .gather-landing`);
    expect(await landing.getByText(words, { exact: true }).isVisible()).toBe(true);
    await expect.poll(() => heard(samPage)).toContain(`${words}.`);
    expect(await axeViolations(samPage)).toEqual([]);
    expect(await axeViolations(fayPage)).toEqual([]);
    await samPage.keyboard.press('Tab');
    expect(await samPage.evaluate(() => document.activeElement?.textContent)).toBe('Stay where I am');
    expect((await landing.getByRole('button', { name: 'Stay where I am' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
    await samPage.keyboard.press('Enter');
    await expect.poll(() => samPage.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^You will stay where you are/);

    // Fay's next call, from the stage's button by keyboard, leaves Sam where he is and tells him.
    // His focus just under the pinned bar, where the bar's message would cover it.
    await samPage.evaluate(() => (document.activeElement as HTMLElement).scrollIntoView({ block: 'start' }));
    const samAt = await topOf(samPage, `touchpoint-${card.id}`);
    const first = calls();
    await fayPage.getByRole('button', { name: `Bring everyone here: ${lastStage.title}` }).focus();
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => calls() !== first, 'the second call reaches the server', 10_000);
    const told = `Fay brought everyone to ‘${lastStage.title}’.`;
    await notice(samPage).getByText(told, { exact: true }).waitFor();
    // Not moved: focus stays on the words in the card, at most nudged clear of the taller bar.
    await expect.poll(() => focusInSight(samPage)).toBe(true);
    expect(await samPage.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^You will stay where you are/);
    const nudge = (await topOf(samPage, `touchpoint-${card.id}`)) - samAt;
    expect(nudge).toBeGreaterThanOrEqual(0);
    expect(nudge).toBeLessThanOrEqual((await notice(samPage).boundingBox())!.height + 16);
    expect(await inView(samPage, `stage-${lastStage.id}`)).toBe(false);
    await expect.poll(() => heard(samPage)).toContain(`${told} You chose to stay where you are. “Go there” at the top of the page takes you there.`);
    expect(await axeViolations(samPage)).toEqual([]);
    // "Go there" takes him, when he wants.
    await notice(samPage).getByRole('button', { name: 'Go there' }).click();
    await expect.poll(() => focusedId(samPage)).toBe(`stage-${lastStage.id}`);
    await expect.poll(() => inView(samPage, `stage-${lastStage.id}`)).toBe(true);
    expect(await notice(samPage).count()).toBe(0);

    // Ana opens the board after the calls: it does not move her.
    const anaPage = await boardPageOf(browser, server, ana, boardId, viewport);
    await anaPage.locator(`#touchpoint-${card.id}`).waitFor({ state: 'attached' });
    await anaPage.getByRole('button', { name: 'Raise my hand' }).waitFor();
    expect(await scrollTop(anaPage)).toBe(0);
    expect(await anaPage.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await anaPage.locator('.gather-landing, .gather-notice').count()).toBe(0);
    // Ana looks at the priorities (as at the joint event): a call must bring her back to the map.
    await anaPage.getByRole('navigation', { name: 'Parts of this board' }).getByRole('link', { name: 'Priorities', exact: true }).click();
    await anaPage.getByRole('heading', { name: 'Priorities', level: 2 }).waitFor();

    // Sam still stays after reloading the page; the next call moves Ana, who is now here.
    await samPage.reload();
    await samPage.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    const second = calls();
    await bringToCard(fayPage);
    await waitUntil(() => calls() !== second, 'the third call reaches the server', 10_000);
    await expect.poll(() => focusedId(anaPage)).toBe(`touchpoint-${card.id}`);
    await expect.poll(() => inView(anaPage, `touchpoint-${card.id}`)).toBe(true);
    expect(new URL(anaPage.url()).search).toBe('');
    await notice(samPage).getByText(`${words}.`, { exact: true }).waitFor();
    expect(await samPage.evaluate(() => document.activeElement === document.body)).toBe(true);
    // Fay hides her message: focus goes back where it came from.
    await notice(fayPage).getByRole('button', { name: 'Hide message' }).focus();
    await fayPage.keyboard.press('Enter');
    expect(await notice(fayPage).count()).toBe(0);
    expect(await focusedId(fayPage)).toBe(`touchpoint-${card.id}-actions`);
    for (const page of [fayPage, samPage, anaPage]) await page.context().close();
  }, 150_000);
});
