/**
 * Controls follow access, in real Chromium at 390×844 and 1366×768. A facilitator makes a "Can
 * comment and give feelings" link; Cai joins with a first name, gives a feeling with words on a
 * card the facilitator made, and finds no control that changes the map (no add, rename, move or
 * delete, no story or title box, nothing to drag, no Recently deleted); axe-core finds nothing.
 * Raised to "Can add and change", Cai's open page offers card controls at once, still none for
 * stages. Stages are the organiser's: an `edit` member cannot rename, move, delete or drag them.
 * The story box stops at its limit and says how many letters are left; a card's editor says who
 * added it, by first name.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { storyMaxLength, touchpointTitleMaxLength } from '../../shared/limits.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { axeViolations } from '../support/axe.ts';
import { addTouchpoint, chooseCardAction, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

/** A browser at the given size, signed in as `person` (or nobody). */
async function contextAt(browser: Browser, server: TestServer, viewport: { width: number; height: number }, person?: TestPerson) {
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport });
  if (person !== undefined) {
    const [name, value] = person.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
  }
  return context;
}

/** Ann's board with two stages and a card in the first, and a card of hers in Recently deleted. */
async function seededBoard(ann: TestPerson, title: string) {
  const boardId = await createBoard(fixture.server, ann, title);
  const seed = fixture.nodeClient(boardId, ann);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    stages.push([newStage('stage-arriving', 'Arriving'), newStage('stage-going-home', 'Going home')]);
    touchpoints.set(
      'touchpoint-reception',
      newTouchpoint({ id: 'touchpoint-reception', stageId: 'stage-arriving', order: 'a0', title: 'Reception desk', story: 'Nobody looked up', createdBy: ann.id, createdAt: Date.now() }),
    );
    touchpoints.set(
      'touchpoint-parking',
      newTouchpoint({ id: 'touchpoint-parking', stageId: 'stage-arriving', order: 'a1', title: 'Car park', createdBy: ann.id, createdAt: Date.now() }),
    );
  });
  markDeleted(seed.doc, { id: 'touchpoint-parking', kind: 'touchpoint', deletedAt: Date.now(), deletedBy: ann.id }, null);
  return { boardId, doc: seed.doc };
}

/** Every control on the page that would change the map or its stages, by its accessible name. */
async function structuralControls(page: Page): Promise<string[]> {
  const found: string[] = [];
  const buttons = [/Add touchpoint/, /^Add stage$/, /^Rename stage/, /^Move earlier/, /^Move later/, /^Delete stage/, /^More actions for/, /^Recently deleted/];
  for (const name of buttons) if ((await page.getByRole('button', { name }).count()) > 0) found.push(String(name));
  for (const label of ['Board title', 'What this board is for', 'Story', 'Touchpoint name']) {
    if ((await page.getByLabel(label, { exact: true }).count()) > 0) found.push(label);
  }
  const draggable = await page.locator('[draggable="true"]').count();
  if (draggable > 0) found.push(`${draggable} draggable`);
  return found;
}

const card = (page: Page, title: string) =>
  page.locator('[data-touchpoint-id]').filter({ has: page.getByRole('heading', { name: title, exact: true }) });

