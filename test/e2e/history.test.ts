/**
 * The board's history in Chromium (issue 17), at 390×844 and 1366×768. A version is kept the real
 * way: changes from stock y-websocket clients, then every client of the board closed (the server
 * keeps one when the room empties; awaited by asking GET /history until it lists one). Then Fay's
 * stock client changes a story. Sam (edit) reaches "History" from "Parts of this board" by
 * keyboard alone, opens the version, reads "Changed since: the story." on that moment and the
 * sentence at the top, and puts the moment back by keyboard after the plain question: a watcher's
 * stock client receives the old story, the news is said, the mark goes and "Go to the map" has
 * focus. Sam sees no "Put back" for a stage or the whole board (those need someone who organises
 * the board); Bo (comment) and Ana (view) see the version and its marks but no "Put back" at all.
 * axe-core finds nothing on the list, on the version and with the question open; no target under
 * 44 px and nothing scrolls sideways.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes } from '../../shared/board-document.ts';
import type { HistoryList } from '../../shared/history.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { methodBoard, moments, scrollsSideways, smallTargets, viewPageOf } from '../support/method-board.ts';
import { api, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const [arriving] = moments;
const newStory = 'Someone smiled and said my name.';

const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const storyOf = (doc: Y.Doc, id: string) => String(boardTypes(doc).touchpoints.get(id)?.get('story') ?? '');

/** The versions the server lists, asked as `person`. */
async function versions(person: TestPerson, boardId: string): Promise<HistoryList['versions']> {
  const response = await api(fixture.server, `/api/boards/${boardId}/history`, { cookie: person.cookie });
  if (response.status !== 200) throw new Error(`history: ${response.status} ${await response.text()}`);
  return ((await response.json()) as HistoryList).versions;
}

/** Replaces a moment's story from a stock client. */
function setStory(doc: Y.Doc, id: string, story: string): void {
  const text = boardTypes(doc).touchpoints.get(id)?.get('story') as Y.Text;
  doc.transact(() => {
    text.delete(0, text.length);
    text.insert(0, story);
  });
}

