/**
 * One "More actions for <card>" menu instead of a row of buttons on every card (issue 10, point
 * 8), in real Chromium: the WAI-ARIA menu button pattern by keyboard alone (open, arrows, Home,
 * End, a letter, Escape back to the button, Tab out), its roles and states, Rename, Move and
 * Delete working from it (checked against a stock Node y-websocket client), 44 px targets, axe;
 * and the board's purpose as whole text for participants who cannot change it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { cardMenuName, contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();
// A facilitator's menu: "Bring everyone here" is theirs (issue 15).
const items = ['Change name or story', 'Move up', 'Move down', 'Move to another stage', 'Bring everyone here', 'Delete touchpoint'];

/** Two stages; three cards in the first. Returns a Node client's view of the board. */
async function seeded(owner: TestPerson, title: string): Promise<{ boardId: string; doc: Y.Doc }> {
  const boardId = await createBoard(fixture.server, owner, title);
  const writer = fixture.nodeClient(boardId, owner);
  await writer.synced;
  const { stages, touchpoints } = boardTypes(writer.doc);
  writer.doc.transact(() => {
    stages.push([newStage('stage-num-1', 'Arriving'), newStage('stage-num-2', 'Waiting')]);
    ['Car park', 'Reception', 'Waiting room'].forEach((name, i) =>
      touchpoints.set(`touchpoint-num-${i + 1}`, newTouchpoint({ id: `touchpoint-num-${i + 1}`, stageId: 'stage-num-1', order: `a${i}`, title: name, createdBy: owner.id, createdAt: 1 })),
    );
  });
  return { boardId, doc: writer.doc };
}

/** Ids of a stage's cards in the order the Node client sees them. */
function order(doc: Y.Doc, stageId: string): string[] {
  return [...boardTypes(doc).touchpoints.values()]
    .filter((tp) => tp.get('stageId') === stageId)
    .sort((a, b) => (String(a.get('order')) < String(b.get('order')) ? -1 : 1))
    .map((tp) => String(tp.get('id')));
}

