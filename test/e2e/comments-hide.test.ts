/**
 * A facilitator hiding a comment in Chromium (issue 13, the page's side; the server takes the
 * words out of the document). Fay (organises) hides Cam's comment with a reason: Cam's and Ed's
 * open pages show "Hidden by a facilitator: <reason>" and not the words, Cam is offered no Edit,
 * nobody but Fay has "Hide this comment" or "Show again"; Fay shows it again and the words come
 * back for everyone. The form asks for a reason, shows its limit, and is used by keyboard alone.
 * axe finds nothing at 390×844 and 1366×768, with the form open and with a comment hidden.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { hiddenReasonMaxLength } from '../../shared/limits.ts';
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
const cardId = 'touch-discharge';
const cardTitle = 'Discharge letter';
const words = 'The nurse on nights, Jo, was rude to my mum.';
const reason = 'It names a member of staff. Please talk to the facilitator.';

const pageOf = (browser: Browser, server: TestServer, person: TestPerson, boardId: string, viewport = viewports[1]!): Promise<Page> => boardPageOf(browser, server, person, boardId, viewport);

/** Fay's board with one card; Cam (comment access) and Ed (edit) on it; Cam's comment written by Node as Cam. */
async function boardWithCamsComment() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const cam = await signUp(server, 'Cam');
  const ed = await signUp(server, 'Ed');
  const boardId = await createBoard(server, fay, 'Leaving hospital');
  await addMember(server.libsqlUrl, boardId, cam.id, 'comment');
  await addMember(server.libsqlUrl, boardId, ed.id, 'edit');
  const seed = fixture.nodeClient(boardId, fay);
  await seed.synced;
  const { stages, touchpoints, comments } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-leaving', 'Leaving')]);
    touchpoints.set(cardId, newTouchpoint({ id: cardId, stageId: 'stage-leaving', order: 'a0', title: cardTitle, createdBy: fay.id, createdAt: Date.now() }));
  });
  const camClient = fixture.nodeClient(boardId, cam);
  await camClient.synced;
  const comment = new Y.Map<unknown>();
  for (const [key, value] of Object.entries({ id: 'cam-comment-1', target: { type: 'touchpoint', id: cardId }, parentId: null, authorId: cam.id, createdAt: Date.now(), editedAt: null, resolvedAt: null, resolvedBy: null })) comment.set(key, value);
  comment.set('body', new Y.Text(words));
  boardTypes(camClient.doc).comments.set('cam-comment-1', comment);
  await waitUntil(() => comments.has('cam-comment-1'), 'Cam’s comment reaches the server');
  const onServer = () => comments.get('cam-comment-1') as Y.Map<unknown>;
  return { fay, cam, ed, boardId, onServer };
}

const card = (page: Page) => page.locator(`[data-touchpoint-id="${cardId}"]`);
const openComments = (page: Page) => card(page).getByRole('button', { name: new RegExp(`^1 comment(, \\d+ new)? on “${cardTitle}”$`) }).click();
const hiddenNotice = `Hidden by a facilitator: ${reason}`;

