/**
 * "Comment without my name" in Chromium at 390×844 (issue 13, the page's side). Ann (organises)
 * turns it on in the board's details; Cam (comment access) posts on a card without their name. Ed
 * (edit access) reads it as "Someone on this board", and nothing Ed's browser can reach links it to
 * Cam: not the comment's DOM, not any API answer Ed's page fetched or can fetch (boards, board,
 * members, news, mine), not Ed's Yjs document (authorId null; no item of the comment carries Cam's
 * page's Yjs client id) and not presence (Cam's awareness does not change while posting). Cam alone
 * sees "You wrote this without your name", changes it and deletes it. Offline, Cam posts another:
 * it waits on the device through a reload and reaches Ed once Cam is back online. axe-core finds
 * nothing with the new controls showing, at 390×844 and 1366×768.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp, type TestPerson, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

const phone = { width: 390, height: 844 };
const laptop = { width: 1366, height: 768 };
const cardId = 'touch-discharge';
const cardTitle = 'Told I could go home';
const firstWords = 'Nobody asked if anyone was at home to help me.';
const changedWords = 'Nobody asked if anyone was at home to help me. I fell that night.';
const offlineWords = 'The letter came a week after the appointment.';

async function contextOf(browser: Browser, server: TestServer, person: TestPerson): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport: phone });
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
  return context;
}

async function boardPage(context: BrowserContext, boardId: string, live = true): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`/boards/${boardId}`);
  if (live) await page.getByRole('status').filter({ hasText: 'Live — all changes saved' }).waitFor({ timeout: 20_000 });
  return page;
}

const card = (page: Page) => page.locator(`[data-touchpoint-id="${cardId}"]`);
const toggle = (page: Page, words: string) => card(page).getByRole('button', { name: new RegExp(`^${words}(, \\d+ new)? on “${cardTitle}”$`) });
const commentMaps = (doc: Y.Doc) => [...boardTypes(doc).comments.values()] as Y.Map<unknown>[];

/** Every Yjs client id that wrote an item of `comment` (its fields, and its words). */
function writersOf(comment: Y.Map<unknown>): Set<number> {
  const clients = new Set<number>();
  if (comment._item !== null) clients.add(comment._item.id.client);
  for (const item of comment._map.values()) for (let at: Y.Item | null = item; at !== null; at = at.left) clients.add(at.id.client);
  const body = comment.get('body');
  if (body instanceof Y.Text) for (let at = body._start; at !== null; at = at.right) clients.add(at.id.client);
  return clients;
}

async function expectNoAxeViolations(page: Page, where: string) {
  for (const size of [phone, laptop]) {
    await page.setViewportSize(size);
    expect(await axeViolations(page), `${where} at ${size.width}×${size.height}`).toEqual([]);
  }
  await page.setViewportSize(phone);
}

