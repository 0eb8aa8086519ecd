/**
 * The board's step in the method and its parts, in Chromium (issue 16, the page's side). Fay
 * organises; Sam may comment. The board is at "Sharing experiences".
 *
 * Both read "Step 2 of 5: Sharing experiences" near the top, and "What happens now" opens by
 * keyboard with the step marked among the five. Fay, by keyboard alone, moves the board on to step
 * 3 — asked first in words, "No" leaving it as it was — and Sam's page shows and says the new step;
 * the priorities then come first in "Parts of this board" and the step offers "Go to the
 * priorities". She moves it back to step 2 and Sam hears that too. Sam has no step buttons. Sam
 * goes between the parts by keyboard: each link shows its part (the address says which, the tab's
 * title follows, the link is marked as the current page) with focus on its heading, and the
 * browser's Back returns. axe finds nothing on any part, at 390×844 and 1366×768; targets ≥ 44 px.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

/**
 * axe from the top of the page: scrolled further, the pinned status line covers part of whatever
 * is under it just then, which axe counts against that button's size (it is not one a person meets:
 * focus is kept clear of the line).
 */
async function axeAtTop(page: Page) {
  await page.evaluate(() => scrollTo(0, 0));
  return axeViolations(page);
}

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const stepTwo = 'Step 2 of 5: Sharing experiences';
const stepThree = 'Step 3 of 5: Agreeing what matters most, together';
const moveOn = 'Move on to step 3: Agreeing what matters most, together';
const goBack = 'Go back to step 2: Sharing experiences';
/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const step = (page: Page) => page.locator('.phase-step h2').textContent();
const nav = (page: Page) => page.getByRole('navigation', { name: 'Parts of this board' });
const navLinks = (page: Page) => nav(page).getByRole('link').allTextContents();
const focused = (page: Page) => page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent?.trim() ?? '' }));
const stepButtons = (page: Page) => page.getByRole('button', { name: /^(Move on|Go back) to step/ });

async function boardAtGather() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const sam = await signUp(server, 'Sam');
  const boardId = await createBoard(server, fay, 'Outpatients');
  await addMember(server.libsqlUrl, boardId, sam.id, 'comment');
  // A stock y-websocket client of Fay's: what any program on the board reads.
  const watcher = fixture.nodeClient(boardId, fay);
  await watcher.synced;
  boardTypes(watcher.doc).meta.set('phase', 'gather');
  const phase = () => boardTypes(watcher.doc).meta.get('phase');
  return { fay, sam, boardId, phase };
}

