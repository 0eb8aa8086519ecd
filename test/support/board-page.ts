/** Opening boards in Chromium as a given person, for the browser tests. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestPerson, TestServer } from './test-server.ts';

/** A browser context signed in as `person` (their session cookie set on the app's origin). */
export async function contextFor(browser: Browser, server: TestServer, person: TestPerson, viewport?: { width: number; height: number }): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.config.publicOrigin, ...(viewport ? { viewport } : {}) });
  const [name, value] = person.cookie.split('=') as [string, string];
  await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
  return context;
}

/** Opens a board and waits until the status says it is live. */
export async function openBoard(context: BrowserContext, boardId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`/boards/${boardId}`);
  await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
  return page;
}

/**
 * `person`'s own browser at `viewport`, signed in, on the live board; an uncaught error in the page
 * fails the test.
 */
export async function boardPageOf(browser: Browser, server: TestServer, person: TestPerson, boardId: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await openBoard(await contextFor(browser, server, person, viewport), boardId);
  page.on('pageerror', (error) => {
    throw error;
  });
  return page;
}

/** Adds a stage through the page as a person would, and waits until it shows. */
export async function addStage(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByLabel('Stage title').fill(title);
  await page.getByRole('button', { name: 'Add stage' }).click();
  await page.getByRole('heading', { name: new RegExp(title) }).waitFor();
}

/** Adds a touchpoint to the first stage through the page as a person would, and waits until it shows. */
export async function addTouchpoint(page: Page, title: string): Promise<void> {
  await page.getByRole('button', { name: /Add touchpoint/ }).first().click();
  await page.getByLabel('Touchpoint title').fill(title);
  await page.getByRole('button', { name: /Add touchpoint/ }).first().click();
  await page.getByRole('heading', { name: title }).waitFor();
}

/** The name of a touchpoint card's menu button: "More actions for <title>". */
export const cardMenuName = (cardTitle: string): string => `More actions for ${cardTitle}`;

/** Opens a touchpoint card's "More actions" menu and chooses `item`, e.g. "Change name or story". */
export async function chooseCardAction(page: Page, cardTitle: string, item: string): Promise<void> {
  await page.getByRole('button', { name: cardMenuName(cardTitle), exact: true }).click();
  await page.getByRole('menu', { name: cardMenuName(cardTitle), exact: true }).getByRole('menuitem', { name: item, exact: true }).click();
}
