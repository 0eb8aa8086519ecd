/**
 * A co-design group's workspace in Chromium (issue 16, the page's side; the server's guard lets only
 * facilitators and the area's group members who can edit write its actions and ideas). Fay
 * organises; Sam (edit) and Bo (comment) are the group of "Waiting without news"; Cy can edit the
 * board but is not in the group; Ana may only look.
 *
 * By keyboard alone, at `?view=area&area=<id>`, Sam adds two actions — one his own with a day next
 * year, one for "Ward 4 nurses" due on a day already past — and the page flags the late one in
 * words ("Overdue: was due 3 March"), with the stock client reading exactly what was written. He
 * marks the first done with a note, and the second done too, which takes its overdue flag away;
 * he adds an idea. Cy's page shows the same plan with no control that changes it and a line saying
 * who can, yet he comments on an action by keyboard (a comment about an action). Ana sees no
 * comment form. Nothing is ever refused (no reload). axe finds nothing on each page, targets are
 * ≥ 44 px and nothing scrolls sideways, at 390×844 and 1366×768.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { readComment } from '../../shared/comment-read.ts';
import { actionsOf, ideasOf } from '../../shared/method.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { giveFeeling } from '../support/feelings.ts';
import { methodBoard, moments, scrollsSideways, setGroup, smallTargets, viewPageOf } from '../support/method-board.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const areaId = 'area-waiting-news';
const area = { id: areaId, title: 'Waiting without news', why: 'People wait weeks for results and hear nothing.', touchpointIds: [moments[1].id, moments[2].id] };
const clock = 'Put a clock and a sign in the waiting room';
const ring = 'Ring people whose results are late';
const reloaded = 'One of your changes could not be saved, so we loaded the board again.';

/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const actionItem = (page: Page, what: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: what, exact: true }) });
/** An action's facts as shown: "Who: Sam", "By when: …", "Where it is up to: Done". */
const facts = (item: Locator) =>
  item.locator('.action__facts > div').evaluateAll((rows) => rows.map((row) => [...row.children].map((part) => part.textContent?.replace(/\s+/g, ' ').trim()).join(' ')));
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '');

/** A day `daysAgo` before today on this machine, and how the page says it ("3 March", or with its year when another year). */
function pastDay(): { day: string; words: string } {
  const now = new Date();
  const year = now.getMonth() > 2 || (now.getMonth() === 2 && now.getDate() > 3) ? now.getFullYear() : now.getFullYear() - 1;
  return { day: `${year}-03-03`, words: year === now.getFullYear() ? '3 March' : `3 March ${year}` };
}

/**
 * The order this Chromium's date box takes a day in (its own locale's, whatever the page's):
 * learnt by typing into a box of the test's own, which is then removed.
 */
async function dateOrder(page: Page): Promise<'dmy' | 'mdy'> {
  const probe = await page.evaluateHandle(() => {
    const input = document.createElement('input');
    input.type = 'date';
    document.body.append(input);
    return input;
  });
  await probe.focus();
  await page.keyboard.type('01022030');
  const value = await probe.evaluate((input) => {
    input.remove();
    return input.value;
  });
  return value === '2030-02-01' ? 'dmy' : 'mdy';
}

/** Types a day into the focused date box as a person would, in the box's own order. */
async function typeDay(page: Page, order: 'dmy' | 'mdy', day: string): Promise<void> {
  const [year, month, date] = day.split('-');
  await page.keyboard.type(order === 'dmy' ? `${date}${month}${year}` : `${month}${date}${year}`);
}

