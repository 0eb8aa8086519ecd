/**
 * A person who joined with only a first name keeps their place: on a phone the join form is the
 * first thing on the invite page; "Sign out" first explains that a guest cannot come back and offers
 * "Keep my account"; once they add an email and password it signs out at once. Someone with an
 * account never sees "Keep your account". Real server, built client, Chromium at 390×844.
 */
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { contextFor } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createInvite } from '../support/invites.ts';
import { api, signUp, type TestServer } from '../support/test-server.ts';

const fixture = useBrowserFixture();
const phone = { width: 390, height: 844 };
const laptop = { width: 1366, height: 768 };

async function guestByInvite(browser: Browser, server: TestServer, viewport = phone) {
  const ann = await signUp(server, 'Ann');
  // A long aim, as facilitators write them: it must not push the form off the first screen.
  const purpose =
    'To understand what it is like to come in for day surgery — from the letter to going home — for patients, ' +
    'the people who care for them and the staff on the unit, and to agree together what to improve first.';
  const created = await api(server, '/api/boards', { body: { title: 'Day surgery', purpose }, cookie: ann.cookie });
  const boardId = ((await created.json()) as { board: { id: string } }).board.id;
  const { url } = await createInvite(server, ann, boardId, { access: 'edit' });
  const small = viewport.width < 600;
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport, isMobile: small, hasTouch: small });
  const page = await context.newPage();
  await page.goto(url);
  return { page, boardId };
}

describe('a guest account', () => {
  it('puts the join form on the first screen of a phone', async () => {
    const { page } = await guestByInvite(fixture.browser, fixture.server);
    const name = page.getByLabel('Your first name');
    await name.waitFor();
    const box = (await name.boundingBox())!;
    const join = (await page.getByRole('button', { name: 'Join the board' }).boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(phone.height);
    expect(join.y + join.height).toBeLessThanOrEqual(phone.height);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['a phone', phone],
    ['a laptop', laptop],
  ])('on %s, warns before signing out, offers to keep the account, and then signs out at once', async (_name, viewport) => {
    const { server } = fixture;
    const { page, boardId } = await guestByInvite(fixture.browser, server, viewport);
    await page.getByLabel('Your first name').fill('Bea');
    await page.getByRole('button', { name: 'Join the board' }).click();
    await page.waitForURL(`**/boards/${boardId}`);

    const signOut = page.getByRole('button', { name: 'Sign out', exact: true });
    await signOut.click();
    const warning = page.getByRole('group', { name: 'Before you sign out' });
    await warning.getByText('cannot get back to your boards').waitFor();
    expect(await signOut.getAttribute('aria-expanded')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    // Escape puts things back: still signed in, focus on Sign out.
    await page.keyboard.press('Escape');
    expect(await warning.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sign out');
    const me = await page.evaluate(async () => (await fetch('/api/me')).status);
    expect(me).toBe(200);

    await signOut.click();
    await page.getByRole('link', { name: 'Keep my account' }).click();
    await page.waitForURL('**/account**');
    await page.getByRole('heading', { name: 'Keep your account' }).waitFor();
    await page.getByLabel('Email').fill(`bea-${crypto.randomUUID()}@example.org`);
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved. You can now sign in with this email and password').waitFor();
    expect(await axeViolations(page)).toEqual([]);

    // No longer a guest: Sign out signs out, with no warning.
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    expect(await page.getByRole('group', { name: 'Before you sign out' }).count()).toBe(0);
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await page.context().close();
  });

  it('shows "Keep your account" only to guests, and signs a registered person out at once', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const context = await contextFor(browser, server, ann);
    const page = await context.newPage();
    await page.goto('/account');
    await page.getByRole('heading', { name: 'Change your name' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Keep your account' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/');
    expect(await page.evaluate(async () => (await fetch('/api/me')).status)).toBe(401);
    await context.close();
  });
});
