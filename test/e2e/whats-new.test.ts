/**
 * "What's new since I was last here" on the board page (issue 13), in Chromium at 390×844 and
 * 1366×768, over two "days" without a sleep: Bob opens the board and leaves (the test waits for
 * the server to have moved his marker); Ann, from a stock y-websocket client, comments on a card
 * and adds a card, and gives a feeling over HTTP; once the server has written it (its "what's new" batch delay
 * lowered, and GET /news polled)
 * Bob opens the board and sees "What's new (3)": two comments on a card, and a new card marked
 * "New" in words. Tabbing across the new card and reading the comments (open, Tab through, hide)
 * clears nothing — only going to a thing from the list does (or "Mark all as seen"). Going to the
 * first comment leaves the second, on the same card, new; one Tab from where he landed reaches "Next
 * new thing (2 left)", and from the next "Back to What's new" opens the list on the card; the
 * feelings are a count with no names. "Mark all as seen" clears it on the page and on the server.
 * axe-core finds nothing on the open list (which fits the screen) nor where he landed. Without the news
 * (the request fails, as offline) the board works and says so calmly.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { BoardNews } from '../../shared/api.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { newCommentMap } from '../../client/src/board/comments/comment-actions.ts';
import { axeViolations } from '../support/axe.ts';
import { roundTrip } from '../support/guard-board.ts';
import { boardPageOf, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

// The server writes "what's new" in batches; a short wait keeps the test quick without sleeping.
const fixture = useBrowserFixture({ activityFlushMs: 50 });

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
const oldCard = { id: 'touch-results', title: 'Waiting for results' };
const newCard = { id: 'touch-tea-trolley', title: 'Tea trolley' };
const commentId = 'comment-rang-back';
const commentWords = 'Nobody rang me back about the results, so I phoned them every day for a week. Nobody said sorry.';
const secondId = 'comment-letter-lost';
const secondWords = 'The letter with my appointment went to my old address.';

/** Bob's own browser at `viewport`, signed in, on the board; any error in the page fails the test. */
const pageOf = (browser: Browser, server: TestServer, person: TestPerson, boardId: string, viewport: { width: number; height: number }): Promise<Page> => boardPageOf(browser, server, person, boardId, viewport);

async function newsOf(server: TestServer, person: TestPerson, boardId: string): Promise<BoardNews> {
  const response = await api(server, `/api/boards/${boardId}/news`, { cookie: person.cookie });
  expect(response.status).toBe(200);
  return (await response.json()) as BoardNews;
}

/** Ann's board with the stage "Waiting" and one card, Bob on it (he can comment). */
async function boardWithBob(title: string) {
  const { server } = fixture;
  const ann = await signUp(server, 'Ann');
  const bob = await signUp(server, 'Bob');
  const boardId = await createBoard(server, ann, title);
  const annClient = fixture.nodeClient(boardId, ann);
  await annClient.synced;
  const { stages, touchpoints } = boardTypes(annClient.doc);
  annClient.doc.transact(() => {
    stages.push([newStage('stage-waiting', 'Waiting')]);
    touchpoints.set(oldCard.id, newTouchpoint({ id: oldCard.id, stageId: 'stage-waiting', order: 'a0', title: oldCard.title, createdBy: ann.id, createdAt: Date.now() }));
  });
  // Bob joins once the server has it all: none of it is news to him.
  await roundTrip(annClient);
  await addMember(server.libsqlUrl, boardId, bob.id, 'comment');
  return { ann, bob, boardId, annDoc: annClient.doc };
}

const whatsNew = (page: Page) => page.getByRole('button', { name: /^What’s new/ });
const listBox = (page: Page) => page.getByRole('region', { name: 'What’s new since your last visit' });
const cardOf = (page: Page, id: string) => page.locator(`[data-touchpoint-id="${id}"]`);
const commentsToggle = (page: Page, words: string) => cardOf(page, oldCard.id).getByRole('button', { name: `${words} on “${oldCard.title}”`, exact: true });
const focused = (page: Page) => page.evaluate(() => ({ id: document.activeElement?.id ?? '', text: document.activeElement?.textContent ?? '' }));
/** Whether the comment `id` says "New" beside its time. */
const commentSaysNew = async (page: Page, id: string) => (await page.locator(`li#comment-${id} .comment__new`).count()) === 1;

