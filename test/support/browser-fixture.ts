/**
 * The fixture every browser test file shares: a real server serving the built client, Debian's
 * Chromium, and Node sync clients opened along the way — all torn down after the file.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { clientDist } from '../../scripts/build-client.ts';
import { launchBrowser } from './browser.ts';
import { connectClient, type SyncClient } from './sync-client.ts';
import { contextFor, openBoard } from './board-page.ts';
import { addMember } from './members.ts';
import type { NodeServerOptions } from '../../server/runtime/node-server.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from './test-server.ts';

export interface BrowserFixture {
  readonly server: TestServer;
  readonly browser: Browser;
  /** A Node y-websocket client as `person`, closed after the file. */
  nodeClient(boardId: string, person: TestPerson): SyncClient;
}

/**
 * Starts a server with `start` and Debian's Chromium before the file's tests, stops both after:
 * the part every browser fixture shares, whichever runtime serves the app.
 */
export function serverAndBrowser<S extends { dispose(): Promise<void> }>(start: () => Promise<S>): { readonly server: S; readonly browser: Browser } {
  let server: S | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await start();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });
  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser starts in beforeAll');
      return browser;
    },
  };
}

/**
 * Registers beforeAll/afterAll hooks; read the fields inside tests. `serverOptions` go to the
 * server (e.g. `wrapDocumentStore` to make its database refuse writes).
 */
export function useBrowserFixture(serverOptions: NodeServerOptions = {}): BrowserFixture {
  // E2E_CLIENT_DIR: run a file against another build (e.g. an older commit's client) to see
  // its tests fail without the fix they guard.
  const running = serverAndBrowser(() => startTestServer({ ...serverOptions, clientDir: process.env['E2E_CLIENT_DIR'] ?? clientDist }));
  const clients: SyncClient[] = [];
  afterAll(() => {
    for (const client of clients) client.destroy();
  });
  return {
    get server() {
      return running.server;
    },
    get browser() {
      return running.browser;
    },
    nodeClient(boardId, person) {
      const client = connectClient(this.server, boardId, person.cookie);
      clients.push(client);
      return client;
    },
  };
}

/** Ann (facilitator) and Bob (edit) on a new board, each with the board open in their own browser. */
export async function twoPeopleOnBoard(fixture: BrowserFixture, title: string) {
  const { server, browser } = fixture;
  const ann = await signUp(server, 'Ann');
  const bob = await signUp(server, 'Bob');
  const boardId = await createBoard(server, ann, title);
  await addMember(server.libsqlUrl, boardId, bob.id, 'edit');
  const pageA = await openBoard(await contextFor(browser, server, ann), boardId);
  const pageB = await openBoard(await contextFor(browser, server, bob), boardId);
  return { ann, bob, boardId, pageA, pageB };
}
