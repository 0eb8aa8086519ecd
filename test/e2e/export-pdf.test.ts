/**
 * "Download PDF" on the board (issue 14, the page's side), in real Chromium against the real
 * server's export. By keyboard alone a person chooses US Letter, large print and leaving out
 * names, downloads, and gets a Letter-size PDF under the server's file name, whose request carried
 * exactly those choices; the page says "Preparing your PDF…" while it comes, counts the pages as
 * they arrive on a slow connection, and says how many it has once ready (the number pdfinfo reads
 * from the file); a second press meanwhile starts nothing and says so; a failure (a 500 in the
 * contract's error shape, put in by page.route) says the server's message, or that the person
 * seems to be offline, and Try again works; Escape closes the choices with focus back on the
 * button; someone who can only look may download too. 44 px targets and axe at 390×844 and
 * 1366×768, with the choices open and with a failure shown.
 */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Page, Request, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { axeViolations } from '../support/axe.ts';
import { boardPageOf } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { tabTo } from '../support/keyboard.ts';
import { addMember } from '../support/members.ts';
import { createBoard, signUp } from '../support/test-server.ts';

const fixture = useBrowserFixture();
const run = promisify(execFile);

const laptop = { width: 1366, height: 768 };
const phone = { width: 390, height: 844 };
const exportAddress = /\/api\/boards\/[^/]+\/export\.pdf\?/;

/** A board with a few stages and cards, made by Ann (organises); Vic may only look. */
async function boardToExport() {
  const { server } = fixture;
  const ann = await signUp(server, 'Ann');
  const vic = await signUp(server, 'Vic');
  const boardId = await createBoard(server, ann, 'Leaving hospital');
  await addMember(server.libsqlUrl, boardId, vic.id, 'view');
  const seed = fixture.nodeClient(boardId, ann);
  await seed.synced;
  const { stages, touchpoints } = boardTypes(seed.doc);
  seed.doc.transact(() => {
    for (const [s, stage] of ['Getting ready', 'On the ward', 'Going home'].entries()) {
      stages.push([newStage(`stage-no-${s}`, stage)]);
      for (let t = 0; t < 4; t++) {
        const id = `touch-no-${s}-${t}`;
        touchpoints.set(id, newTouchpoint({ id, stageId: `stage-no-${s}`, order: `a${t}`, title: `${stage}, step ${t + 1}`, createdBy: ann.id, createdAt: Date.now() }));
      }
    }
  });
  return { ann, vic, boardId };
}

/** Holds every export request until `release` is called, then lets it go on to the server. */
function holdExports(page: Page) {
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  let requests = 0;
  const handler = async (route: Route) => {
    requests++;
    await released;
    await route.continue();
  };
  return { start: () => page.route(exportAddress, handler), release: () => release(), requests: () => requests };
}

/** A failure as the server says one (the contract's error shape), for one request. */
const failure = { error: { code: 'internal', message: 'The PDF could not be made just now. Please try again in a minute.' } };
const failOnce = async (route: Route) => route.fulfill({ status: 500, contentType: 'application/json', body: JSON.stringify(failure) });

const toolbarButton = (page: Page) => page.locator('#export-pdf-button');
const statusLine = (page: Page) => page.locator('.export-pdf__words');
const focusedText = (page: Page) => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');

/** What pdfinfo reads from a file: its pages and the first page's size. */
async function pdfInfo(path: string): Promise<{ pages: number; size: string }> {
  const { stdout } = await run('pdfinfo', [path]);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1]), size: /^Page size:\s+(.*)$/m.exec(stdout)?.[1] ?? '' };
}
const pagesIn = async (path: string) => (await pdfInfo(path)).pages;

/** Buttons, radio buttons' and checkboxes' labels in the export's panel shorter or narrower than 44 px. */
const smallTargets = (page: Page) =>
  page.locator('.export-pdf button, .export-pdf label, #export-pdf-button').evaluateAll((els) =>
    els
      .filter((el) => {
        const box = el.getBoundingClientRect();
        return box.width > 1 && (box.height < 44 || box.width < 44);
      })
      .map((el) => el.textContent),
  );

