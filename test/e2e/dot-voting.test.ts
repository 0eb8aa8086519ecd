/**
 * Hidden dot voting in Chromium (issue 15, the page's side; the server keeps who gave which dots
 * and writes only how many people voted and, at the reveal, the totals). Fay organises; Sam may
 * comment; Ana may only look; Bo and Cy vote through the API as other devices would.
 *
 * Fay opens a vote with 2 dots each by keyboard. Sam, by keyboard, gives both to "Waiting for
 * results" — hearing what is left each time — and then "Give a dot" is unavailable everywhere,
 * with its reason; he takes one back and gives it to "Going home". Fay's line follows "N of 4
 * people have voted". Ana sees the line, "You can look but not vote", and no dot buttons. Fay
 * cannot show the results while only Sam has voted: her panel says why in the server's words.
 * Once Bo and Cy have voted, the results show on both pages, ranked by dots with ties in journey
 * order and no names, and each takes the view to its card. A new vote asks the server for Sam's
 * dots afresh. axe finds nothing at each step, at 390×844 and 1366×768.
 *
 * And quick presses: Sam's three presses of "Give a dot" over a slow link go out one at a time,
 * the third (more than his 2 dots) is not sent, and the page ends on the server's last answer.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { MyDots } from '../../shared/api.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { dotTotals, voteOf } from '../../shared/vote.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
// In journey order.
const cards = [
  { id: 'tp-referral-letter', title: 'Referral letter' },
  { id: 'tp-waiting-results', title: 'Waiting for results' },
  { id: 'tp-going-home', title: 'Going home' },
] as const;
const [referral, waiting, home] = cards;

/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const line = (page: Page) => page.locator('.board__bar .vote-line__words');
const lineText = async (page: Page) => ((await line(page).count()) === 0 ? null : await line(page).textContent());
const give = (page: Page, title: string) => page.getByRole('button', { name: `Give a dot to ‘${title}’`, exact: true });
const take = (page: Page, title: string) => page.getByRole('button', { name: `Take a dot back from ‘${title}’`, exact: true });
const mineOn = (page: Page, id: string) => page.locator(`[data-touchpoint-id="${id}"] .card-dots__mine`).textContent();
/**
 * Whether the line's round mark sits beside the first line of its words, not on a line of its
 * own (on a phone that cost the pinned bar a whole line).
 */
const markBesideWords = (page: Page) =>
  page.evaluate(() => {
    const mark = document.querySelector('.board__bar .vote-line__mark')!.getBoundingClientRect();
    const words = document.querySelector('.board__bar .vote-line__words')!;
    const range = document.createRange();
    range.selectNodeContents(words);
    const firstLine = [...range.getClientRects()].find((rect) => rect.width > 0 && rect.left > mark.right);
    return firstLine !== undefined && mark.top >= firstLine.top - 1 && mark.bottom <= firstLine.bottom + 1;
  });
/** Whether what has focus is on screen below the pinned bar (WCAG 2.4.11). */
const focusClearOfBar = (page: Page) =>
  page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return r.top >= document.querySelector('.board__bar')!.getBoundingClientRect().bottom - 1 && r.bottom <= innerHeight;
  });
const results = (page: Page) => page.getByRole('region', { name: 'Dot voting results' });
const resultItems = (page: Page) => results(page).getByRole('listitem').allTextContents();
const panel = (page: Page) => page.getByRole('region', { name: 'Run the session' });
/** The words a control's `aria-describedby` points to, as a screen reader adds them. */
const description = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );
const hasFocus = (control: Locator) => control.evaluate((element) => element === document.activeElement);
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/** Sam's own dots, as the server keeps them. */
async function dotsOf(person: TestPerson, boardId: string): Promise<MyDots> {
  const response = await api(fixture.server, `/api/boards/${boardId}/vote`, { cookie: person.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as MyDots;
}

/** A dot given through the API, as another person's device would. */
async function giveByApi(person: TestPerson, boardId: string, touchpointId: string): Promise<void> {
  const response = await api(fixture.server, `/api/boards/${boardId}/vote`, { cookie: person.cookie, body: { action: 'give-dot', touchpointId } });
  expect(response.status).toBe(200);
}

async function votingBoard() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const sam = await signUp(server, 'Sam');
  const ana = await signUp(server, 'Ana');
  const bo = await signUp(server, 'Bo');
  const cy = await signUp(server, 'Cy');
  const boardId = await createBoard(server, fay, 'Outpatients');
  await addMember(server.libsqlUrl, boardId, sam.id, 'comment');
  await addMember(server.libsqlUrl, boardId, ana.id, 'view');
  await addMember(server.libsqlUrl, boardId, bo.id, 'comment');
  await addMember(server.libsqlUrl, boardId, cy.id, 'edit');
  // A stock y-websocket client of Fay's: what any program on the board can read.
  const watcher = fixture.nodeClient(boardId, fay);
  await watcher.synced;
  const { stages, touchpoints } = boardTypes(watcher.doc);
  watcher.doc.transact(() => {
    stages.push([newStage('stage-outpatients', 'Outpatients')]);
    cards.forEach((card, i) =>
      touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: 'stage-outpatients', order: `a${i}`, title: card.title, createdBy: fay.id, createdAt: Date.now() })),
    );
  });
  return { fay, sam, ana, bo, cy, boardId, watcher };
}

