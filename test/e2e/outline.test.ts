/**
 * The outline in Chromium (issue 17): the whole board as a document, at 390×844 and 1366×768.
 *
 * Fay organises; Sam and Cy may edit, Bo may comment, Ana may only look (method-board.ts). The
 * board has "At the clinic" with three moments, an empty stage "After the visit", and a stage in
 * Recently deleted with a moment of its own; feelings given by each person over HTTP (the server
 * writes them) and comments written by each person's own stock y-websocket client. Sam reaches "Outline" from "Parts of this board" by keyboard alone;
 * the accessibility tree reads h2 "Outline", an h3 per stage in journey order (the deleted one
 * left out) and an h4 per moment under its stage; feelings read "4 people: 1 very bad, 3 bad;
 * words: frightened (2), rushed (1)."; comments with their replies. Sam changes a story by
 * keyboard and Fay's stock client receives it; focus stays on the button that opened the boxes.
 * Bo gives a feeling and posts a comment from the outline. Ana gets a plain document: no control
 * that changes anything. A moment added and a name changed by Fay's client appear live. "Copy the
 * outline" puts plain text with the stages and moments on the clipboard and says "Outline
 * copied.". axe finds nothing, nothing scrolls sideways, targets are at least 44 px.
 */
import type { Page } from 'playwright-core';
import * as Y from 'yjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint, type Feeling, type FeelingScore } from '../../shared/board-document.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { postComment } from '../../client/src/board/comments/comment-actions.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { roundTrip } from '../support/guard-board.ts';
import { tabTo } from '../support/keyboard.ts';
import { methodBoard, moments, scrollsSideways, smallTargets, viewPageOf, type MethodBoard } from '../support/method-board.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { api, type TestPerson } from '../support/test-server.ts';
import { cardPausedWords } from '../../client/src/board/session/pause-words.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const [arriving, waiting, home] = moments;
const emptyStage = { id: 'stage-after', title: 'After the visit' };
const goneStage = { id: 'stage-gone', title: 'A stage in the bin' };
const reloaded = 'One of your changes could not be saved, so we loaded the board again.';

const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const outline = (page: Page) => page.locator('#board-view');
const moment = (page: Page, title: string) => page.locator('.outline__moment').filter({ has: page.getByRole('heading', { name: title, exact: true, level: 4 }) });
/** The view's headings as the accessibility tree gives them: "3 At the clinic". */
async function headings(page: Page): Promise<string[]> {
  const tree = await outline(page).ariaSnapshot();
  return [...tree.matchAll(/heading "([^"]*)" \[level=(\d)\]/g)].map((match) => `${match[2]} ${match[1]}`);
}
async function axeAtTop(page: Page) {
  await page.evaluate(() => scrollTo(0, 0));
  return axeViolations(page);
}
async function checkPage(page: Page) {
  expect(await scrollsSideways(page)).toBe(false);
  expect(await smallTargets(page, '#board-view')).toEqual([]);
  expect(await axeAtTop(page)).toEqual([]);
  expect(await page.getByText(reloaded).count()).toBe(0);
}
const storyOf = (client: SyncClient, id: string) => String((boardTypes(client.doc).touchpoints.get(id) as Y.Map<unknown>).get('story'));

/** `person` gives their feeling as the page does: over HTTP, the server writing it. */
async function feel(board: MethodBoard, person: TestPerson, touchpointId: string, score: FeelingScore, words: string[]) {
  await giveFeeling(fixture.server, board.boardId, person, touchpointId, { score, words });
}