describe('Download PDF', () => {
  it('by keyboard alone: US Letter, large print, no names; a PDF comes with exactly those choices', async () => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, laptop);

    await tabTo(page, 'Download PDF');
    await page.keyboard.press('Enter');
    expect(await toolbarButton(page).getAttribute('aria-expanded')).toBe('true');
    await tabTo(page, 'A4');
    await page.keyboard.press('ArrowDown');
    expect(await page.getByRole('radio', { name: 'US Letter' }).isChecked()).toBe(true);
    await tabTo(page, 'Large print (bigger text)');
    await page.keyboard.press('Space');
    await tabTo(page, 'Leave out everyone’s names');
    await page.keyboard.press('Space');
    await tabTo(page, 'Download PDF now');
    const asked = page.waitForRequest(exportAddress);
    const downloaded = page.waitForEvent('download');
    await page.keyboard.press('Enter');

    const request: Request = await asked;
    expect(Object.fromEntries(new URL(request.url()).searchParams)).toEqual({ paper: 'letter', largePrint: '1', anonymise: '1' });
    const answered = await request.response();
    expect(answered?.status()).toBe(200);
    const download = await downloaded;
    // Saved under the server's name for it.
    const named = /filename="([^"]+)"/.exec((await answered?.headerValue('content-disposition')) ?? '')?.[1];
    expect(named).toMatch(/\.pdf$/);
    expect(download.suggestedFilename()).toBe(named);
    const path = await download.path();
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const { pages, size } = await pdfInfo(path);
    expect(pages).toBeGreaterThan(0);
    expect(size).toMatch(/^(612 x 792|792 x 612) pts \(letter\)/);
    await expect.poll(() => statusLine(page).textContent()).toBe(`Your PDF is ready: ${pages} pages. Look in your downloads.`);
    // Focus stayed on Download; Escape closes the choices and goes back to the toolbar's button.
    expect(await focusedText(page)).toBe('Download PDF now');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('export-pdf-button');
    expect(await toolbarButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await page.getByRole('radio', { name: 'US Letter' }).count()).toBe(0);
    await page.context().close();
  });

  it('says it is preparing, and a second press meanwhile starts nothing and says so', async () => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, laptop);
    const held = holdExports(page);
    await held.start();
    await toolbarButton(page).click();
    const download = page.getByRole('button', { name: 'Download PDF now' });
    await download.click();
    await expect.poll(() => statusLine(page).textContent()).toBe('Preparing your PDF…');
    expect(await download.getAttribute('aria-disabled')).toBe('true');
    // Pressed again from where focus stayed (aria-disabled: it keeps focus and still hears presses).
    expect(await focusedText(page)).toBe('Download PDF now');
    await page.keyboard.press('Enter');
    await page.getByText('pressing again does nothing').waitFor();
    expect(held.requests()).toBe(1);
    const downloaded = page.waitForEvent('download');
    held.release();
    const pages = await pagesIn(await (await downloaded).path());
    await expect.poll(() => statusLine(page).textContent()).toBe(`Your PDF is ready: ${pages} pages. Look in your downloads.`);
    expect(held.requests()).toBe(1);
    expect(await page.getByText('pressing again does nothing').count()).toBe(0);
    await page.context().close();
  });

  it('a failure says the server’s message, takes focus to Try again, and Try again works', async () => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, laptop);
    await page.route(exportAddress, failOnce);
    await tabTo(page, 'Download PDF');
    await page.keyboard.press('Enter');
    await tabTo(page, 'Download PDF now');
    await page.keyboard.press('Enter');
    await expect.poll(() => statusLine(page).textContent()).toBe(`We could not make your PDF. ${failure.error.message}`);
    await expect.poll(() => focusedText(page)).toBe('Try again');
    expect(await page.getByRole('button', { name: 'Try again' }).getAttribute('aria-describedby')).toBe(await statusLine(page).getAttribute('id'));

    // Escape closes the choices from there too; what went wrong and Try again stay, one Tab on.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('export-pdf-button');
    expect(await toolbarButton(page).getAttribute('aria-expanded')).toBe('false');
    expect(await statusLine(page).textContent()).toBe(`We could not make your PDF. ${failure.error.message}`);
    await page.keyboard.press('Tab');
    expect(await focusedText(page)).toBe('Try again');

    await page.unroute(exportAddress, failOnce);
    const downloaded = page.waitForEvent('download');
    await page.keyboard.press('Enter');
    const path = await (await downloaded).path();
    expect((await readFile(path)).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await expect.poll(() => statusLine(page).textContent()).toMatch(/^Your PDF is ready: \d+ pages\. Look in your downloads\.$/);
    // Try again went away; focus waits on the toolbar's button, not lost to the page.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('export-pdf-button');
    await page.context().close();
  });

  it('without a connection, says the person seems to be offline; back online, Try again works', async () => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, phone);
    await toolbarButton(page).click();
    await page.context().setOffline(true);
    await page.getByRole('button', { name: 'Download PDF now' }).click();
    await expect.poll(() => statusLine(page).textContent()).toMatch(/^You seem to be offline/);
    await page.context().setOffline(false);
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Try again' }).click();
    await downloaded;
    await expect.poll(() => statusLine(page).textContent()).toMatch(/^Your PDF is ready/);
    await page.context().close();
  });

  it('someone who can only look may download too', async () => {
    const { server, browser } = fixture;
    const { vic, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, vic, boardId, phone);
    await toolbarButton(page).click();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF now' }).click();
    expect((await readFile(await (await downloaded).path())).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.context().close();
  });

  it.each([
    ['a phone', phone],
    ['a laptop', laptop],
  ])('on %s: 44 px targets, nothing wider than the window, axe finds nothing, open and after a failure', async (_name, viewport) => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, viewport);
    await page.route(exportAddress, failOnce);
    await toolbarButton(page).click();
    await page.getByRole('radio', { name: 'US Letter' }).waitFor();
    const check = async () => {
      expect(await smallTargets(page)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
    };
    await check();
    await page.getByRole('button', { name: 'Download PDF now' }).click();
    await page.getByRole('button', { name: 'Try again' }).waitFor();
    await check();
    await page.context().close();
  });

  it('on a slow connection, counts the pages as they arrive, up to the number the file has', async () => {
    const { server, browser } = fixture;
    const { ann, boardId } = await boardToExport();
    const page = await boardPageOf(browser, server, ann, boardId, phone);
    // Every text the status line shows, as it shows it.
    await page.evaluate(() => {
      const line = document.querySelector('.export-pdf__words')!;
      const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
      new MutationObserver(() => seen.push(line.textContent ?? '')).observe(line, { childList: true, characterData: true, subtree: true });
    });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 100, downloadThroughput: 16_000, uploadThroughput: 16_000 });
    await toolbarButton(page).click();
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Download PDF now' }).click();
    const path = await (await downloaded).path();
    const pages = await pagesIn(path);
    await expect.poll(() => statusLine(page).textContent()).toBe(`Your PDF is ready: ${pages} pages. Look in your downloads.`);
    const seen = await page.evaluate(() => (window as unknown as { seen: string[] }).seen);
    const counts = seen.map((text) => /^Preparing your PDF… (\d+) pages? so far$/.exec(text)?.[1]).filter((n) => n !== undefined).map(Number);
    expect(seen[0]).toBe('Preparing your PDF…');
    expect(counts.length).toBeGreaterThan(0);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(counts.at(-1)).toBeLessThanOrEqual(pages);
    await page.context().close();
  });
});
