/**
 * `npm run bench -- --first-load`: the first load on a slow connection (issue 10, point 3), in
 * Debian's Chromium with its own network emulation — 400 ms latency, 400 kbit/s (50,000 bytes/s)
 * down and up — on every page and service worker (bench/throttled-chromium.ts), a 390×844 phone
 * screen, against the real server (a child process serving the built client, LibSQL file):
 *
 * - **invite link → join form**: a person who was never here opens an invite link; the clock stops
 *   when the "Your first name" field is on the page (laid out, not hidden);
 * - **direct link → live board**: a signed-in person with an empty cache opens a board link; the
 *   clock stops when the status line says "Live — all changes saved" and the cards are there;
 * - **warm reload → live board**: that page reloaded once its first load has settled (and, where
 *   the build has one, its service worker is active).
 *
 * All in the page's own clock (navigation start = 0). Each measurement is repeated; the table gives
 * the median and the range. Also the bytes that crossed the emulated link per load, and each
 * page's JavaScript (the files it fetched) gzipped and brotli-compressed at maximum settings.
 *
 * `FIRST_LOAD_ROOT=/path/to/another/checkout` measures that checkout's server and built client
 * (its `dist/client` must exist) with this driver, for before/after figures from one session.
 * `FIRST_LOAD_WITHOUT_FONTS=1` refuses the pages' web fonts, to show what they cost on this line.
 * `FIRST_LOAD_RUNS` (default 5) sets the repetitions; `BENCH_DEBUG=1` prints each load's requests.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildClientIfStale } from '../scripts/build-client.ts';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { childServer, type ChildServer } from '../test/support/child-server.ts';
import { freePort } from '../test/support/free-port.ts';
import { connectClient } from '../test/support/sync-client.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { generateNKeysBetween } from 'fractional-indexing';
import { createBoard, registerAccount, type ApiTarget, type BenchAccount } from './account.ts';
import { count, markdownTable, ms } from './stats.ts';
import { launchThrottledChromium, type NetworkConditions } from './throttled-chromium.ts';

/** The connection of issue 10: 400 ms latency, 400 kbit/s each way. */
export const slowConnection: NetworkConditions = { latency: 400, downloadThroughput: 50_000, uploadThroughput: 50_000 };

/** The goals of issue 10 in ms. */
const goals = { invite: 3_000, board: 4_000, warm: 1_000 };

const runs = Number(process.env['FIRST_LOAD_RUNS'] ?? 5);
const withoutFonts = process.env['FIRST_LOAD_WITHOUT_FONTS'] === '1';

/** A fresh browser context (empty cache, no service worker) on the phone-sized screen. */
async function newContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport });
  if (withoutFonts) await context.route(/\.woff2?$/, (route) => route.abort());
  return context;
}
const viewport = { width: 390, height: 844 };
const ownRoot = resolve(fileURLToPath(new URL('..', import.meta.url)));

interface Load {
  /** Navigation start → the goal reached, in the page's clock. */
  ms: number;
  /** Bytes received over the emulated link (transferSize of the document and every resource). */
  bytes: number;
  /** The /assets/*.js files the page fetched (from the network or a cache). */
  scripts: string[];
}