describe('comment without my name', () => {
  it('shows as “Someone on this board”, links nothing to its author, and can be changed, deleted and written offline', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const cam = await signUp(server, 'Cam');
    const ed = await signUp(server, 'Ed');
    const boardId = await createBoard(server, ann, 'Going home');
    await addMember(server.libsqlUrl, boardId, cam.id, 'comment');
    await addMember(server.libsqlUrl, boardId, ed.id, 'edit');
    const seed = fixture.nodeClient(boardId, ann);
    await seed.synced;
    const { stages, touchpoints, meta } = boardTypes(seed.doc);
    seed.doc.transact(() => {
      stages.push([newStage('stage-leaving', 'Leaving hospital')]);
      touchpoints.set(cardId, newTouchpoint({ id: cardId, stageId: 'stage-leaving', order: 'a0', title: cardTitle, createdBy: ann.id, createdAt: Date.now() }));
    });
    // Ed's document, as a stock y-websocket client of Ed's: what Ed's browser could read.
    const edClient = fixture.nodeClient(boardId, ed);
    await edClient.synced;

    // Ann turns it on.
    const annPage = await boardPage(await contextOf(browser, server, ann), boardId);
    const setting = annPage.getByRole('checkbox', { name: 'Let people comment without their name' });
    expect(await setting.isChecked()).toBe(false);
    await setting.check();
    await waitUntil(() => meta.get('anonymousComments') === true, 'the setting reaches the document', 10_000);
    await expectNoAxeViolations(annPage, 'the setting');

    // Ed's page: every API answer it fetches is kept.
    const edPage = await boardPage(await contextOf(browser, server, ed), boardId);
    const edAnswers: string[] = [];
    edPage.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) void response.text().then((text) => edAnswers.push(text), () => undefined);
    });

    // Cam writes on the card, choosing "Post without my name".
    const camContext = await contextOf(browser, server, cam);
    const camPage = await boardPage(camContext, boardId);
    await camPage.evaluate(async () => void (await navigator.serviceWorker.ready));
    await toggle(camPage, 'Add a comment').click();
    await card(camPage).getByLabel('Your comment', { exact: true }).fill(firstWords);
    const withoutName = card(camPage).getByRole('checkbox', { name: 'Post without my name' });
    expect(await withoutName.isChecked()).toBe(false);
    await withoutName.check();
    await card(camPage).getByText('Your name is not shown to anyone, not even the facilitator. You can still change or delete it.').waitFor();
    await expectNoAxeViolations(camPage, 'the comment form with “Post without my name”');

    // Cam's page's Yjs client id, from Cam's presence; and every change of Cam's presence from now.
    const awareness = edClient.provider.awareness;
    await waitUntil(() => [...awareness.getStates().values()].some((state) => state['user']?.name === 'Cam'), 'Cam is present', 10_000);
    const camClient = [...awareness.getStates()].find(([, state]) => state['user']?.name === 'Cam')![0];
    const camPresence: string[] = [];
    const onPresence = ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      if ([...added, ...updated, ...removed].includes(camClient)) camPresence.push(JSON.stringify(awareness.getStates().get(camClient) ?? null));
    };
    awareness.on('change', onPresence);
    await card(camPage).getByRole('button', { name: 'Post comment' }).click();
    await waitUntil(() => commentMaps(edClient.doc).length === 1, 'the comment reaches Ed', 10_000);
    const [comment] = commentMaps(edClient.doc);
    const commentId = comment!.get('id') as string;
    // Cam's own page shows it as theirs once the server's comes through.
    await card(camPage).getByText('You wrote this without your name').waitFor({ timeout: 10_000 });
    awareness.off('change', onPresence);
    expect(camPresence, 'Cam’s presence while posting').toEqual([]);

    // In Ed's document: no name, and no item written by Cam's page.
    expect(comment!.get('authorId')).toBeNull();
    expect(String(comment!.get('body'))).toBe(firstWords);
    expect(writersOf(comment!).has(camClient)).toBe(false);
    expect(JSON.stringify(comment!.toJSON())).not.toContain(cam.id);

    // On Ed's page: "Someone on this board" with the words, and nothing of Cam's in it.
    await toggle(edPage, '1 comment').click();
    const edComment = edPage.locator(`#comment-${commentId}`);
    await edComment.getByText(firstWords).waitFor();
    expect(await edComment.locator('.comment__author').textContent()).toBe('Someone on this board');
    const edHtml = await edComment.evaluate((element) => element.outerHTML);
    expect(edHtml).not.toContain('Cam');
    expect(edHtml).not.toContain(cam.id);
    expect(await edComment.getByRole('button', { name: /^(Edit|Delete)/ }).count()).toBe(0);

    // Every API answer Ed's page fetched, and every one it can: none carries both the comment and Cam.
    const asEd = async (path: string) =>
      edPage.evaluate(async (url) => {
        const response = await fetch(url, { credentials: 'same-origin' });
        return `${response.status} ${await response.text()}`;
      }, path);
    const mine = await asEd(`/api/boards/${boardId}/comments/mine`);
    expect(mine).toBe('200 {"anonymous":[],"meToo":[]}');
    const fetched = [
      ...edAnswers,
      mine,
      await asEd('/api/boards'),
      await asEd(`/api/boards/${boardId}`),
      await asEd(`/api/boards/${boardId}/members`),
      await asEd(`/api/boards/${boardId}/news`),
    ];
    expect(fetched.some((answer) => answer.includes(cam.id)), 'the members name Cam').toBe(true);
    expect(fetched.filter((answer) => answer.includes(commentId) && answer.includes(cam.id))).toEqual([]);

    // Cam changes it, then deletes it (asked first: it cannot be undone).
    const camComment = camPage.locator(`#comment-${commentId}`);
    await camComment.getByRole('button', { name: 'Edit your comment' }).click();
    await camComment.getByLabel('Change your comment').fill(changedWords);
    await camComment.getByRole('button', { name: 'Save changes' }).click();
    await edComment.getByText(changedWords).waitFor({ timeout: 10_000 });
    await edComment.getByText('edited').waitFor();
    expect(comment!.get('authorId')).toBeNull();
    expect(writersOf(comment!).has(camClient)).toBe(false);
    await camComment.getByRole('button', { name: 'Delete your comment' }).click();
    await camComment.getByText('You cannot undo this.').waitFor();
    await camComment.getByRole('button', { name: 'Yes, delete it' }).click();
    await waitUntil(() => commentMaps(edClient.doc).length === 0, 'the deleted comment leaves Ed’s document', 10_000);
    await toggle(edPage, '1 comment').waitFor({ state: 'detached' });

    // Offline: written, kept through a reload, sent once back online.
    await camContext.setOffline(true);
    await camPage.getByRole('status').filter({ hasText: /^Offline/ }).waitFor({ timeout: 20_000 });
    await toggle(camPage, 'Add a comment').click();
    await card(camPage).getByLabel('Your comment', { exact: true }).fill(offlineWords);
    await card(camPage).getByRole('checkbox', { name: 'Post without my name' }).check();
    await card(camPage).getByRole('button', { name: 'Post comment' }).click();
    await card(camPage).getByText('Will be sent when you are back online').waitFor();
    await camPage.close();
    const reopened = await boardPage(camContext, boardId, false);
    await reopened.getByRole('status').filter({ hasText: /^Offline/ }).waitFor({ timeout: 20_000 });
    await toggle(reopened, '1 comment').click();
    await card(reopened).getByText(offlineWords).waitFor();
    await card(reopened).getByText('Will be sent when you are back online').waitFor();
    expect(commentMaps(edClient.doc).length).toBe(0);
    await camContext.setOffline(false);
    await waitUntil(() => commentMaps(edClient.doc).length === 1, 'the comment written offline reaches Ed', 20_000);
    const [late] = commentMaps(edClient.doc);
    expect(late!.get('authorId')).toBeNull();
    await waitUntil(() => [...awareness.getStates()].some(([key, state]) => key !== camClient && state['user']?.name === 'Cam'), 'Cam’s new page is present', 20_000);
    const camClients = [camClient, ...[...awareness.getStates()].filter(([, state]) => state['user']?.name === 'Cam').map(([key]) => key)];
    expect(camClients.filter((client) => writersOf(late!).has(client))).toEqual([]);
    await toggle(edPage, '1 comment').click();
    const edLate = edPage.locator(`#comment-${late!.get('id') as string}`);
    await edLate.getByText(offlineWords).waitFor({ timeout: 10_000 });
    expect(await edLate.locator('.comment__author').textContent()).toBe('Someone on this board');
    await card(reopened).getByText('You wrote this without your name').waitFor({ timeout: 20_000 });
    expect(await card(reopened).getByText('Will be sent when you are back online').count()).toBe(0);
    expect(await reopened.getByText(/could not be saved/).count()).toBe(0);
  }, 180_000);
});
