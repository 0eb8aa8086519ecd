/**
 * The review in Chromium (issue 16, the page's side): per priority area, agreed ones first, what
 * changed — actions done and stopped with their notes — the before-and-after note, and how each
 * moment felt at the start beside how it feels now, as two curves with their spread and one table.
 *
 * Fay organises; Sam (edit) and Bo (comment) are the group of "Waiting without news"; Cy can edit
 * but is not in it. Before the review step the page says feelings are asked for then, and offers
 * no picker. Once Fay's stock client moves the board to `review`, Bo says by keyboard how two
 * moments feel now (the server writes them to `feelingsAfter` under keys that name nobody); with
 * Sam's and Cy's from their devices, the "now" curve and the table with both follow. Sam writes the before-and-after note
 * by keyboard; Cy is offered no way to. Fay shows the summary: big text, one area at a time,
 * "Next", "Back", the arrow keys, and "Close the summary" back where she was. axe finds nothing
 * on each, at 390×844 and 1366×768.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { methodTypes, newAction, prioritiesOf } from '../../shared/method.ts';
import * as Y from 'yjs';
import { axeViolations } from '../support/axe.ts';
import { myFeelings } from '../support/feelings.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { giveFeelings, methodBoard, moments, scrollsSideways, setGroup, smallTargets, viewPageOf } from '../support/method-board.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const [arriving, waiting, home] = moments;
// Listed first by the facilitator, but only shortlisted: the review puts the agreed one first.
const welcome = { id: 'area-kinder-welcome', title: 'A kinder welcome', why: 'Nobody greets people at the desk.', touchpointIds: [arriving.id], step: 'shortlisted' as const };
const news = { id: 'area-waiting-news', title: 'Waiting without news', why: 'People wait weeks and hear nothing.', touchpointIds: [waiting.id, home.id] };
const reloaded = 'One of your changes could not be saved, so we loaded the board again.';
const note = 'Before: weeks of silence. Now: a call within two days when results are late.';

const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const reviewArea = (page: Page, id: string) => page.locator(`[data-review-area="${id}"]`);
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
/** The table with both: each row's cells as a screen reader reads them (without the column names shown on a phone). */
const compareRows = (area: Locator) =>
  area.locator('.compare-table tbody tr').evaluateAll((rows) =>
    rows.map((row) =>
      [...row.children].map((cell) =>
        [...cell.childNodes]
          .filter((node) => !(node instanceof Element && node.classList.contains('compare-table__name')))
          .map((node) => node.textContent)
          .join('')
          .replace(/\s+/g, ' ')
          .trim(),
      ),
    ),
  );

