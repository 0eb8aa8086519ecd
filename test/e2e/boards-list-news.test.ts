/**
 * The boards list says what is new on each board (issue 13): after Ann adds a card and a comment
 * while Bob is away, Bob's list names "1 new comment, 1 new card" as part of the board's link (what
 * a screen reader reads out with it), with no axe violations on a phone; once Bob has had the
 * board open, it says nothing. Real server, built client, Chromium at 390×844; Ann is a stock
 * y-websocket client in Node.
 */
import { describe, expect, it } from 'vitest';
import type { ListedBoard } from '../../shared/api.ts';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { newComment, roundTrip } from '../support/guard-board.ts';
import { joinBoard } from '../support/invites.ts';
import { connectClient } from '../support/sync-client.ts';
import { api, createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

describe('the boards list', () => {
  it("names what others added since the person was last on the board, in the board's link, and nothing once they have been", async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Ward 7 discharge');
    const bob = await joinBoard(server, ann, boardId, 'comment', 'Bob');
    const unread = async (person: TestPerson) =>
      ((await (await api(server, '/api/boards', { cookie: person.cookie })).json()) as { boards: ListedBoard[] }).boards[0]!.unread;

    const annClient = connectClient(server, boardId, ann.cookie);
    await annClient.synced;
    const { stages, touchpoints, comments } = boardTypes(annClient.doc);
    annClient.doc.transact(() => {
      stages.push([newStage('stage-leaving', 'Leaving')]);
      touchpoints.set('card-pharmacy', newTouchpoint({ id: 'card-pharmacy', stageId: 'stage-leaving', order: 'a0', title: 'Waiting for the pharmacy', createdBy: ann.id, createdAt: Date.now() }));
      comments.set('comment-pharmacy', newComment({ id: 'comment-pharmacy', authorId: ann.id, body: 'Four hours', touchpointId: 'card-pharmacy' }));
    });
    await roundTrip(annClient);
    annClient.destroy();
    await waitUntil(async () => (await unread(bob)).comments === 1, "the server has Ann's changes as new for Bob", 20_000);

    const phone = await browser.newContext({ baseURL: server.config.publicOrigin, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const [name, value] = bob.cookie.split('=') as [string, string];
    await phone.addCookies([{ name, value, url: server.config.publicOrigin }]);
    const page = await phone.newPage();
    await page.goto('/');
    const link = page.getByRole('link', { name: /Ward 7 discharge.*1 new comment, 1 new card/ });
    await link.waitFor();
    expect(await link.textContent()).toContain('1 new comment, 1 new card');
    expect(await axeViolations(page)).toEqual([]);

    // Bob has the board open, then leaves it: nothing is new for him.
    const board = await openBoard(phone, boardId);
    const before = (await (await api(server, `/api/boards/${boardId}/news`, { cookie: bob.cookie })).json()) as { since: string };
    await board.close();
    await waitUntil(
      async () => ((await (await api(server, `/api/boards/${boardId}/news`, { cookie: bob.cookie })).json()) as { since: string }).since !== before.since,
      "Bob's marker moves when he leaves",
      20_000,
    );
    await page.reload();
    await page.getByRole('link', { name: /Ward 7 discharge/ }).waitFor();
    expect(await page.getByRole('link', { name: /Ward 7 discharge/ }).textContent()).not.toContain('new');
    await phone.close();
  });

  it('says nothing new for a board the person has just come back from within the page, before the server has heard the board close', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Ward 9 arrivals');
    const bob = await joinBoard(server, ann, boardId, 'comment', 'Bob');
    const annClient = connectClient(server, boardId, ann.cookie);
    await annClient.synced;
    boardTypes(annClient.doc).comments.set('comment-arrival', newComment({ id: 'comment-arrival', authorId: ann.id, body: 'No signs', touchpointId: 'card-none-yet', }));
    await roundTrip(annClient);
    annClient.destroy();
    await waitUntil(
      async () => ((await (await api(server, '/api/boards', { cookie: bob.cookie })).json()) as { boards: ListedBoard[] }).boards[0]!.unread.comments === 1,
      "the server has Ann's comment as new for Bob",
      20_000,
    );

    const laptop = await browser.newContext({ baseURL: server.config.publicOrigin, viewport: { width: 1366, height: 768 } });
    const [name, value] = bob.cookie.split('=') as [string, string];
    await laptop.addCookies([{ name, value, url: server.config.publicOrigin }]);
    const page = await laptop.newPage();
    await page.goto('/');
    await page.getByRole('link', { name: /Ward 9 arrivals.*1 new comment/ }).click();
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    // Back to the list within the page (no reload): the list is fetched again at once.
    await page.goBack();
    const link = page.getByRole('link', { name: /Ward 9 arrivals/ });
    await link.waitFor();
    await page.waitForLoadState('networkidle');
    expect(await link.textContent()).not.toContain('new');
    await laptop.close();
  });
});