/** What has focus: its role, its name as a person hears it, and aria-expanded. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { role: el?.getAttribute('role') ?? el?.tagName.toLowerCase() ?? '', text: el?.textContent?.replace(/[▾▴]/g, '').trim() ?? '' };
  });
}

const menuButton = (page: Page, card: string) => page.getByRole('button', { name: cardMenuName(card), exact: true });
const menuOf = (page: Page, card: string) => page.getByRole('menu', { name: cardMenuName(card), exact: true });

describe('the card menu', () => {
  it('shows only the main acts on a card, the rest behind one menu button', async () => {
    const ann = await signUp(fixture.server, 'Ann');
    const { boardId } = await seeded(ann, 'Few buttons');
    const page = await openBoard(await contextFor(fixture.browser, fixture.server, ann), boardId);
    const card = page.locator('[data-touchpoint-id="touchpoint-num-2"]');
    await card.getByRole('heading', { name: 'Reception' }).waitFor();
    // On the card: the feeling scale, its comments and one menu button, nothing else to press.
    const buttons = await card.getByRole('button').allTextContents();
    expect(buttons.map((text) => text.replace(/[▾▴]/g, '').trim())).toEqual(['Add a comment on “Reception”', 'More actions for Reception']);
    await card.getByRole('radiogroup', { name: 'How did this feel?' }).waitFor();
    for (const old of ['Edit', 'Move up', 'Move down', 'Delete touchpoint']) {
      expect(await card.getByRole('button', { name: new RegExp(`^${old}`) }).count()).toBe(0);
    }
    await page.context().close();
  });

  it('is a WAI-ARIA menu button that works by keyboard alone', async () => {
    const ann = await signUp(fixture.server, 'Kay');
    const { boardId } = await seeded(ann, 'Keyboard menu');
    const page = await openBoard(await contextFor(fixture.browser, fixture.server, ann), boardId);
    await tabTo(page, /^More actions for Reception/);
    const button = menuButton(page, 'Reception');
    expect(await button.getAttribute('aria-haspopup')).toBe('menu');
    expect(await button.getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('menu').count()).toBe(0);

    // Enter opens it on the first item.
    await page.keyboard.press('Enter');
    const menu = menuOf(page, 'Reception');
    await menu.waitFor();
    expect(await button.getAttribute('aria-expanded')).toBe('true');
    expect(await button.getAttribute('aria-controls')).toBe(await menu.getAttribute('id'));
    expect(await menu.getAttribute('aria-labelledby')).toBe(await button.getAttribute('id'));
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(items);
    expect(await menu.getByRole('menuitem').evaluateAll((els) => els.map((el) => el.getAttribute('tabindex')))).toEqual(items.map(() => '-1'));
    expect(await focused(page)).toEqual({ role: 'menuitem', text: 'Change name or story' });

    // Arrows move and wrap; Home and End jump; a letter goes to the next item starting with it.
    const presses: [string, string][] = [
      ['ArrowDown', 'Move up'],
      ['ArrowDown', 'Move down'],
      ['End', 'Delete touchpoint'],
      ['ArrowDown', 'Change name or story'],
      ['ArrowUp', 'Delete touchpoint'],
      ['Home', 'Change name or story'],
      ['m', 'Move up'],
      ['m', 'Move down'],
      ['d', 'Delete touchpoint'],
    ];
    for (const [key, item] of presses) {
      await page.keyboard.press(key);
      expect(await focused(page), `after ${key}`).toEqual({ role: 'menuitem', text: item });
    }

    // Escape closes it and puts focus back on the button.
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    expect(await focused(page)).toEqual({ role: 'button', text: 'More actions for Reception' });
    expect(await button.getAttribute('aria-expanded')).toBe('false');

    // Down Arrow opens on the first item, Up Arrow on the last.
    await page.keyboard.press('ArrowDown');
    expect(await focused(page)).toEqual({ role: 'menuitem', text: 'Change name or story' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowUp');
    expect(await focused(page)).toEqual({ role: 'menuitem', text: 'Delete touchpoint' });

    // Tab closes it and moves on.
    await page.keyboard.press('Tab');
    await menu.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.closest('[role="menu"]') === null)).toBe(true);

    // A click elsewhere closes it too.
    await button.click();
    await menu.waitFor();
    await page.getByRole('heading', { name: 'Car park' }).click();
    await menu.waitFor({ state: 'detached' });

    // "Move up" on the first card is there but unavailable.
    await menuButton(page, 'Car park').click();
    const first = menuOf(page, 'Car park');
    expect(await first.getByRole('menuitem', { name: 'Move up' }).getAttribute('aria-disabled')).toBe('true');
    expect(await first.getByRole('menuitem', { name: 'Move down' }).getAttribute('aria-disabled')).toBeNull();
    await page.context().close();
  });

  it('renames, moves and deletes a card from its menu, by keyboard', async () => {
    const ann = await signUp(fixture.server, 'Ros');
    const { boardId, doc } = await seeded(ann, 'Acting from the menu');
    const page = await openBoard(await contextFor(fixture.browser, fixture.server, ann), boardId);
    const touchpoints = boardTypes(doc).touchpoints;

    // Rename: the editor opens with focus in the name box; Enter is done, focus back on the menu button.
    await tabTo(page, /^More actions for Reception/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter'); // "Change name or story"
    await page.getByLabel('Touchpoint name').waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Reception');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Front desk');
    await page.keyboard.press('Enter');
    await waitUntil(() => String(touchpoints.get('touchpoint-num-2')?.get('title')) === 'Front desk', 'the new name reaches the Node client');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', text: 'More actions for Front desk' });
    expect(await page.getByLabel('Touchpoint name').count()).toBe(0);

    // Move up, then Move down: the order changes for everyone, focus stays on the card's menu button.
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil(() => order(doc, 'stage-num-1').join() === 'touchpoint-num-2,touchpoint-num-1,touchpoint-num-3', 'moved up');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', text: 'More actions for Front desk' });
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await waitUntil(() => order(doc, 'stage-num-1').join() === 'touchpoint-num-1,touchpoint-num-2,touchpoint-num-3', 'moved down');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', text: 'More actions for Front desk' });

    // Move to another stage: focus goes to the stage choice.
    await page.keyboard.press('Enter');
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp'); // Bring everyone here
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');
    await page.keyboard.press('ArrowDown'); // Step 2: Waiting
    await tabTo(page, 'Move touchpoint');
    await page.keyboard.press('Enter');
    await waitUntil(() => touchpoints.get('touchpoint-num-2')?.get('stageId') === 'stage-num-2', 'the card moved to Waiting');
    await expect.poll(() => focused(page)).toEqual({ role: 'button', text: 'More actions for Front desk' });

    // Delete: the card goes, focus goes on to the next card's menu button.
    await menuButton(page, 'Car park').focus();
    await page.keyboard.press('ArrowUp'); // opens on the last item: Delete touchpoint
    expect(await focused(page)).toEqual({ role: 'menuitem', text: 'Delete touchpoint' });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Car park' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toEqual({ role: 'button', text: 'More actions for Waiting room' });
    await page.context().close();
  });

  it.each([
    [1366, 768],
    [390, 844],
  ])('has 44 px targets and no axe violations with the menu and the editor open at %i×%i', async (width, height) => {
    const ann = await signUp(fixture.server, 'Axe');
    const { boardId } = await seeded(ann, 'Accessible menu');
    const context = await contextFor(fixture.browser, fixture.server, ann);
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.goto(`/boards/${boardId}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await menuButton(page, 'Reception').click();
    const menu = menuOf(page, 'Reception');
    const targets = [menuButton(page, 'Reception'), ...items.map((item) => menu.getByRole('menuitem', { name: item }))];
    for (const target of targets) {
      const box = (await target.boundingBox())!;
      expect(box.height, (await target.textContent()) ?? '').toBeGreaterThanOrEqual(44);
      expect(box.width, (await target.textContent()) ?? '').toBeGreaterThanOrEqual(44);
    }
    expect(await axeViolations(page)).toEqual([]);
    if (width === 390) await page.screenshot({ path: '/tmp/card-menu-390.png' });
    await menu.getByRole('menuitem', { name: 'Change name or story' }).click();
    await page.getByLabel('Touchpoint name').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe('the board’s purpose', () => {
  const purpose =
    'To hear what day surgery is like for the people who go through it, and change what matters most to them.\n' +
    'Please add the moments you remember, how they felt, and why. Every view counts, and there are no wrong answers. ' +
    'We will share what we find at the joint event in spring, and keep working on it together in small groups.';

  it('is whole text for a participant who cannot change it, and a box that shows it all for a facilitator', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const boardId = await createBoard(server, ann, 'Day surgery');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const writer = fixture.nodeClient(boardId, ann);
    await writer.synced;
    boardTypes(writer.doc).meta.set('purpose', purpose);

    for (const [width, height] of [
      [390, 844],
      [1366, 768],
    ] as const) {
      const context = await contextFor(browser, server, bob);
      const page = await context.newPage();
      await page.setViewportSize({ width, height });
      await page.goto(`/boards/${boardId}`);
      const section = page.getByRole('region', { name: 'What this board is for' });
      await section.getByText(/no wrong answers/).waitFor();
      expect(await page.getByRole('textbox', { name: 'What this board is for' }).count()).toBe(0);
      expect(await page.getByRole('textbox', { name: 'Board title' }).count()).toBe(0);
      const text = section.locator('p');
      expect((await text.innerText()).replace(/\s+/g, ' ')).toBe(purpose.replace(/\s+/g, ' '));
      // Nothing cut off: the text's box holds all of it.
      expect(await text.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await axeViolations(page)).toEqual([]);
      if (width === 390) await page.screenshot({ path: '/tmp/purpose-390.png' });
      await context.close();
    }

    const page = await openBoard(await contextFor(browser, server, ann), boardId);
    const box = page.getByRole('textbox', { name: 'What this board is for' });
    await expect.poll(() => box.inputValue()).toBe(purpose);
    expect(await box.evaluate((el) => el.scrollHeight <= el.clientHeight)).toBe(true);
    await page.context().close();
  });
});