describe.each(viewports)('an area’s action plan on $name', (viewport) => {
  it('lets a group member add and update actions by keyboard, flags an overdue one in words, and offers nobody else a change', async () => {
    const { server, browser } = fixture;
    const board = await methodBoard(fixture, [area]);
    const { boardId, people, watcher } = board;
    const { sam, bo, cy, ana } = people;
    setGroup(watcher, areaId, [sam.id, bo.id]);
    // Feelings are given over HTTP (the server writes them under keys that name nobody), once
    // another member's client shows the moments have reached the server.
    await waitUntil(() => moments.every((moment) => boardTypes(board.clients.bo.doc).touchpoints.has(moment.id)), 'the moments reach the server', 10_000);
    await giveFeeling(server, boardId, sam, moments[1].id, { score: -2 });
    await giveFeeling(server, boardId, sam, moments[2].id, { score: 1 });
    await giveFeeling(server, boardId, bo, moments[1].id, { score: -1 });
    const query = `view=area&area=${areaId}`;
    const samPage = await viewPageOf(browser, server, sam, boardId, query, viewport);
    const order = await dateOrder(samPage);

    // The workspace: the area's name as the view's heading, the group by first name, why it matters,
    // its moments with their stories, and their own curve and table.
    await samPage.getByRole('heading', { level: 2, name: area.title }).waitFor();
    const groupPart = samPage.getByRole('region', { name: 'Who is in the group' });
    await expect.poll(() => groupPart.textContent()).toContain('You and Bo');
    expect(await samPage.getByRole('region', { name: 'Why it matters' }).textContent()).toContain(area.why);
    const momentsPart = samPage.getByRole('region', { name: 'The moments this is about' });
    expect(await momentsPart.getByRole('heading', { level: 4 }).allTextContents()).toEqual([moments[1].title, moments[2].title, 'Emotion curve for these moments']);
    expect(await momentsPart.textContent()).toContain(moments[1].story);
    await expect.poll(() => momentsPart.getByRole('table').getByRole('row').count()).toBe(3);
    expect(await momentsPart.getByRole('rowheader').allTextContents()).toEqual([moments[1].title, moments[2].title]);
    expect(await momentsPart.textContent()).not.toContain(moments[0].title);
    await expect.poll(() => samPage.getByText('No actions yet').count()).toBe(1);

    // Sam adds his first action by keyboard: his own, by 1 June next year.
    const nextYear = new Date().getFullYear() + 1;
    await tabTo(samPage, 'Add an action');
    await samPage.keyboard.press('Enter');
    expect(await focusedLabel(samPage)).toBe('What will change');
    await samPage.keyboard.type(clock);
    await samPage.keyboard.press('Tab');
    expect(await focusedLabel(samPage)).toBe('Who will do it');
    // The group first (Sam, then Bo), then everyone else on the board.
    expect(await samPage.getByLabel('Who will do it').locator('option').allTextContents()).toEqual([
      'Nobody chosen yet',
      'Sam (you)',
      'Bo',
      'Ana',
      'Cy',
      'Fay',
      'Someone else, or a team (type their name)',
    ]);
    await samPage.keyboard.press('ArrowDown');
    await samPage.keyboard.press('Tab');
    expect(await focusedLabel(samPage)).toBe('By when');
    await typeDay(samPage, order, `${nextYear}-06-01`);
    await tabTo(samPage, 'Add this action');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => actionsOf(watcher.doc, areaId).length === 1, 'the first action reaches the server', 10_000);
    expect(actionsOf(watcher.doc, areaId)[0]).toMatchObject({ what: clock, owner: { userId: sam.id }, due: `${nextYear}-06-01`, status: 'not-started', createdBy: sam.id });
    await expect.poll(() => heard(samPage)).toContain(`Added the action “${clock}”.`);
    expect(await hasFocus(samPage.getByRole('button', { name: 'Add an action' }))).toBe(true);
    expect(await facts(actionItem(samPage, clock))).toEqual(['Who: You', `By when: By 1 June ${nextYear}`, 'Where it is up to: Not started']);

    // The second, for "Ward 4 nurses" in words, due on a day already past.
    const late = pastDay();
    await samPage.keyboard.press('Enter');
    await samPage.keyboard.type(ring);
    await samPage.keyboard.press('Tab');
    await samPage.keyboard.press('End');
    await samPage.keyboard.press('Tab');
    expect(await focusedLabel(samPage)).toBe('Their name, or the team');
    await samPage.keyboard.type('Ward 4 nurses');
    await samPage.keyboard.press('Tab');
    expect(await focusedLabel(samPage)).toBe('By when');
    await typeDay(samPage, order, late.day);
    await tabTo(samPage, 'Add this action');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => actionsOf(watcher.doc, areaId).length === 2, 'the second action reaches the server', 10_000);
    expect(actionsOf(watcher.doc, areaId).map((action) => action.what)).toEqual([clock, ring]);
    expect(actionsOf(watcher.doc, areaId)[1]).toMatchObject({ owner: { name: 'Ward 4 nurses' }, due: late.day, status: 'not-started', createdBy: sam.id });

    // The late one is flagged in words — not by colour alone — and counted.
    expect(await facts(actionItem(samPage, ring))).toEqual(['Who: Ward 4 nurses', `By when: ! Overdue: was due ${late.words}`, 'Where it is up to: Not started']);
    expect(await actionItem(samPage, ring).locator('.action__overdue-mark').getAttribute('aria-hidden')).toBe('true');
    expect(await samPage.locator('.area__count').textContent()).toBe('2 actions: 1 overdue');
    expect(await actionItem(samPage, clock).getByText(/Overdue/).count()).toBe(0);

    // He marks the first done with a note, by keyboard.
    await tabTo(samPage, `Change the action “${clock}”`);
    await samPage.keyboard.press('Enter');
    expect(await focusedLabel(samPage)).toBe('What will change');
    await tabTo(samPage, 'Not started');
    await samPage.keyboard.press('ArrowDown');
    await samPage.keyboard.press('ArrowDown');
    expect(await samPage.getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);
    await samPage.keyboard.press('Tab');
    expect(await focusedLabel(samPage)).toBe('Note');
    await samPage.keyboard.type('The clock went up in May; people say it helps.');
    await tabTo(samPage, 'Save changes');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => actionsOf(watcher.doc, areaId)[0]?.status === 'done', 'done reaches the server', 10_000);
    expect(actionsOf(watcher.doc, areaId)[0]).toMatchObject({ what: clock, owner: { userId: sam.id }, due: `${nextYear}-06-01`, status: 'done', note: 'The clock went up in May; people say it helps.' });
    await expect.poll(() => heard(samPage)).toContain(`Changes to the action “${clock}” saved.`);
    expect(await hasFocus(samPage.getByRole('button', { name: `Change the action “${clock}”` }))).toBe(true);
    expect(await facts(actionItem(samPage, clock))).toEqual([
      'Who: You',
      `By when: By 1 June ${nextYear}`,
      'Where it is up to: Done',
      'Note: The clock went up in May; people say it helps.',
    ]);
    expect(await samPage.locator('.area__count').textContent()).toBe('2 actions: 1 done, 1 overdue');

    // An idea, by keyboard.
    await tabTo(samPage, 'Add an idea');
    await samPage.keyboard.press('Enter');
    await samPage.keyboard.type('A text message when results are in');
    await tabTo(samPage, 'Add this idea');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => ideasOf(watcher.doc, areaId).length === 1, 'the idea reaches the server', 10_000);
    expect(ideasOf(watcher.doc, areaId)[0]).toMatchObject({ body: 'A text message when results are in', createdBy: sam.id });

    // axe, targets and width on Sam's page, with a form open too.
    expect(await axeViolations(samPage)).toEqual([]);
    expect(await smallTargets(samPage, '.area')).toEqual([]);
    expect(await scrollsSideways(samPage)).toBe(false);
    await samPage.getByRole('button', { name: `Change the action “${ring}”` }).click();
    expect(await axeViolations(samPage)).toEqual([]);
    expect(await smallTargets(samPage, '.area')).toEqual([]);
    expect(await scrollsSideways(samPage)).toBe(false);
    await samPage.keyboard.press('Escape');

    // Cy can edit the board but is not in the group: the same plan, no control that changes it.
    const cyPage = await viewPageOf(browser, server, cy, boardId, query, viewport);
    await cyPage.getByRole('heading', { level: 2, name: area.title }).waitFor();
    await expect.poll(() => cyPage.locator('.action').count()).toBe(2);
    expect(await cyPage.locator('.area__read-only').textContent()).toBe(
      'Only the people in this group (Sam and Bo) and the people who organise this board can change its ideas and action plan. You can comment on them.',
    );
    for (const name of [/^Add an action$/, /^Add an idea$/, /^Change/, /^Remove/, /before-and-after/]) expect(await cyPage.getByRole('button', { name }).count()).toBe(0);
    expect(await cyPage.locator('.area textarea, .area select, .area input').count()).toBe(0);
    expect(await facts(actionItem(cyPage, ring))).toEqual(['Who: Ward 4 nurses', `By when: ! Overdue: was due ${late.words}`, 'Where it is up to: Not started']);
    // He comments on an action, by keyboard: a comment about that action.
    await tabTo(cyPage, `Add a comment on the action “${ring}”`);
    await cyPage.keyboard.press('Enter');
    await cyPage.keyboard.type('Could the ward clerk do this instead?');
    await tabTo(cyPage, 'Post comment');
    await cyPage.keyboard.press('Enter');
    const ringId = actionsOf(watcher.doc, areaId)[1]!.id;
    await waitUntil(
      () => [...boardTypes(watcher.doc).comments.entries()].some(([key, value]) => readComment(key, value)?.target.type === 'action' && readComment(key, value)?.target.id === ringId),
      'the comment about the action reaches the server',
      10_000,
    );
    expect(await axeViolations(cyPage)).toEqual([]);
    expect(await smallTargets(cyPage, '.area')).toEqual([]);
    expect(await scrollsSideways(cyPage)).toBe(false);

    // Sam sees the comment; he marks the late one done too, and its overdue flag goes.
    await expect.poll(() => actionItem(samPage, ring).getByRole('button', { name: /^1 comment/ }).count()).toBe(1);
    await samPage.getByRole('button', { name: `Change the action “${ring}”` }).focus();
    await samPage.keyboard.press('Enter');
    await tabTo(samPage, 'Not started');
    await samPage.keyboard.press('ArrowDown');
    await samPage.keyboard.press('ArrowDown');
    await tabTo(samPage, 'Save changes');
    await samPage.keyboard.press('Enter');
    await waitUntil(() => actionsOf(watcher.doc, areaId)[1]?.status === 'done', 'the second done reaches the server', 10_000);
    await expect.poll(() => facts(actionItem(samPage, ring))).toEqual(['Who: Ward 4 nurses', `By when: By ${late.words}`, 'Where it is up to: Done']);
    expect(await samPage.locator('.area__count').textContent()).toBe('2 actions: 2 done');
    await expect.poll(() => facts(actionItem(cyPage, ring))).toEqual(['Who: Ward 4 nurses', `By when: By ${late.words}`, 'Where it is up to: Done']);

    // Ana may only look: the plan, no comment form, no control.
    const anaPage = await viewPageOf(browser, server, ana, boardId, query, viewport);
    await expect.poll(() => anaPage.locator('.action').count()).toBe(2);
    expect(await anaPage.locator('.area__read-only').textContent()).toBe(
      'Only the people in this group (Sam and Bo) and the people who organise this board can change its ideas and action plan.',
    );
    expect(await anaPage.getByRole('button', { name: /^Add/ }).count()).toBe(0);
    expect(await axeViolations(anaPage)).toEqual([]);

    // Nothing any page sent was refused.
    for (const page of [samPage, cyPage, anaPage]) expect(await page.getByText(reloaded).count()).toBe(0);
    for (const page of [samPage, cyPage, anaPage]) await page.context().close();
  });
});