describe.each(viewports)('hiding a comment on $name', (viewport) => {
  it('shows everyone the reason in its place, and the words again once shown again', async () => {
    const { server, browser } = fixture;
    const { fay, cam, ed, boardId, onServer } = await boardWithCamsComment();
    const fayPage = await pageOf(browser, server, fay, boardId, viewport);
    const camPage = await pageOf(browser, server, cam, boardId, viewport);
    const edPage = await pageOf(browser, server, ed, boardId, viewport);
    for (const page of [fayPage, camPage, edPage]) {
      await openComments(page);
      await card(page).getByText(words).waitFor();
    }
    // Only the facilitator may hide.
    for (const page of [camPage, edPage]) expect(await page.getByRole('button', { name: /^Hide this comment/ }).count()).toBe(0);
    await card(camPage).getByRole('button', { name: 'Edit your comment' }).waitFor();

    // Fay opens the form: it asks for a reason, says the limit, and will not hide without one.
    await card(fayPage).getByRole('button', { name: 'Hide this comment (Cam’s comment)' }).click();
    const form = card(fayPage).getByRole('form', { name: 'Hide Cam’s comment' });
    await form.getByText(`Up to ${hiddenReasonMaxLength} letters`, { exact: false }).waitFor();
    await form.getByRole('button', { name: 'Hide the comment' }).click();
    await form.getByText('Please say in a few words why it is hidden.').waitFor();
    expect(await axeViolations(fayPage)).toEqual([]);
    expect(await form.getByLabel('Why are you hiding it?').getAttribute('maxlength')).toBe(String(hiddenReasonMaxLength));
    await form.getByLabel('Why are you hiding it?').fill(reason);
    await form.getByRole('button', { name: 'Hide the comment' }).click();

    // Everyone sees the reason, not the words; the words are gone from the document.
    for (const page of [fayPage, camPage, edPage]) {
      await card(page).getByText(hiddenNotice, { exact: true }).waitFor();
      expect(await card(page).getByText(words).count()).toBe(0);
    }
    await waitUntil(() => onServer().get('hidden') != null, 'hidden on the server');
    expect((onServer().get('body') as Y.Text).toString()).toBe('');
    expect(await edPage.evaluate((text) => document.body.innerText.includes(text), words)).toBe(false);
    // Cam may not change it while hidden (delete stays); only Fay may show it again.
    expect(await card(camPage).getByRole('button', { name: 'Edit your comment' }).count()).toBe(0);
    await card(camPage).getByRole('button', { name: 'Delete your comment' }).waitFor();
    for (const page of [camPage, edPage]) expect(await page.getByRole('button', { name: /^Show again/ }).count()).toBe(0);
    // Focus went to Show again.
    await expect.poll(() => fayPage.evaluate(() => document.activeElement?.id)).toBe('comment-cam-comment-1-show');
    expect(await axeViolations(fayPage)).toEqual([]);
    expect(await axeViolations(camPage)).toEqual([]);
    expect(await cardsOutsideColumns(fayPage)).toEqual([]);
    const small = await fayPage.locator('.comments button, .comments textarea').evaluateAll((els) =>
      els.filter((el) => el.getBoundingClientRect().height < 44).map((el) => el.textContent),
    );
    expect(small).toEqual([]);

    // Fay shows it again: the words are back for everyone, and Cam may change them again.
    await card(fayPage).getByRole('button', { name: 'Show again (Cam’s comment)' }).click();
    for (const page of [fayPage, camPage, edPage]) {
      await card(page).getByText(words).waitFor();
      expect(await card(page).getByText(hiddenNotice).count()).toBe(0);
    }
    await card(camPage).getByRole('button', { name: 'Edit your comment' }).waitFor();
    await waitUntil(() => onServer().get('hidden') === null, 'shown again on the server');
    for (const page of [fayPage, camPage, edPage]) expect(await page.getByText(/could not be saved/).count()).toBe(0);
    for (const page of [fayPage, camPage, edPage]) await page.context().close();
  });
});

describe('hiding a comment by keyboard alone', () => {
  it('hides with a reason and shows it again, focus kept where it makes sense', async () => {
    const { server, browser } = fixture;
    const { fay, boardId, onServer } = await boardWithCamsComment();
    const page = await pageOf(browser, server, fay, boardId, viewports[0]);
    await tabTo(page, new RegExp(`^1 comment(, \\d+ new)? on “${cardTitle}”$`));
    await page.keyboard.press('Enter');
    await tabTo(page, 'Hide this comment (Cam’s comment)');
    await page.keyboard.press('Enter');
    // Focus starts in the reason box; Escape closes the form and goes back to the button.
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLTextAreaElement).labels?.[0]?.textContent)).toBe('Why are you hiding it?');
    await page.keyboard.type('Not now');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comment-cam-comment-1-hide');
    await page.keyboard.press('Enter');
    await page.keyboard.type(reason);
    await tabTo(page, 'Hide the comment');
    await page.keyboard.press('Enter');
    await card(page).getByText(hiddenNotice, { exact: true }).waitFor();
    await waitUntil(() => onServer().get('hidden') != null, 'hidden on the server');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comment-cam-comment-1-show');
    await page.keyboard.press('Enter');
    await card(page).getByText(words).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('comment-cam-comment-1-hide');
    await waitUntil(() => onServer().get('hidden') === null, 'shown again on the server');
    await page.context().close();
  });
});
