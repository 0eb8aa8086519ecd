/**
 * The board page in real Chromium on big maps: how long until every card is on screen, how many
 * cards a remote edit to one card touches (fine-grained updates: it should be one), and the
 * client's JavaScript size. The board is seeded by a Node y-websocket client with the contract's
 * schema, exactly as another program would write it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { generateNKeysBetween } from 'fractional-indexing';
import { chromium } from 'playwright-core';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { clientDist } from '../scripts/build-client.ts';
import { connectClient } from '../test/support/sync-client.ts';
import { createBoard, type BenchAccount } from './account.ts';
import type { BenchServer } from './server.ts';

/** Each card carries this attribute with its touchpoint id. */
export const cardSelector = '[data-touchpoint-id]';

export interface RenderResult {
  stages: number;
  touchpoints: number;
  /** Navigation start → every card in the DOM, in the page's clock. */
  openMs: number;
  /** Distinct cards whose DOM changed after one remote title edit. */
  cardsTouched: number;
}

/** Total gzipped size of the built client's JavaScript. */
export function clientJsGzipBytes(): number {
  const assets = join(clientDist, 'assets');
  return readdirSync(assets)
    .filter((name) => name.endsWith('.js'))
    .reduce((sum, name) => sum + gzipSync(readFileSync(join(assets, name)), { level: 9 }).byteLength, 0);
}

async function seed(server: BenchServer, account: BenchAccount, stages: number, touchpoints: number): Promise<{ boardId: string; firstId: string }> {
  const boardId = await createBoard(server, account, `Render ${stages}×${touchpoints}`);
  const client = connectClient(server, boardId, account.cookie);
  await client.synced;
  const { stages: stageArray, touchpoints: map } = boardTypes(client.doc);
  const perStage = Math.ceil(touchpoints / stages);
  let firstId = '';
  client.doc.transact(() => {
    let made = 0;
    for (let s = 0; s < stages; s++) {
      const stageId = `stage-${String(s).padStart(4, '0')}`;
      stageArray.push([newStage(stageId, `Stage ${s + 1}`)]);
      const keys = generateNKeysBetween(null, null, Math.min(perStage, touchpoints - made));
      for (const order of keys) {
        const id = `touch-${String(made++).padStart(5, '0')}`;
        firstId ||= id;
        map.set(id, newTouchpoint({ id, stageId, order, title: `Touchpoint ${made}`, story: 'A short story of how it went.', createdBy: account.userId, createdAt: 0 }));
      }
    }
  });
  // Wait until the server has committed the seed: its answer to a fresh sync says so.
  const check = connectClient(server, boardId, account.cookie);
  await check.synced;
  const size = boardTypes(check.doc).touchpoints.size;
  check.destroy();
  client.destroy();
  if (size !== touchpoints) throw new Error(`seeded ${size} of ${touchpoints} touchpoints`);
  return { boardId, firstId };
}

export async function measureBoardRender(server: BenchServer, account: BenchAccount, stages: number, touchpoints: number): Promise<RenderResult> {
  const { boardId, firstId } = await seed(server, account, stages, touchpoints);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const context = await browser.newContext({ baseURL: server.origin });
    const [name, value] = account.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.origin }]);
    const page = await context.newPage();
    await page.goto(`/boards/${boardId}`);
    // Usable, not just drawn: every card there and the editing controls shown.
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-touchpoint-id]').length >= n && document.querySelector('[data-touchpoint-id] button') !== null,
      touchpoints,
      { polling: 'raf', timeout: 120_000 },
    );
    const openMs = await page.evaluate(() => performance.now());

    await page.evaluate((selector) => {
      const touched = new Set<Element>();
      (window as unknown as { touched: Set<Element> }).touched = touched;
      new MutationObserver((records) => {
        for (const record of records) {
          const node = record.target instanceof Element ? record.target : record.target.parentElement;
          const card = node?.closest(selector);
          if (card) touched.add(card);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    }, cardSelector);
    const editor = connectClient(server, boardId, account.cookie);
    await editor.synced;
    const title = boardTypes(editor.doc).touchpoints.get(firstId)?.get('title');
    if (!(title instanceof Y.Text)) throw new Error('seeded touchpoint has no title text');
    title.insert(0, 'Edited ');
    await page.waitForFunction((id) => document.querySelector(`[data-touchpoint-id="${id}"]`)?.textContent?.includes('Edited '), firstId);
    const cardsTouched = await page.evaluate(() => (window as unknown as { touched: Set<Element> }).touched.size);
    editor.destroy();
    return { stages, touchpoints, openMs, cardsTouched };
  } finally {
    await browser.close();
  }
}
