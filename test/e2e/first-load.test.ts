/**
 * The first load on a slow connection (issue 10, point 3), in Chromium against the built client:
 * scripts arrive compressed and hashed files are cached for a year while pages are asked for
 * again; the page says in words that Common Ground is opening before any script has arrived; and
 * someone opening an invite link downloads none of the board's code.
 */
import type { Page, Response, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from '../support/axe.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createInvite } from '../support/invites.ts';
import { createBoard, signUp } from '../support/test-server.ts';

const fixture = useBrowserFixture();

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 768 },
];

/** Text found only in the board page's code (its map of stages), not in any other page. */
const boardCodeMarker = 'Stages of the journey';

/** Every script response the page itself received (not a service worker's). */
function scriptResponses(page: Page): Response[] {
  const responses: Response[] = [];
  page.on('response', (response) => {
    if (/\/assets\/[^/]+\.js$/.test(new URL(response.url()).pathname)) responses.push(response);
  });
  return responses;
}

describe('compressed, cached files', () => {
  it('sends the scripts brotli- or gzip-compressed, hashed files immutable for a year, the page and sw.js no-cache', async () => {
    const context = await fixture.browser.newContext({ baseURL: fixture.server.config.publicOrigin, serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = scriptResponses(page);
    const documentResponse = await page.goto('/');
    await page.getByRole('heading', { level: 1 }).filter({ hasNotText: 'Opening' }).waitFor();

    expect((await documentResponse!.allHeaders())['cache-control']).toBe('no-cache');
    expect(scripts.length).toBeGreaterThan(0);
    for (const response of scripts) {
      const headers = await response.allHeaders();
      expect((await response.request().allHeaders())['accept-encoding'], 'Chromium asks for compression').toMatch(/gzip/);
      expect(['br', 'gzip'], response.url()).toContain(headers['content-encoding']);
      expect(headers['cache-control'], response.url()).toBe('public, max-age=31536000, immutable');
    }
    const worker = await page.evaluate(async () => (await fetch('/sw.js')).headers.get('cache-control'));
    expect(worker).toBe('no-cache');
    await context.close();
  });
});

describe.each(viewports)('before any script has arrived, at $width×$height', (viewport) => {
  it('the page says in words that Common Ground is opening, then the app takes over', async () => {
    const context = await fixture.browser.newContext({ baseURL: fixture.server.config.publicOrigin, viewport, serviceWorkers: 'block' });
    // Scripts are held back, as on a slow line where the HTML is here long before them.
    const held: Route[] = [];
    let release = false;
    await context.route(/\/assets\/[^/]+\.js$/, (route) => (release ? void route.continue() : void held.push(route)));
    const page = await context.newPage();
    await page.goto('/boards/some-board', { waitUntil: 'commit' });
    await page.getByRole('heading', { name: 'Opening Common Ground…' }).waitFor();
    await page.getByText('This can take a little while on a slow connection.').waitFor();
    expect(held.length).toBeGreaterThan(0); // truly before the scripts
    expect(await axeViolations(page)).toEqual([]);

    release = true;
    for (const route of held.splice(0)) await route.continue();
    await page.getByRole('heading', { name: 'Please sign in to open this board' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Opening Common Ground…' }).count()).toBe(0);
    await context.close();
  });
});

describe.each(viewports)('the invite page at $width×$height', (viewport) => {
  it("shows the join form without downloading the board's code", async () => {
    const { server, browser } = fixture;
    const facilitator = await signUp(server, 'Fay');
    const boardId = await createBoard(server, facilitator, 'Day surgery');
    const { token } = await createInvite(server, facilitator, boardId, { access: 'edit' });
    // No service worker: only what the page itself loads to show the form counts here.
    const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport, serviceWorkers: 'block' });
    const page = await context.newPage();
    const scripts = scriptResponses(page);
    await page.goto(`/invite/${token}`);
    await page.getByLabel('Your first name').waitFor();
    await page.waitForLoadState('networkidle');

    expect(scripts.length).toBeGreaterThan(0);
    for (const response of scripts) {
      const code = (await response.body()).toString();
      expect(code.includes(boardCodeMarker), `${new URL(response.url()).pathname} holds the board's code`).toBe(false);
    }
    expect(scripts.map((r) => new URL(r.url()).pathname).filter((path) => /\/(BoardPage|y-indexeddb)-/.test(path))).toEqual([]);
    await context.close();
  });
});
