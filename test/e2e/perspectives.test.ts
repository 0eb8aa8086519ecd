/**
 * "How each group felt" in Chromium (issue 17, "more than one reality"), at 390×844 and 1366×768.
 *
 * Fay organises (method-board.ts). On the journey map she turns perspectives on by keyboard alone
 * — her stock client then holds the default choices in `meta.perspectives` — renames one, adds one
 * (focus goes into its box, words selected), removes it, turns them off and on again. Sam, who
 * edits, reaches "How each group felt" from "Parts of this board" by keyboard, reads that only he
 * sees his answer, picks "I work here" with the arrow keys and saves it: the server then tells him
 * (and nobody else) that choice, the page says it is saved and shows it again after a reload, and
 * no presence state or document field names it. Offline, saving says why in plain words.
 *
 * On a second board Fay's stock client writes the choices and the moments; people choose over
 * HTTP and give feelings with giveFeeling. At "Arriving at the desk" 2 people who use the service
 * and 3 who work here gave a feeling; at "Waiting for results" 3 of each. The page shows only the
 * second group's point at "Arriving" and "Fewer than 3 people — not shown" for the first, both
 * lines at "Waiting", the sentence "At ‘Waiting for results’: people who use this service felt
 * very bad; people who work here felt good." and when the lines were worked out. axe finds nothing
 * on the map with the setting open and on the view; no target under 44 px, nothing sideways.
 * At 200 % zoom on a phone (195 CSS px wide) every round button of "Which describes you?" keeps
 * its size beside long words. A box the facilitator empties gets its old words back and says so
 * under it, visibly.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MyPerspective } from '../../shared/api.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { defaultPerspectives, perspectivesOf } from '../../shared/perspectives.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { methodBoard, moments, scrollsSideways, smallTargets, viewPageOf, type MethodBoard } from '../support/method-board.ts';
import { api, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const [arriving, waiting, home] = moments;
const settingLabel = 'Perspectives: ask people which describes them';
const privacy = 'Only you see your answer. Nobody else on this board — not even the organiser — is told it.';
const notShown = 'Fewer than 3 people — not shown';

const focusedName = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el?.getAttribute('aria-label') ?? el?.labels?.[0]?.textContent?.trim() ?? el?.textContent?.trim() ?? '';
  });
const focusedValue = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null);
const selectedText = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    return el === null || el.selectionStart === null ? '' : el.value.slice(el.selectionStart, el.selectionEnd ?? 0);
  });
/** Presses Shift+Tab until the focused element's name is `name`. */
async function shiftTabTo(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Shift+Tab');
    if ((await focusedName(page)) === name) return;
  }
  throw new Error(`Shift+Tab never reached ${name}`);
}
const choicesOf = (board: MethodBoard) => perspectivesOf(board.watcher.doc);

async function myChoice(person: TestPerson, boardId: string): Promise<string | null> {
  const response = await api(fixture.server, `/api/boards/${boardId}/perspective`, { cookie: person.cookie });
  if (response.status !== 200) throw new Error(`perspective: ${response.status} ${await response.text()}`);
  return ((await response.json()) as MyPerspective).choice;
}

async function checkPage(page: Page, scope: string) {
  expect(await scrollsSideways(page)).toBe(false);
  expect(await smallTargets(page, scope)).toEqual([]);
  await page.evaluate(() => scrollTo(0, 0));
  expect(await axeViolations(page)).toEqual([]);
}

