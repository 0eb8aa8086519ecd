/**
 * "Who is here" in a room of 18, on a 390×844 phone and a 1366×768 laptop (issue 10, point 1): a
 * compact summary never taller than 15 % of the screen and never pinned over a card, 18 people
 * in 18 colours with initials, two Sams told apart, the full list and every "Follow" button by
 * keyboard, and axe-core clean with the list open and closed. And (point 10) keyboard focus never
 * lands under the pinned status line. The others are 17 stock y-websocket clients, each a member
 * who joined by invite, announcing themselves as the page does.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { identityColor } from '../../client/src/board/presence-colors.ts';
import { axeViolations } from '../support/axe.ts';
import { contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { joinBoard } from '../support/invites.ts';
import { tabTo } from '../support/keyboard.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';

const fixture = useBrowserFixture();

/** The 17 others, by display name, with the name the board shows them by. */
const others: readonly [displayName: string, shown: string][] = [
  ['Bea', 'Bea'], ['Cal', 'Cal'], ['Dev', 'Dev'], ['Eve', 'Eve'], ['Fay', 'Fay'], ['Gus', 'Gus'],
  ['Hal', 'Hal'], ['Ivy', 'Ivy'], ['Jo', 'Jo'], ['Kim', 'Kim'], ['Lee', 'Lee'], ['Max', 'Max'],
  ['Ned', 'Ned'], ['Oli', 'Oli'], ['Pat', 'Pat'], ['Sam Jones', 'Sam J.'], ['Sam Patel', 'Sam P.'],
];
const stageCount = 6;
const cardsPerStage = 3;
const cardId = (i: number) => `touchpoint-${i}`;

let ann: TestPerson;
let boardId: string;

/** Writes six stages of three cards ("Moment 1"…) through a Node client that shows no presence. */
async function writeMap(id: string, owner: TestPerson): Promise<void> {
  const writer = fixture.nodeClient(id, owner);
  writer.provider.awareness.setLocalState(null); // a program writing the map, not a person in the room
  await writer.synced;
  const { stages, touchpoints } = boardTypes(writer.doc);
  writer.doc.transact(() => {
    for (let s = 0; s < stageCount; s++) {
      stages.push([newStage(`stage-no-${s}`, `Stage ${s + 1}`)]);
      for (let c = 0; c < cardsPerStage; c++) {
        const i = s * cardsPerStage + c;
        touchpoints.set(cardId(i), newTouchpoint({ id: cardId(i), stageId: `stage-no-${s}`, order: `a${c}`, title: `Moment ${i + 1}`, createdBy: owner.id, createdAt: 1 }));
      }
    }
  });
}

beforeAll(async () => {
  const { server } = fixture;
  ann = await signUp(server, 'Ann');
  boardId = await createBoard(server, ann, 'A room of eighteen');
  await writeMap(boardId, ann);
  // Each other person joins by invite, opens the board and works on a card of their own.
  const people = await Promise.all(others.map(([name]) => joinBoard(server, ann, boardId, 'edit', name)));
  await Promise.all(
    people.map(async (person, i) => {
      const client = fixture.nodeClient(boardId, person);
      await client.synced;
      client.provider.awareness.setLocalState({ user: { name: person.displayName, color: identityColor(person.id) }, focus: cardId(i) });
    }),
  );
});

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
] as const;

async function openRoom(viewport: { width: number; height: number }): Promise<Page> {
  const context = await contextFor(fixture.browser, fixture.server, ann);
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  // Everyone is there once the summary says so (a failure shows what it said instead).
  const count = whoIsHere(page).getByRole('button', { expanded: false });
  const heard = () =>
    count.evaluate((el) =>
      [...el.childNodes].map((node) => (node instanceof Element && node.getAttribute('aria-hidden') === 'true' ? '' : node.textContent)).join('').trim(),
    );
  await expect.poll(heard, { timeout: 15_000 }).toBe('18 people here');
  return page;
}

const whoIsHere = (page: Page) => page.getByRole('region', { name: 'Who is here' });

/** The bottom of what is pinned at the top of the window (0 when nothing is). */
function pinnedBottom(page: Page): Promise<number> {
  return page.evaluate(() => {
    let bottom = 0;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const position = getComputedStyle(el).position;
      if (position !== 'sticky' && position !== 'fixed') continue;
      const r = el.getBoundingClientRect();
      if (r.height > 0 && r.top <= 1) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  });
}