describe.each(viewports)('what’s new on $name', (viewport) => {
  it('shows Bob what Ann added while he was away, takes him to each by keyboard, and marks all as seen', async () => {
    const { server, browser } = fixture;
    const { ann, bob, boardId, annDoc } = await boardWithBob(`Results clinic at ${viewport.width}`);

    // Day one: Bob has a look (nothing new), then closes the page; the server notes when he left.
    const firstVisit = await pageOf(browser, server, bob, boardId, viewport);
    await whatsNew(firstVisit).filter({ hasText: /^What’s new$/ }).waitFor();
    const joined = (await newsOf(server, bob, boardId)).since;
    await firstVisit.context().close();
    await waitUntil(async () => (await newsOf(server, bob, boardId)).since > joined, 'the server noted that Bob left', 15_000);

    // While he is away Ann comments twice on the card, adds one and says how a moment felt.
    const { touchpoints, comments } = boardTypes(annDoc);
    const now = Date.now();
    annDoc.transact(() => {
      comments.set(commentId, newCommentMap(commentId, { target: { type: 'touchpoint', id: oldCard.id }, parentId: null, authorId: ann.id, body: commentWords, createdAt: now }));
      comments.set(secondId, newCommentMap(secondId, { target: { type: 'touchpoint', id: oldCard.id }, parentId: null, authorId: ann.id, body: secondWords, createdAt: now + 1 }));
      touchpoints.set(newCard.id, newTouchpoint({ id: newCard.id, stageId: 'stage-waiting', order: 'a1', title: newCard.title, createdBy: ann.id, createdAt: now }));
    });
    // Her feeling over HTTP, as the page gives it: the server writes it under a key that names nobody.
    await giveFeeling(server, boardId, ann, oldCard.id, { score: -1 });
    await waitUntil(async () => {
      const news = await newsOf(server, bob, boardId);
      return news.comments.length === 2 && news.touchpoints.length === 1 && news.feelings === 1;
    }, 'the server wrote what Ann did', 15_000);

    // Day two: Bob comes back.
    const page = await pageOf(browser, server, bob, boardId, viewport);
    await whatsNew(page).filter({ hasText: /^What’s new \(3\)$/ }).waitFor();
    await cardOf(page, newCard.id).getByText('New', { exact: true }).waitFor();
    expect(await cardOf(page, oldCard.id).getByText('New', { exact: true }).count()).toBe(0);
    await commentsToggle(page, '2 comments, 2 new').waitFor();

    // Tabbing across the new card clears nothing: in at its first control, out past its last.
    await cardOf(page, newCard.id).getByRole('radio').first().focus();
    for (let press = 0; press < 40 && (await cardOf(page, newCard.id).evaluate((card) => card.contains(document.activeElement))); press++)
      await page.keyboard.press('Tab');
    expect(await cardOf(page, newCard.id).evaluate((card) => card.contains(document.activeElement))).toBe(false);
    // Nor reading the comments: open them, Tab through them, hide them.
    await commentsToggle(page, '2 comments, 2 new').click();
    await tabTo(page, /^Hide comments/, 30);
    await page.keyboard.press('Enter');
    await whatsNew(page).focus();
    expect(await whatsNew(page).textContent()).toBe('What’s new (3)');
    await cardOf(page, newCard.id).getByText('New', { exact: true }).waitFor();
    await commentsToggle(page, '2 comments, 2 new').waitFor();

    // By keyboard: "What's new" open, and the list in the board's order.
    await page.keyboard.press('Enter');
    await listBox(page).getByText('3 new things since your last visit earlier today.').waitFor();
    const items = listBox(page).getByRole('listitem');
    expect(await items.allTextContents()).toEqual([
      `Ann commented on “${oldCard.title}” in Waiting: “Nobody rang me back about the results, so I phoned them every day for a week.…”`,
      `Ann commented on “${oldCard.title}” in Waiting: “${secondWords}”`,
      `New card “${newCard.title}” in Waiting`,
    ]);
    // Feelings are counted, never named.
    await listBox(page).getByText('Someone gave or changed 1 feeling since your last visit.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const box = await listBox(page).boundingBox();
    expect(box!.x >= 0 && box!.x + box!.width <= viewport.width).toBe(true);

    // The first one: the card's comments open with focus on Ann's comment, marked New.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toMatch(/^Ann commented on/);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe(`comment-${commentId}`);
    expect(await commentSaysNew(page, commentId)).toBe(true);
    expect((await focused(page)).text).toContain(commentWords);
    // It has left the list; the second comment on the same card is still new.
    await whatsNew(page).filter({ hasText: /^What’s new \(2\)$/ }).waitFor();
    expect(await commentSaysNew(page, secondId)).toBe(true);
    // One Tab: the way on.
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Next new thing (2 left)');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await focused(page)).id).toBe(`comment-${secondId}`);
    expect(await commentSaysNew(page, secondId)).toBe(true);
    // Having moved on from the first, it no longer says New; the card's count says so.
    expect(await commentSaysNew(page, commentId)).toBe(false);
    await whatsNew(page).filter({ hasText: /^What’s new \(1\)$/ }).waitFor();
    // Back to the list from here, with focus on the card left in it.
    await tabTo(page, 'Back to What’s new', 2);
    await page.keyboard.press('Enter');
    expect((await focused(page)).text).toBe(`New card “${newCard.title}” in Waiting`);
    await commentsToggle(page, '2 comments').waitFor();
    await page.keyboard.press('Enter');
    // Focus on the card's title, which is described as New.
    await expect.poll(async () => (await focused(page)).id).toBe(`touchpoint-${newCard.id}`);
    expect(await page.evaluate(() => document.getElementById(document.activeElement?.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('New');
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe('Back to What’s new');
    expect(await axeViolations(page)).toEqual([]);

    // Back to the list: nothing new left on the page but the feelings, then "Mark all as seen".
    await whatsNew(page).focus();
    await whatsNew(page).filter({ hasText: /^What’s new$/ }).waitFor();
    await cardOf(page, newCard.id).getByText('New', { exact: true }).waitFor({ state: 'detached' });
    await page.keyboard.press('Enter');
    await listBox(page).getByText('Nothing new since your last visit earlier today.').waitFor();
    await tabTo(page, 'Mark all as seen', 5);
    await page.keyboard.press('Enter');
    await listBox(page).getByRole('status').filter({ hasText: 'Nothing new. Everything is marked as seen.' }).waitFor();
    expect(await listBox(page).getByText(/feeling/).count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    // The server was told (the page is still open, so leaving did not move the marker).
    await waitUntil(async () => {
      const news = await newsOf(server, bob, boardId);
      return news.comments.length === 0 && news.touchpoints.length === 0 && news.feelings === 0;
    }, 'the server has nothing new for Bob', 15_000);
    await page.context().close();
  });

  it('works as ever when the news cannot be read, and says so calmly', async () => {
    const { server, browser } = fixture;
    const { bob, boardId } = await boardWithBob(`No news at ${viewport.width}`);
    const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport });
    const [name, value] = bob.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
    // The one request fails as it would with the connection gone.
    await context.route('**/api/boards/*/news', (route) => route.abort('internetdisconnected'));
    const page = await openBoard(context, boardId);
    await cardOf(page, oldCard.id).getByRole('heading', { name: oldCard.title }).waitFor();
    await whatsNew(page).click();
    await listBox(page).getByText('We could not check what is new just now. Reload the page to try again.').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await whatsNew(page).textContent()).toBe('What’s new');
    // Bob still comments.
    await commentsToggle(page, 'Add a comment').click();
    await cardOf(page, oldCard.id).getByLabel('Your comment', { exact: true }).fill('Still works.');
    await cardOf(page, oldCard.id).getByRole('button', { name: 'Post comment' }).click();
    await commentsToggle(page, '1 comment').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