describe.each(viewports)('perspectives on $name', (viewport) => {
  let board: MethodBoard;
  beforeAll(async () => {
    board = await methodBoard(fixture, []);
  });

  it('are turned on, renamed, added to, taken from and off by the facilitator by keyboard', async () => {
    const { server, browser } = fixture;
    const { people, boardId } = board;
    const page = await viewPageOf(browser, server, people.fay, boardId, '', viewport);
    await tabTo(page, settingLabel);
    expect(await page.getByText('People can say which describes them, privately. The board then shows how each group felt, only where at least 3 people of a group gave a feeling.').isVisible()).toBe(true);
    await page.keyboard.press('Space');
    await waitUntil(() => JSON.stringify(choicesOf(board)) === JSON.stringify(defaultPerspectives), 'Fay’s stock client has the default choices', 10_000);

    // Renamed: the third choice's words, saved with Enter.
    await tabTo(page, 'Choice 3');
    expect(await focusedValue(page)).toBe('I work here');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('I work on this ward');
    await page.keyboard.press('Enter');
    await waitUntil(() => choicesOf(board)?.[2]?.label === 'I work on this ward', 'the new words reach Fay’s stock client', 10_000);
    expect(choicesOf(board)?.[2]?.id).toBe('works-here');

    // Added before "Rather not say": focus in its box, the words selected to type over.
    await tabTo(page, 'Add a choice');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedName(page)).toBe('Choice 4');
    expect(await selectedText(page)).toBe('New choice');
    await page.keyboard.type('I volunteer');
    await page.keyboard.press('Enter');
    await waitUntil(() => choicesOf(board)?.[3]?.label === 'I volunteer', 'the added choice reaches Fay’s stock client', 10_000);
    expect(choicesOf(board)?.map((choice) => choice.id).at(-1)).toBe('rather-not-say');
    await checkPage(page, '#board-view');

    // Removed; "Rather not say" has no Remove.
    expect(await page.getByRole('button', { name: /^Remove choice 5/ }).count()).toBe(0);
    await tabTo(page, 'Remove choice 4: I volunteer');
    await page.keyboard.press('Enter');
    await waitUntil(() => choicesOf(board)?.length === 4, 'the removed choice is gone from Fay’s stock client', 10_000);

    // Off, then on again with the default choices.
    await shiftTabTo(page, settingLabel);
    await page.keyboard.press('Space');
    await waitUntil(() => !boardTypes(board.watcher.doc).meta.has('perspectives'), 'perspectives are off for Fay’s stock client', 10_000);
    expect(await page.getByLabel('Choice 1').count()).toBe(0);
    await page.keyboard.press('Space');
    await waitUntil(() => JSON.stringify(choicesOf(board)) === JSON.stringify(defaultPerspectives), 'perspectives are on again', 10_000);
    await page.context().close();
  });

  it('let a participant choose privately by keyboard, from "Parts of this board"', async () => {
    const { server, browser } = fixture;
    const { people, boardId, watcher } = board;
    // The default choices, as the test before leaves them (Fay's stock client sets them when it did not).
    if (JSON.stringify(choicesOf(board)) !== JSON.stringify(defaultPerspectives)) boardTypes(watcher.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    const page = await viewPageOf(browser, server, people.sam, boardId, '', viewport);
    await tabTo(page, 'How each group felt');
    expect(await page.evaluate(() => document.activeElement?.closest('nav')?.getAttribute('aria-label'))).toBe('Parts of this board');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('perspectives');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('How each group felt');
    expect(await page.title()).toBe('How each group felt – Outpatients clinic – Common Ground');

    const group = page.getByRole('group', { name: 'Which describes you?' });
    await group.waitFor();
    expect(await page.getByText(privacy).isVisible()).toBe(true);
    expect(await group.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).toBe(privacy);
    expect(await group.getByRole('radio').evaluateAll((radios) => radios.map((radio) => (radio as HTMLInputElement).labels?.[0]?.textContent))).toEqual([
      'I use this service',
      'I care for someone who does',
      'I work here',
      'Rather not say',
      'I’d rather not choose',
    ]);
    expect(await page.getByRole('status').filter({ hasText: 'You have not chosen.' }).count()).toBe(1);

    // The arrow keys move the pick; nothing is sent until "Save my answer".
    // Not chosen yet reads as "I’d rather not choose", the radio Tab reaches.
    expect(await page.getByRole('radio', { name: 'I’d rather not choose' }).isChecked()).toBe(true);
    await tabTo(page, 'I’d rather not choose');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    expect(await focusedName(page)).toBe('I work here');
    expect(await myChoice(people.sam, boardId)).toBeNull();
    await page.keyboard.press('Tab');
    expect(await focusedName(page)).toBe('Save my answer');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Your saved answer: I work here.' }).waitFor();
    expect(await myChoice(people.sam, boardId)).toBe('works-here');
    expect(await myChoice(people.fay, boardId)).toBeNull();

    // Nobody else is told: not in anyone's presence, not in the document beyond the choices themselves.
    const states = JSON.stringify([...watcher.provider.awareness.getStates().values()]);
    expect(states).not.toContain('works-here');
    expect(states).not.toContain('I work here');
    const { perspectives: _choices, ...meta } = boardTypes(watcher.doc).meta.toJSON();
    expect(JSON.stringify({ ...watcher.doc.toJSON(), meta })).not.toContain('works-here');
    await checkPage(page, '#board-view');

    // Shown again after a reload.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Your saved answer: I work here.' }).waitFor();
    expect(await page.getByRole('radio', { name: 'I work here' }).isChecked()).toBe(true);

    // Offline, saving says why in plain words.
    await page.getByRole('radio', { name: 'I’d rather not choose' }).check();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Save my answer' }).click();
    await expect
      .poll(() => page.getByRole('alert').filter({ hasText: 'We could not reach Common Ground. Please check your internet connection, then try again.' }).count())
      .toBe(1);
    await page.context().setOffline(false);
    expect(await myChoice(people.sam, boardId)).toBe('works-here');
    await page.context().close();
  });
});