/** True when `element` is in the window, below anything pinned, and nothing else is drawn over its top. */
async function inClearView(page: Page, element: Locator): Promise<boolean> {
  const bottom = await pinnedBottom(page);
  return element.evaluate((el, pinned) => {
    const r = el.getBoundingClientRect();
    if (r.top < pinned || r.top >= window.innerHeight) return false;
    const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 20), r.top + 2);
    return hit !== null && el.contains(hit);
  }, bottom);
}

describe.each(viewports)('who is here at $width×$height with 18 people', (viewport) => {
  it('takes at most 15 % of the screen, scrolls away with the page and never covers a card', async () => {
    const page = await openRoom(viewport);
    const box = await whoIsHere(page).boundingBox();
    expect(box!.height).toBeLessThanOrEqual(0.15 * viewport.height);
    // Pinned: only the status line, also within 15 %.
    expect(await pinnedBottom(page)).toBeLessThanOrEqual(0.15 * viewport.height);
    // A card in the middle of the map, brought to the top as a person scrolling would see it.
    const card = page.locator(`[data-touchpoint-id="${cardId(10)}"]`);
    await expect
      .poll(async () => {
        await card.evaluate((el) => el.scrollIntoView({ block: 'start' }));
        return inClearView(page, card);
      }, { timeout: 10_000 })
      .toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const region = await whoIsHere(page).boundingBox();
    const cardBox = await card.boundingBox();
    expect(region!.y + region!.height <= cardBox!.y || region!.y >= cardBox!.y + cardBox!.height).toBe(true);
    await page.context().close();
  });

  it('shows 18 people in 18 colours with initials, and tells the two Sams apart', async () => {
    const page = await openRoom(viewport);
    const region = whoIsHere(page);
    const summary = region.getByRole('button', { name: '18 people here' });
    expect(await summary.getAttribute('aria-expanded')).toBe('false');
    // Five people's initials in the summary, and how many more.
    // A few people's initials in the summary (you first), and how many more.
    const glance = await summary.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[aria-hidden="true"] > *')].filter((badge) => badge.checkVisibility()).map((badge) => badge.textContent),
    );
    expect(glance.length).toBeGreaterThanOrEqual(4);
    expect(glance[0]).toBe('A');
    expect(glance.at(-1)).toBe(`+${18 - (glance.length - 1)}`);
    // The summary is one row and fits the screen.
    const summaryBox = (await summary.boundingBox())!;
    expect(summaryBox.x + summaryBox.width).toBeLessThanOrEqual(viewport.width);
    expect(summaryBox.height).toBeLessThan(60);
    await summary.click();
    const rows = region.getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(18);
    const shown = await rows.evaluateAll((items: HTMLElement[]) =>
      items.map((item) => {
        const badge = item.querySelector<HTMLElement>('[aria-hidden="true"]')!;
        return { text: item.innerText, initials: badge.innerText.trim(), color: getComputedStyle(badge).backgroundColor };
      }),
    );
    expect(new Set(shown.map((p) => p.color)).size).toBe(18);
    for (const person of shown) {
      expect(person.initials).not.toBe('');
      // The badge's letters start the name beside it ("A" for "Ann (you)", "SJ" for "Sam J.").
      expect(person.text.replace(/^\s*\S+\s+/, '').startsWith(person.initials[0]!)).toBe(true);
    }
    const names = shown.map((p) => p.text.replace(/^\s*\S+\s+/, '').replace(/\s*Follow .*$/s, '').trim());
    expect(names[0]).toBe('Ann (you)');
    expect(names).toContain('Sam J.');
    expect(names).toContain('Sam P.');
    expect(new Set(names).size).toBe(18);
    for (const name of ['Sam J.', 'Sam P.']) await region.getByRole('button', { name: `Follow ${name}`, exact: true }).waitFor();
    // Each card someone is on has a ring in that person's colour here, and says who by the same name.
    const colorOf = new Map(names.map((name, i) => [name, shown[i]!.color]));
    for (const [i, [, name]] of others.entries()) {
      const card = page.locator(`[data-touchpoint-id="${cardId(i)}"]`);
      await card.getByText(new RegExp(`^${name.replace('.', '\\.')}\\s+is here$`)).waitFor({ state: 'attached' });
      expect(await card.evaluate((el) => getComputedStyle(el).borderTopColor)).toBe(colorOf.get(name));
    }
    await page.context().close();
  });

  it('opens the full list by keyboard, follows each person with their Follow button, and Escape closes it', async () => {
    const page = await openRoom(viewport);
    const region = whoIsHere(page);
    await tabTo(page, /18 people here$/, 60);
    await page.keyboard.press('Enter');
    const summary = region.getByRole('button', { name: '18 people here' });
    expect(await summary.getAttribute('aria-expanded')).toBe('true');
    const shownOrder = [...others].sort((a, b) => a[1].localeCompare(b[1], 'en-GB'));
    for (const [displayName, shown] of shownOrder) {
      await page.keyboard.press('Tab');
      const follow = region.getByRole('button', { name: `Follow ${shown}`, exact: true });
      expect(await follow.evaluate((el) => el === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      expect(await follow.getAttribute('aria-pressed')).toBe('true');
      // The card that person is on comes into view, clear of the pinned status line.
      const theirCard = page.locator(`[data-touchpoint-id="${cardId(others.findIndex(([name]) => name === displayName))}"]`);
      await expect.poll(() => inClearView(page, theirCard), { timeout: 10_000 }).toBe(true);
      expect(await region.getByRole('button', { name: /^Follow /, pressed: true }).count()).toBe(1);
    }
    await page.keyboard.press('Escape');
    expect(await summary.getAttribute('aria-expanded')).toBe('false');
    expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
    // Following goes on with the list closed, and can be stopped from the summary row.
    const last = shownOrder.at(-1)![1];
    await region.getByRole('button', { name: `Stop following ${last}` }).click();
    expect(await region.getByRole('button', { name: /^Stop following/ }).count()).toBe(0);
    await page.context().close();
  });

  it('has no axe-core violations with the list closed and open', async () => {
    const page = await openRoom(viewport);
    expect(await axeViolations(page)).toEqual([]);
    await whoIsHere(page).getByRole('button', { name: '18 people here' }).click();
    await whoIsHere(page).getByRole('listitem').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const dir = process.env['PRESENCE_SCREENSHOTS'];
    if (dir !== undefined) {
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: `${dir}/open-${viewport.width}.png` });
      await whoIsHere(page).getByRole('button', { name: '18 people here' }).click();
      await page.screenshot({ path: `${dir}/closed-${viewport.width}.png` });
      await page.locator(`[data-touchpoint-id="${cardId(10)}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await page.screenshot({ path: `${dir}/scrolled-${viewport.width}.png` });
    }
    await page.context().close();
  });
});

describe.each(viewports)('keyboard focus and the pinned status line at $width×$height', (viewport) => {
  /** Ann alone on a board of six stages of three cards, open at `viewport`. */
  async function openMap(): Promise<Page> {
    const owner = await signUp(fixture.server, 'Ann');
    const id = await createBoard(fixture.server, owner, 'Focus in view');
    await writeMap(id, owner);
    const page = await (await contextFor(fixture.browser, fixture.server, owner)).newPage();
    await page.setViewportSize(viewport);
    await page.goto(`/boards/${id}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await page.getByRole('heading', { name: 'Moment 5', exact: true }).waitFor();
    return page;
  }

  it('puts focus back on the card\'s menu button clear of the status line after Escape in the card editor', async () => {
    const page = await openMap();
    const menu = page.getByRole('button', { name: 'More actions for Moment 5', exact: true });
    await menu.click();
    await page.getByRole('menuitem', { name: 'Change name or story', exact: true }).click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.closest('[data-touchpoint-id="touchpoint-4"]') !== null && document.activeElement?.tagName !== 'BUTTON'))
      .toBe(true);
    // Reading on down the editor, the card's top has gone past the status line, out of the window.
    await menu.evaluate((el) => window.scrollBy(0, el.getBoundingClientRect().top + 40));
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => inClearView(page, menu), { timeout: 5000 }).toBe(true);
    await page.context().close();
  });

  it('keeps focus clear of the status line after "Move later"', async () => {
    const page = await openMap();
    const later = page.getByRole('button', { name: 'Move later: Stage 2', exact: true });
    // The button has focus and the page was scrolled a little on, so it is half under the status line.
    const pinned = await pinnedBottom(page);
    await later.evaluate((el, bottom) => {
      window.scrollBy(0, el.getBoundingClientRect().top - (bottom - el.getBoundingClientRect().height / 2));
      el.focus({ preventScroll: true });
    }, pinned);
    expect(await inClearView(page, later)).toBe(false);
    await page.keyboard.press('Enter');
    const titles = page.locator('.stages').getByRole('heading', { level: 2 });
    await expect.poll(() => titles.allTextContents().then((all) => all.slice(0, 3).map((t) => /Stage \d+/.exec(t)?.[0]))).toEqual(['Stage 1', 'Stage 3', 'Stage 2']);
    await expect.poll(() => later.evaluate((el) => el === document.activeElement)).toBe(true);
    await expect.poll(() => inClearView(page, later), { timeout: 5000 }).toBe(true);
    await page.context().close();
  });
});
