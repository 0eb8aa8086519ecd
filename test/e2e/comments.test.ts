/**
 * Comments in Chromium (issue 13, the page's side, through the shared document). Ann (organises)
 * and Bob (comment access) on one board: Bob comments on a card, Ann sees it at once with the count
 * in words and hears of it on the card she is on, replies; Bob edits ("edited"), Ann marks the
 * conversation sorted, Bob opens it again, deletes his comment (it asks, since Ann replied) and
 * brings it back with Undo — the server never refuses a change. Vic can only look: he reads, with
 * no control to write. A link in a comment is a real, safe <a>; `javascript:` and markup stay text.
 * By keyboard alone a comment is written and answered. axe-core finds nothing on open
 * conversations at 390×844 and 1366×768, and nothing sticks out of its card.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { cardsOutsideColumns } from '../support/layout.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
const cardId = 'touch-results';
const cardTitle = 'Waiting for results';

/** A browser of `person`'s own at `viewport`, signed in, on the board. */
const pageOf = (browser: Browser, server: TestServer, person: TestPerson, boardId: string, viewport = viewports[1]!): Promise<Page> => boardPageOf(browser, server, person, boardId, viewport);

/** Ann's board with the stage "Waiting" and the card "Waiting for results", and Node's view of it. */
async function seededBoard(ann: TestPerson, title: string) {
  const boardId = await createBoard(fixture.server, ann, title);
  const seed = fixture.nodeClient(boardId, ann);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-waiting', 'Waiting')]);
    touchpoints.set(cardId, newTouchpoint({ id: cardId, stageId: 'stage-waiting', order: 'a0', title: cardTitle, createdBy: ann.id, createdAt: Date.now() }));
  });
  return { boardId, doc: seed.doc };
}

const card = (page: Page) => page.locator(`[data-touchpoint-id="${cardId}"]`);
/** The card's comments button, by its count in words ("2 comments"; "…, 1 new" as what's new may add). */
const toggle = (page: Page, words: string) =>
  card(page).getByRole('button', { name: new RegExp(`^${words}(, \\d+ new)? on “${cardTitle}”$`) });
const announced = (page: Page, words: RegExp) => page.locator('[aria-live="polite"]:not([role="status"])').filter({ hasText: words }).waitFor({ state: 'attached' });
const comments = (doc: Y.Doc) => [...boardTypes(doc).comments.values()] as Y.Map<unknown>[];
const refusedNotice = /could not be saved/;

