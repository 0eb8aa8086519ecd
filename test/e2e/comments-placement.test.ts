/**
 * Where comment controls sit on a phone (issue 13's usability walk-through), in Chromium at 390×844
 * and 1366×768. The stage's own comments button says in its visible words that it is the stage's
 * ("Add a comment on the stage “Waiting”"), with clear space and a rule before the first card. After
 * Bob deletes his comment on the last card, far down the page, the "Undo delete" notice is in the
 * window where he is (not by the toolbar far above), covers neither what has focus nor the end of
 * the page, and brings the comment back. axe-core finds nothing with the notice showing.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];
const story = 'I sat in the corridor for a long time and nobody told me what was happening or how long it would be.';
const cardIds = ['touch-corridor-1', 'touch-corridor-2', 'touch-corridor-3', 'touch-corridor-4', 'touch-corridor-5'];
const lastCardId = cardIds.at(-1)!;

/** Ann's board, one stage of five cards with stories (a long column on a phone); Bob may comment. */
async function boardWithBob(title: string) {
  const { server } = fixture;
  const ann = await signUp(server, 'Ann');
  const bob = await signUp(server, 'Bob');
  const boardId = await createBoard(server, ann, title);
  const seed = fixture.nodeClient(boardId, ann);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-waiting', 'Waiting')]);
    cardIds.forEach((id, index) => {
      touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-waiting', order: `a${index}`, title: `Moment ${index + 1}`, story, createdBy: ann.id, createdAt: Date.now() }));
    });
  });
  await addMember(server.libsqlUrl, boardId, bob.id, 'comment');
  return { bob, boardId };
}

/** The rectangle of what has focus, in the window. */
const focusBox = (page: Page) =>
  page.evaluate(() => {
    const box = document.activeElement?.getBoundingClientRect();
    return box === undefined ? null : { top: box.top, bottom: box.bottom };
  });

describe.each(viewports)('comment controls on $name', (viewport) => {
  it('says the stage’s comments are the stage’s, and shows Undo delete where Bob is', async () => {
    const { server, browser } = fixture;
    const { bob, boardId } = await boardWithBob(`Clinic at ${viewport.width}`);
    const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport });
    const [name, value] = bob.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
    const page = await openBoard(context, boardId);
    page.on('pageerror', (error) => {
      throw error;
    });
    const stage = page.locator('[data-stage-id="stage-waiting"]');
    const lastCard = page.locator(`[data-touchpoint-id="${lastCardId}"]`);
    await lastCard.getByRole('heading', { name: 'Moment 5' }).waitFor();

    // The stage's button says whose comments in its visible words, set apart from the first card.
    const stageButton = stage.getByRole('button', { name: 'Add a comment on the stage “Waiting”', exact: true });
    expect(await stageButton.evaluate((button) => (button as HTMLElement).innerText)).toBe('Add a comment on the stage “Waiting”');
    const buttonBox = (await stageButton.boundingBox())!;
    const firstCardBox = (await page.locator(`[data-touchpoint-id="${cardIds[0]}"]`).boundingBox())!;
    expect(firstCardBox.y - (buttonBox.y + buttonBox.height)).toBeGreaterThanOrEqual(24);

    // Bob comments on the last card, far down the page, then deletes it.
    await lastCard.getByRole('button', { name: 'Add a comment on “Moment 5”' }).click();
    await lastCard.getByLabel('Your comment', { exact: true }).fill('The chairs were hard.');
    await lastCard.getByRole('button', { name: 'Post comment' }).click();
    await lastCard.getByRole('button', { name: 'Delete your comment' }).click();
    await lastCard.getByRole('button', { name: 'Add a comment on “Moment 5”' }).waitFor();

    // The notice is in the window, where he is; it hides neither what has focus nor the page's end.
    const undo = page.getByRole('button', { name: 'Undo delete' });
    await undo.waitFor();
    const notice = (await page.locator('.undo-notice').boundingBox())!;
    expect(notice.y).toBeGreaterThanOrEqual(0);
    expect(notice.y + notice.height).toBeLessThanOrEqual(viewport.height);
    expect(await undo.evaluate((button) => button.getBoundingClientRect().bottom)).toBeLessThanOrEqual(viewport.height);
    // Focus stays where he was, and Tab on from it scrolls nothing under the notice.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    const focusedBox = (await focusBox(page))!;
    expect(focusedBox.bottom).toBeLessThanOrEqual(notice.y);
    const endClear = await page.evaluate(() => {
      window.scrollTo(0, document.documentElement.scrollHeight);
      const last = [...document.querySelectorAll('.board > *')].at(-1)!.getBoundingClientRect();
      return last.bottom <= document.querySelector('.undo-notice')!.getBoundingClientRect().top;
    });
    expect(endClear).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    // It works: the comment is back.
    await undo.click();
    await lastCard.getByRole('button', { name: '1 comment on “Moment 5”' }).waitFor();
    expect(await page.locator('.undo-notice').count()).toBe(0);
    await context.close();
  });
});