describe.each(viewports)('access on $name', (viewport) => {
  it('lets someone invited to comment give a feeling with words, and nothing that changes the map', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const { boardId, doc } = await seededBoard(ann, 'Outpatients');
    const facilitator = await openBoard(await contextAt(browser, server, viewport, ann), boardId);

    // The facilitator offers all three invite accesses in the shared words and picks "comment".
    await facilitator.getByRole('button', { name: 'People on this board' }).click();
    const panel = facilitator.getByRole('dialog', { name: 'People on this board' });
    const choices = panel.getByRole('group', { name: 'What can people do with this link?' });
    expect(await choices.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent?.trim()))).toEqual([
      'Can add and change',
      'Can comment and give feelings',
      'Can look',
    ]);
    await choices.getByRole('radio', { name: 'Can comment and give feelings' }).check();
    await panel.getByRole('button', { name: 'Make an invite link' }).click();
    const link = await panel.getByLabel('Invite link', { exact: true }).inputValue();
    await panel.getByText(/^Can comment and give feelings · works until/).waitFor();
    expect(await axeViolations(facilitator)).toEqual([]);
    await panel.getByRole('button', { name: 'Close' }).click();

    const guest = await (await contextAt(browser, server, viewport)).newPage();
    await guest.goto(link);
    await guest
      .getByRole('region', { name: 'What you can do' })
      .getByText('You can say how each moment felt and comment, but not change the stages or cards.')
      .waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    await guest.getByLabel('Your first name').fill('Cai');
    await guest.getByRole('button', { name: 'Join the board' }).click();
    await guest.waitForURL(`**/boards/${boardId}`);
    await guest.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await guest.getByText('You can comment, and say how each moment felt and choose words for it, but not change the stages or cards.').waitFor();
    await guest.getByText('Nobody looked up').waitFor();
    expect(await structuralControls(guest)).toEqual([]);

    // A feeling with a word card and a word of Cai's own.
    const reception = card(guest, 'Reception desk');
    await reception.getByRole('radio', { name: 'Bad', exact: true }).check();
    await reception.getByRole('button', { name: 'Choose words' }).click();
    await reception.getByRole('button', { name: 'rushed', exact: true }).click();
    await reception.getByLabel('A word of your own').fill('cold');
    await reception.getByRole('button', { name: 'Add word' }).click();
    await reception.getByText('Your words: rushed, cold').waitFor();
    expect(await structuralControls(guest)).toEqual([]);
    expect(await axeViolations(guest)).toEqual([]);

    // The server kept it under a key that does not name Cai (only Cai is told it), and the facilitator sees it.
    const caiId = await guest.evaluate(async () => ((await (await fetch('/api/me')).json()) as { user: { id: string } }).user.id);
    const caisKey = () =>
      guest.evaluate(async (id) => ((await (await fetch(`/api/boards/${id}/feelings/mine`)).json()) as { feelings: Record<string, string> }).feelings['touchpoint-reception'], boardId);
    await waitUntil(async () => {
      const key = await caisKey();
      return key !== undefined && (boardTypes(doc).feelings.get(key) as { words?: string[] } | undefined)?.words?.length === 2;
    }, 'Cai\'s feeling reaches the server');
    const key = (await caisKey())!;
    expect(key).not.toContain(caiId);
    expect(boardTypes(doc).feelings.get(key)).toMatchObject({ score: -1, words: ['rushed', 'cold'] });
    await card(facilitator, 'Reception desk').getByText('1 person: 1 bad.').waitFor();

    // Raised to "Can add and change": card controls at once, stages still the facilitator's.
    await facilitator.getByRole('button', { name: 'People on this board' }).click();
    await panel.getByLabel('What Cai can do').selectOption({ label: 'Can add and change' });
    await panel.locator('li').filter({ has: facilitator.getByLabel('What Cai can do') }).getByRole('button', { name: 'Save' }).click();
    await guest.getByRole('button', { name: /Add touchpoint/ }).first().waitFor();
    await guest.getByRole('button', { name: 'More actions for Reception desk' }).waitFor();
    await guest.getByRole('button', { name: 'Recently deleted (1)' }).waitFor();
    expect(await guest.getByRole('button', { name: /^(Add stage|Rename stage|Move earlier|Move later|Delete stage)/ }).count()).toBe(0);
    await guest.context().close();
    await facilitator.context().close();
  });
});

