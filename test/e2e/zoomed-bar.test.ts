/**
 * The pinned status line on a zoomed phone (pinned-bar.ts). At 390×844 zoomed to 200 % the page
 * is 195×422 CSS pixels; with a running timer and an open dot vote the bar was pinned over 60–76 %
 * of it, leaving a sliver to read in and controls partly hidden under it (WCAG 1.4.10, 2.4.11).
 * A bar taller than a third of the window now scrolls with the page, and every control reached by
 * Tab is shown whole; at 390×844 unzoomed the same bar stays pinned, and focus stays clear of it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { api, createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

/** A board in a live session: two stages of cards, a timer running and a dot vote open. */
async function busyBoard() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const boardId = await createBoard(server, fay, 'Outpatients');
  const writer = fixture.nodeClient(boardId, fay);
  writer.provider.awareness.setLocalState(null);
  await writer.synced;
  const { stages, touchpoints } = boardTypes(writer.doc);
  writer.doc.transact(() => {
    stages.push([newStage('stage-arriving', 'Arriving'), newStage('stage-waiting', 'Waiting')]);
    for (const [i, title] of ['Reception', 'Finding the clinic', 'Waiting room', 'Being called'].entries()) {
      touchpoints.set(`touch-${i}`, newTouchpoint({ id: `touch-${i}`, stageId: i < 2 ? 'stage-arriving' : 'stage-waiting', order: `a${i}`, title, createdBy: fay.id, createdAt: 1 }));
    }
  });
  await waitUntil(() => boardTypes(writer.doc).touchpoints.size === 4, 'the cards are written', 10_000);
  for (const body of [{ action: 'start-timer', minutes: 10 }]) expect((await api(server, `/api/boards/${boardId}/session`, { cookie: fay.cookie, body })).status).toBe(200);
  expect((await api(server, `/api/boards/${boardId}/vote`, { cookie: fay.cookie, body: { action: 'open', dots: 3 } })).status).toBe(200);
  return { fay, boardId };
}

/** The bar's height and whether it is pinned, once the timer and the vote line are in it. */
async function barOf(page: Page) {
  await page.getByRole('timer').waitFor();
  await page.locator('.board__bar .vote-line__words').waitFor();
  return page.evaluate(() => {
    const bar = document.querySelector('.board__bar')!;
    return { height: bar.getBoundingClientRect().height, position: getComputedStyle(bar).position, padding: document.documentElement.style.scrollPaddingTop };
  });
}

/** Tabs through the page `presses` times; the focused control each time, and whether it was shown whole and uncovered. */
async function tabThrough(page: Page, presses: number): Promise<string[]> {
  const hidden: string[] = [];
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const problem = await page.evaluate(() => {
      const focused = document.activeElement as HTMLElement | null;
      if (!focused || focused === document.body) return null;
      const box = focused.getBoundingClientRect();
      if (box.height === 0 || box.height > window.innerHeight) return null; // not a control, or taller than any window
      const bar = document.querySelector('.board__bar')!.getBoundingClientRect();
      const pinned = getComputedStyle(document.querySelector('.board__bar')!).position === 'sticky';
      const under = pinned && box.top < bar.bottom - 1 && box.bottom > bar.top + 1 && !document.querySelector('.board__bar')!.contains(focused);
      const off = box.top < -1 || box.bottom > window.innerHeight + 1;
      return under || off ? `${focused.getAttribute('aria-label') ?? focused.textContent?.trim().slice(0, 40)} (${Math.round(box.top)}–${Math.round(box.bottom)}, bar to ${Math.round(bar.bottom)})` : null;
    });
    if (problem !== null) hidden.push(problem);
  }
  return hidden;
}

describe('the pinned status line', () => {
  it('scrolls with the page when zoomed to 200 % on a phone, and every control Tab reaches is shown whole', async () => {
    const { fay, boardId } = await busyBoard();
    const page = await boardPageOf(fixture.browser, fixture.server, fay, boardId, { width: 195, height: 422 });
    const bar = await barOf(page);
    expect(bar.height).toBeGreaterThan(422 / 3);
    expect(bar.position).toBe('static');
    expect(bar.padding).toBe('');
    expect(await tabThrough(page, 40)).toEqual([]);
  });

  it('stays pinned on the same phone unzoomed, with focus kept clear of it', async () => {
    const { fay, boardId } = await busyBoard();
    const page = await boardPageOf(fixture.browser, fixture.server, fay, boardId, { width: 390, height: 844 });
    const bar = await barOf(page);
    expect(bar.height).toBeLessThan(844 / 3);
    expect(bar.position).toBe('sticky');
    expect(await tabThrough(page, 40)).toEqual([]);
  });
});