/** The server of `root` in a child process, its data in a temp folder removed on stop. */
async function startServer(root: string): Promise<ChildServer & { url: string }> {
  const dir = makeTempDir('common-ground-first-load-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = childServer({
    name: 'Common Ground',
    script: join(root, 'server/runtime/node-main.ts'),
    nodeFlags: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(dir.path, 'bench.db')}`, PUBLIC_URL: url },
    url,
    cwd: root,
    onStopped: () => dir.remove(),
  });
  await server.start();
  return Object.assign(server, { url });
}

/** A board like one a workshop makes: 6 stages of 5 touchpoints, written by a Node client. */
async function seedBoard(target: ApiTarget, account: BenchAccount): Promise<string> {
  const boardId = await createBoard(target, account, 'Day surgery journey');
  const client = connectClient({ wsUrl: target.url.replace(/^http/, 'ws') }, boardId, account.cookie);
  await client.synced;
  const { stages, touchpoints } = boardTypes(client.doc);
  const names = ['Referral', 'Waiting for a date', 'The day before', 'Arriving', 'The operation', 'Going home'];
  client.doc.transact(() => {
    names.forEach((name, s) => {
      const stageId = `stage-${s}-of-6`;
      stages.push([newStage(stageId, name)]);
      generateNKeysBetween(null, null, 5).forEach((order, i) => {
        const id = `touch-${s}-${i}`;
        touchpoints.set(id, newTouchpoint({ id, stageId, order, title: `${name}, moment ${i + 1}`, story: 'What happened and how it felt.', createdBy: account.userId, createdAt: 0 }));
      });
    });
  });
  const check = connectClient({ wsUrl: target.url.replace(/^http/, 'ws') }, boardId, account.cookie);
  await check.synced;
  const seeded = boardTypes(check.doc).touchpoints.size;
  check.destroy();
  client.destroy();
  if (seeded !== 30) throw new Error(`seeded ${seeded} of 30 touchpoints`);
  return boardId;
}

async function inviteToken(target: ApiTarget, account: BenchAccount, boardId: string): Promise<string> {
  const response = await fetch(`${target.url}/api/boards/${boardId}/invites`, {
    method: 'POST',
    headers: { origin: target.origin, 'content-type': 'application/json', cookie: account.cookie },
    body: JSON.stringify({ access: 'edit' }),
  });
  if (response.status !== 201) throw new Error(`making an invite failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** Waits in the page until `goal` holds and returns the page's clock at that frame. */
async function timeUntil(page: Page, goal: 'joinForm' | 'liveBoard'): Promise<number> {
  const handle = await page.waitForFunction(
    (which) => {
      const shown = (element: Element | null | undefined) => element instanceof HTMLElement && element.getClientRects().length > 0;
      if (which === 'joinForm') {
        const label = [...document.querySelectorAll('label')].find((l) => l.textContent?.trim() === 'Your first name');
        return shown(label) && shown(document.getElementById(label!.htmlFor)) ? performance.now() : false;
      }
      const live = [...document.querySelectorAll('[role="status"]')].some((s) => s.textContent?.includes('Live — all changes saved'));
      return live && shown(document.querySelector('[data-touchpoint-id]')) ? performance.now() : false;
    },
    goal,
    { polling: 'raf', timeout: 120_000 },
  );
  return (await handle.jsonValue()) as number;
}

/** What the page received: bytes over the link and the scripts it fetched. */
async function received(page: Page): Promise<Pick<Load, 'bytes' | 'scripts'>> {
  return page.evaluate(() => {
    const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[];
    return {
      bytes: entries.reduce((sum, entry) => sum + entry.transferSize, 0),
      scripts: entries.map((entry) => new URL(entry.name).pathname).filter((path) => /^\/assets\/.+\.js$/.test(path)),
    };
  });
}

/** With BENCH_DEBUG set: the page's requests on a time line, to see where a load spends its time. */
async function printTimeline(page: Page, progress: (line: string) => void): Promise<void> {
  if (!process.env['BENCH_DEBUG']) return;
  const lines = await page.evaluate(() =>
    ([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]).map(
      (e) => `    ${e.startTime.toFixed(0).padStart(6)} → ${e.responseEnd.toFixed(0).padStart(6)} ms  ${String(e.transferSize).padStart(7)} B  ${e.name.replace(location.origin, '')}`,
    ),
  );
  progress(lines.join('\n'));
  progress(`    load event at ${await page.evaluate(() => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventStart.toFixed(0))} ms`);
  progress(`    ${(await page.evaluate(() => (window as unknown as { wsLog?: string[] }).wsLog ?? [])).slice(0, 8).join('\n    ')}`);
}

/** Gzip (level 9) and brotli (quality 11) sizes of the given built files. */
function compressedSizes(root: string, paths: readonly string[]): { raw: number; gz: number; br: number } {
  let raw = 0;
  let gz = 0;
  let br = 0;
  for (const path of new Set(paths)) {
    const bytes = readFileSync(join(root, 'dist/client', path));
    raw += bytes.byteLength;
    gz += gzipSync(bytes, { level: 9 }).byteLength;
    br += brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).byteLength;
  }
  return { raw, gz, br };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;

/** Median and range of `loads`, in ms, with the goal met or not. */
function row(what: string, loads: readonly Load[], goal: number): string[] {
  const times = loads.map((load) => load.ms);
  const mid = median(times);
  return [
    what,
    ms(mid),
    `${ms(Math.min(...times))} – ${ms(Math.max(...times))}`,
    count(median(loads.map((load) => load.bytes)) / 1000),
    `≤ ${goal / 1000} s: ${mid <= goal ? 'met' : 'NOT met'}`,
  ];
}

export async function firstLoadSection(progress: (line: string) => void, track: (server: { killNow(): void }) => void): Promise<string> {
  const root = resolve(process.env['FIRST_LOAD_ROOT'] ?? ownRoot);
  if (root === ownRoot) await buildClientIfStale(progress);
  else if (!existsSync(join(root, 'dist/client/index.html'))) throw new Error(`${root} has no built client (dist/client/index.html)`);
  const server = await startServer(root);
  track(server);
  const target = { url: server.url, origin: server.url };
  const chrome = await launchThrottledChromium(slowConnection);
  track(chrome);
  try {
    const account = await registerAccount(target, 'Fay');
    const boardId = await seedBoard(target, account);
    const token = await inviteToken(target, account, boardId);
    // Whether this build has a service worker to wait for before the reload (it registers late).
    const hasWorker = (await fetch(`${server.url}/sw.js`)).ok;
    const [cookieName, cookieValue] = account.cookie.split('=') as [string, string];
    const invite: Load[] = [];
    const board: Load[] = [];
    const warm: Load[] = [];
    for (let run = 1; run <= runs; run++) {
      progress(`first load, run ${run} of ${runs}: invite link`);
      const guest = await newContext(chrome.browser);
      const invitePage = await guest.newPage();
      await invitePage.goto(`${server.url}/invite/${token}`, { waitUntil: 'commit' });
      invite.push({ ms: await timeUntil(invitePage, 'joinForm'), ...(await received(invitePage)) });
      progress(`  join form shown at ${ms(invite.at(-1)!.ms)} ms`);
      await printTimeline(invitePage, progress);
      await guest.close();

      progress(`first load, run ${run} of ${runs}: board link, then a reload`);
      const member = await newContext(chrome.browser);
      await member.addCookies([{ name: cookieName, value: cookieValue, url: server.url }]);
      const page = await member.newPage();
      if (process.env['BENCH_DEBUG']) {
        await page.addInitScript(() => {
          const Native = WebSocket;
          const log: string[] = ((window as unknown as { wsLog: string[] }).wsLog = []);
          window.WebSocket = class extends Native {
            constructor(url: string | URL, protocols?: string | string[]) {
              super(url, protocols);
              log.push(`${performance.now().toFixed(0)} ws created`);
              this.addEventListener('open', () => log.push(`${performance.now().toFixed(0)} ws open`));
              this.addEventListener('message', (e) => log.push(`${performance.now().toFixed(0)} ws message ${(e.data as ArrayBuffer).byteLength ?? ''} B`));
            }
          };
        });
      }
      await page.goto(`${server.url}/boards/${boardId}`, { waitUntil: 'commit' });
      board.push({ ms: await timeUntil(page, 'liveBoard'), ...(await received(page)) });
      progress(`  board live at ${ms(board.at(-1)!.ms)} ms`);
      await printTimeline(page, progress);
      // Settled: the page's downloads done and, where the app registers one, its service worker active.
      await page.waitForLoadState('networkidle', { timeout: 60_000 });
      progress('  settled; waiting for a service worker, if any');
      if (hasWorker) await page.evaluate(async () => void (await navigator.serviceWorker.ready));
      progress(`  ${hasWorker ? 'service worker active' : 'no service worker'}; reloading`);
      await page.reload({ waitUntil: 'commit' });
      progress('  reload committed');
      warm.push({ ms: await timeUntil(page, 'liveBoard'), ...(await received(page)) });
      progress(`  reloaded board live at ${ms(warm.at(-1)!.ms)} ms`);
      await printTimeline(page, progress);
      await member.close();
    }
    progress(`first load: ${chrome.throttledTargets()} targets ran on the emulated link`);
    const scripts = (loads: Load[]) => compressedSizes(root, loads[0]!.scripts);
    const sizes = [
      ['invite page', scripts(invite)],
      ['board page', scripts(board)],
    ] as const;
    return [
      `### First load on a slow connection (400 ms latency, 400 kbit/s; Chromium network emulation; ${viewport.width}×${viewport.height})`,
      '',
      `Server and client of ${root === ownRoot ? 'this checkout' : root}; ${runs} runs each; times from navigation start in the page's clock${withoutFonts ? '; web fonts refused (FIRST_LOAD_WITHOUT_FONTS)' : ''}.`,
      '',
      markdownTable(
        ['load', 'median (ms)', 'range (ms)', 'received (KB, median)', 'goal'],
        [
          row('invite link → join form shown', invite, goals.invite),
          row('board link → live board (signed in, empty cache)', board, goals.board),
          row('reload of that board → live board', warm, goals.warm),
        ],
      ),
      '',
      markdownTable(
        ['page', 'JavaScript files', 'raw (KB)', 'gzip -9 (KB)', 'brotli 11 (KB)'],
        sizes.map(([page, size]) => [
          page,
          String(new Set(page === 'invite page' ? invite[0]!.scripts : board[0]!.scripts).size),
          count(size.raw / 1000),
          count(size.gz / 1000),
          count(size.br / 1000),
        ]),
      ),
    ].join('\n');
  } finally {
    await chrome.close();
    await server.stop();
  }
}
