/**
 * The live session's timer and paused editing on the page (issue 15), in real Chromium against the
 * real server, whose `session` map the pages only read:
 * - Fay (organises) starts a 5-minute timer by keyboard from "Session"; Eddie's page, on a device
 *   whose clock is 90 s fast and opened after the start, shows the same time left within a second,
 *   the pinned line stays in sight on his phone, and pausing, carrying on and adding a minute agree
 *   too; everything said is news, once (never the seconds).
 * - Screen readers hear "1 minute left" and "Time is up" once each; the chime plays only for
 *   whoever turned "Play a sound when time is up" on (remembered on the device).
 * - Pausing changes to the map takes Eddie's (edit) card controls away at once: his open editor
 *   closes with focus on a note saying why, the banner shows, Undo sends nothing the server would
 *   refuse, and his feeling still saves; resuming brings the controls back. Fay keeps everything.
 * - The panel says the API's refusals in its words, closes with Escape, is Fay's alone; 44 px
 *   targets and axe with the panel open and with the banner, at 390×844 and 1366×768.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf, chooseCardAction, contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { myFeelings } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };

const bannerWords = 'The facilitator has paused changes to the map while you talk. You can still say how you feel and comment.';
const noteWords = 'Changes to the map are paused, so this card’s editor closed. What you had typed is saved. You can still say how it felt and comment.';

/** Fay organises, Eddie adds and changes, Vic looks; one stage with two cards. */
async function sessionBoard(title: string) {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const eddie = await signUp(server, 'Eddie');
  const vic = await signUp(server, 'Vic');
  const boardId = await createBoard(server, fay, title);
  await addMember(server.libsqlUrl, boardId, eddie.id, 'edit');
  await addMember(server.libsqlUrl, boardId, vic.id, 'view');
  const seed = fixture.nodeClient(boardId, fay);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-at-the-clinic', 'At the clinic')]);
    for (const [i, name] of ['Waiting room', 'Blood test'].entries()) {
      const id = `touchpoint-${i}`;
      touchpoints.set(id, newTouchpoint({ id, stageId: 'stage-at-the-clinic', order: `a${i}`, title: name, createdBy: fay.id, createdAt: Date.now() }));
    }
  });
  return { fay, eddie, vic, boardId, doc: seed.doc };
}

/** Runs a session action through the API as `person`, as the page's own fetch would. */
async function act(person: TestPerson, boardId: string, body: unknown): Promise<void> {
  const response = await api(fixture.server, `/api/boards/${boardId}/session`, { body, cookie: person.cookie });
  if (response.status !== 200) throw new Error(`session action failed: ${response.status} ${await response.text()}`);
}

/**
 * Before any of the page's scripts: this device's clock runs `shiftMs` ahead of the true time
 * (Date, and so Date.now(), as a phone whose clock is set wrong), every text the page's live
 * regions say (not the connection's status) goes into `window.heard`, and every tone made with
 * Web Audio into `window.tones` with the audio's state then.
 */
