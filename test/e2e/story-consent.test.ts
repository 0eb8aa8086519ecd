/**
 * Storyteller consent and withdrawal in Chromium (issue 17, the page's side), by keyboard at
 * 390×844 and 1366×768. Fay organises; Sam and Bo can edit, and each told the story on one card
 * (written from their own stock clients, as the guard asks). Sam says his story is "Ready to
 * share" from his card's menu, and Fay's stock client (the watcher) sees `consent: 'ready'`; Bo
 * sees the words on Sam's card but is offered no way to change them. Fay says Bo's story is "Only
 * for this board" on his behalf, told she speaks for him. Sam withdraws his story with his
 * feelings: the words and his feeling leave the watcher's document (Bo's feeling stays) and the
 * card says it is gone. The PDF's choices say stories not "Ready to share" are left out, and an
 * internal copy chosen by keyboard is asked for with `internal=1`. axe finds nothing with each
 * panel open, and its targets are 44 px.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf, cardMenuName } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { giveFeeling } from '../support/feelings.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { smallTargets } from '../support/method-board.ts';
import type { SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const viewports = [
  { name: 'a phone', width: 390, height: 844 },
  { name: 'a laptop', width: 1366, height: 768 },
];

const samCard = { id: 'tp-waiting-room', title: 'Waiting room', story: 'I sat for three hours in the waiting room and nobody said why.' };
const boCard = { id: 'tp-discharge', title: 'Discharge letter', story: 'The letter came a week after I got home.' };
const editItems = ['Change name or story', 'Move up', 'Move down', 'Move to another stage'];

interface ConsentBoard {
  boardId: string;
  people: Record<'fay' | 'sam' | 'bo', TestPerson>;
  /** Fay's stock client: what any program on the board reads. */
  watcher: SyncClient;
  /** Where Sam's and Bo's feelings on Sam's card are in the document (keys that name nobody). */
  feelingKeys: Record<'sam' | 'bo', string>;
}

/** Fay's board with one stage; Sam's card and Bo's, each written from its storyteller's own client; a feeling from each on Sam's card, given over HTTP. */
async function consentBoard(title: string): Promise<ConsentBoard> {
  const { server } = fixture;
  const [fay, sam, bo] = [await signUp(server, 'Fay'), await signUp(server, 'Sam'), await signUp(server, 'Bo')];
  const boardId = await createBoard(server, fay, title);
  await addMember(server.libsqlUrl, boardId, sam.id, 'edit');
  await addMember(server.libsqlUrl, boardId, bo.id, 'edit');
  const watcher = fixture.nodeClient(boardId, fay);
  await watcher.synced;
  boardTypes(watcher.doc).stages.push([newStage('stage-clinic', 'At the clinic')]);
  await waitUntil(() => boardTypes(watcher.doc).stages.length === 1, 'the stage is written');
  for (const [person, card, order] of [[sam, samCard, 'a0'], [bo, boCard, 'a1']] as const) {
    const client = fixture.nodeClient(boardId, person);
    await client.synced;
    boardTypes(client.doc).touchpoints.set(card.id, newTouchpoint({ id: card.id, stageId: 'stage-clinic', order, title: card.title, story: card.story, createdBy: person.id, createdAt: Date.now() }));
  }
  await waitUntil(() => boardTypes(watcher.doc).touchpoints.size === 2, 'both cards reach the watcher', 10_000);
  const feelingKeys = {
    sam: (await giveFeeling(server, boardId, sam, samCard.id, { score: -2 }))!,
    bo: (await giveFeeling(server, boardId, bo, samCard.id, { score: -2 }))!,
  };
  await waitUntil(() => Object.values(feelingKeys).every((key) => boardTypes(watcher.doc).feelings.has(key)), 'both feelings reach the watcher', 10_000);
  return { boardId, people: { fay, sam, bo }, watcher, feelingKeys };
}

const card = (page: Page, title: string) =>
  page.locator('[data-touchpoint-id]').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
