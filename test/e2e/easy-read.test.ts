/**
 * Easy read in Chromium (issue 17), by keyboard alone, at 390×844 and 1366×768. Bo may comment;
 * Fay's stock client made the journey (Referral: one moment; Waiting list: none yet; Outpatients:
 * two) and Sam said how the waiting room felt (over HTTP, as the page does). Bo turns on "Easy
 * read" in the toolbar: text and controls grow (measured against the same page without it), and the map shows
 * one moment at a time with where it is in words. "Back" at the start and "Next" at the end stay
 * put and say why; in between the new place is said, across stages, and focus stays on the
 * button. Bo gives a feeling by keyboard and Fay's stock client sees it under a key without his
 * id; everyone's feelings show as lines with faces. "Read this to me" hands the moment's words to the browser's
 * own speechSynthesis (watched, not replaced, by wrapping speechSynthesis.speak before the page
 * loads); a browser without speech shows no such button. The setting survives a reload, the whole
 * map is one button away, nothing scrolls sideways, and axe finds nothing with it on. At 320 px
 * and at 200 % zoom a taller next moment leaves "Next" in view. A story's sharing shows under it,
 * and its storyteller chooses and withdraws it from the one moment, with 56 px targets; others
 * are then told it was taken back.
 */
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, type Feeling } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling, myFeelings } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { scrollsSideways } from '../support/method-board.ts';
import { easyReadStorageKey } from '../../client/src/board/easy-read/easy-read-setting.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const letter = { id: 'tp-the-letter', stageId: 'stage-referral', title: 'The letter comes', story: 'It said to ring a number nobody answered.' };
const waiting = { id: 'tp-waiting-room', stageId: 'stage-clinic', title: 'Waiting room', story: 'Nobody told us how long it would be.' };
const desk = { id: 'tp-at-the-desk', stageId: 'stage-clinic', title: 'At the desk', story: 'The nurse knew my name.' };

const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
/** Whether the whole element is inside the window (to within a pixel's rounding of the scroll position). */
const inView = (locator: Locator) => locator.evaluate((element) => {
  const box = element.getBoundingClientRect();
  return box.top >= -1 && box.bottom <= innerHeight + 1 && box.left >= -1 && box.right <= innerWidth + 1;
});
/**
 * Words in `selector` split across lines (a word whose letters sit on more than one line), and
 * feeling faces squeezed narrower than they are tall.
 */
const brokenWords = (page: Page, selector: string): Promise<string[]> =>
  page.evaluate((scope) => {
    const broken: string[] = [];
    for (const root of document.querySelectorAll(scope)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, match.index);
          range.setEnd(node, match.index + match[0].length);
          const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) broken.push(match[0]);
        }
      }
      for (const face of root.querySelectorAll('svg.feeling-face')) {
        const box = face.getBoundingClientRect();
        if (box.width < box.height - 1) broken.push(`a face ${Math.round(box.width)}×${Math.round(box.height)}`);
      }
    }
    return broken;
  }, selector);
/** The words handed to speechSynthesis.speak so far (recorded by the wrapper added before the page loads). */
const spoken = (page: Page) => page.evaluate(() => (window as unknown as { spokenWords?: string[] }).spokenWords ?? []);
/** Controls in `selector` smaller than `size` px either way (a radio button's target is its label). */
const smallerThan = (page: Page, selector: string, size: number): Promise<string[]> =>
  page.evaluate(
    ({ scope, size }) => {
      const small: string[] = [];
      for (const element of document.querySelectorAll<HTMLElement>(`${scope} button, ${scope} select, ${scope} input, ${scope} textarea`)) {
        if (element.closest('.visually-hidden') !== null) continue;
        const box = element.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const choice = element instanceof HTMLInputElement && (element.type === 'radio' || element.type === 'checkbox');
        const target = choice ? (element.closest('label')?.getBoundingClientRect() ?? box) : box;
        if (target.height < size || target.width < size) small.push(`${element.tagName.toLowerCase()} “${element.textContent?.trim()}” ${Math.round(target.width)}×${Math.round(target.height)}`);
      }
      return small;
    },
    { scope: selector, size },
  );