describe.each(viewports)('history on $name', (viewport) => {
  it('shows what changed since a kept version, and puts a moment back by keyboard for everyone', async () => {
    const { server, browser } = fixture;
    const board = await methodBoard(fixture, []);
    const { boardId, people } = board;
    const { fay, sam, bo, ana } = people;
    await waitUntil(() => boardTypes(board.clients.sam.doc).touchpoints.size === moments.length, 'every client has the moments', 10_000);
    // Before anyone has left, there is no earlier version: the page says when one is kept.
    const early = await viewPageOf(browser, server, ana, boardId, 'view=history', viewport);
    await early.getByText('No earlier versions yet. One is kept when everyone leaves the board after changes, and each day it is used.').waitFor();
    expect(await axeViolations(early)).toEqual([]);
    await early.context().close();
    // Everyone leaves: the server keeps a version of the board as it is.
    for (const client of Object.values(board.clients)) client.destroy();
    await waitUntil(async () => (await versions(fay, boardId)).length > 0, 'the server keeps a version', 30_000);
    const [kept] = await versions(sam, boardId);

    // Later, Fay changes the story; the watcher (Cy's stock client) follows the board.
    const writer = fixture.nodeClient(boardId, fay);
    const watcher = fixture.nodeClient(boardId, people.cy);
    await Promise.all([writer.synced, watcher.synced]);
    setStory(writer.doc, arriving.id, newStory);
    await waitUntil(() => storyOf(watcher.doc, arriving.id) === newStory, 'the watcher has the new story', 10_000);

    // Sam, by keyboard alone: Parts of this board → History → the version.
    const page = await viewPageOf(browser, server, sam, boardId, '', viewport);
    await tabTo(page, 'History');
    expect((await page.getByRole('navigation', { name: 'Parts of this board' }).getByRole('link').allTextContents()).at(-1)).toBe('History');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('history');
    await expect.poll(() => focusedText(page)).toBe('History');
    const link = page.getByRole('list', { name: 'Earlier versions' }).getByRole('link');
    await link.first().waitFor();
    expect(await link.count()).toBe(1);
    const when = /^(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \d{1,2} [A-Z][a-z]+, \d{1,2}:\d\d[ap]m \((just now|\d+ minutes? ago)\)$/;
    expect(await link.textContent()).toMatch(when);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page, '.history')).toEqual([]);
    await tabTo(page, when);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('version')).toBe(kept!.id);
    await expect.poll(() => focusedText(page)).toMatch(/^The board on \w+day \d{1,2} [A-Z][a-z]+, \d{1,2}:\d\d[ap]m$/);

    // What changed since, at the top and on the moment, in words.
    const changes = page.getByRole('region', { name: 'What changed since' });
    await changes.getByText(`1 moment has changed since: “${arriving.title}”.`).waitFor();
    const desk = page.locator(`[data-touchpoint-id="${arriving.id}"]`);
    await desk.getByText('Changed since: the story.').waitFor();
    expect(await desk.locator('.history__story').textContent()).toBe(arriving.story);
    expect(await page.locator('.history__mark').allTextContents()).toEqual(['Changed since: the story.']);
    // Organising the board's stages or the whole board is for facilitators.
    expect(await page.getByRole('button', { name: /^Put back (this stage|the whole board)/ }).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page, '.history')).toEqual([]);
    expect(await scrollsSideways(page)).toBe(false);

    // Bo (comment) and Ana (view) see the version and its marks, and no "Put back" at all.
    for (const person of [bo, ana]) {
      const other = await viewPageOf(browser, server, person, boardId, `view=history&version=${kept!.id}`, viewport);
      await other.locator(`[data-touchpoint-id="${arriving.id}"]`).getByText('Changed since: the story.').waitFor();
      expect(await other.getByRole('button', { name: /Put back/ }).count()).toBe(0);
      await other.context().close();
    }
    // Fay, who organises the board, is offered the stage and the whole board.
    const fayPage = await viewPageOf(browser, server, fay, boardId, `view=history&version=${kept!.id}`, viewport);
    await fayPage.getByRole('button', { name: 'Put back the whole board as it was' }).waitFor();
    expect(await fayPage.getByRole('button', { name: 'Put back this stage as it was: At the clinic' }).count()).toBe(1);
    await fayPage.context().close();

    // Sam puts the moment back, by keyboard, after the question.
    await tabTo(page, `Put back this moment as it was: ${arriving.title}`);
    await page.keyboard.press('Enter');
    const question = page.getByRole('group', { name: `Put back the moment “${arriving.title}” as it was?` });
    await question.waitFor();
    await expect.poll(() => question.evaluate((element) => element === document.activeElement)).toBe(true);
    expect(await question.textContent()).toContain('The moment’s name and story will go back to how they were on');
    expect(await question.textContent()).toContain('Everyone will see the change. Feelings and comments are not changed.');
    expect(await axeViolations(page)).toEqual([]);
    expect(await smallTargets(page, '.history')).toEqual([]);
    await page.keyboard.press('Tab');
    await expect.poll(() => focusedText(page)).toBe('Yes, put it back');
    await page.keyboard.press('Enter');

    // Everyone gets it as a new change: the watcher's stock client has the old story again.
    await waitUntil(() => storyOf(watcher.doc, arriving.id) === arriving.story, 'the watcher receives the old story', 15_000);
    const done = `The moment “${arriving.title}” is back as it was.`;
    await expect.poll(() => heard(page)).toContain(done);
    await page.locator('.history__done').getByText(done).waitFor();
    await expect.poll(() => focusedText(page)).toBe('Go to the map');
    await changes.getByText('Nothing on the map has changed since.').waitFor();
    expect(await page.locator('.history__mark').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe(null);
    await page.getByRole('heading', { level: 2, name: 'Journey map' }).waitFor();
    await page.getByText(arriving.story).first().waitFor();
    await page.context().close();
  });
});