describe.each(viewports)('dot voting on $name', (viewport) => {
  it('opens, gives and moves dots by keyboard, refuses to show too few voters, and shows ranked totals without names', async () => {
    const { server, browser } = fixture;
    const { fay, sam, ana, bo, cy, boardId, watcher } = await votingBoard();
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const samPage = await boardPageOf(browser, server, sam, boardId, viewport);
    const anaPage = await boardPageOf(browser, server, ana, boardId, viewport);
    await samPage.getByRole('heading', { name: home.title }).waitFor();

    // Fay opens a vote with 2 dots each, by keyboard, from the Session panel.
    await tabTo(fayPage, 'Session');
    await fayPage.keyboard.press('Enter');
    await tabTo(fayPage, 'Dots for each person');
    expect(await fayPage.getByLabel('Dots for each person').inputValue()).toBe('3');
    await fayPage.keyboard.press('Control+A');
    await fayPage.keyboard.type('2');
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => voteOf(watcher.doc)?.status === 'open', 'the vote is open on the server', 10_000);
    expect(voteOf(watcher.doc)).toMatchObject({ dotsEach: 2, voted: 0, of: 4 });
    // Fay, Sam, Bo and Cy may vote; Ana may only look.
    await expect.poll(() => lineText(fayPage)).toBe('Dot voting: you have 2 of 2 dots left. 0 of 4 people have voted.');
    await expect.poll(() => lineText(samPage)).toBe('Dot voting: you have 2 of 2 dots left. 0 of 4 people have voted.');
    await expect.poll(() => heard(samPage)).toContain('Dot voting has started. You have 2 dots to give to the cards that matter most to you. Nobody will see who gave them.');
    expect(await markBesideWords(samPage)).toBe(true);
    // In the panel, Start voting no longer applies; Show the results and End without showing do.
    expect(await panel(fayPage).getByRole('button', { name: 'Start voting' }).getAttribute('aria-disabled')).toBe('true');
    expect(await panel(fayPage).getByRole('button', { name: 'Show the results' }).getAttribute('aria-disabled')).toBeNull();
    expect(await panel(fayPage).getByRole('button', { name: 'End without showing' }).getAttribute('aria-disabled')).toBeNull();

    // Ana sees the line, told she can look but not vote, and no dot buttons.
    await expect.poll(() => lineText(anaPage)).toBe('Dot voting is open: 2 dots each. You can look but not vote on this board. 0 of 4 people have voted.');
    expect(await markBesideWords(anaPage)).toBe(true);
    expect(await anaPage.getByRole('button', { name: /dot/i }).count()).toBe(0);
    expect(await axeViolations(anaPage)).toEqual([]);

    // Sam gives both his dots to "Waiting for results" by keyboard, hearing what is left.
    await expect.poll(() => mineOn(samPage, waiting.id)).toBe('Your dots: 0');
    await tabTo(samPage, `Give a dot to ‘${waiting.title}’`);
    await samPage.keyboard.press('Enter');
    await expect.poll(() => heard(samPage)).toContain(`Dot given to ‘${waiting.title}’. You have 1 dot left.`);
    await expect.poll(() => mineOn(samPage, waiting.id)).toBe('Your dots: 1');
    await samPage.keyboard.press('Enter');
    await expect.poll(() => heard(samPage)).toContain(`Dot given to ‘${waiting.title}’. You have used all your dots.`);
    await expect.poll(() => mineOn(samPage, waiting.id)).toBe('Your dots: 2');
    await expect.poll(() => lineText(samPage)).toBe('Dot voting: you have used all your dots. 1 of 4 people has voted.');
    expect(await dotsOf(sam, boardId)).toEqual({ mine: { [waiting.id]: 2 }, left: 0 });
    // Fay's page follows how many have voted.
    await expect.poll(() => lineText(fayPage)).toBe('Dot voting: you have 2 of 2 dots left. 1 of 4 people has voted.');
    // Nothing of who gave what, nor totals, is in the document before the reveal.
    expect([...boardTypes(watcher.doc).votes.keys()]).toEqual([]);

    // "Give a dot" is now unavailable on every card, with its reason; pressing it says why, sends nothing.
    for (const card of cards) {
      expect(await give(samPage, card.title).getAttribute('aria-disabled')).toBe('true');
      expect(await description(give(samPage, card.title))).toMatch(/You have used all your dots\. Take one back from another card to give it here\.$/);
    }
    expect(await take(samPage, referral.title).getAttribute('aria-disabled')).toBe('true');
    expect(await description(take(samPage, referral.title))).toBe('Your dots: 0 You have not given this card a dot.');
    expect(await hasFocus(give(samPage, waiting.title))).toBe(true);
    await samPage.keyboard.press('Enter');
    const why = samPage.locator(`[data-touchpoint-id="${waiting.id}"] .card-dots__why`);
    await expect.poll(() => why.textContent()).toBe('You have used all your dots. Take one back from another card to give it here.');
    expect(await dotsOf(sam, boardId)).toEqual({ mine: { [waiting.id]: 2 }, left: 0 });
    // Targets are at least 44 px; axe finds nothing with the vote open.
    for (const target of [give(samPage, waiting.title), take(samPage, waiting.title)]) expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await samPage.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await axeViolations(samPage)).toEqual([]);
    expect(await axeViolations(fayPage)).toEqual([]);

    // He takes one back (the next Tab) and gives it to "Going home".
    await tabTo(samPage, `Take a dot back from ‘${waiting.title}’`);
    await samPage.keyboard.press('Enter');
    await expect.poll(() => heard(samPage)).toContain(`Dot taken back from ‘${waiting.title}’. You have 1 dot left.`);
    await tabTo(samPage, `Give a dot to ‘${home.title}’`);
    expect(await give(samPage, home.title).getAttribute('aria-disabled')).toBeNull();
    await samPage.keyboard.press('Enter');
    await expect.poll(() => heard(samPage)).toContain(`Dot given to ‘${home.title}’. You have used all your dots.`);
    await expect.poll(() => mineOn(samPage, home.id)).toBe('Your dots: 1');
    expect(await mineOn(samPage, waiting.id)).toBe('Your dots: 1');
    expect(await dotsOf(sam, boardId)).toEqual({ mine: { [waiting.id]: 1, [home.id]: 1 }, left: 0 });

    // Only Sam has voted: showing the results is refused, in the server's words, and nothing shows.
    await tabTo(fayPage, 'Show the results');
    await fayPage.keyboard.press('Enter');
    const alert = panel(fayPage).getByRole('group', { name: 'Dot voting' }).getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Only 1 person has voted\. The results show once at least 3 people have voted/);
    expect(voteOf(watcher.doc)?.status).toBe('open');
    expect(await results(fayPage).count()).toBe(0);
    expect(await axeViolations(fayPage)).toEqual([]);

    // Bo and Cy vote from their own devices; Fay's line follows.
    await giveByApi(bo, boardId, waiting.id);
    await giveByApi(bo, boardId, waiting.id);
    await giveByApi(cy, boardId, waiting.id);
    await giveByApi(cy, boardId, referral.id);
    await expect.poll(() => lineText(fayPage)).toBe('Dot voting: you have 2 of 2 dots left. 3 of 4 people have voted.');
    expect([...boardTypes(watcher.doc).votes.keys()]).toEqual([]);

    // Fay shows the results (focus is still on the button): ranked by dots, ties in journey order.
    expect(await hasFocus(panel(fayPage).getByRole('button', { name: 'Show the results' }))).toBe(true);
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => voteOf(watcher.doc)?.status === 'revealed', 'the vote is revealed', 10_000);
    expect(Object.fromEntries(dotTotals(watcher.doc))).toEqual({ [waiting.id]: 4, [referral.id]: 1, [home.id]: 1 });
    const ranked = [`‘${waiting.title}’ — 4 dots`, `‘${referral.title}’ — 1 dot`, `‘${home.title}’ — 1 dot`];
    for (const page of [fayPage, samPage, anaPage]) {
      await expect.poll(() => resultItems(page)).toEqual(ranked);
      expect(await results(page).getByRole('list').evaluate((list) => list.tagName)).toBe('OL');
      expect(await results(page).getByText('Nobody’s dots are shown, only the totals.').isVisible()).toBe(true);
      // No names anywhere in the results.
      expect(await results(page).textContent()).not.toMatch(/Fay|Sam|Ana|Bo|Cy/);
      await expect.poll(() => page.locator(`[data-touchpoint-id="${waiting.id}"] .card-dots__total`).textContent()).toBe('4 dots');
      expect(await page.getByRole('button', { name: /^Give a dot/ }).count()).toBe(0);
    }
    await expect.poll(() => heard(samPage)).toContain('The results of the dot voting are shown at the top of the board.');
    // The bar says it once, with one button beside the mark, and takes focus to the results, clear of the bar.
    const seeResults = samPage.locator('.board__bar').getByRole('button', { name: 'See the dot voting results', exact: true });
    await seeResults.waitFor();
    expect(await lineText(samPage)).toBeNull();
    expect(await samPage.locator('.board__bar .vote-line').innerText()).toBe('See the dot voting results');
    expect(await samPage.locator('.board__bar .vote-line').evaluate((line) => line.getBoundingClientRect().height)).toBeLessThanOrEqual(
      (await seeResults.boundingBox())!.height + 1,
    );
    await seeResults.focus();
    await samPage.keyboard.press('Enter');
    await expect.poll(() => focusedId(samPage)).toBe('vote-results-heading');
    expect(await focusClearOfBar(samPage)).toBe(true);
    expect(await panel(fayPage).getByRole('button', { name: 'Close the results' }).getAttribute('aria-disabled')).toBeNull();
    expect(await panel(fayPage).getByRole('button', { name: 'Show the results' }).getAttribute('aria-disabled')).toBe('true');
    for (const page of [fayPage, samPage]) {
      expect((await results(page).getByRole('button').first().boundingBox())!.height).toBeGreaterThanOrEqual(44);
      expect(await axeViolations(page)).toEqual([]);
    }

    // Each result takes the view and focus to its card, by keyboard.
    await tabTo(samPage, `‘${home.title}’ — 1 dot`);
    await samPage.keyboard.press('Enter');
    await expect.poll(() => focusedId(samPage)).toBe(`touchpoint-${home.id}`);

    // Fay closes the results; then opens a new vote with 3 dots: Sam's page asks for his dots afresh.
    await panel(fayPage).getByRole('button', { name: 'Close the results' }).click();
    await results(samPage).waitFor({ state: 'detached' });
    await expect.poll(() => heard(samPage)).toContain('The dot voting results are closed.');
    expect(await lineText(samPage)).toBeNull();
    await fayPage.getByLabel('Dots for each person').fill('3');
    await panel(fayPage).getByRole('button', { name: 'Start voting' }).click();
    await expect.poll(() => lineText(samPage)).toBe('Dot voting: you have 3 of 3 dots left. 0 of 4 people have voted.');
    expect(await mineOn(samPage, waiting.id)).toBe('Your dots: 0');
    expect([...boardTypes(watcher.doc).votes.keys()]).toEqual([]);

    // Ended without showing: the line goes, nothing is shown.
    await panel(fayPage).getByRole('button', { name: 'End without showing' }).click();
    await expect.poll(() => heard(samPage)).toContain('Dot voting has ended without showing the results.');
    expect(await lineText(samPage)).toBeNull();
    expect(await samPage.getByRole('button', { name: /^Give a dot/ }).count()).toBe(0);
    for (const page of [fayPage, samPage, anaPage]) await page.context().close();
  });
});