const sizes = (page: Page) =>
  page.evaluate(() => ({
    root: parseFloat(getComputedStyle(document.documentElement).fontSize),
    shortcuts: [...document.querySelectorAll('button')].find((button) => button.textContent?.includes('Keyboard shortcuts'))!.getBoundingClientRect().height,
  }));

async function journeyBoard() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay Adams');
  const sam = await signUp(server, 'Sam Okoro');
  const bo = await signUp(server, 'Bo Lind');
  const boardId = await createBoard(server, fay, 'Outpatients clinic');
  await addMember(server.libsqlUrl, boardId, sam.id, 'comment');
  await addMember(server.libsqlUrl, boardId, bo.id, 'comment');
  const watcher = fixture.nodeClient(boardId, fay);
  const samClient = fixture.nodeClient(boardId, sam);
  await Promise.all([watcher.synced, samClient.synced]);
  const { stages, touchpoints } = boardTypes(watcher.doc);
  watcher.doc.transact(() => {
    stages.push([newStage('stage-referral', 'Referral'), newStage('stage-waiting-list', 'Waiting list'), newStage('stage-clinic', 'Outpatients')]);
    [letter, waiting, desk].forEach((moment, i) => {
      touchpoints.set(moment.id, newTouchpoint({ ...moment, order: `a${i}`, createdBy: fay.id, createdAt: Date.now() }));
    });
  });
  // Sam says from his own device how the waiting room felt, once the journey is on the server.
  await waitUntil(() => boardTypes(samClient.doc).touchpoints.has(waiting.id), 'the journey reaches Sam', 10_000);
  await giveFeeling(server, boardId, sam, waiting.id, { score: -1, words: ['rushed'] });
  await waitUntil(() => boardTypes(watcher.doc).feelings.size === 1, 'Sam’s feeling reaches Fay', 10_000);
  return { boardId, fay, bo, watcher };
}

/** `person`'s browser at `viewport`, with speechSynthesis.speak watched (the real one still speaks). */
async function watchedContext(person: TestPerson, viewport: { width: number; height: number }): Promise<BrowserContext> {
  const context = await contextFor(fixture.browser, fixture.server, person, viewport);
  await context.addInitScript(() => {
    if (!('speechSynthesis' in window)) return;
    const record = window as unknown as { spokenWords: string[] };
    record.spokenWords = [];
    const speak = speechSynthesis.speak.bind(speechSynthesis);
    speechSynthesis.speak = (utterance: SpeechSynthesisUtterance) => {
      record.spokenWords.push(utterance.text);
      speak(utterance);
    };
  });
  return context;
}