describe('each group’s line', () => {
  let board: MethodBoard;
  beforeAll(async () => {
    board = await methodBoard(fixture, []);
    const { server } = fixture;
    const { people, boardId, watcher } = board;
    boardTypes(watcher.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    const staff = [await signUp(server, 'Dee Hart'), await signUp(server, 'Eli Ward'), await signUp(server, 'Flo Kim')];
    for (const person of staff) await addMember(server.libsqlUrl, boardId, person.id, 'comment');
    const users = [people.sam, people.bo, people.cy];
    const choose = async (person: TestPerson, choice: string) => {
      let status = 0;
      await waitUntil(async () => {
        status = (await api(server, `/api/boards/${boardId}/perspective`, { method: 'PUT', body: { choice }, cookie: person.cookie })).status;
        return status === 200;
      }, `${person.displayName} chooses (${status})`, 10_000);
    };
    for (const person of users) await choose(person, 'uses-this-service');
    for (const person of staff) await choose(person, 'works-here');
    // At "Arriving at the desk", only 2 of the people who use the service; 3 who work here.
    for (const person of users.slice(0, 2)) await giveFeeling(server, boardId, person, arriving.id, { score: -2 });
    for (const person of staff) await giveFeeling(server, boardId, person, arriving.id, { score: 1 });
    // At "Waiting for results", 3 of each.
    for (const person of users) await giveFeeling(server, boardId, person, waiting.id, { score: -2 });
    for (const person of staff) await giveFeeling(server, boardId, person, waiting.id, { score: 1 });
  });

  it.each(viewports)('shows a group only where 3 of its people said, with where views differ most, on $name', async (viewport) => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.bo, board.boardId, 'view=perspectives', viewport);
    const table = page.getByRole('table', { name: 'How each group felt at each moment' });
    await table.waitFor();
    const cell = (touchpointId: string, perspectiveId: string) => page.locator(`[data-lens-row="${touchpointId}"] [data-perspective="${perspectiveId}"]`);
    const cellText = async (touchpointId: string, perspectiveId: string) => (await cell(touchpointId, perspectiveId).textContent())?.replace(/^.*?: /, '');
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Moment', 'I use this service', 'I care for someone who does', 'I work here']);
    expect(await table.getByRole('rowheader').allTextContents()).toEqual([arriving.title, waiting.title, home.title]);
    expect(await cellText(arriving.id, 'uses-this-service')).toBe(notShown);
    expect(await cellText(arriving.id, 'works-here')).toBe('Good (3 people)');
    expect(await cellText(waiting.id, 'uses-this-service')).toBe('Very bad (3 people)');
    expect(await cellText(waiting.id, 'works-here')).toBe('Good (3 people)');
    expect(await cellText(home.id, 'works-here')).toBe(notShown);

    // The picture: a mark only where the table shows a point; the lines join shown points only.
    const mark = (touchpointId: string, perspectiveId: string) => page.locator(`[data-lens-point="${touchpointId}"][data-perspective="${perspectiveId}"]`);
    await mark(waiting.id, 'works-here').waitFor();
    expect(await mark(arriving.id, 'uses-this-service').count()).toBe(0);
    expect(await mark(arriving.id, 'works-here').count()).toBe(1);
    expect(await mark(waiting.id, 'uses-this-service').count()).toBe(1);
    expect(await page.locator('[data-lens-point][data-perspective="cares-for-someone"]').count()).toBe(0);
    expect(await page.locator('[data-lens-group="uses-this-service"] .lens__line').getAttribute('d')).toBe('');
    expect(await page.locator('[data-lens-group="works-here"] .lens__line').getAttribute('d')).toMatch(/^M[\d.]+ [\d.]+L[\d.]+ [\d.]+$/);
    expect(await page.getByRole('img', { name: /^Lines for 3 groups across 3 moments/ }).count()).toBe(1);

    const differ = page.getByRole('region', { name: 'Where views differ most' }).getByRole('listitem');
    expect(await differ.allTextContents()).toEqual(['At ‘Waiting for results’: people who use this service felt very bad; people who work here felt good.']);
    expect(await page.getByText(/^Worked out at \d\d:\d\d\. They are worked out again at most every 10 minutes, so nobody’s feeling can be picked out\.$/).count()).toBe(1);
    await checkPage(page, '#board-view');
    await page.context().close();
  });
});