describe('comments, two people live', () => {
  it('comment, see it at once, reply, edit, sort, open again, delete and undo', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const { boardId, doc } = await seededBoard(ann, 'Results clinic');
    await addMember(server.libsqlUrl, boardId, bob.id, 'comment');
    const annPage = await pageOf(browser, server, ann, boardId);
    const bobPage = await pageOf(browser, server, bob, boardId);
    await toggle(annPage, 'Add a comment').waitFor();

    // Ann is on the card (focus inside it) when Bob's comment arrives.
    await toggle(annPage, 'Add a comment').focus();
    await toggle(bobPage, 'Add a comment').click();
    await card(bobPage).getByLabel('Your comment', { exact: true }).fill('It took three weeks.\nNobody called me.');
    await card(bobPage).getByRole('button', { name: 'Post comment' }).click();
    await toggle(bobPage, '1 comment').waitFor();
    await toggle(annPage, '1 comment').waitFor();
    await announced(annPage, /^Bob commented on “Waiting for results”\.$/);
    await waitUntil(() => comments(doc).length === 1, 'the comment reaches the server');
    expect(comments(doc)[0]!.toJSON()).toMatchObject({ authorId: bob.id, parentId: null, target: { type: 'touchpoint', id: cardId }, body: 'It took three weeks.\nNobody called me.', editedAt: null });

    // Ann opens it: Bob's words with their line break, and replies.
    await toggle(annPage, '1 comment').click();
    const annThreads = card(annPage).getByRole('list', { name: `Comments on “${cardTitle}”` });
    await annThreads.getByText('Bob', { exact: true }).waitFor();
    expect(await annThreads.locator('.comment__body').first().innerText()).toBe('It took three weeks.\nNobody called me.');
    await annThreads.getByRole('button', { name: 'Reply to Bob’s comment' }).click();
    await card(annPage).getByLabel('Your reply').fill('Thank you for telling us.');
    await card(annPage).getByRole('button', { name: 'Post reply' }).click();
    // Bob's conversations are still open from posting.
    await toggle(bobPage, '2 comments').waitFor();
    const bobThreads = card(bobPage).getByRole('list', { name: `Comments on “${cardTitle}”` });
    await bobThreads.getByText('Thank you for telling us.').waitFor();
    await bobThreads.getByText(/^Ann replied/).waitFor();
    // Bob may not change Ann's reply, nor sort Ann's... but his own thread he may.
    expect(await bobThreads.getByRole('button', { name: /^(Edit|Delete) your comment$/ }).count()).toBe(2);

    // Bob edits his comment: everyone sees the new words, marked edited.
    await bobThreads.getByRole('button', { name: 'Edit your comment' }).click();
    await card(bobPage).getByLabel('Change your comment').fill('It took three weeks. Nobody called.');
    await card(bobPage).getByRole('button', { name: 'Save changes' }).click();
    await annThreads.getByText('It took three weeks. Nobody called.').waitFor();
    await annThreads.getByText('· edited').waitFor();

    // Ann (organises) marks it sorted; it folds away for Bob, still findable.
    await annThreads.getByRole('button', { name: /^Mark as sorted/ }).click();
    await card(bobPage).getByRole('button', { name: '1 sorted conversation — show' }).click();
    await card(bobPage).getByText('Marked as sorted by Ann', { exact: false }).waitFor();
    await waitUntil(() => comments(doc).some((c) => c.get('resolvedBy') === ann.id && typeof c.get('resolvedAt') === 'number'), 'sorted in Ann\'s name');
    // Bob opens it again.
    await card(bobPage).getByRole('button', { name: /^Open again/ }).click();
    await annThreads.getByRole('button', { name: /^Mark as sorted/ }).waitFor();
    expect(await card(annPage).getByRole('button', { name: /sorted conversation/ }).count()).toBe(0);

    // Bob deletes his comment: Ann replied, so it asks; then Undo delete brings it all back.
    await bobThreads.getByRole('button', { name: 'Delete your comment' }).first().click();
    await card(bobPage).getByRole('group', { name: 'Delete your comment?' }).getByRole('button', { name: 'Yes, delete it' }).click();
    await toggle(annPage, 'Add a comment').waitFor();
    await bobPage.getByRole('button', { name: 'Undo delete' }).click();
    await toggle(annPage, '2 comments').waitFor();
    await waitUntil(() => comments(doc).length === 2, 'the comment is back on the server');

    // The Undo button takes back Bob's newest comment as well, for everyone.
    // With none left Bob's conversations closed; he opens them again.
    await toggle(bobPage, '2 comments').click();
    await card(bobPage).getByRole('button', { name: /^Add a comment/ }).click();
    await card(bobPage).getByLabel('Your comment', { exact: true }).fill('One more thing.');
    await card(bobPage).getByRole('button', { name: 'Post comment' }).click();
    await toggle(annPage, '3 comments').waitFor();
    await bobPage.getByRole('button', { name: 'Undo', exact: true }).click();
    await toggle(annPage, '2 comments').waitFor();

    for (const page of [annPage, bobPage]) expect(await page.getByText(refusedNotice).count()).toBe(0);
    await annPage.context().close();
    await bobPage.context().close();
  });

  it('lets someone who may only look read comments, with no control to write', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const vic = await signUp(server, 'Vic');
    const { boardId, doc } = await seededBoard(ann, 'Look only');
    await addMember(server.libsqlUrl, boardId, vic.id, 'view');
    const annPage = await pageOf(browser, server, ann, boardId);
    await toggle(annPage, 'Add a comment').click();
    await card(annPage).getByLabel('Your comment', { exact: true }).fill('Results came by post.');
    await card(annPage).getByRole('button', { name: 'Post comment' }).click();
    await toggle(annPage, '1 comment').waitFor();
    await waitUntil(() => comments(doc).length === 1, 'Ann\'s comment reaches the server');

    const vicPage = await pageOf(browser, server, vic, boardId);
    await toggle(vicPage, '1 comment').click();
    await card(vicPage).getByText('Results came by post.').waitFor();
    await card(vicPage).getByRole('list', { name: `Comments on “${cardTitle}”` }).getByText('Ann', { exact: true }).waitFor();
    const writing = /^(Add a comment|Reply|Edit|Delete|Mark as sorted|Open again)/;
    expect(await vicPage.getByRole('button', { name: writing }).count()).toBe(0);
    expect(await vicPage.getByRole('textbox').count()).toBe(0);
    // The stage and the board have no comments: said in words, not offered.
    expect(await vicPage.getByText('No comments yet').count()).toBe(2);
    expect(await axeViolations(vicPage)).toEqual([]);
    await annPage.context().close();
    await vicPage.context().close();
  });

  it('shows a link as a safe link, and javascript: and markup as the words they are', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const { boardId } = await seededBoard(ann, 'Links');
    const page = await pageOf(browser, server, ann, boardId);
    await toggle(page, 'Add a comment').click();
    const words = 'Read https://www.nhs.uk/tests-and-treatments/. Not javascript:alert(1) nor <b>bold</b> <img src=x onerror=alert(2)>';
    await card(page).getByLabel('Your comment', { exact: true }).fill(words);
    await card(page).getByRole('button', { name: 'Post comment' }).click();
    const body = card(page).locator('.comment__body');
    await body.waitFor();
    const address = 'https://www.nhs.uk/tests-and-treatments/';
    expect(await body.textContent()).toBe(words.replace(address, `${address} (opens in a new tab)`));
    const links = await body.locator('a').evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href'), rel: a.getAttribute('rel'), target: a.getAttribute('target') })));
    expect(links).toEqual([{ href: 'https://www.nhs.uk/tests-and-treatments/', rel: 'noopener noreferrer nofollow', target: '_blank' }]);
    expect(await body.locator('b, img, script').count()).toBe(0);
    await card(page).getByRole('link', { name: 'https://www.nhs.uk/tests-and-treatments/ (opens in a new tab)' }).waitFor();
    await page.context().close();
  });

  it('writes and answers a comment on a stage by keyboard alone, and hears its own news', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const { boardId } = await seededBoard(ann, 'Keyboard');
    const page = await pageOf(browser, server, ann, boardId);
    await tabTo(page, 'Add a comment on the stage “Waiting”');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent)).toBe('Your comment');
    await page.keyboard.type('Too many waits here.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Second line.');
    await tabTo(page, 'Post comment');
    await page.keyboard.press('Enter');
    await announced(page, /^Your comment is added\.$/);
    await tabTo(page, 'Reply to your comment');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Agreed.');
    await page.keyboard.press('Control+Enter');
    await page.getByRole('button', { name: /^2 comments(, \d+ new)? on the stage “Waiting”$/ }).waitFor();
    await page.getByText('Agreed.').waitFor();
    // Escape leaves a box without posting, and focus goes back.
    await tabTo(page, 'Reply to your comment');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Never sent');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toMatch(/^Reply/);
    expect(await page.getByText('Never sent').count()).toBe(0);
    await page.context().close();
  });
});

