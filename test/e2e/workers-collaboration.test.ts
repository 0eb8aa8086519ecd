/**
 * The Workers build in real Chromium: the built client served by `wrangler dev` (Workers Static
 * Assets through the Worker), a facilitator and a guest who joins by invite link co-editing one
 * board through its Durable Object — the guest sees the facilitator's stage, the facilitator the
 * guest's card, and each the other's presence.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { addStage, addTouchpoint, contextFor, openBoard } from '../support/board-page.ts';
import { waitUntilHere } from '../support/presence.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { useWorkerBrowserFixture } from '../support/worker-browser-fixture.ts';

const fixture = useWorkerBrowserFixture();

describe('co-editing on the Workers build', () => {
  it('lets a facilitator and a guest who joined by link build one map together', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Outpatients on Workers');
    const facilitator = await openBoard(await contextFor(browser, server as never, ann), boardId);

    await facilitator.getByRole('button', { name: 'People on this board' }).click();
    const panel = facilitator.getByRole('dialog', { name: 'People on this board' });
    await panel.getByRole('button', { name: 'Make an invite link' }).click();
    const link = await panel.getByLabel('Invite link', { exact: true }).inputValue();
    await panel.getByRole('button', { name: 'Close' }).click();

    const guest = await (await browser.newContext({ baseURL: server.config.publicOrigin })).newPage();
    await guest.goto(link);
    await guest.getByLabel('Your first name').fill('Bea');
    await guest.getByRole('button', { name: 'Join the board' }).click();
    await guest.waitForURL(`**/boards/${boardId}`);
    await guest.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    await addStage(facilitator, 'Waiting room');
    await guest.getByRole('heading', { name: /Waiting room/ }).waitFor();
    await addTouchpoint(guest, 'Booking the appointment');
    await facilitator.getByRole('heading', { name: 'Booking the appointment' }).waitFor();
    await waitUntilHere(facilitator, 'Bea');
    await waitUntilHere(guest, 'Ann');
    expect(await axeViolations(guest)).toEqual([]);
  });
});