describe.each(viewports)('the method’s steps and parts on $name', (viewport) => {
  it('shows the step to everyone, lets the facilitator move it on and back by keyboard, and goes between the parts', async () => {
    const { server, browser } = fixture;
    const { fay, sam, boardId, phase } = await boardAtGather();
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const samPage = await boardPageOf(browser, server, sam, boardId, viewport);
    for (const page of [fayPage, samPage]) {
      await expect.poll(() => step(page)).toBe(stepTwo);
      expect(await navLinks(page)).toEqual(['Journey map', 'Outline', 'Priorities', 'Review', 'History']);
      expect(await nav(page).getByRole('link', { name: 'Journey map' }).getAttribute('aria-current')).toBe('page');
    }
    // Only the facilitator moves the board between steps.
    expect(await stepButtons(samPage).count()).toBe(0);
    expect(await stepButtons(fayPage).allTextContents()).toEqual(['Go back to step 1: Getting ready', moveOn]);

    // What happens now, by keyboard: this step's paragraph, and the five steps with this one marked.
    await tabTo(samPage, 'What happens now');
    await samPage.keyboard.press('Enter');
    const guide = samPage.locator('.phase-step__guide');
    await guide.waitFor();
    expect(await guide.locator('p').first().textContent()).toMatch(/^Patients, carers and staff share what happened to them\./);
    expect(await guide.locator('[aria-current="step"]').textContent()).toBe('Sharing experiences (this step now)');
    expect(await samPage.getByRole('button', { name: 'What happens now' }).getAttribute('aria-expanded')).toBe('true');

    // Fay moves on by keyboard; first she is asked, and "No" leaves everything as it was.
    await tabTo(fayPage, moveOn);
    await fayPage.keyboard.press('Enter');
    const question = fayPage.getByRole('group', { name: 'Move the board to step 3 of 5: Agreeing what matters most, together?' });
    await question.waitFor();
    await expect.poll(() => focused(fayPage)).toEqual({ tag: 'BUTTON', text: 'Yes, move to step 3' });
    await fayPage.keyboard.press('Tab');
    expect((await focused(fayPage)).text).toBe('No, stay on this step');
    await fayPage.keyboard.press('Enter');
    await question.waitFor({ state: 'detached' });
    await expect.poll(() => focused(fayPage)).toEqual({ tag: 'BUTTON', text: moveOn });
    expect(phase()).toBe('gather');
    await fayPage.keyboard.press('Enter');
    await question.waitFor();
    await expect.poll(() => focused(fayPage)).toEqual({ tag: 'BUTTON', text: 'Yes, move to step 3' });
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => phase() === 'joint-event', 'the step reaches the server', 10_000);

    // Everyone sees and hears the new step; its tools come first, and the rest stay.
    for (const page of [fayPage, samPage]) {
      await expect.poll(() => step(page)).toBe(stepThree);
      await expect.poll(() => heard(page)).toContain('The board has moved to step 3 of 5: Agreeing what matters most, together.');
      expect(await navLinks(page)).toEqual(['Priorities', 'Journey map', 'Outline', 'Review', 'History']);
      expect(await page.getByRole('link', { name: 'Go to the priorities' }).isVisible()).toBe(true);
    }
    await expect.poll(() => focused(fayPage)).toEqual({ tag: 'H2', text: stepThree });
    expect(await guide.locator('[aria-current="step"]').textContent()).toBe('Agreeing what matters most, together (this step now)');
    expect(await guide.locator('p').first().textContent()).toMatch(/^Patients, carers and staff meet to look at the map together\./);

    // And back again, by keyboard; Sam hears it.
    await tabTo(fayPage, goBack);
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => focused(fayPage)).toEqual({ tag: 'BUTTON', text: 'Yes, move to step 2' });
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => phase() === 'gather', 'the step back reaches the server', 10_000);
    await expect.poll(() => step(samPage)).toBe(stepTwo);
    await expect.poll(() => heard(samPage)).toContain('The board has moved to step 2 of 5: Sharing experiences.');
    expect(await navLinks(samPage)).toEqual(['Journey map', 'Outline', 'Priorities', 'Review', 'History']);

    // Targets are at least 44 px; axe finds nothing on the map with the step open and the question asked.
    await tabTo(fayPage, moveOn);
    await fayPage.keyboard.press('Enter');
    await question.waitFor();
    for (const target of [
      samPage.getByRole('button', { name: 'What happens now' }),
      ...['Journey map', 'Priorities', 'Review'].map((name) => nav(samPage).getByRole('link', { name })),
      fayPage.getByRole('button', { name: 'Yes, move to step 3' }),
      fayPage.getByRole('button', { name: 'No, stay on this step' }),
    ]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    expect(await axeAtTop(fayPage)).toEqual([]);
    expect(await axeAtTop(samPage)).toEqual([]);
    await fayPage.keyboard.press('Escape');
    await question.waitFor({ state: 'detached' });
    expect(phase()).toBe('gather');

    // Sam goes between the parts by keyboard: the address, the tab's title, the current link and focus follow.
    const part = async (name: string, view: string | null, heading: RegExp, title: string) => {
      await tabTo(samPage, name);
      await samPage.keyboard.press('Enter');
      await expect.poll(() => new URL(samPage.url()).searchParams.get('view')).toBe(view);
      await expect.poll(() => nav(samPage).getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
      await expect.poll(() => samPage.evaluate(() => document.activeElement?.closest('#board-view') !== null)).toBe(true);
      await expect.poll(() => focused(samPage).then((f) => f.text)).toMatch(heading);
      expect(await samPage.title()).toBe(title);
      expect(await nav(samPage).locator('[aria-current="page"]').count()).toBe(1);
      expect(await axeAtTop(samPage)).toEqual([]);
    };
    await part('Priorities', 'priorities', /^Priorities$/, 'Priorities – Outpatients – Common Ground');
    await part('Review', 'review', /review/i, 'Review – Outpatients – Common Ground');
    await part('Journey map', null, /^Journey map$/, 'Outpatients – Common Ground');
    // The browser's Back returns to the part before, with focus on its heading.
    await samPage.goBack();
    await expect.poll(() => new URL(samPage.url()).searchParams.get('view')).toBe('review');
    await expect.poll(() => samPage.evaluate(() => document.activeElement?.closest('#board-view') !== null)).toBe(true);
    // The board stayed open all along: one connection, still live.
    expect(await samPage.getByRole('status').filter({ hasText: 'Live' }).count()).toBe(1);
    for (const page of [fayPage, samPage]) await page.context().close();
  });
});