function instrument(shiftMs: number) {
  if (shiftMs !== 0) {
    const Real = Date;
    const Shifted = function (this: unknown, ...args: unknown[]) {
      if (new.target === undefined) return new Real(Real.now() + shiftMs).toString();
      return args.length === 0 ? new Real(Real.now() + shiftMs) : new (Real as unknown as new (...a: unknown[]) => Date)(...args);
    } as unknown as DateConstructor;
    Object.assign(Shifted, { now: () => Real.now() + shiftMs, parse: Real.parse, UTC: Real.UTC, prototype: Real.prototype });
    globalThis.Date = Shifted;
  }
  const w = window as unknown as { heard: string[]; tones: string[] };
  w.heard = [];
  w.tones = [];
  new MutationObserver((mutations) => {
    const regions = new Set<Element>();
    for (const mutation of mutations) {
      const node = mutation.target instanceof Element ? mutation.target : mutation.target.parentElement;
      const region = node?.closest('[aria-live]');
      if (region && region.getAttribute('aria-live') !== 'off' && region.getAttribute('role') !== 'status') regions.add(region);
    }
    for (const region of regions) {
      const text = (region.textContent ?? '').trim();
      if (text !== '') w.heard.push(text);
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
  const make = BaseAudioContext.prototype.createOscillator;
  BaseAudioContext.prototype.createOscillator = function (this: BaseAudioContext) {
    w.tones.push(this.state);
    return make.call(this);
  };
}

/** `person`'s page on the board at `viewport`, instrumented, their device clock `shiftMs` out. */
async function sessionPage(browser: Browser, person: TestPerson, boardId: string, viewport: { width: number; height: number }, shiftMs = 0): Promise<Page> {
  const context: BrowserContext = await contextFor(browser, fixture.server, person, viewport);
  await context.addInitScript(instrument, shiftMs);
  const page = await openBoard(context, boardId);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: string[] }).heard);
const tones = (page: Page) => page.evaluate(() => (window as unknown as { tones: string[] }).tones);
/** Waits until the page's live regions have said `words`. */
const untilHeard = (page: Page, words: string, timeout = 10_000) =>
  page.waitForFunction((w) => (window as unknown as { heard: string[] }).heard.includes(w), words, { timeout });
const timerLine = (page: Page) => page.getByRole('timer');
/** The seconds a "Time left: m:ss" or "Paused at m:ss" line shows. */
const secondsShown = (text: string) => {
  const match = /(\d+):(\d\d)$/.exec(text.trim());
  if (match === null) throw new Error(`no time in “${text}”`);
  return Number(match[1]) * 60 + Number(match[2]);
};
/** Both lines read at once, in seconds. */
async function bothShow(a: Page, b: Page): Promise<[number, number]> {
  const read = (page: Page) => page.evaluate(() => document.querySelector('[role="timer"]')?.textContent ?? '');
  const [x, y] = await Promise.all([read(a), read(b)]);
  return [secondsShown(x), secondsShown(y)];
}
/** The pause banner, and the note in a card whose editor the pause closed. */
const banner = (page: Page) => page.locator('#pause-banner');
const cardNote = (page: Page) => page.locator('.session-card-note');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

describe('the live session’s timer', () => {
  it('started by keyboard, shows the same time left on a device whose clock is 90 s fast, and says only news', async () => {
    const { browser } = fixture;
    const { fay, eddie, boardId } = await sessionBoard('Timer by keyboard');
    const fayPage = await sessionPage(browser, fay, boardId, laptop);

    await tabTo(fayPage, 'Session');
    await fayPage.keyboard.press('Enter');
    await fayPage.getByRole('region', { name: 'Run the session' }).waitFor();
    await tabTo(fayPage, 'Minutes');
    expect(await fayPage.getByLabel('Minutes').inputValue()).toBe('5');
    await fayPage.keyboard.press('Tab');
    expect(await focusedText(fayPage)).toBe('Start timer');
    await fayPage.keyboard.press('Enter');
    await timerLine(fayPage).filter({ hasText: /^Time left: [45]:\d\d$/ }).waitFor();
    await untilHeard(fayPage, 'A timer has started: 5 minutes.');

    // Eddie opens the board afterwards, on a phone whose clock is 90 s fast.
    const eddiePage = await sessionPage(browser, eddie, boardId, phone, 90_000);
    const skew = (await eddiePage.evaluate(() => Date.now())) - Date.now();
    expect(skew).toBeGreaterThan(89_000);
    await timerLine(eddiePage).filter({ hasText: /^Time left: / }).waitFor();
    // The page learns the server's clock just after it opens; then the two agree, second by second.
    await waitUntil(async () => {
      const [a, b] = await bothShow(fayPage, eddiePage);
      return Math.abs(a - b) <= 1;
    }, 'Eddie’s page agrees with Fay’s', 10_000);
    for (let i = 0; i < 3; i++) {
      const before = await timerLine(fayPage).textContent();
      await fayPage.waitForFunction((text) => document.querySelector('[role="timer"]')?.textContent !== text, before);
      const [a, b] = await bothShow(fayPage, eddiePage);
      expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
      expect(a).toBeGreaterThan(4 * 60);
    }
    // Eddie has no session controls; on his phone the line stays in sight at the foot of the page,
    // in the pinned bar, which stays small.
    expect(await eddiePage.getByRole('button', { name: 'Session' }).count()).toBe(0);
    await eddiePage.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
    const line = (await timerLine(eddiePage).boundingBox())!;
    expect(line.y).toBeGreaterThanOrEqual(0);
    expect(line.y + line.height).toBeLessThanOrEqual(phone.height);
    const bar = (await eddiePage.locator('.board__bar').boundingBox())!;
    expect(bar.height).toBeLessThanOrEqual(120);

    // Pause, carry on, add a minute: the same on both; focus stays on the button pressed.
    await tabTo(fayPage, 'Pause the timer');
    await fayPage.keyboard.press('Enter');
    await timerLine(fayPage).filter({ hasText: /^Paused at / }).waitFor();
    await timerLine(eddiePage).filter({ hasText: /^Paused at / }).waitFor();
    expect(await timerLine(eddiePage).textContent()).toBe(await timerLine(fayPage).textContent());
    expect(await focusedText(fayPage)).toBe('Carry on with the timer');
    await fayPage.keyboard.press('Enter');
    await timerLine(eddiePage).filter({ hasText: /^Time left: / }).waitFor();
    await tabTo(fayPage, 'Add a minute');
    await fayPage.keyboard.press('Enter');
    await timerLine(eddiePage).filter({ hasText: /^Time left: 5:/ }).waitFor();
    const [a, b] = await bothShow(fayPage, eddiePage);
    expect(Math.abs(a - b)).toBeLessThanOrEqual(1);
    await tabTo(fayPage, 'Stop timer');
    await fayPage.keyboard.press('Enter');
    await timerLine(eddiePage).waitFor({ state: 'detached' });
    await timerLine(fayPage).waitFor({ state: 'detached' });
    await untilHeard(eddiePage, 'The timer has stopped.');

    // Each change once, in order; the start came with Eddie's board, so it is shown, not told.
    const news = (page: Page) => heard(page).then((all) => all.filter((text) => /timer|minute|Time is up/i.test(text)));
    const eddieHeard = await news(eddiePage);
    expect(eddieHeard).toHaveLength(4);
    expect(eddieHeard[0]).toMatch(/^The timer is paused with 4 minutes \d+ seconds? left\.$/);
    expect(eddieHeard[1]).toMatch(/^The timer carries on: 4 minutes \d+ seconds? left\.$/);
    expect(eddieHeard[2]).toMatch(/^A minute was added: 5 minutes( \d+ seconds?)? left\.$/);
    expect(eddieHeard[3]).toBe('The timer has stopped.');
    expect((await news(fayPage))[0]).toBe('A timer has started: 5 minutes.');
    expect(await news(fayPage)).toHaveLength(5);
    await fayPage.context().close();
    await eddiePage.context().close();
  }, 120_000);

  it('says “1 minute left” and “Time is up” once each, and chimes only for whoever turned the sound on', async () => {
    const { browser } = fixture;
    const two = await sessionBoard('Two minutes');
    const one = await sessionBoard('One minute');
    // Eddie on the two-minute board on his phone 90 s fast; Eddie and Vic on the one-minute board.
    const eddieTwo = await sessionPage(browser, two.eddie, two.boardId, phone, 90_000);
    const eddieOne = await sessionPage(browser, one.eddie, one.boardId, laptop);
    const vicOne = await sessionPage(browser, one.vic, one.boardId, laptop);
    await act(two.fay, two.boardId, { action: 'start-timer', minutes: 2 });
    await act(one.fay, one.boardId, { action: 'start-timer', minutes: 1 });

    // The sound is off unless turned on; turned on, it is remembered on this device.
    const soundBox = eddieOne.getByRole('checkbox', { name: 'Play a sound when time is up' });
    expect(await soundBox.isChecked()).toBe(false);
    expect(await vicOne.getByRole('checkbox', { name: 'Play a sound when time is up' }).isChecked()).toBe(false);
    await soundBox.check();
    await eddieOne.reload();
    await eddieOne.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    expect(await soundBox.isChecked()).toBe(true);
    // A key pressed on the page lets it make sound (browsers ask for that).
    await eddieOne.keyboard.press('Tab');

    await untilHeard(eddieTwo, '1 minute left', 100_000);
    await untilHeard(eddieOne, 'Time is up', 100_000);
    await untilHeard(vicOne, 'Time is up', 10_000);
    await timerLine(eddieOne).filter({ hasText: /^Time is up$/ }).waitFor();
    // A few seconds more on the two-minute board, and the minute back on the other, then stopped.
    await timerLine(eddieTwo).filter({ hasText: /^Time left: 0:5[0-6]$/ }).waitFor({ timeout: 15_000 });
    await act(one.fay, one.boardId, { action: 'add-minute' });
    await act(one.fay, one.boardId, { action: 'stop-timer' });
    await untilHeard(eddieOne, 'The timer has stopped.');
    await untilHeard(vicOne, 'The timer has stopped.');

    const news = (page: Page) => heard(page).then((all) => all.filter((text) => /timer|minute|Time is up/i.test(text)));
    expect(await news(eddieTwo)).toEqual(['A timer has started: 2 minutes.', '1 minute left']);
    // Eddie's page was loaded again after the start: that came with the board, not as news.
    // (The minute added counts from the server's now, so a page may find a few ms over a minute.)
    const added = /^A minute was added: 1 minute( 1 second)? left\.$/;
    // Back at a minute, the page rightly says "1 minute left" again if it counts below a minute
    // before the stop arrives (a second or more on a busy machine); that one is not counted here.
    const stopped = async (page: Page) => (await news(page)).filter((text, i, all) => !(text === '1 minute left' && i > 0 && added.test(all[i - 1]!)));
    expect(await stopped(eddieOne)).toEqual(['Time is up', expect.stringMatching(added), 'The timer has stopped.']);
    expect(await stopped(vicOne)).toEqual(['A timer has started: 1 minute.', 'Time is up', expect.stringMatching(added), 'The timer has stopped.']);
    // Two gentle notes for Eddie, who turned it on, made with the audio running; none for Vic.
    expect(await tones(eddieOne)).toEqual(['running', 'running']);
    expect(await tones(vicOne)).toEqual([]);
    for (const page of [eddieTwo, eddieOne, vicOne]) await page.context().close();
  }, 200_000);
});

describe('pausing changes to the map', () => {
  it('takes an editor’s card controls away while their feeling still saves, and gives them back', async () => {
    const { browser } = fixture;
    const { fay, eddie, vic, boardId, doc } = await sessionBoard('Pause while we talk');
    const fayPage = await sessionPage(browser, fay, boardId, laptop);
    const eddiePage = await sessionPage(browser, eddie, boardId, phone);
    const vicPage = await sessionPage(browser, vic, boardId, phone);
    const cardControls = (page: Page) => page.getByRole('button', { name: /^(More actions for|Add touchpoint)/ }).count();

    // Before the pause Eddie renames a card (an Undo step), and opens the other card's editor.
    await chooseCardAction(eddiePage, 'Blood test', 'Change name or story');
    await eddiePage.getByLabel('Touchpoint name').fill('Blood test results');
    await eddiePage.keyboard.press('Enter');
    await fayPage.getByRole('heading', { name: 'Blood test results' }).waitFor();
    await chooseCardAction(eddiePage, 'Waiting room', 'Change name or story');
    await eddiePage.getByLabel('Touchpoint name').focus();

    // Fay pauses by keyboard.
    await tabTo(fayPage, 'Session');
    await fayPage.keyboard.press('Enter');
    await tabTo(fayPage, 'Pause changes to the map');
    await fayPage.keyboard.press('Enter');

    // Eddie: the banner, no card controls, the editor closed with focus on the note that says why.
    await banner(eddiePage).getByText(bannerWords).waitFor();
    await cardNote(eddiePage).getByText(noteWords).waitFor();
    expect(await cardControls(eddiePage)).toBe(0);
    expect(await eddiePage.getByLabel('Touchpoint name').count()).toBe(0);
    expect(await focusedText(eddiePage)).toBe(noteWords);
    await untilHeard(eddiePage, bannerWords);
    // Fay keeps everything, and her button now lets people change the map again.
    expect(await cardControls(fayPage)).toBeGreaterThan(0);
    expect(await focusedText(fayPage)).toBe('Let people change the map again');
    await banner(fayPage).getByText('Changes to the map are paused for everyone but the facilitators.', { exact: false }).waitFor();
    // Vic may only look: he is told of the pause, not that he can still give feelings and comment.
    await banner(vicPage).waitFor();
    expect(await banner(vicPage).textContent()).toBe('The facilitator has paused changes to the map while you talk.');
    await untilHeard(vicPage, 'The facilitator has paused changes to the map while you talk.');
    expect((await heard(vicPage)).filter((words) => words.includes('comment'))).toEqual([]);

    // Undo sends nothing the server would refuse: the rename from before the pause stays.
    await eddiePage.keyboard.press('Control+z');
    await untilHeard(eddiePage, 'There is nothing of yours to undo.');
    // His feeling still saves while paused (the page gives it over HTTP, after anything Undo might have sent).
    await eddiePage.locator('[data-touchpoint-id="touchpoint-0"]').getByRole('radio', { name: 'Bad', exact: true }).check();
    // The server keeps it under a key that names nobody, and tells Eddie alone that it is his.
    await waitUntil(async () => (await myFeelings(fixture.server, boardId, eddie)).feelings['touchpoint-0'] !== undefined, 'Eddie’s feeling reaches the server', 10_000);
    const eddiesKey = (await myFeelings(fixture.server, boardId, eddie)).feelings['touchpoint-0']!;
    expect(eddiesKey).not.toContain(eddie.id);
    await waitUntil(() => boardTypes(doc).feelings.get(eddiesKey)?.score === -1, 'Eddie’s feeling reaches another client', 10_000);
    await fayPage.locator('[data-touchpoint-id="touchpoint-0"]').getByText('1 person: 1 bad.').waitFor();
    expect(boardTypes(doc).touchpoints.get('touchpoint-1')?.get('title')?.toString()).toBe('Blood test results');
    expect(await eddiePage.getByText('One of your changes could not be saved').count()).toBe(0);
    await eddiePage.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    // Scrolled down to the last card, Eddie still sees why its controls went: the pinned bar says so.
    await eddiePage.locator('[data-touchpoint-id="touchpoint-1"]').scrollIntoViewIfNeeded();
    await eddiePage.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    const pausedLine = eddiePage.locator('.board__bar').getByText('Changes to the map are paused.', { exact: true });
    expect(await pausedLine.isVisible()).toBe(true);
    expect(await pausedLine.evaluate((line) => { const box = line.getBoundingClientRect(); return box.top >= 0 && box.bottom <= window.innerHeight; })).toBe(true);

    // Axe with the banner on Eddie's phone, and with the banner and the open panel on Fay's laptop.
    expect(await axeViolations(eddiePage)).toEqual([]);
    expect(await axeViolations(fayPage)).toEqual([]);

    // Resumed: the controls come back and work.
    await fayPage.getByRole('button', { name: 'Let people change the map again' }).focus();
    await fayPage.keyboard.press('Enter');
    await banner(eddiePage).waitFor({ state: 'detached' });
    await untilHeard(eddiePage, 'The facilitator has let people change the map again.');
    expect(await pausedLine.count()).toBe(0);
    await chooseCardAction(eddiePage, 'Waiting room', 'Change name or story');
    await eddiePage.getByLabel('Touchpoint name').fill('Waiting area');
    await eddiePage.keyboard.press('Enter');
    await fayPage.getByRole('heading', { name: 'Waiting area' }).waitFor();
    expect(await cardControls(eddiePage)).toBeGreaterThan(0);
    for (const page of [fayPage, eddiePage, vicPage]) await page.context().close();
  }, 120_000);
});

describe('the Session panel', () => {
  it('is the facilitator’s alone and says the API’s refusals in its words', async () => {
    const { browser, server } = fixture;
    const { fay, eddie, vic, boardId } = await sessionBoard('Refusals');
    const fayPage = await boardPageOf(browser, server, fay, boardId, laptop);
    for (const person of [eddie, vic]) {
      const page = await boardPageOf(browser, server, person, boardId, phone);
      await page.getByRole('button', { name: 'Download PDF' }).waitFor();
      expect(await page.getByRole('button', { name: 'Session' }).count()).toBe(0);
      await page.context().close();
    }
    await fayPage.getByRole('button', { name: 'Session' }).click();
    const panel = fayPage.getByRole('region', { name: 'Run the session' });
    // The timer's alert: the first in the panel (Dot voting, under it, has its own).
    const alert = panel.getByRole('alert').first();
    const minutes = panel.getByLabel('Minutes');
    await minutes.fill('0');
    await minutes.press('Enter');
    await alert.getByText('A timer runs for at least 1 minute.').waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBe('true');
    await minutes.fill('a few');
    await panel.getByRole('button', { name: 'Start timer' }).click();
    await alert.getByText('Say how many minutes, as a number.').waitFor();
    await minutes.fill('121');
    await minutes.press('Enter');
    await alert.getByText('A timer runs for at most 120 minutes.').waitFor();
    // Shown as unavailable without a timer (aria-disabled, so it keeps focus), but still pressable.
    await panel.getByRole('button', { name: 'Add a minute' }).focus();
    await fayPage.keyboard.press('Enter');
    await alert.getByText('There is no timer running. Start one first.').waitFor();
    expect(await minutes.getAttribute('aria-invalid')).toBeNull();
    await minutes.fill('3');
    await minutes.press('Enter');
    await timerLine(fayPage).filter({ hasText: /^Time left: [23]:\d\d$/ }).waitFor();
    expect(await alert.textContent()).toBe('');
    // Escape closes it, with focus back on the toolbar's button.
    await minutes.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await fayPage.evaluate(() => document.activeElement?.id)).toBe('session-button');
    await fayPage.context().close();
  }, 120_000);

  it.each([
    ['a phone', phone],
    ['a laptop', laptop],
  ])('on %s: 44 px targets, nothing wider than the window, axe finds nothing with the panel open and the banner', async (_name, viewport) => {
    const { browser, server } = fixture;
    const { fay, eddie, boardId } = await sessionBoard('Sizes');
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const eddiePage = await boardPageOf(browser, server, eddie, boardId, viewport);
    await fayPage.getByRole('button', { name: 'Session' }).click();
    const panel = fayPage.getByRole('region', { name: 'Run the session' });
    await panel.getByLabel('Minutes').fill('10');
    await panel.getByRole('button', { name: 'Start timer' }).click();
    await panel.getByRole('button', { name: 'Pause changes to the map' }).click();
    await banner(eddiePage).getByText(bannerWords).waitFor();
    await timerLine(eddiePage).waitFor();
    const small = (page: Page) =>
      page.locator('.session-panel button, .session-panel input, .session-sound label').evaluateAll((els) =>
        els
          .filter((el) => {
            const box = el.getBoundingClientRect();
            return box.width > 1 && (box.height < 44 || box.width < 44);
          })
          .map((el) => el.textContent),
      );
    for (const page of [fayPage, eddiePage]) {
      expect(await small(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    }
    await act(fay, boardId, { action: 'stop-timer' });
    await act(fay, boardId, { action: 'resume-editing' });
    await fayPage.context().close();
    await eddiePage.context().close();
  }, 120_000);
});
