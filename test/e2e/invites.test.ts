/**
 * Joining with a link and a first name, in real Chromium: a facilitator makes an invite link on
 * the board, someone with no account opens it, joins with only a name and adds to the map; then
 * the facilitator removes them and their page says so and stops.
 */
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { addStage, addTouchpoint, contextFor, openBoard } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntilHere } from '../support/presence.ts';

const fixture = useBrowserFixture();

describe('invites', () => {
  it('lets someone without an account join by link with a first name, edit, and be removed', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Maternity journey');
    const facilitator = await openBoard(await contextFor(browser, server, ann), boardId);

    await facilitator.getByRole('button', { name: 'People on this board' }).click();
    const panel = facilitator.getByRole('dialog', { name: 'People on this board' });
    await panel.getByRole('button', { name: 'Make an invite link' }).click();
    const link = await panel.getByLabel('Invite link', { exact: true }).inputValue();
    expect(await axeViolations(facilitator)).toEqual([]);
    expect(link).toMatch(new RegExp(`^${server.config.publicOrigin}/invite/[^/]+$`));
    await panel.getByRole('button', { name: 'Close' }).click();

    const guestContext = await browser.newContext({ baseURL: server.config.publicOrigin });
    const guest = await guestContext.newPage();
    await guest.goto(link);
    await guest.getByRole('heading', { name: /You are invited to join .Maternity journey./ }).waitFor();
    await guest.getByRole('region', { name: 'What you can do' }).getByText('You can add and change things.').waitFor();
    expect(await axeViolations(guest)).toEqual([]);
    await guest.getByLabel('Your first name').fill('Bea');
    await guest.getByRole('button', { name: 'Join the board' }).click();
    await guest.waitForURL(`**/boards/${boardId}`);
    await guest.getByRole('status').filter({ hasText: 'Live' }).waitFor();

    // Stages are the facilitator's; Bea, who can add and change things, adds a card to one.
    await addStage(facilitator, 'First scan');
    await guest.getByRole('heading', { name: /First scan/ }).waitFor();
    expect(await guest.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    await addTouchpoint(guest, 'The gel was cold');
    await facilitator.getByRole('heading', { name: 'The gel was cold' }).waitFor();
    await waitUntilHere(facilitator, 'Bea');

    // Lowering access takes effect on Bea's open page at once: the editing controls go.
    await facilitator.getByRole('button', { name: 'People on this board' }).click();
    await panel.getByLabel('What Bea can do').selectOption({ label: 'Can look' });
    await panel.locator('li').filter({ has: facilitator.getByLabel('What Bea can do') }).getByRole('button', { name: 'Save' }).click();
    await guest.getByText('You can look at this board, but not change it.').waitFor();
    expect(await guest.getByRole('button', { name: /Add touchpoint/ }).count()).toBe(0);

    await panel.getByRole('button', { name: 'Remove Bea from the board' }).click();
    await panel.getByRole('button', { name: 'Yes, remove Bea' }).click();
    await guest.getByText('You are not a member of this board').waitFor();
    expect(await guest.getByRole('button', { name: 'Add stage' }).count()).toBe(0);
    await guestContext.close();
    await facilitator.context().close();
  });

  it('explains a link that no longer works, in plain words', async () => {
    const { server, browser } = fixture;
    const context = await browser.newContext({ baseURL: server.config.publicOrigin });
    const page = await context.newPage();
    await page.goto('/invite/not-a-real-token-at-all');
    await page.getByRole('heading', { name: 'This invite link does not work' }).waitFor();
    await page.getByText('Ask the person who invited you for a new link.').waitFor();
    await context.close();
  });
});
