/**
 * The minimal client in real Chromium against the real server and the built client: create an
 * account, create a board, see a Node y-websocket client's stage appear live and vice versa, and
 * get plain words (no endless retrying) for a board you may not open.
 */
import { describe, expect, it } from 'vitest';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { addStage } from '../support/board-page.ts';
import { useBrowserFixture } from '../support/browser-fixture.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const fixture = useBrowserFixture();

interface SocketRecord {
  url: string;
  closeCode: number | null;
}

/** Runs in the page before its scripts: records each WebSocket it opens and the code it closed with. */
function recordSockets(): void {
  const sockets: SocketRecord[] = [];
  (window as unknown as { sockets: SocketRecord[] }).sockets = sockets;
  window.WebSocket = class RecordedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const record: SocketRecord = { url: String(url), closeCode: null };
      sockets.push(record);
      this.addEventListener('close', (event) => (record.closeCode = event.code));
    }
  };
}

describe('the minimal client', () => {
  it('creates an account and a board, and syncs live with another program', async () => {
    const { server, browser } = fixture;
    const context = await browser.newContext({ baseURL: server.config.publicOrigin });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Make an account' }).click();
    await page.getByLabel('Your first name').fill('Mary');
    await page.getByLabel('Email').fill(`mary-${Date.now()}@example.org`);
    await page.getByLabel('Password', { exact: true }).fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByLabel('Board title').fill('Day surgery');
    await page.getByRole('button', { name: 'Create board' }).click();
    await page.waitForURL(/\/boards\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('Live');
    const boardId = page.url().split('/').pop()!;

    // The browser's cookie lets a Node y-websocket client in as the same person.
    const cookie = (await context.cookies()).find((c) => c.name === 'session')!;
    const other = fixture.nodeClient(boardId, { id: '', displayName: 'Mary', cookie: `session=${cookie.value}` });
    await other.synced;
    boardTypes(other.doc).stages.push([newStage('from-node', 'Referral')]);
    await page.getByRole('heading', { name: /Referral/ }).waitFor();

    await addStage(page, 'Arriving');
    await waitUntil(
      () => boardTypes(other.doc).stages.toArray().some((stage) => stage.get('title') === 'Arriving'),
      'the Node client sees the stage added in the page',
    );
    await context.close();
  });

  it('tells a non-member in plain words and stops retrying', async () => {
    const { server, browser } = fixture;
    const owner = await signUp(server, 'Owner');
    const boardId = await createBoard(server, owner, 'Not yours');
    const stranger = await signUp(server, 'Stranger');
    const context = await browser.newContext({ baseURL: server.config.publicOrigin });
    const [name, value] = stranger.cookie.split('=') as [string, string];
    await context.addCookies([{ name, value, url: server.config.publicOrigin }]);
    await context.addInitScript(recordSockets);
    const page = await context.newPage();
    // Page time is the test's: it runs the page's timers (the provider's retry among them) at will.
    await page.clock.install();
    await page.goto(`/boards/${boardId}`);
    await page.getByText('You are not a member of this board').waitFor();
    await page.getByRole('link', { name: 'Go to your boards' }).waitFor();
    const sockets = () => page.evaluate(() => (window as unknown as { sockets: SocketRecord[] }).sockets);
    expect(await sockets()).toEqual([{ url: expect.stringContaining(`/sync/${boardId}`), closeCode: CloseCode.forbidden }]);
    // y-websocket schedules its next attempt with setTimeout (backoff at most 2.5 s) even after a
    // terminal close. Run a minute of page time: a client that retries opens a second socket here.
    await page.clock.runFor(60_000);
    expect(await sockets()).toHaveLength(1);
    await context.close();
  });
});