describe('“Which describes you?” at 200 % zoom on a phone', () => {
  it('keeps every choice’s round button whole beside long words', async () => {
    const { server, browser } = fixture;
    const board = await methodBoard(fixture, []);
    boardTypes(board.watcher.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    // A 390×844 phone zoomed to 200 % lays the page out 195 CSS pixels wide.
    const page = await viewPageOf(browser, server, board.people.bo, board.boardId, 'view=perspectives', { width: 195, height: 422 });
    const group = page.getByRole('group', { name: 'Which describes you?' });
    await group.waitFor();
    const sizes = await group.getByRole('radio').evaluateAll((radios) =>
      radios.map((radio) => {
        const box = radio.getBoundingClientRect();
        return `${(radio as HTMLInputElement).labels?.[0]?.textContent}: ${Math.round(box.width)}×${Math.round(box.height)}`;
      }),
    );
    // Squeezed by its words, a button shrank to a sliver (15×27) and was hard to see and hit.
    expect(sizes.filter((size) => !/: (\d+)×\1$/.test(size))).toEqual([]);
    await page.context().close();
  });
});

describe('a choice emptied by the facilitator', () => {
  it('says under its box, in words anyone can see, that the old words were kept', async () => {
    const { server, browser } = fixture;
    const board = await methodBoard(fixture, []);
    boardTypes(board.watcher.doc).meta.set('perspectives', defaultPerspectives.map((choice) => ({ ...choice })));
    const page = await viewPageOf(browser, server, board.people.fay, board.boardId, '', { width: 1366, height: 768 });
    const box = page.getByRole('textbox', { name: 'Choice 2' });
    await box.fill('');
    await page.keyboard.press('Tab');
    expect(await box.inputValue()).toBe('I care for someone who does');
    // Before, only a screen reader heard why; the old words simply came back.
    const said = page.locator('.perspectives-choices__row').nth(1).getByText('A choice needs some words, so we kept the old ones.');
    expect(await said.isVisible()).toBe(true);
    // Words again: the message goes.
    await box.fill('I look after someone');
    await page.keyboard.press('Tab');
    await waitUntil(() => choicesOf(board)?.[1]?.label === 'I look after someone', 'the new words reach Fay’s stock client', 10_000);
    expect(await said.count()).toBe(0);
    await page.context().close();
  });
});
