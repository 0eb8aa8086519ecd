/**
 * "A board with 2,000 comments opens and is editable" (issue 13), in Debian's Chromium at 390×844:
 * an editor with an empty cache opens the board's link; the clock (the page's own, from navigation
 * start) stops when the status says "Live — all changes saved" and every card is there; then they
 * open the first card's "Change name or story", type one letter into its story, and we time that
 * keystroke until another member's stock y-websocket client has it (the server accepts, commits and
 * relays it: durable) and until the page says "all changes saved" again. The board with and without
 * comments take turns in one run, so a slow spell of this shared VM falls on neither.
 */
import { chromium, type Browser } from 'playwright-core';
import { boardTypes } from '../shared/board-document.ts';
import { chromiumPath } from '../test/support/browser.ts';
import { cookieWebSocket, connectProvider } from '../test/support/sync-client.ts';
import { waitUntil } from '../test/support/wait.ts';
import type { CommentsServer, Member, SeededBoard } from './comments-board.ts';

export interface OpenRun {
  /** Navigation start → live and every card shown (page clock). */
  liveMs: number;
  /** Navigation start → the first letter typed into a story is on another member's client (page clock, then Node's). */
  editableMs: number;
  /** The letter typed → another member's client has it (committed before relay). */
  keystrokeRelayMs: number;
  /** The letter typed → the status says "all changes saved" again (page clock; includes the page's probe delay). */
  keystrokeSavedMs: number;
  /** Bytes received by the page (document, scripts, API answers; not the socket's frames). */
  httpBytes: number;
}

/** A load that never became live: what the page said, and how many sockets it opened meanwhile. */
export class NotLive extends Error {
  readonly status: string;
  readonly cards: number;
  readonly sockets: number;
  readonly afterMs: number;
  constructor(status: string, cards: number, sockets: number, afterMs: number) {
    super(`the board was not live with every card after ${afterMs / 1000} s (status: ${status}; ${cards} cards; ${sockets} sockets opened)`);
    this.status = status;
    this.cards = cards;
    this.sockets = sockets;
    this.afterMs = afterMs;
  }
}

const viewport = { width: 390, height: 844 };
const timeoutMs = 180_000;

/** Chromium without the slow link, started as the other page benchmarks start it. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
}

/** One load of `board` by `member` in a fresh context (empty cache, no service worker, no device copy). */
export async function openAndType(browser: Browser, server: CommentsServer, board: SeededBoard, member: Member, liveTimeoutMs = timeoutMs): Promise<OpenRun> {
  const context = await browser.newContext({ viewport });
  try {
    const [name, value] = member.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.url }]);
    const page = await context.newPage();
    let sockets = 0;
    page.on('websocket', () => void sockets++);
    await page.goto(`${server.url}/boards/${board.boardId}`, { waitUntil: 'commit' });
    const live = await page.waitForFunction(
      (cards) => {
        const isLive = document.querySelector('.connection-status')?.textContent?.includes('Live — all changes saved') ?? false;
        return isLive && document.querySelectorAll('[data-touchpoint-id]').length >= cards ? performance.now() : false;
      },
      board.cards,
      { polling: 'raf', timeout: liveTimeoutMs },
    ).catch(async () => {
      const status = await page.locator('.connection-status').textContent().catch(() => null);
      const cards = await page.locator('[data-touchpoint-id]').count().catch(() => -1);
      throw new NotLive(status ?? 'none', cards, sockets, liveTimeoutMs);
    });
    const liveMs = (await live.jsonValue()) as number;
    const httpBytes = await page.evaluate(() =>
      ([...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')] as PerformanceResourceTiming[]).reduce((sum, e) => sum + e.transferSize, 0),
    );

    // Another member, to see the letter arrive; joined now, so the server's room was cold for the page.
    const observer = connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: board.boardId, WebSocketPolyfill: cookieWebSocket(member.cookie) }, { syncTimeoutMs: timeoutMs });
    try {
      await observer.synced;
      const story = () => boardTypes(observer.doc).touchpoints.get(board.firstCard)?.get('story') as { length: number } | undefined;
      const before = story()?.length ?? -1;
      const card = page.locator(`[data-touchpoint-id="${board.firstCard}"]`);
      await card.getByRole('button', { name: /^More actions/ }).click();
      await page.getByRole('menuitem', { name: 'Change name or story' }).click();
      const field = card.getByLabel('Story', { exact: true });
      await field.focus();
      // The status's changes from here on, in the page's clock: "saving…" first, then "saved" again.
      await page.evaluate(() => {
        const status = document.querySelector('.connection-status')!;
        const seen: { saving?: number; saved?: number; typed?: number } = {};
        (window as unknown as { benchSave: typeof seen }).benchSave = seen;
        document.addEventListener('keydown', () => (seen.typed ??= performance.now()), { capture: true, once: true });
        new MutationObserver(() => {
          const text = status.textContent ?? '';
          if (seen.saving === undefined && text.includes('saving')) seen.saving = performance.now();
          else if (seen.saving !== undefined && seen.saved === undefined && text.includes('all changes saved')) seen.saved = performance.now();
        }).observe(status, { subtree: true, childList: true, characterData: true });
      });
      const pressed = performance.now();
      await page.keyboard.press('x');
      await waitUntil(() => (story()?.length ?? -1) === before + 1, 'the typed letter reaches another member', timeoutMs);
      const relayed = performance.now();
      const savedHandle = await page.waitForFunction(() => {
        const seen = (window as unknown as { benchSave: { typed?: number; saved?: number } }).benchSave;
        return seen.saved !== undefined && seen.typed !== undefined ? seen : false;
      }, undefined, { polling: 'raf', timeout: timeoutMs });
      const seen = (await savedHandle.jsonValue()) as { typed: number; saved: number };
      const keystrokeRelayMs = relayed - pressed;
      return {
        liveMs,
        editableMs: seen.typed + keystrokeRelayMs,
        keystrokeRelayMs,
        keystrokeSavedMs: seen.saved - seen.typed,
        httpBytes,
      };
    } finally {
      observer.destroy();
    }
  } finally {
    await context.close();
  }
}