describe('quick presses', () => {
  it('go out one at a time over a slow link, never more than the dots, and the page ends on the server’s last answer', async () => {
    const { server, browser } = fixture;
    const { fay, sam, boardId } = await votingBoard();
    const opened = await api(server, `/api/boards/${boardId}/vote`, { cookie: fay.cookie, body: { action: 'open', dots: 2 } });
    expect(opened.status).toBe(200);
    const page = await boardPageOf(browser, server, sam, boardId, viewports[0]!);
    await expect.poll(() => lineText(page)).toBe('Dot voting: you have 2 of 2 dots left. 0 of 4 people have voted.');

    // A slow link: the first answer takes 600 ms longer than the others, so answers to requests
    // sent together would arrive in the wrong order.
    let sent = 0;
    let onTheirWay = 0;
    let most = 0;
    await page.route('**/api/boards/*/vote', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      const n = ++sent;
      onTheirWay += 1;
      most = Math.max(most, onTheirWay);
      const response = await route.fetch();
      if (n === 1) await new Promise((resolve) => setTimeout(resolve, 600));
      onTheirWay -= 1;
      await route.fulfill({ response });
    });
    let finished = 0;
    page.on('requestfinished', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/vote')) finished += 1;
    });
    await give(page, waiting.title).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    // The third press is one dot too many: it is never sent (counted below).
    await waitUntil(() => finished >= 2, 'both answers have reached the page', 15_000);
    // Two frames for the page to read the last answer: then it must show the server's newest.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await expect.poll(() => heard(page)).toContain(`Dot given to ‘${waiting.title}’. You have used all your dots.`);
    await expect.poll(() => mineOn(page, waiting.id)).toBe('Your dots: 2');
    await expect.poll(() => lineText(page)).toBe('Dot voting: you have used all your dots. 1 of 4 people has voted.');
    expect(most).toBe(1);
    expect(sent).toBe(2);
    expect(await dotsOf(sam, boardId)).toEqual({ mine: { [waiting.id]: 2 }, left: 0 });
    expect(await give(page, waiting.title).getAttribute('aria-disabled')).toBe('true');
    await page.context().close();
  });
});