describe.each(viewports)('the outline on $name', (viewport) => {
  let board: MethodBoard;
  beforeAll(async () => {
    board = await methodBoard(fixture, []);
    const { people, clients, watcher } = board;
    const { touchpoints, stages } = boardTypes(watcher.doc);
    watcher.doc.transact(() => {
      stages.push([newStage(emptyStage.id, emptyStage.title), newStage(goneStage.id, goneStage.title)]);
      touchpoints.set('tp-in-the-bin', newTouchpoint({ id: 'tp-in-the-bin', stageId: goneStage.id, order: 'a0', title: 'Moment in the bin', createdBy: people.fay.id, createdAt: 1 }));
    });
    markDeleted(watcher.doc, { id: goneStage.id, kind: 'stage', deletedAt: Date.now(), deletedBy: people.fay.id }, null);
    // Each person's own feeling and comments, from their own device (the moments on the server first).
    await roundTrip(watcher);
    await feel(board, people.sam, arriving.id, -1, ['frightened', 'rushed']);
    await feel(board, people.bo, arriving.id, -2, ['frightened']);
    await feel(board, people.cy, arriving.id, -1, []);
    await feel(board, people.fay, arriving.id, -1, []);
    const first = postComment(clients.sam.doc, { target: { type: 'touchpoint', id: arriving.id }, parentId: null, authorId: people.sam.id, body: 'The chairs were hard.', createdAt: Date.now() }, null);
    await waitUntil(() => boardTypes(clients.bo.doc).comments.has(first), 'Bo’s device has Sam’s comment', 10_000);
    postComment(clients.bo.doc, { target: { type: 'touchpoint', id: arriving.id }, parentId: first, authorId: people.bo.id, body: 'Me too, for an hour.', createdAt: Date.now() }, null);
    postComment(clients.fay.doc, { target: { type: 'board', id: board.boardId }, parentId: null, authorId: people.fay.id, body: 'Thank you all for coming.', createdAt: Date.now() }, null);
    await waitUntil(() => boardTypes(watcher.doc).comments.size === 3 && boardTypes(watcher.doc).feelings.size === 4, 'the watcher has every feeling and comment', 10_000);
  });

  it('is reached by keyboard from "Parts of this board", with a heading for each stage and moment', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.sam, board.boardId, '', viewport);
    await tabTo(page, 'Outline');
    const parts = await page.getByRole('navigation', { name: 'Parts of this board' }).getByRole('link').allTextContents();
    expect(parts.slice(parts.indexOf('Journey map'), parts.indexOf('Journey map') + 2)).toEqual(['Journey map', 'Outline']);
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('view')).toBe('outline');
    await expect.poll(() => focusedText(page)).toBe('Outline');
    expect(await page.title()).toBe('Outline – Outpatients clinic – Common Ground');
    expect(await headings(page)).toEqual([
      '2 Outline',
      '3 At the clinic',
      `4 ${arriving.title}`,
      `4 ${waiting.title}`,
      `4 ${home.title}`,
      `3 ${emptyStage.title}`,
      '3 Comments on the whole board',
    ]);
    expect(await page.locator('.outline__stage').filter({ hasText: emptyStage.title }).getByText('No moments in this stage yet.').isVisible()).toBe(true);
    expect(await page.getByText(goneStage.title).count()).toBe(0);
    await checkPage(page);
    await page.context().close();
  });

  it('says the feelings in words and shows the comments with their replies', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.bo, board.boardId, 'view=outline', viewport);
    const desk = moment(page, arriving.title);
    await expect.poll(() => desk.locator('.outline__feelings').textContent()).toBe('Feelings: 4 people: 1 very bad, 3 bad; words: frightened (2), rushed (1).');
    expect(await desk.locator('.outline__story').textContent()).toBe(`Story: ${arriving.story}`);
    const thread = desk.getByRole('list', { name: 'Comments:' }).getByRole('listitem').first();
    expect(await thread.locator('.outline__comment').first().textContent()).toBe('Sam Okoro: The chairs were hard.');
    expect(await thread.getByRole('list', { name: 'Replies to Sam Okoro' }).getByRole('listitem').textContent()).toBe('You: Me too, for an hour.');
    expect(await moment(page, waiting.title).locator('.outline__feelings').textContent()).toBe('Feelings: No one has said yet.');
    expect(await moment(page, waiting.title).getByText('Comments: No comments yet.').isVisible()).toBe(true);
    expect(await page.locator('.outline__stage').last().locator('.outline__comment').textContent()).toBe('Fay Adams: Thank you all for coming.');
    await page.context().close();
  });

  it('lets Sam change a story by keyboard, sends it to the server and keeps focus', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.sam, board.boardId, 'view=outline', viewport);
    const button = `Change name or story of “${waiting.title}”`;
    await tabTo(page, button);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Touchpoint name');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent)).toBe('Story');
    const story = `Three weeks and no word. ${viewport.name}`;
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(story);
    await waitUntil(() => storyOf(board.watcher, waiting.id) === story, 'the story reaches Fay’s stock client', 15_000);
    expect(await axeAtTop(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`outline-${waiting.id}-edit`);
    expect(await moment(page, waiting.title).locator('.outline__story').textContent()).toBe(`Story: ${story}`);
    await checkPage(page);
    await page.context().close();
  });

  it('lets Bo say how a moment felt and add a comment from the outline, by keyboard', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.bo, board.boardId, 'view=outline', viewport);
    expect(await page.getByRole('button', { name: /^Change name or story/ }).count()).toBe(0);
    await tabTo(page, `Say how it felt at “${home.title}”`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    const onHome = () => [...boardTypes(board.watcher.doc).feelings.entries()].filter(([key]) => key.startsWith(`${home.id}/`)) as [string, Feeling][];
    await waitUntil(() => onHome()[0]?.[1].score === -2, 'Bo’s feeling reaches the server', 15_000);
    expect(onHome()[0]?.[0]).not.toContain(board.people.bo.id);
    await expect.poll(() => moment(page, home.title).locator('.outline__feelings').textContent()).toBe('Feelings: 1 person: 1 very bad.');

    await tabTo(page, `Add a comment on “${home.title}”`);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Nobody told me about the phone call.');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(`Add a comment on “${home.title}”`);
    await waitUntil(
      () => [...boardTypes(board.watcher.doc).comments.values()].some((c) => c.get('authorId') === board.people.bo.id && String(c.get('body')) === 'Nobody told me about the phone call.'),
      'Bo’s comment reaches the server',
      15_000,
    );
    await expect.poll(() => moment(page, home.title).locator('.outline__comment').textContent()).toBe('You: Nobody told me about the phone call.');
    expect(await heard(page)).toContain('Your comment is added.');
    await checkPage(page);
    await page.context().close();
  });

  it('gives Ana, who may only look, a plain document with no control that changes anything', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.ana, board.boardId, 'view=outline', viewport);
    await moment(page, arriving.title).waitFor();
    expect(await outline(page).getByRole('button').allTextContents()).toEqual(['Copy the outline']);
    expect(await outline(page).getByRole('textbox').count()).toBe(0);
    expect(await outline(page).getByRole('radio').count()).toBe(0);
    await checkPage(page);
    await page.context().close();
  });

  it('follows changes made by others as they happen', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.cy, board.boardId, 'view=outline', viewport);
    const after = page.locator('.outline__stage').filter({ has: page.getByRole('heading', { name: emptyStage.title, level: 3 }) });
    await after.getByText('No moments in this stage yet.').waitFor();
    const { touchpoints } = boardTypes(board.watcher.doc);
    touchpoints.set('tp-follow-up', newTouchpoint({ id: 'tp-follow-up', stageId: emptyStage.id, order: 'a0', title: 'The follow-up letter', story: 'It came a month later.', createdBy: board.people.fay.id, createdAt: Date.now() }));
    await expect.poll(() => after.getByRole('heading', { level: 4 }).allTextContents()).toEqual(['The follow-up letter']);
    expect(await after.getByText('No moments in this stage yet.').count()).toBe(0);
    const title = (touchpoints.get(arriving.id) as Y.Map<unknown>).get('title') as Y.Text;
    title.insert(title.length, ' (main entrance)');
    await expect.poll(() => moment(page, `${arriving.title} (main entrance)`).count()).toBe(1);
    await feel(board, board.people.cy, arriving.id, 2, []);
    await expect.poll(() => moment(page, `${arriving.title} (main entrance)`).locator('.outline__feelings').textContent()).toBe(
      'Feelings: 4 people: 1 very bad, 2 bad, 1 very good; words: frightened (2), rushed (1). Views differ a lot.',
    );
    await page.context().close();
  });

  it('copies the outline as plain text and says so', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.sam, board.boardId, 'view=outline', viewport);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.config.publicOrigin });
    await tabTo(page, 'Copy the outline');
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain('Outline copied.');
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^Outpatients clinic – Outline\n/);
    expect(text).toContain('\nStage 1: At the clinic\n');
    expect(text).toContain(`\nStage 2: ${emptyStage.title}\n`);
    for (const { title } of [waiting, home]) expect(text).toContain(`\n${title}\n`);
    expect(text).toContain('Feelings: ');
    expect(text).toContain('- Fay Adams: Thank you all for coming.');
    expect(text).not.toContain(goneStage.title);
    expect(text).not.toMatch(/<[a-z]/i);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Copy the outline');
    await page.context().close();
  });

  it('takes the name and story boxes away while the facilitator pauses changes, with focus on why', async () => {
    const { server, browser } = fixture;
    const page = await viewPageOf(browser, server, board.people.sam, board.boardId, 'view=outline', viewport);
    await tabTo(page, `Change name or story of “${home.title}”`);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Touchpoint name');
    const pause = async (action: 'pause-editing' | 'resume-editing') =>
      expect((await api(server, `/api/boards/${board.boardId}/session`, { body: { action }, cookie: board.people.fay.cookie })).status).toBe(200);
    await pause('pause-editing');
    await expect.poll(() => focusedText(page)).toBe(cardPausedWords);
    expect(await page.getByLabel('Touchpoint name').count()).toBe(0);
    expect(await outline(page).getByRole('button', { name: /^Change name or story/ }).count()).toBe(0);
    expect(await outline(page).getByRole('button', { name: /^Say how it felt/ }).count()).toBeGreaterThan(0);
    await pause('resume-editing');
    await expect.poll(() => outline(page).getByRole('button', { name: /^Change name or story/ }).count()).toBeGreaterThan(0);
    await page.context().close();
  });
});