async function livePage(context: BrowserContext, boardId: string): Promise<Page> {
  const page = await openBoard(context, boardId);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

describe.each(viewports)('easy read on $name', (viewport) => {
  it('shows one moment at a time by keyboard, with its place in words, feelings with faces, reading aloud, and remembers it on this device', async () => {
    const { boardId, bo, watcher } = await journeyBoard();
    const context = await watchedContext(bo, viewport);
    const page = await livePage(context, boardId);
    await page.getByRole('heading', { name: letter.title }).waitFor();
    const before = await sizes(page);
    expect(await page.locator('.easy-moment').count()).toBe(0);

    // The switch, in the toolbar, by keyboard.
    await tabTo(page, 'Easy read');
    const toggle = page.getByRole('button', { name: 'Easy read' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await toggle.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent)).toContain('on this device');
    await page.keyboard.press('Enter');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => heard(page)).toContain('Easy read is on, on this device. The map shows one moment at a time.');
    expect(await hasFocus(toggle)).toBe(true);
    // The bigger words push the toolbar down (on a phone by more than a screen): the switch, which
    // has focus, is brought back into view.
    await expect.poll(() => inView(toggle)).toBe(true);

    // Bigger text and controls than the same page without it.
    const moment = page.locator('.easy-moment');
    await expect.poll(() => moment.count()).toBe(1);
    const after = await sizes(page);
    expect(after.root / before.root).toBeGreaterThanOrEqual(1.2);
    expect(after.shortcuts).toBeGreaterThanOrEqual(56);
    expect(after.shortcuts).toBeGreaterThan(before.shortcuts);
    expect(await smallerThan(page, '.easy-moment', 56)).toEqual([]);
    expect(await smallerThan(page, '.easy-moment__buttons', 56)).toEqual([]);
    expect(await smallerThan(page, '.board-toolbar', 56)).toEqual([]);

    // One moment, where it is in words; the whole map's cards are not drawn.
    const place = page.locator('.easy-moment__place');
    expect(await place.textContent()).toBe('Stage 1 of 3: Referral · Moment 1 of 3');
    expect(await moment.getByRole('heading', { level: 3 }).textContent()).toBe(letter.title);
    expect(await moment.locator('.easy-moment__story').textContent()).toBe(letter.story);
    expect(await page.locator('.touchpoint').count()).toBe(0);

    // "Back" at the start stays put and says why.
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const next = page.getByRole('button', { name: 'Next', exact: true });
    expect(await back.getAttribute('aria-disabled')).toBe('true');
    expect(await back.evaluate((button) => document.getElementById(button.getAttribute('aria-describedby') ?? '')?.textContent)).toBe('This is the first moment. There is nothing before it.');
    await tabTo(page, /Back$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain('This is the first moment. There is nothing before it.');
    expect(await place.textContent()).toBe('Stage 1 of 3: Referral · Moment 1 of 3');
    // axe with "Back" unavailable and its reason shown.
    expect(await axeViolations(page)).toEqual([]);

    // "Next", past the stage with no moments yet; the place is said and focus stays on "Next".
    await tabTo(page, /^Next/);
    await page.keyboard.press('Enter');
    await expect.poll(() => place.textContent()).toBe('Stage 3 of 3: Outpatients · Moment 2 of 3');
    await expect.poll(() => heard(page)).toContain('Stage 3 of 3: Outpatients. Moment 2 of 3: Waiting room.');
    expect(await moment.getByRole('heading', { level: 3 }).textContent()).toBe(waiting.title);
    expect(await hasFocus(next)).toBe(true);
    expect(await back.getAttribute('aria-disabled')).toBe('false');

    // Everyone's feelings as lines, a face beside each.
    const lines = moment.locator('.felt-faces__line');
    expect(await lines.allTextContents()).toEqual(['1 person felt bad']);
    expect(await lines.locator('svg.feeling-face').getAttribute('data-score')).toBe('-1');

    // Bo says how it felt, by keyboard: Good. Fay's stock client sees it under his own id.
    await tabTo(page, 'Very bad');
    expect(await page.evaluate(() => document.activeElement?.closest('.easy-moment')?.querySelector('h3')?.textContent)).toBe(waiting.title);
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const bosFeeling = () => [...boardTypes(watcher.doc).feelings.entries()].find(([key, value]) => key.startsWith(`${waiting.id}/`) && (value as Feeling).score === 1);
    await waitUntil(() => bosFeeling() !== undefined, 'Bo’s feeling reaches the server', 10_000);
    expect(bosFeeling()?.[0]).not.toContain(bo.id);
    expect((await myFeelings(fixture.server, boardId, bo)).feelings[waiting.id]).toBe(bosFeeling()?.[0]);
    await expect.poll(() => lines.allTextContents()).toEqual(['1 person felt bad', '1 person felt good']);
    expect(await lines.locator('svg.feeling-face').evaluateAll((faces) => faces.map((face) => face.getAttribute('data-score')))).toEqual(['-1', '1']);

    // "Read this to me": the moment's words go to the browser's speech, only when asked.
    expect(await spoken(page)).toEqual([]);
    await tabTo(page, /Read this to me$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => spoken(page)).toEqual([
      `Stage 3 of 3: Outpatients. Moment 2 of 3. ${waiting.title}. ${waiting.story} How people felt: 1 person felt bad. 1 person felt good. Words people chose: rushed.`,
    ]);

    // To the end: "Next" there stays put and says why; "Back" goes back.
    await tabTo(page, /^Next/);
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain('Stage 3 of 3: Outpatients. Moment 3 of 3: At the desk.');
    expect(await place.textContent()).toBe('Stage 3 of 3: Outpatients · Moment 3 of 3');
    expect(await next.getAttribute('aria-disabled')).toBe('true');
    expect(await hasFocus(next)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain('This is the last moment. There is nothing after it.');
    expect(await place.textContent()).toBe('Stage 3 of 3: Outpatients · Moment 3 of 3');
    await page.keyboard.press('Shift+Tab');
    expect(await hasFocus(back)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => heard(page)).toContain('Stage 3 of 3: Outpatients. Moment 2 of 3: Waiting room.');
    expect(await hasFocus(back)).toBe(true);

    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);

    // Kept on this device: after a reload it is still on.
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await expect.poll(() => page.locator('.easy-moment__place').textContent()).toBe('Stage 1 of 3: Referral · Moment 1 of 3');
    expect(await page.getByRole('button', { name: 'Easy read' }).getAttribute('aria-pressed')).toBe('true');
    expect((await sizes(page)).root / before.root).toBeGreaterThanOrEqual(1.2);

    // The whole map, one button away; its cards show everyone's feelings with faces too.
    await tabTo(page, 'Show the whole map');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.touchpoint').count()).toBe(3);
    expect(await page.locator('.easy-moment').count()).toBe(0);
    const switchBack = page.getByRole('button', { name: 'Show one moment at a time' });
    expect(await hasFocus(switchBack)).toBe(true);
    expect(await page.locator(`[data-touchpoint-id="${waiting.id}"] .felt-faces__line`).allTextContents()).toEqual(['1 person felt bad', '1 person felt good']);
    expect(await scrollsSideways(page)).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.easy-moment').count()).toBe(1);

    // Off again: the usual sizes and the whole map.
    await tabTo(page, /Easy read$/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.touchpoint').count()).toBe(3);
    expect((await sizes(page)).root).toBe(before.root);
    await context.close();
  }, 150_000);
});

describe('easy read on a narrow screen', () => {
  // 320 CSS px is where WCAG asks a page to reflow; 195×422 at twice the pixels is a 390 px phone
  // zoomed to 200 %, as a person who needs bigger text sets it.
  it.each([
    { name: '320 px wide', viewport: { width: 320, height: 700 }, scale: 1 },
    { name: 'a phone zoomed to 200 %', viewport: { width: 195, height: 422 }, scale: 2 },
  ])('keeps whole words, full-size faces and targets at $name, and Next in view', async ({ viewport, scale }) => {
    const { boardId, bo, watcher } = await journeyBoard();
    const story = boardTypes(watcher.doc).touchpoints.get(waiting.id)!.get('story') as Y.Text;
    story.insert(story.length, ' We sat for two hours. My mother needed the toilet and nobody could say if we would lose our place.');
    const context = await fixture.browser.newContext({ baseURL: fixture.server.config.publicOrigin, viewport, deviceScaleFactor: scale });
    const [name, value] = bo.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: fixture.server.config.publicOrigin }]);
    await context.addInitScript((key) => localStorage.setItem(key, 'on'), easyReadStorageKey);
    const page = await livePage(context, boardId);
    await page.locator('.easy-moment').waitFor();
    await tabTo(page, /^Next/);
    // "Next" at the window's foot, and a taller moment next: the pressed button is kept in view.
    const next = page.getByRole('button', { name: 'Next', exact: true });
    await next.evaluate((button) => button.scrollIntoView({ block: 'end' }));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.easy-moment__place').textContent()).toBe('Stage 3 of 3: Outpatients · Moment 2 of 3');
    expect(await hasFocus(next)).toBe(true);
    expect(await inView(next)).toBe(true);
    expect(await brokenWords(page, '.easy-moment button, .easy-moment label, .easy-moment__buttons')).toEqual([]);
    expect(await smallerThan(page, '.easy-moment', 56)).toEqual([]);
    if (viewport.width >= 320) expect(await scrollsSideways(page)).toBe(false);
    // A choice's target is its whole label, 56 px too in easy read (the PDF's choices here).
    await tabTo(page, 'Download PDF');
    await page.keyboard.press('Enter');
    await page.locator('.choices').first().waitFor();
    expect(await smallerThan(page, '.choices', 56)).toEqual([]);
    await context.close();
  }, 90_000);
});