describe.each(viewports)('the review on $name', (viewport) => {
  it('records how moments feel now, shows both curves with their table, keeps the before-and-after note to the group, and shows a summary', async () => {
    const { server, browser } = fixture;
    const board = await methodBoard(fixture, [welcome, news]);
    const { boardId, people, watcher, clients } = board;
    const { fay, sam, bo, cy } = people;
    setGroup(watcher, news.id, [sam.id, bo.id]);
    // How it felt at the start.
    await giveFeelings(clients.sam, sam, 'feelings', { [waiting.id]: -2, [home.id]: 1, [arriving.id]: -1 });
    await giveFeelings(clients.bo, bo, 'feelings', { [waiting.id]: -1 });
    await giveFeelings(clients.cy, cy, 'feelings', { [waiting.id]: 0 });
    // The group's plan, written from Sam's own device (he is in the group and can edit).
    const now = Date.now();
    const plan = [
      { id: 'action-ring-people', what: 'Ring people whose results are late', status: 'done', note: 'Ward 4 nurses ring within two days.', owner: { name: 'Ward 4 nurses' } },
      { id: 'action-text-people', what: 'Text people when results are in', status: 'stopped', note: 'The text system cannot reach landlines.', owner: { userId: sam.id } },
      { id: 'action-leaflet', what: 'A leaflet on how long results take', status: 'under-way', note: '', owner: null },
    ] as const;
    await waitUntil(() => prioritiesOf(clients.sam.doc).find((area) => area.id === news.id)?.group.includes(sam.id) === true, 'Sam’s device knows he is in the group', 10_000);
    clients.sam.doc.transact(() => {
      plan.forEach((item, i) => {
        const action = newAction({ id: item.id, priorityId: news.id, what: item.what, owner: item.owner, order: `a${i}`, createdBy: sam.id, createdAt: now });
        methodTypes(clients.sam.doc).actions.set(item.id, action);
        action.set('status', item.status);
        (action.get('note') as Y.Text).insert(0, item.note);
      });
    });
    boardTypes(watcher.doc).meta.set('phase', 'co-design');
    await waitUntil(() => methodTypes(watcher.doc).actions.size === 3 && boardTypes(watcher.doc).feelings.size === 5, 'the plan and feelings reach Fay', 10_000);

    const boPage = await viewPageOf(browser, server, bo, boardId, 'view=review', viewport);
    await boPage.getByRole('heading', { level: 2, name: 'Review: what changed' }).waitFor();
    // Agreed first, then the shortlist.
    await expect.poll(() => boPage.locator('.review-area h3').allTextContents()).toEqual([news.title, welcome.title]);
    const newsArea = reviewArea(boPage, news.id);
    expect(await newsArea.getByRole('list', { name: `Actions done for “${news.title}”` }).textContent()).toBe(
      'Ring people whose results are late (Ward 4 nurses)Note: Ward 4 nurses ring within two days.',
    );
    expect(await newsArea.getByRole('list', { name: `Actions stopped for “${news.title}”` }).textContent()).toBe(
      'Text people when results are in (Sam)Note: The text system cannot reach landlines.',
    );
    expect(await newsArea.textContent()).toContain('1 more action is not done yet.');
    // Before the review step: no picker, and a line saying when.
    expect(await boPage.getByText('When the person organising the board moves it to the review step').count()).toBe(1);
    expect(await boPage.getByRole('radiogroup').count()).toBe(0);
    expect(await newsArea.getByText('No one has said yet how these moments feel now.').count()).toBe(1);

    // Fay moves the board to the review: everyone who can comment is asked.
    boardTypes(watcher.doc).meta.set('phase', 'review');
    await expect.poll(() => newsArea.getByRole('radiogroup', { name: 'How does this feel now?' }).count()).toBe(2);
    // Bo, by keyboard: "Waiting for results" feels Good now, "Going home" Very good.
    await tabTo(boPage, 'Very bad');
    expect(await boPage.evaluate(() => document.activeElement?.closest('.feel-now')?.querySelector('h5')?.textContent)).toBe(waiting.title);
    for (let i = 0; i < 3; i++) await boPage.keyboard.press('ArrowRight');
    // Where Bo's own feelings are, as the server tells him alone.
    const bos = async (map: 'feelings' | 'feelingsAfter', touchpointId: string) => {
      const key = (await myFeelings(server, boardId, bo))[map][touchpointId];
      return key === undefined ? undefined : boardTypes(watcher.doc)[map].get(key);
    };
    await waitUntil(async () => (await bos('feelingsAfter', waiting.id))?.score === 1, 'Bo’s feeling now reaches the server', 10_000);
    await tabTo(boPage, 'Very bad');
    expect(await boPage.evaluate(() => document.activeElement?.closest('.feel-now')?.querySelector('h5')?.textContent)).toBe(home.title);
    await boPage.keyboard.press('ArrowLeft');
    await waitUntil(async () => (await bos('feelingsAfter', home.id))?.score === 2, 'Bo’s second feeling reaches the server', 10_000);
    // His first answers stay where they were: the start is not touched.
    expect((await bos('feelings', waiting.id))?.score).toBe(-1);
    // Sam and Cy say from their own devices.
    await giveFeelings(clients.sam, sam, 'feelingsAfter', { [waiting.id]: 2 });
    await giveFeelings(clients.cy, cy, 'feelingsAfter', { [waiting.id]: -1 });

    // The two curves, each with its spread, and the table with both.
    const sides = newsArea.locator('.compare__side');
    expect(await sides.locator('h5').allTextContents()).toEqual(['How it felt at the start', 'How it feels now']);
    await expect.poll(() => sides.nth(1).getByRole('img', { name: /^Emotion curve across 2 moments/ }).count()).toBe(1);
    expect(await sides.nth(0).getByRole('img', { name: /^Emotion curve across 2 moments/ }).getAttribute('aria-label')).toContain('Middle feelings go from Bad to Good.');
    await expect
      .poll(() => sides.nth(1).locator(`[data-curve-point="${waiting.id}"]`).getAttribute('aria-label'))
      .toBe('Waiting for results: middle feeling Good, from Bad to Very good, 3 people, views differ a lot');
    expect(await newsArea.getByRole('table', { name: 'How each moment felt at the start and how it feels now' }).count()).toBe(1);
    await expect.poll(() => compareRows(newsArea)).toEqual([
      [`${waiting.title}At the clinic`, 'Bad, from Very bad to Okay — 3 people', 'Good, from Bad to Very good — 3 people, views differ a lot', 'Better'],
      [`${home.title}At the clinic`, 'Good — 1 person', 'Very good — 1 person', 'Better'],
    ]);
    // Bo is in the group but may only comment: no note to write.
    expect(await boPage.getByRole('button', { name: /before-and-after note/ }).count()).toBe(0);
    expect(await axeViolations(boPage)).toEqual([]);
    expect(await smallTargets(boPage, '.review')).toEqual([]);
    expect(await scrollsSideways(boPage)).toBe(false);

    // Sam writes the before-and-after note by keyboard; it is his group's.
    const samPage = await viewPageOf(browser, server, sam, boardId, 'view=review', viewport);
    await tabTo(samPage, `Write the before-and-after note for “${news.title}”`);
    expect(await samPage.getByRole('button', { name: /before-and-after note/ }).count()).toBe(1);
    await samPage.keyboard.press('Enter');
    await samPage.keyboard.type(note);
    await tabTo(samPage, 'Save the note');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => prioritiesOf(watcher.doc).find((area) => area.id === news.id)?.beforeAfter === note, 'the note reaches the server', 10_000);
    await expect.poll(() => heard(samPage)).toContain('The before-and-after note is saved.');
    expect(await hasFocus(samPage.getByRole('button', { name: `Change the before-and-after note for “${news.title}”` }))).toBe(true);
    await expect.poll(() => newsArea.locator('.before-after__words').textContent()).toBe(note);

    // Cy can edit the board but is not in the group: the note, no way to change it.
    const cyPage = await viewPageOf(browser, server, cy, boardId, 'view=review', viewport);
    await expect.poll(() => reviewArea(cyPage, news.id).locator('.before-after__words').textContent()).toBe(note);
    expect(await cyPage.getByRole('button', { name: /before-and-after note/ }).count()).toBe(0);
    expect(await axeViolations(cyPage)).toEqual([]);

    // Fay shows the summary: one area at a time in big text, agreed first.
    const fayPage = await viewPageOf(browser, server, fay, boardId, 'view=review', viewport);
    // She organises: she could write the note for either area.
    await expect.poll(() => fayPage.getByRole('button', { name: /before-and-after note/ }).count()).toBe(2);
    await tabTo(fayPage, 'Show the summary for the celebration');
    await fayPage.keyboard.press('Enter');
    const slideTitle = fayPage.locator('.summary__title');
    await expect.poll(() => slideTitle.textContent()).toBe(news.title);
    await expect.poll(() => hasFocus(slideTitle)).toBe(true);
    const summary = fayPage.getByRole('region', { name: 'Summary for the celebration' });
    expect(await summary.locator('.summary__place').textContent()).toBe('Priority area 1 of 2');
    expect(await summary.textContent()).toContain('Ring people whose results are late (Ward 4 nurses)');
    expect(await summary.textContent()).toContain(note);
    expect(await summary.textContent()).toContain(
      `${waiting.title}: at the start bad, from very bad to okay — 3 people; now good, from bad to very good — 3 people, views differ a lot.`,
    );
    expect(await slideTitle.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(30);
    expect(await summary.evaluate((element) => parseFloat(getComputedStyle(element).fontSize))).toBeGreaterThanOrEqual(22);
    expect(await fayPage.locator('.review-area').count()).toBe(0);
    expect(await summary.getByRole('button', { name: 'Back' }).count()).toBe(0);
    expect(await axeViolations(fayPage)).toEqual([]);
    expect(await scrollsSideways(fayPage)).toBe(false);
    await tabTo(fayPage, 'Next');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => slideTitle.textContent()).toBe(welcome.title);
    await expect.poll(() => hasFocus(slideTitle)).toBe(true);
    expect(await summary.locator('.summary__place').textContent()).toBe('Priority area 2 of 2');
    expect(await summary.getByRole('button', { name: 'Next' }).count()).toBe(0);
    await fayPage.keyboard.press('ArrowLeft');
    await expect.poll(() => slideTitle.textContent()).toBe(news.title);
    await fayPage.keyboard.press('ArrowRight');
    await expect.poll(() => slideTitle.textContent()).toBe(welcome.title);
    // Two arrows at once, the second before the new slide's title has taken focus (a frame later;
    // CI on a loaded machine met it): both count.
    await expect.poll(() => hasFocus(slideTitle)).toBe(true);
    await fayPage.evaluate(() => {
      for (const key of ['ArrowLeft', 'ArrowRight']) (document.activeElement ?? document.body).dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
    });
    await expect.poll(() => slideTitle.textContent()).toBe(welcome.title);
    await expect.poll(() => hasFocus(slideTitle)).toBe(true);
    await tabTo(fayPage, 'Back');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => slideTitle.textContent()).toBe(news.title);
    await tabTo(fayPage, 'Close the summary');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => hasFocus(fayPage.getByRole('button', { name: 'Show the summary for the celebration' }))).toBe(true);
    expect(await fayPage.locator('.review-area').count()).toBe(2);

    for (const page of [boPage, samPage, cyPage, fayPage]) expect(await page.getByText(reloaded).count()).toBe(0);
    for (const page of [boPage, samPage, cyPage, fayPage]) await page.context().close();
  });
});
