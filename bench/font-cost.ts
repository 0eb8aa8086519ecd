/**
 * What a web font costs on the slow connection of issue 10 (point 13): the same server serving two
 * builds of the client — before (system fonts) and after (Atkinson Hyperlegible Next) — to a
 * 390×844 Chromium page with an empty cache and Chromium's network emulation (400 ms latency,
 * 400 kbit/s each way; no service worker, as on a first visit). For a board link it reports, as
 * medians of FONT_COST_RUNS runs (default 5):
 * - first contentful paint (text shows: with font-display: swap it never waits for a font),
 * - "Live — all changes saved" with the cards drawn,
 * - when the last font file arrived,
 * - bytes over the link (document and every resource, transferSize), and font bytes alone,
 * - layout shift (CLS: the sum of layout-shift scores without recent input) up to 2 s after the
 *   fonts arrived — the text re-wrapping when the font swaps in;
 * and the same for each run's next visit (a reload; with the font, once the page has fetched the
 * files for it), when the font is used from the first paint.
 *
 *   FONT_COST_BEFORE=/path/to/dist/client FONT_COST_AFTER=/path/to/dist/client \
 *     node --experimental-strip-types bench/font-cost.ts
 *
 * (AFTER defaults to this checkout's dist/client.) Not part of `npm run bench`: a one-off
 * comparison behind a decision, kept so the figures in docs/BENCHMARKS.md can be made again.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { launchBrowser } from '../test/support/browser.ts';
import { connectClient } from '../test/support/sync-client.ts';
import { createBoard, signUp, startTestServer } from '../test/support/test-server.ts';
import { ms } from './stats.ts';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const runs = Number(process.env['FONT_COST_RUNS'] ?? 5);
const builds = {
  before: process.env['FONT_COST_BEFORE'],
  after: process.env['FONT_COST_AFTER'] ?? join(root, 'dist/client'),
};

interface Load {
  fcp: number;
  live: number;
  fontsDone: number | null;
  bytes: number;
  fontBytes: number;
  cls: number;
}

/** Read in the page: the figures of its load, `liveAt` being when the board was live. */
function readLoad(liveAt: number): Load {
  const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
  const fonts = resources.filter((r) => r.name.endsWith('.woff2'));
  return {
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    live: liveAt,
    fontsDone: fonts.length === 0 ? null : Math.max(...fonts.map((f) => f.responseEnd)),
    bytes: navigation.transferSize + resources.reduce((sum, r) => sum + r.transferSize, 0),
    fontBytes: fonts.reduce((sum, r) => sum + r.transferSize, 0),
    cls: (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
  };
}

/** First visits to a board link with an empty cache, and into `next` each one's next visit. */
async function measure(browser: Browser, clientDir: string, next: Load[], withFont: boolean): Promise<Load[]> {
  const server = await startTestServer({ clientDir });
  try {
    const owner = await signUp(server, 'Ann');
    const boardId = await createBoard(server, owner, 'Day surgery journey');
    const writer = connectClient(server, boardId, owner.cookie);
    await writer.synced;
    const { stages, touchpoints } = boardTypes(writer.doc);
    writer.doc.transact(() => {
      ['Referral', 'Waiting for a date', 'The day before', 'Arriving', 'The operation', 'Going home'].forEach((name, s) => {
        stages.push([newStage(`stage-${s}-of-6`, name)]);
        for (let i = 0; i < 5; i++)
          touchpoints.set(`touch-${s}-${i}`, newTouchpoint({ id: `touch-${s}-${i}`, stageId: `stage-${s}-of-6`, order: `a${i}`, title: `${name}, moment ${i + 1}`, story: 'What happened and how it felt.', createdBy: owner.id, createdAt: 0 }));
      });
    });
    writer.destroy();
    const loads: Load[] = [];
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ baseURL: server.config.publicOrigin, viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
      const [name, value] = owner.cookie.split('=') as [string, string];
      await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 });
      await page.addInitScript(() => {
        const shifts: number[] = [];
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
            if (!entry.hadRecentInput) shifts.push(entry.value);
        }).observe({ type: 'layout-shift', buffered: true });
        (window as unknown as { shifts: number[] }).shifts = shifts;
      });
      await page.goto(`/boards/${boardId}`);
      await page.waitForFunction(() => /all changes saved/.test(document.querySelector('[role="status"]')?.textContent ?? '') && document.querySelectorAll('.touchpoint').length === 30, undefined, { timeout: 60_000, polling: 'raf' });
      const live = await page.evaluate(() => performance.now());
      // Wait for the fonts (if any), then 2 s for the page to settle.
      await page.evaluate(() => document.fonts.ready);
      await page.waitForTimeout(2000); // a measured settling window, not a wait for an event
      loads.push(await page.evaluate(readLoad, live));
      process.stderr.write(`  run ${run + 1}: ${JSON.stringify(loads.at(-1))}\n`);
      {
        // The next visit, once the page has fetched the files for it (client/src/fonts.ts).
        if (withFont) await page.waitForFunction(() => localStorage.getItem('common-ground:readable-font') === 'cached', undefined, { timeout: 60_000 });
        await page.reload();
        await page.waitForFunction(() => /all changes saved/.test(document.querySelector('[role="status"]')?.textContent ?? '') && document.querySelectorAll('.touchpoint').length === 30, undefined, { timeout: 60_000, polling: 'raf' });
        const liveAgain = await page.evaluate(() => performance.now());
        await page.evaluate(() => document.fonts.ready);
        await page.waitForTimeout(2000);
        next.push(await page.evaluate(readLoad, liveAgain));
        process.stderr.write(`  run ${run + 1}, next visit: ${JSON.stringify(next.at(-1))}\n`);
      }
      await context.close();
    }
    return loads;
  } finally {
    await server.dispose();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
};

async function main(): Promise<void> {
  if (builds.before === undefined) throw new Error('set FONT_COST_BEFORE to the dist/client of the build without the font');
  const browser = await launchBrowser();
  try {
    const rows: string[] = [];
    const row = (label: string, loads: Load[]) => {
      const pick = (key: keyof Load) => median(loads.map((load) => load[key] ?? NaN));
      rows.push(
        `| ${label} | ${ms(pick('fcp'))} | ${ms(pick('live'))} | ${Number.isNaN(pick('fontsDone')) ? '–' : ms(pick('fontsDone'))} | ${(pick('bytes') / 1024).toFixed(1)} | ${(pick('fontBytes') / 1024).toFixed(1)} | ${pick('cls').toFixed(3)} |`,
      );
    };
    for (const [label, dir] of Object.entries(builds) as [string, string][]) {
      process.stderr.write(`${label}: ${dir}\n`);
      const next: Load[] = [];
      row(`${label}, first visit`, await measure(browser, dir, next, label === 'after'));
      row(`${label}, next visit`, next);
    }
    console.log('| build | text shown (FCP), ms | board live, ms | fonts in, ms | KiB over the link | of which fonts, KiB | layout shift (CLS) |');
    console.log('| --- | --- | --- | --- | --- | --- | --- |');
    for (const row of rows) console.log(row);
  } finally {
    await browser.close();
  }
}

await main();
