/**
 * A withdrawn story stays gone on the pages that had it open (issue 17, "Withdraw my story"), in
 * Chromium at 1366×768 and 390×844. Sam told the story (from his own stock client); Bo may edit,
 * and deletes its last sentence by keyboard in the card's editor, so his Undo holds those words
 * (Yjs keeps what an Undo step deleted). Sam withdraws the story through the API. Then Bo presses
 * Ctrl+Z, the Undo button and Ctrl+Shift+Z: the words must not come back — Fay's stock client (the
 * watcher) never sees them, proved by a later change of Bo's arriving after the keys — and Bo is
 * told his Undo history was cleared. And Bo's copy of the board on his device (IndexedDB), which
 * held the story as it was written, no longer holds any of its words.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { boardPageOf, cardMenuName } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a laptop', width: 1366, height: 768 },
  { name: 'a phone', width: 390, height: 844 },
];

const kept = 'I waited three hours in the corridor.';
const deleted = ' Nobody told me why the zebra clock had stopped.';
const samCard = { id: 'tp-corridor', title: 'The corridor', story: kept + deleted };
/** Unique words of each part: the part the server removes, and the part Bo's Undo step kept. */
const phrases = ['three hours in the corridor', 'zebra clock'];
const clearedWords = 'Your Undo history was cleared because a story was withdrawn.';

/** Every update stored in this page's copy of the board (client/src/local-copies.ts names it), as text. */
const storedCopy = (page: Page, boardId: string) =>
  page.evaluate(async (name) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    try {
      if (!db.objectStoreNames.contains('updates')) return '';
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const request = db.transaction('updates', 'readonly').objectStore('updates').getAll();
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      return rows.map((row) => new TextDecoder().decode(row as Uint8Array)).join('\n');
    } finally {
      db.close();
    }
  }, `common-ground:board:${boardId}`);

/** Starts recording everything said in the board's live region (later words replace earlier ones). */
const recordHeard = (page: Page) =>
  page.evaluate(() => {
    const log: string[] = [];
    (window as unknown as { heardLog: string[] }).heardLog = log;
    for (const region of document.querySelectorAll('[aria-live="polite"]:not([role="status"])')) {
      new MutationObserver(() => log.push((region.textContent ?? '').trim())).observe(region, { childList: true, subtree: true, characterData: true });
    }
  });
const heardLog = (page: Page) => page.evaluate(() => (window as unknown as { heardLog: string[] }).heardLog);
const focusedLabel = (page: Page) => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '');

describe.each(viewports)('a withdrawn story on $name', (viewport) => {
  it('cannot come back through Undo or Redo, and leaves the device copy of the board', async () => {
    const { server, browser } = fixture;
    const [fay, sam, bo] = [await signUp(server, 'Fay'), await signUp(server, 'Sam'), await signUp(server, 'Bo')];
    const boardId = await createBoard(server, fay, 'Withdrawn and undone');
    await addMember(server.libsqlUrl, boardId, sam.id, 'edit');
    await addMember(server.libsqlUrl, boardId, bo.id, 'edit');
    const watcher = fixture.nodeClient(boardId, fay);
    await watcher.synced;
    boardTypes(watcher.doc).stages.push([newStage('stage-ward', 'On the ward')]);
    const samClient = fixture.nodeClient(boardId, sam);
    await samClient.synced;
    await waitUntil(() => boardTypes(samClient.doc).stages.length === 1, 'Sam has the stage', 10_000);
    boardTypes(samClient.doc).touchpoints.set(
      samCard.id,
      newTouchpoint({ id: samCard.id, stageId: 'stage-ward', order: 'a0', title: samCard.title, story: samCard.story, createdBy: sam.id, createdAt: Date.now() }),
    );
    const story = () => String(boardTypes(watcher.doc).touchpoints.get(samCard.id)?.get('story') ?? '');
    await waitUntil(() => story() === samCard.story, 'the story reaches the watcher', 10_000);

    // Bo opens the card's editor by keyboard and deletes the last sentence, letter by letter selected.
    const page = await boardPageOf(browser, server, bo, boardId, viewport);
    await tabTo(page, new RegExp(`^${cardMenuName(samCard.title)}`));
    await page.keyboard.press('Enter');
    await page.getByRole('menu', { name: cardMenuName(samCard.title), exact: true }).waitFor();
    await page.keyboard.press('c'); // "Change name or story"
    await page.keyboard.press('Enter');
    const storyField = page.getByLabel('Story', { exact: true });
    await storyField.waitFor();
    await tabTo(page, 'Story');
    await page.keyboard.press('ControlOrMeta+End');
    for (let i = 0; i < deleted.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.press('Backspace');
    await waitUntil(() => story() === kept, 'Bo’s deletion reaches the watcher', 10_000);
    await expect.poll(() => page.getByRole('button', { name: 'Undo', exact: true }).getAttribute('aria-disabled')).toBe('false');
    // His device's copy holds the story as Sam wrote it (the check below can see the words).
    await expect.poll(() => storedCopy(page, boardId), { timeout: 10_000 }).toContain(phrases[1]);

    // From here on, the watcher must never see the deleted words again.
    let seen = false;
    watcher.doc.on('update', () => {
      if (story().includes(phrases[1]!)) seen = true;
    });
    await recordHeard(page);

    const response = await api(server, `/api/boards/${boardId}/touchpoints/${samCard.id}/withdraw`, {
      body: { feelings: false, comments: false },
      cookie: sam.cookie,
    });
    expect(response.status).toBe(200);
    await waitUntil(() => story() === '' && typeof boardTypes(watcher.doc).touchpoints.get(samCard.id)?.get('withdrawnAt') === 'number', 'the withdrawal reaches the watcher', 10_000);
    await expect.poll(() => storyField.inputValue(), { timeout: 10_000 }).toBe('');

    // Undo by key in the story, the Undo button, then Redo.
    expect(await focusedLabel(page)).toBe('Story');
    await page.keyboard.press('ControlOrMeta+z');
    const undoButton = page.getByRole('button', { name: 'Undo', exact: true });
    await undoButton.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('ControlOrMeta+Shift+z');
    // Whether Undo has anything left (checked once the words are known not to be back).
    const undoAfter = await undoButton.getAttribute('aria-disabled');
    // A later honest change from Bo's page: anything Undo sent went before it.
    await tabTo(page, 'Touchpoint name');
    await page.keyboard.press('End');
    await page.keyboard.type(' (seen)');
    const title = () => String(boardTypes(watcher.doc).touchpoints.get(samCard.id)?.get('title') ?? '');
    await waitUntil(() => title() === `${samCard.title} (seen)`, 'Bo’s later change reaches the watcher', 10_000);
    expect(seen).toBe(false);
    expect(story()).toBe('');
    expect(await storyField.inputValue()).toBe('');
    expect(undoAfter).toBe('true');

    // Told in words.
    const heard = await heardLog(page);
    expect(heard).toContain(clearedWords);
    expect(heard).toContain('There is nothing of yours to undo.');

    // The device's copy was rewritten from the board as it is now: none of the story's words stay.
    await expect.poll(() => storedCopy(page, boardId).then((text) => phrases.filter((phrase) => text.includes(phrase))), { timeout: 10_000 }).toEqual([]);
    expect(await storedCopy(page, boardId)).toContain(samCard.title);
    expect(await page.getByText(/could not be saved/).count()).toBe(0);
    await page.context().close();
  });
});