describe('a story’s sharing in easy read', () => {
  it('shows the sharing words under the story, lets the storyteller choose and withdraw there, and tells others it was taken back', async () => {
    const { boardId, fay: fayPerson, bo, watcher } = await journeyBoard();
    const easyPage = async (person: TestPerson) => {
      const context = await contextFor(fixture.browser, fixture.server, person, viewports[0]);
      await context.addInitScript((key) => localStorage.setItem(key, 'on'), easyReadStorageKey);
      const page = await livePage(context, boardId);
      await page.locator('.easy-moment').waitFor();
      return page;
    };
    const fay = await easyPage(fayPerson);
    const boPage = await easyPage(bo);
    const sharing = (page: Page) => page.locator('.easy-moment .touchpoint__consent').textContent();
    expect(await sharing(fay)).toBe('Sharing: Not yet agreed for sharing');
    expect(await sharing(boPage)).toBe('Sharing: Not yet agreed for sharing');
    // Only the storyteller (Fay made the card) is offered the choices.
    expect(await boPage.getByRole('button', { name: /shared|Withdraw/ }).count()).toBe(0);

    await tabTo(fay, 'How this story may be shared…');
    await fay.keyboard.press('Enter');
    const form = fay.getByRole('form', { name: 'How may your story be shared?' });
    await form.waitFor();
    expect(await smallerThan(fay, '.easy-moment', 56)).toEqual([]);
    expect(await axeViolations(fay)).toEqual([]);
    await fay.keyboard.press('ArrowDown');
    await fay.keyboard.press('ArrowDown');
    await tabTo(fay, 'Save');
    await fay.keyboard.press('Enter');
    await waitUntil(() => boardTypes(watcher.doc).touchpoints.get(letter.id)?.get('consent') === 'ready', 'the choice reaches the server', 10_000);
    await expect.poll(() => sharing(boPage)).toBe('Sharing: Ready to share');
    await expect.poll(() => hasFocus(fay.getByRole('button', { name: 'How this story may be shared…' }))).toBe(true);

    await tabTo(fay, 'Withdraw my story');
    await fay.keyboard.press('Enter');
    await fay.getByRole('group', { name: 'Withdraw your story?' }).waitFor();
    expect(await smallerThan(fay, '.easy-moment', 56)).toEqual([]);
    await tabTo(fay, 'Withdraw the story');
    await fay.keyboard.press('Enter');
    const gone = fay.getByText('Your story was withdrawn. It is gone for good.', { exact: true });
    await gone.waitFor();
    await expect.poll(() => hasFocus(gone)).toBe(true);
    await boPage.locator('.easy-moment').getByText('The person who told this story took it back.', { exact: true }).waitFor();
    expect(await boPage.locator('.easy-moment__story').count()).toBe(0);
    expect(await axeViolations(boPage)).toEqual([]);
    await fay.context().close();
    await boPage.context().close();
  }, 120_000);
});

describe('easy read where the browser cannot speak', () => {
  it('offers no "Read this to me"', async () => {
    const { boardId, bo } = await journeyBoard();
    const context = await contextFor(fixture.browser, fixture.server, bo, viewports[0]);
    await context.addInitScript(() => {
      // Where the browser keeps it (on the window itself in Chromium).
      delete (window as { speechSynthesis?: unknown }).speechSynthesis;
      delete (Window.prototype as { speechSynthesis?: unknown }).speechSynthesis;
      delete (window as { SpeechSynthesisUtterance?: unknown }).SpeechSynthesisUtterance;
    });
    const page = await livePage(context, boardId);
    expect(await page.evaluate(() => 'speechSynthesis' in window)).toBe(false);
    await tabTo(page, 'Easy read');
    await page.keyboard.press('Enter');
    await page.locator('.easy-moment').waitFor();
    expect(await page.locator('.easy-moment__place').textContent()).toBe('Stage 1 of 3: Referral · Moment 1 of 3');
    expect(await page.getByRole('button', { name: /Read this to me|Stop reading/ }).count()).toBe(0);
    await context.close();
  }, 90_000);
});
