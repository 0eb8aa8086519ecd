/**
 * Priority areas and their funnel in Chromium (issue 16, the page's side; the server's guard lets
 * only a facilitator change them). Fay organises; Sam and Bo may comment; Cy may add and change.
 * The board is at the joint event, with four moments, feelings on them, and a dot vote shown.
 *
 * Fay, by keyboard alone, opens "Priorities" and makes two priority areas from chosen moments —
 * told in words when the name or the moments are missing, the checklist giving each moment's dots
 * and feelings. She puts both on the shortlist and agrees them, sets one aside and brings it back
 * (to "Agreed", where it was), and chooses a group for one; each move takes focus to the area in
 * its new list and is heard. Sam's page (opened at the priorities' own address) shows it all — the
 * moments with their stories, feelings and dots, each area's history in words ("Considered …,
 * shortlisted …, … by Fay."), the group by first name, the agreed areas in "Parts of this board" —
 * with no control to change any of it. Six areas on the shortlist say "6 on the shortlist — the aim
 * is 4 or 5". At co-design the areas come first in the parts, and "Go to the action plans" takes
 * Sam by keyboard to the first agreed area's workspace. The page never sent a change the server
 * refused. axe finds nothing at each step, at 390×844 and 1366×768; targets are at least 44 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { methodTypes, movePriority, newPriority, prioritiesOf } from '../../shared/method.ts';
import { dotTotals } from '../../shared/vote.ts';
import { dayWords } from '../../client/src/board/method/priorities/funnel-words.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { api, createBoard, signUp, type TestPerson } from '../support/test-server.ts';
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

const moments = [
  { id: 'tp-referral-letter', stage: 'stage-outpatients', title: 'Referral letter', story: '' },
  { id: 'tp-waiting-results', stage: 'stage-outpatients', title: 'Waiting for results', story: 'Nobody told me how long it would take.' },
  { id: 'tp-being-told-news', stage: 'stage-outpatients', title: 'Being told the news', story: '' },
  { id: 'tp-discharge-letter', stage: 'stage-going-home', title: 'Discharge letter', story: 'The letter came a week after I got home.' },
] as const;
const [, waiting, told, discharge] = moments;
const knowing = 'Knowing what happens next';
const home = 'Going home safely';

/** What the page's polite live regions say now (the announcer marks a repeat with a no-break space). */
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
const funnelList = (page: Page, heading: string) => page.getByRole('region', { name: heading, exact: true });
const areasIn = (page: Page, heading: string) => funnelList(page, heading).locator('.priority-area__title').allTextContents();
const area = (page: Page, title: string) => page.locator('.priority-area').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
const controls = /^(Make a priority area|Put on the shortlist|Agree this one|Take off the shortlist|Back to the shortlist|Set aside|Bring back|Choose the group)/;
/** The words a control's `aria-describedby` points to, as a screen reader adds them. */
const description = (control: Locator) =>
  control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
      .join(' '),
  );

async function vote(person: TestPerson, boardId: string, body: object): Promise<void> {
  const response = await api(fixture.server, `/api/boards/${boardId}/vote`, { cookie: person.cookie, body });
  expect(response.status).toBe(200);
}

async function jointEventBoard() {
  const { server } = fixture;
  const fay = await signUp(server, 'Fay');
  const sam = await signUp(server, 'Sam');
  const bo = await signUp(server, 'Bo');
  const cy = await signUp(server, 'Cy');
  const boardId = await createBoard(server, fay, 'Outpatients');
  await addMember(server.libsqlUrl, boardId, sam.id, 'comment');
  await addMember(server.libsqlUrl, boardId, bo.id, 'comment');
  await addMember(server.libsqlUrl, boardId, cy.id, 'edit');
  // Stock y-websocket clients: Fay's (what any program on the board reads), and Sam's to know the moments reached the server.
  const watcher = fixture.nodeClient(boardId, fay);
  const samClient = fixture.nodeClient(boardId, sam);
  await Promise.all([watcher.synced, samClient.synced]);
  const { meta, stages, touchpoints } = boardTypes(watcher.doc);
  watcher.doc.transact(() => {
    meta.set('phase', 'joint-event');
    stages.push([newStage('stage-outpatients', 'Outpatients'), newStage('stage-going-home', 'Going home')]);
    moments.forEach((moment, i) =>
      touchpoints.set(moment.id, newTouchpoint({ id: moment.id, stageId: moment.stage, order: `a${i}`, title: moment.title, story: moment.story, createdBy: fay.id, createdAt: Date.now() })),
    );
  });
  await waitUntil(() => boardTypes(samClient.doc).touchpoints.size === moments.length, 'Sam’s client has the moments', 10_000);
  // Fay's and Sam's feelings, given over HTTP: the server writes them under keys that name nobody.
  await giveFeeling(server, boardId, fay, waiting.id, { score: -2, words: ['anxious'] });
  await giveFeeling(server, boardId, sam, waiting.id, { score: -1, words: ['anxious', 'ignored'] });
  // A dot vote, shown: 3 dots on "Waiting for results", 1 on "Discharge letter".
  await vote(fay, boardId, { action: 'open', dots: 2 });
  await vote(fay, boardId, { action: 'give-dot', touchpointId: waiting.id });
  await vote(sam, boardId, { action: 'give-dot', touchpointId: waiting.id });
  await vote(bo, boardId, { action: 'give-dot', touchpointId: waiting.id });
  await vote(bo, boardId, { action: 'give-dot', touchpointId: discharge.id });
  await vote(fay, boardId, { action: 'reveal' });
  await waitUntil(() => dotTotals(watcher.doc).get(waiting.id) === 3, 'the totals are shown', 10_000);
  return { fay, sam, cy, boardId, watcher };
}