describe.each(viewports)('open conversations on $name', (viewport) => {
  it('have no axe violations and fit their card, with every part shown', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const { boardId } = await seededBoard(ann, 'Axe');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const bobPage = await pageOf(browser, server, bob, boardId, viewport);
    await toggle(bobPage, 'Add a comment').click();
    await card(bobPage).getByLabel('Your comment', { exact: true }).fill(`A very long address https://example.org/${'a'.repeat(120)} and ${'word'.repeat(30)}`);
    await card(bobPage).getByRole('button', { name: 'Post comment' }).click();
    await toggle(bobPage, '1 comment').waitFor();
    await bobPage.context().close();

    const page = await pageOf(browser, server, ann, boardId, viewport);
    await page.getByRole('button', { name: 'Add a comment on the whole board' }).click();
    await page.getByLabel('Your comment', { exact: true }).fill('A board-wide thought.');
    await page.getByRole('button', { name: 'Post comment' }).click();
    await toggle(page, '1 comment').click();
    await card(page).getByRole('button', { name: 'Reply to Bob’s comment' }).click();
    await card(page).getByLabel('Your reply').fill('x'.repeat(3700));
    await card(page).getByText('300 letters left.').waitFor();
    await card(page).getByRole('button', { name: 'Post reply' }).click();
    await card(page).getByRole('button', { name: /^Mark as sorted/ }).click();
    await card(page).getByRole('button', { name: '1 sorted conversation — show' }).click();
    await card(page).getByRole('button', { name: /^Add a comment/ }).click();
    await card(page).getByRole('button', { name: 'Post comment' }).click();
    await card(page).getByText('Please write something first.').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    expect(await cardsOutsideColumns(page)).toEqual([]);
    // Every control in the comments is at least 44 px tall.
    const small = await page.locator('.comments button, .comments textarea').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.textContent),
    );
    expect(small).toEqual([]);
    await page.context().close();
  });
});