describe('stages are the organiser\'s', () => {
  it('gives an edit member card controls but no stage controls, not even by dragging', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const { boardId, doc } = await seededBoard(ann, 'Day surgery');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const page = await openBoard(await contextAt(browser, server, viewports[1]!, bob), boardId);
    await page.getByRole('button', { name: 'More actions for Reception desk' }).waitFor();
    expect(await page.getByRole('button', { name: /^(Add stage|Rename stage|Move earlier|Move later|Delete stage)/ }).count()).toBe(0);
    expect(await page.getByLabel('Board title', { exact: true }).count()).toBe(0);
    // Cards can be dragged, stage headings cannot, and a stage dropped anyway stays where it was.
    expect(await page.locator('h2[draggable="true"]').count()).toBe(0);
    expect(await card(page, 'Reception desk').getAttribute('draggable')).toBe('true');
    await page.locator('[data-stage-id="stage-arriving"]').evaluate((column) => {
      const data = new DataTransfer();
      data.setData('application/x-common-ground-stage', 'stage-going-home');
      column.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    // The shortcut list names only what Bob can do.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
    const shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await shortcuts.getByText('More actions, on each touchpoint').waitFor();
    await shortcuts.getByText('Ctrl + Enter (Cmd + Enter on a Mac), in a comment box').waitFor();
    expect(await shortcuts.getByText('Move earlier, Move later').count()).toBe(0);
    await shortcuts.getByRole('button', { name: 'Close' }).click();
    // Restoring from Recently deleted stays Bob's; emptying it does not.
    await page.getByRole('button', { name: 'Recently deleted (1)' }).click();
    const deleted = page.getByRole('dialog', { name: 'Recently deleted' });
    await deleted.getByRole('button', { name: 'Restore card: Car park' }).waitFor();
    expect(await deleted.getByRole('button', { name: 'Empty recently deleted' }).count()).toBe(0);
    await deleted.getByRole('button', { name: 'Close' }).click();

    // Bob's own card says who added it, to Bob and to Ann.
    await addTouchpoint(page, 'Pre-op call');
    await chooseCardAction(page, 'Pre-op call', 'Change name or story');
    await card(page, 'Pre-op call').getByText('Added by you.').waitFor();
    const annPage = await openBoard(await contextAt(browser, server, viewports[1]!, ann), boardId);
    await chooseCardAction(annPage, 'Pre-op call', 'Change name or story');
    await card(annPage, 'Pre-op call').getByText('Added by Bob.').waitFor();
    await annPage.context().close();

    // Nothing Bob did moved a stage, and nothing the page sent was refused (it would have loaded
    // the board again and said so).
    expect(boardTypes(doc).stages.toArray().map((stage) => stage.get('id'))).toEqual(['stage-arriving', 'stage-going-home']);
    expect(await page.getByText(/could not be saved/).count()).toBe(0);
    await page.context().close();
  });

  it('stops the story and the name at their limits and says how many letters are left', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const bob = await signUp(server, 'Bob');
    const { boardId, doc } = await seededBoard(ann, 'Long stories');
    await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
    const page = await openBoard(await contextAt(browser, server, viewports[0]!, bob), boardId);
    await chooseCardAction(page, 'Reception desk', 'Change name or story');
    const story = page.getByLabel('Story', { exact: true });
    await story.fill('x'.repeat(storyMaxLength - 10));
    await page.getByText('10 letters left.').waitFor();
    await story.press('End');
    await page.keyboard.type('abcdefghijklmnopqrst');
    await expect.poll(() => story.inputValue().then((value) => value.length)).toBe(storyMaxLength);
    await page.getByText('The story is as long as it can be.').first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    const name = page.getByLabel('Touchpoint name', { exact: true });
    await name.fill('n'.repeat(touchpointTitleMaxLength + 50));
    expect((await name.inputValue()).length).toBe(touchpointTitleMaxLength);

    const touchpoint = () => boardTypes(doc).touchpoints.get('touchpoint-reception')!;
    await waitUntil(
      () => String(touchpoint().get('story')).length === storyMaxLength && String(touchpoint().get('title')).length === touchpointTitleMaxLength,
      'the full story and name reach the server',
    );
    await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor();
    expect(await page.getByText(/could not be saved/).count()).toBe(0);
    await page.context().close();
  });
});
