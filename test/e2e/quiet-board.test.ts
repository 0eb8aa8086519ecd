/**
 * A board left open and quiet costs nothing on Workers: the page stays connected by sending the
 * text keep-alive (`ping`, answered `pong` by the runtime without waking the board's object) and
 * sends no presence renewals, while the others still see the person there. Real Chromium, the
 * built client from `wrangler dev`; the page's clock is moved on (Playwright's clock), the
 * network and the server run in real time.
 */
import type { WebSocket as PageSocket } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { keepAlive } from '../../shared/sync-protocol.ts';
import { contextFor } from '../support/board-page.ts';
import { connectClient } from '../support/sync-client.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { useWorkerBrowserFixture } from '../support/worker-browser-fixture.ts';

const fixture = useWorkerBrowserFixture();

describe('a quiet board', () => {
  it('keeps its connection with keep-alives alone and sends no presence renewals', async () => {
    const { server, browser } = fixture;
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Left open overnight');
    const observer = connectClient(server, boardId, ann.cookie);
    await observer.synced;
    const annHere = () => [...observer.provider.awareness.getStates().values()].some((state) => (state as { user?: { name?: string } }).user?.name === 'Ann');

    const page = await (await contextFor(browser, server as never, ann)).newPage();
    await page.clock.install();
    const sockets: PageSocket[] = [];
    const sent: (string | Buffer)[] = [];
    let pongs = 0;
    let recording = false;
    page.on('websocket', (socket) => {
      if (!socket.url().includes('/sync/')) return;
      sockets.push(socket);
      socket.on('framesent', ({ payload }) => void (recording && sent.push(payload)));
      socket.on('framereceived', ({ payload }) => void (payload === keepAlive.pong && pongs++));
    });
    await page.goto(`/boards/${boardId}`);
    await page.getByRole('status').filter({ hasText: 'Live' }).waitFor();
    await waitUntil(annHere, 'the observer sees Ann on the board');

    // Two minutes of nobody doing anything, 20 s of the page's time at a time; each keep-alive's
    // answer travels in real time before the next step.
    recording = true;
    for (let step = 1; step <= 6; step++) {
      await page.clock.runFor(20_000);
      await waitUntil(() => pongs >= step, `keep-alive ${step} answered`, 10_000);
    }

    expect(sockets).toHaveLength(1); // never dropped and reopened for want of news
    expect(sent.filter((payload) => typeof payload !== 'string')).toEqual([]); // no presence renewals
    expect(sent.filter((payload) => payload === keepAlive.ping).length).toBeGreaterThanOrEqual(6);
    expect(annHere()).toBe(true);
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Live');
    observer.destroy();
  });
});