/** The card's sharing line as a screen reader reads it ("Sharing: Ready to share"), or null when it has none. */
const sharing = async (page: Page, title: string) => {
  const line = card(page, title).locator('p').filter({ hasText: /^Sharing: / });
  return (await line.count()) === 0 ? null : ((await line.textContent()) ?? '').trim();
};
const heard = async (page: Page) => (await page.locator('[aria-live="polite"]:not([role="status"])').allTextContents()).map((text) => text.trim());
const hasFocus = (locator: Locator) => locator.evaluate((element) => element === document.activeElement);
const touchpoint = (doc: Y.Doc, id: string) => boardTypes(doc).touchpoints.get(id);
/** What has focus: its role (or input type), its value, and its words (a checkbox's are its label's). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLInputElement | null;
    const words = el?.labels?.[0]?.textContent ?? el?.textContent ?? '';
    return { role: el?.getAttribute('role') ?? el?.type ?? el?.tagName.toLowerCase() ?? '', value: el?.value ?? '', text: words.replace(/[▾▴]/g, '').trim() };
  });

/** Opens a card's menu by keyboard and returns its items' words. */
async function openMenu(page: Page, title: string): Promise<string[]> {
  await tabTo(page, new RegExp(`^${cardMenuName(title)}`));
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: cardMenuName(title), exact: true });
  await menu.waitFor();
  return menu.getByRole('menuitem').allTextContents();
}