describe.each(viewports)('priority areas on $name', (viewport) => {
  it('are made, moved through the funnel and given a group by the facilitator’s keyboard, and read by everyone else', async () => {
    const { server, browser } = fixture;
    const { fay, sam, cy, boardId, watcher } = await jointEventBoard();
    const priorities = () => prioritiesOf(watcher.doc);
    const byTitle = (title: string) => priorities().find((priority) => priority.title === title);
    const fayPage = await boardPageOf(browser, server, fay, boardId, viewport);
    const samPage = await boardPageOf(browser, server, sam, boardId, viewport);

    // Sam opens the priorities at their own address; Fay by keyboard from "Parts of this board".
    await samPage.goto(`/boards/${boardId}?view=priorities`);
    await samPage.getByRole('heading', { name: 'Priorities', level: 2 }).waitFor();
    await tabTo(fayPage, 'Priorities');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => focusedText(fayPage)).toBe('Priorities');
    expect(await funnelList(samPage, 'Being considered').getByText('None yet.').isVisible()).toBe(true);
    expect(await samPage.getByRole('button', { name: controls }).count()).toBe(0);
    expect(await axeAtTop(samPage)).toEqual([]);

    // The first area. A missing name, then no moment chosen, are said in words and focus goes there.
    await tabTo(fayPage, 'Make a priority area');
    await fayPage.keyboard.press('Enter');
    const nameBox = fayPage.getByLabel('Name of the priority area');
    await expect.poll(() => nameBox.evaluate((box) => box === document.activeElement)).toBe(true);
    await tabTo(fayPage, 'Make this priority area');
    await fayPage.keyboard.press('Enter');
    const alert = fayPage.locator('.priority-form').getByRole('alert');
    await expect.poll(() => alert.textContent()).toBe('Please give the priority area a name.');
    await expect.poll(() => nameBox.evaluate((box) => box === document.activeElement)).toBe(true);
    expect(await nameBox.getAttribute('aria-invalid')).toBe('true');
    await fayPage.keyboard.type(knowing);
    await fayPage.keyboard.press('Tab');
    await fayPage.keyboard.type('People sat for hours not knowing how long it would take.');
    await tabTo(fayPage, 'Make this priority area');
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => alert.textContent()).toBe('Please choose at least one moment it is about.');
    await expect.poll(() => focusedText(fayPage).then(() => fayPage.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent))).toBe('Referral letter');
    // Each moment in the checklist says its dots and how people felt.
    const waitingBox = fayPage.getByRole('checkbox', { name: waiting.title });
    expect(await description(waitingBox)).toBe('3 dots. 2 people: 1 very bad, 1 bad. Words: anxious (2), ignored (1).');
    expect(await description(fayPage.getByRole('checkbox', { name: told.title }))).toBe('No dots. No one has said how it felt yet.');
    expect(await fayPage.getByRole('group', { name: 'Going home' }).getByRole('checkbox', { name: discharge.title }).count()).toBe(1);
    expect(await axeAtTop(fayPage)).toEqual([]);
    await tabTo(fayPage, waiting.title);
    await fayPage.keyboard.press('Space');
    await tabTo(fayPage, told.title);
    await fayPage.keyboard.press('Space');
    await tabTo(fayPage, 'Make this priority area');
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => byTitle(knowing) !== undefined, 'the first area reaches the server', 10_000);
    expect(byTitle(knowing)).toMatchObject({
      why: 'People sat for hours not knowing how long it would take.',
      touchpointIds: [waiting.id, told.id],
      step: 'considered',
      group: [],
      createdBy: fay.id,
    });
    await expect.poll(() => focusedText(fayPage)).toBe(knowing);
    await expect.poll(() => heard(fayPage)).toContain(`Priority area ‘${knowing}’ made. It is being considered.`);

    // The second, from the other stage.
    // Enter and the name at once: no key may be lost between the form being drawn and its box taking focus.
    await tabTo(fayPage, 'Make a priority area');
    await Promise.all([fayPage.keyboard.press('Enter'), fayPage.keyboard.type(home)]);
    await tabTo(fayPage, discharge.title);
    await fayPage.keyboard.press('Space');
    await tabTo(fayPage, 'Make this priority area');
    await fayPage.keyboard.press('Enter');
    await waitUntil(() => byTitle(home) !== undefined, 'the second area reaches the server', 10_000);
    await expect.poll(() => focusedText(fayPage)).toBe(home);

    // Sam reads both, with their moments' stories, feelings and dots.
    await expect.poll(() => areasIn(samPage, 'Being considered')).toEqual([knowing, home]);
    expect(await funnelList(samPage, 'Being considered').locator('.funnel-step__count').textContent()).toBe('2 priority areas being considered');
    const samKnowing = area(samPage, knowing);
    expect(await samKnowing.getByText('Why it matters: People sat for hours not knowing how long it would take.').count()).toBe(1);
    expect(await samKnowing.locator('.priority-moment__title').allTextContents()).toEqual([`${waiting.title} · Stage: Outpatients · 3 dots`, `${told.title} · Stage: Outpatients · No dots`]);
    expect(await samKnowing.getByText(waiting.story).isVisible()).toBe(true);
    expect(await samKnowing.locator('.priority-moment__feelings').first().textContent()).toBe('2 people: 1 very bad, 1 bad. Words: anxious (2), ignored (1).');
    expect(await area(samPage, home).getByText(discharge.story).isVisible()).toBe(true);

    // Through the funnel by keyboard: each move takes focus to the area in its new list, and is said.
    const move = async (button: string, title: string, list: string, words: string) => {
      await tabTo(fayPage, `${button}: ${title}`);
      await fayPage.keyboard.press('Enter');
      await expect.poll(() => areasIn(fayPage, list)).toContain(title);
      await expect.poll(() => fayPage.evaluate(() => document.activeElement?.closest('section.funnel-step')?.querySelector('h3')?.textContent)).toBe(list);
      expect(await focusedText(fayPage)).toBe(title);
      await expect.poll(() => heard(fayPage)).toContain(words);
    };
    await move('Put on the shortlist', knowing, 'On the shortlist (aim for 4 or 5)', `‘${knowing}’ is on the shortlist.`);
    await move('Put on the shortlist', home, 'On the shortlist (aim for 4 or 5)', `‘${home}’ is on the shortlist.`);
    await move('Agree this one', knowing, 'Agreed (aim for 3 or 4)', `‘${knowing}’ is agreed.`);
    await move('Agree this one', home, 'Agreed (aim for 3 or 4)', `‘${home}’ is agreed.`);
    await move('Set aside', home, 'Set aside', `‘${home}’ is set aside. You can bring it back at any time.`);
    expect(byTitle(home)?.step).toBe('set-aside');
    await expect.poll(() => areasIn(samPage, 'Set aside')).toEqual([home]);
    expect(await axeAtTop(fayPage)).toEqual([]);
    await move('Bring back', home, 'Agreed (aim for 3 or 4)', `‘${home}’ is agreed.`);
    await waitUntil(() => byTitle(home)?.step === 'agreed', 'brought back to agreed on the server', 10_000);
    expect(byTitle(home)?.funnel.map((moved) => [moved.step, moved.by])).toEqual([
      ['considered', fay.id],
      ['shortlisted', fay.id],
      ['agreed', fay.id],
      ['set-aside', fay.id],
      ['agreed', fay.id],
    ]);

    // Everyone reads the way each area came, in words, and the agreed areas are parts of the board.
    const today = dayWords(Date.now());
    await expect.poll(() => areasIn(samPage, 'Agreed (aim for 3 or 4)')).toEqual([knowing, home]);
    expect(await area(samPage, home).locator('.priority-area__history').textContent()).toBe(
      `Considered ${today}, shortlisted ${today}, agreed ${today}, set aside ${today}, brought back as agreed ${today} by Fay.`,
    );
    expect(await area(samPage, knowing).locator('.priority-area__history').textContent()).toBe(`Considered ${today}, shortlisted ${today}, agreed ${today} by Fay.`);
    expect(await area(fayPage, knowing).locator('.priority-area__history').textContent()).toBe(`Considered ${today}, shortlisted ${today}, agreed ${today} by you.`);
    expect(await samPage.getByRole('navigation', { name: 'Parts of this board' }).getByRole('link').allTextContents()).toEqual(['Priorities', 'Journey map', 'Outline', knowing, home, 'Review', 'History']);

    // The group: Fay ticks Cy and Sam from the board's members, by keyboard; each tick is saved and said.
    await tabTo(fayPage, `Choose the group for ${knowing}`);
    await fayPage.keyboard.press('Enter');
    const chooser = fayPage.getByRole('group', { name: `Who is in the group for ‘${knowing}’?` });
    await chooser.getByRole('checkbox').first().waitFor();
    expect(await chooser.locator('label').allTextContents()).toEqual(['Bo', 'Cy', 'Fay (you)', 'Sam']);
    expect(await description(chooser.getByRole('checkbox', { name: 'Cy' }))).toBe('Can add and change');
    await expect.poll(() => fayPage.evaluate(() => (document.activeElement as HTMLInputElement).labels?.[0]?.textContent)).toBe('Bo');
    await tabTo(fayPage, 'Cy');
    await fayPage.keyboard.press('Space');
    await tabTo(fayPage, 'Sam');
    await fayPage.keyboard.press('Space');
    await waitUntil(() => byTitle(knowing)?.group.length === 2, 'the group reaches the server', 10_000);
    expect(byTitle(knowing)?.group).toEqual([cy.id, sam.id]);
    await expect.poll(() => heard(fayPage)).toContain(`Sam is in the group for ‘${knowing}’ now.`);
    await expect.poll(() => area(samPage, knowing).locator('.priority-area__group').textContent()).toBe('Co-design group: Cy and you');
    expect(await area(samPage, home).locator('.priority-area__group').textContent()).toBe('Co-design group: No one is in this group yet.');
    expect(await axeAtTop(fayPage)).toEqual([]);
    for (const target of [
      chooser.locator('label').first(),
      fayPage.getByRole('button', { name: `Back to the shortlist: ${knowing}` }),
      fayPage.getByRole('button', { name: `Set aside: ${home}` }),
      fayPage.getByRole('link', { name: `Open the workspace: ${home}` }),
    ]) {
      expect((await target.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    }
    await tabTo(fayPage, `Done choosing the group for ${knowing}`);
    await fayPage.keyboard.press('Enter');
    await expect.poll(() => fayPage.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(`Choose the group for ${knowing}`);

    // Over the aim, the list says so in words.
    watcher.doc.transact(() => {
      for (let i = 0; i < 6; i++) {
        const id = `extra-area-${i}`;
        methodTypes(watcher.doc).priorities.set(id, newPriority({ id, title: `Area ${i + 1}`, touchpointIds: [waiting.id], order: `b${i}`, createdBy: fay.id, createdAt: Date.now() }));
      }
    });
    for (let i = 0; i < 6; i++) movePriority(watcher.doc, `extra-area-${i}`, 'shortlisted', fay.id, Date.now(), null);
    await expect.poll(() => funnelList(samPage, 'On the shortlist (aim for 4 or 5)').locator('.funnel-step__count').textContent()).toBe('6 on the shortlist — the aim is 4 or 5');

    // Sam was never offered a control; Fay's page never sent a change the server refused.
    expect(await samPage.getByRole('button', { name: controls }).count()).toBe(0);
    expect(await samPage.getByRole('checkbox').count()).toBe(0);
    expect(await axeAtTop(samPage)).toEqual([]);

    // In co-design the areas come first, and the step leads to the first agreed area's action plan.
    boardTypes(watcher.doc).meta.set('phase', 'co-design');
    const parts = samPage.getByRole('navigation', { name: 'Parts of this board' }).getByRole('link');
    await expect.poll(() => parts.allTextContents()).toEqual([knowing, home, ...Array.from({ length: 6 }, (_, i) => `Area ${i + 1}`), 'Priorities', 'Journey map', 'Outline', 'Review', 'History']);
    await tabTo(samPage, 'Go to the action plans');
    await samPage.keyboard.press('Enter');
    await expect.poll(() => new URL(samPage.url()).searchParams.get('area')).toBe(byTitle(knowing)?.id);
    await expect.poll(() => focusedText(samPage)).toBe(knowing);
    expect(await samPage.title()).toBe(`${knowing} – Outpatients – Common Ground`);
    expect(await parts.filter({ hasText: knowing }).getAttribute('aria-current')).toBe('page');
    expect(await samPage.getByRole('link', { name: 'Go to the action plans' }).count()).toBe(0);
    expect(await axeAtTop(samPage)).toEqual([]);
    expect(await fayPage.getByText('One of your changes could not be saved').count()).toBe(0);
    expect(await fayPage.getByRole('status').filter({ hasText: 'Live' }).count()).toBe(1);
    for (const page of [fayPage, samPage]) await page.context().close();
  }, 240_000);
});