describe.each(viewports)('storyteller consent on $name', (viewport) => {
  it('lets the storyteller say their story is ready to share, and shows others the words without the choice', async () => {
    const { server, browser } = fixture;
    const { boardId, people, watcher } = await consentBoard('Ready to share');
    const sam = await boardPageOf(browser, server, people.sam, boardId, viewport);
    const bo = await boardPageOf(browser, server, people.bo, boardId, viewport);

    // Everyone sees each story's state in words.
    await expect.poll(() => sharing(sam, samCard.title)).toBe('Sharing: Not yet agreed for sharing');
    await expect.poll(() => sharing(bo, samCard.title)).toBe('Sharing: Not yet agreed for sharing');

    // Sam's menu offers the choice on his own card, with the edit items.
    expect(await openMenu(sam, samCard.title)).toEqual([...editItems, 'How this story may be shared…', 'Withdraw my story', 'Delete touchpoint']);
    await sam.keyboard.press('h');
    expect((await focused(sam)).text).toBe('How this story may be shared…');
    await sam.keyboard.press('Enter');
    const panel = card(sam, samCard.title).getByRole('form', { name: 'How may your story be shared?' });
    await panel.waitFor();
    const group = panel.getByRole('group', { name: 'How may your story be shared?' });
    // It asks once.
    expect(await panel.getByText(/be shared/).count()).toBe(1);
    expect(await group.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.closest('label')?.textContent?.trim()))).toEqual([
      'Not yet',
      'Only for this board',
      'Ready to share',
    ]);
    // Each choice's meaning is read with it; the storyteller is not told they speak for someone.
    expect(await group.getByRole('radio', { name: 'Ready to share' }).getAttribute('aria-describedby')).not.toBeNull();
    await panel.getByText('It may go in reports made from this board.').waitFor();
    expect(await panel.getByText(/You are saying this for/).count()).toBe(0);
    // Focus starts on the current choice.
    await expect.poll(() => focused(sam)).toMatchObject({ role: 'radio', value: 'not-yet' });
    expect(await axeViolations(sam)).toEqual([]);
    expect(await smallTargets(sam, '.story-consent')).toEqual([]);

    // Choosing alone saves nothing; Save does.
    await sam.keyboard.press('ArrowDown');
    await sam.keyboard.press('ArrowDown');
    expect(await focused(sam)).toMatchObject({ role: 'radio', value: 'ready' });
    expect(touchpoint(watcher.doc, samCard.id)?.get('consent')).toBeUndefined();
    await sam.keyboard.press('Tab');
    expect(await focused(sam)).toMatchObject({ text: 'Save' });
    await sam.keyboard.press('Enter');
    await waitUntil(() => touchpoint(watcher.doc, samCard.id)?.get('consent') === 'ready', 'the watcher sees consent: ready', 10_000);
    await expect.poll(() => heard(sam)).toContain('Your story: Ready to share. Saved.');
    await panel.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(sam.getByRole('button', { name: cardMenuName(samCard.title), exact: true }))).toBe(true);
    await expect.poll(() => sharing(sam, samCard.title)).toBe('Sharing: Ready to share');

    // Bo sees the new words on Sam's card, and is offered no way to change them there.
    await expect.poll(() => sharing(bo, samCard.title)).toBe('Sharing: Ready to share');
    expect(await openMenu(bo, samCard.title)).toEqual([...editItems, 'Delete touchpoint']);
    await bo.keyboard.press('Escape');
    // His own card is his to say.
    await expect.poll(() => sharing(bo, boCard.title)).toBe('Sharing: Not yet agreed for sharing');
    expect(await openMenu(bo, boCard.title)).toContain('How this story may be shared…');
    await sam.context().close();
    await bo.context().close();
  });

  it('lets a facilitator say it for the storyteller, told whose story it is', async () => {
    const { server, browser } = fixture;
    const { boardId, people, watcher } = await consentBoard('On his behalf');
    const fay = await boardPageOf(browser, server, people.fay, boardId, viewport);
    const items = await openMenu(fay, boCard.title);
    expect(items).toContain('How this story may be shared…');
    expect(items).toContain('Withdraw this story for Bo');
    await fay.keyboard.press('h');
    await fay.keyboard.press('Enter');
    const panel = card(fay, boCard.title).getByRole('form', { name: 'How may Bo’s story be shared?' });
    await panel.getByText('You are saying this for Bo, who told this story.', { exact: true }).waitFor();
    const group = panel.getByRole('group', { name: 'How may Bo’s story be shared?' });
    await group.waitFor();
    await expect.poll(() => focused(fay)).toMatchObject({ role: 'radio', value: 'not-yet' });
    expect(await axeViolations(fay)).toEqual([]);
    await fay.keyboard.press('ArrowDown');
    await fay.keyboard.press('Tab');
    await fay.keyboard.press('Enter');
    await waitUntil(() => touchpoint(watcher.doc, boCard.id)?.get('consent') === 'board-only', 'the watcher sees consent: board-only', 10_000);
    await expect.poll(() => heard(fay)).toContain('Bo’s story: Only for this board. Saved.');
    await expect.poll(() => sharing(fay, boCard.title)).toBe('Sharing: Only for this board');
    await fay.context().close();
  });

  it('lets the storyteller withdraw their story with their feelings: gone from the document, and the card says so', async () => {
    const { server, browser } = fixture;
    const { boardId, people, watcher, feelingKeys } = await consentBoard('Withdrawing');
    const sam = await boardPageOf(browser, server, people.sam, boardId, viewport);
    const bo = await boardPageOf(browser, server, people.bo, boardId, viewport);
    await card(bo, samCard.title).getByText(samCard.story).waitFor();

    await openMenu(sam, samCard.title);
    await sam.keyboard.press('w');
    expect((await focused(sam)).text).toBe('Withdraw my story');
    await sam.keyboard.press('Enter');
    // Focus on the group, which says what it asks and what will happen.
    const confirm = card(sam, samCard.title).getByRole('group', { name: 'Withdraw your story?' });
    await confirm.waitFor();
    await expect.poll(() => hasFocus(confirm)).toBe(true);
    expect(await confirm.getAttribute('aria-describedby').then((id) => sam.locator(`[id="${id}"]`).textContent())).toBe(
      'The story’s words will be removed for good. This can’t be undone.',
    );
    expect(await axeViolations(sam)).toEqual([]);
    expect(await smallTargets(sam, '.story-withdraw')).toEqual([]);

    // "Keep it" leaves everything as it was.
    await tabTo(sam, 'Keep it');
    await sam.keyboard.press('Enter');
    await confirm.waitFor({ state: 'detached' });
    await expect.poll(() => hasFocus(sam.getByRole('button', { name: cardMenuName(samCard.title), exact: true }))).toBe(true);
    expect(touchpoint(watcher.doc, samCard.id)?.get('story')?.toString()).toBe(samCard.story);

    // Again, with his feelings ticked.
    await sam.keyboard.press('Enter');
    await sam.keyboard.press('w');
    await sam.keyboard.press('Enter');
    await confirm.waitFor();
    await sam.keyboard.press('Tab');
    expect(await focused(sam)).toMatchObject({ role: 'checkbox', text: 'Also remove your feelings about this moment' });
    await sam.keyboard.press('Space');
    await sam.keyboard.press('Tab');
    expect(await focused(sam)).toMatchObject({ role: 'checkbox', text: 'Also remove your comments on this moment' });
    await sam.keyboard.press('Tab');
    expect(await focused(sam)).toMatchObject({ text: 'Withdraw the story' });
    await sam.keyboard.press('Enter');

    const { feelings } = boardTypes(watcher.doc);
    await waitUntil(
      () => touchpoint(watcher.doc, samCard.id)?.get('story')?.toString() === '' && !feelings.has(feelingKeys.sam),
      'the story and Sam’s feeling leave the watcher’s document',
      15_000,
    );
    expect([...feelings.keys()]).toEqual([feelingKeys.bo]);
    const said = 'Your story was withdrawn. It is gone for good. 1 feeling went with it.';
    await card(sam, samCard.title).getByText(said, { exact: true }).waitFor();
    await expect.poll(() => heard(sam)).toContain(said);
    await expect.poll(() => hasFocus(sam.getByRole('button', { name: cardMenuName(samCard.title), exact: true }))).toBe(true);
    // The story and its sharing line are gone from Bo's page too; the card stays.
    await card(bo, samCard.title).getByText(samCard.story).waitFor({ state: 'detached' });
    expect(await sharing(bo, samCard.title)).toBeNull();
    // Bo is told the storyteller took it back.
    await card(bo, samCard.title).getByText('The person who told this story took it back.', { exact: true }).waitFor();
    expect(await axeViolations(sam)).toEqual([]);
    await sam.context().close();
    await bo.context().close();
  });

  it('says in the PDF choices that stories not ready to share are left out, and asks for an internal copy when chosen', async () => {
    const { server, browser } = fixture;
    const { boardId, people } = await consentBoard('Internal copy');
    const fay = await boardPageOf(browser, server, people.fay, boardId, viewport);
    await tabTo(fay, 'Download PDF');
    await fay.keyboard.press('Enter');
    const stories = fay.getByRole('group', { name: 'Stories' });
    await stories.getByText('Only stories marked “Ready to share” by the person who told them go in. The others are left out.').waitFor();
    await tabTo(fay, 'Internal copy: include stories not yet agreed for sharing');
    const internal = stories.getByRole('checkbox', { name: 'Internal copy: include stories not yet agreed for sharing' });
    expect(await internal.getAttribute('aria-describedby').then((id) => fay.locator(`[id="${id}"]`).textContent())).toBe(
      'Every page will say it is an internal copy. Only use it inside the team.',
    );
    expect(await axeViolations(fay)).toEqual([]);
    expect(await smallTargets(fay, '.export-pdf')).toEqual([]);
    await fay.keyboard.press('Space');
    expect(await internal.isChecked()).toBe(true);
    await tabTo(fay, 'Download PDF now');
    const asked = fay.waitForRequest(/\/export\.pdf\?/);
    await fay.keyboard.press('Enter');
    const request = await asked;
    expect(Object.fromEntries(new URL(request.url()).searchParams)).toEqual({ paper: 'a4', internal: '1' });
    expect((await request.response())?.status()).toBe(200);
    await fay.context().close();
  });
});
