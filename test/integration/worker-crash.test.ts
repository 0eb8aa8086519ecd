/**
 * Durability of the Workers build across a crash: several stock y-websocket clients write a burst
 * to one board in `wrangler dev`, the whole runtime (wrangler and both workerd processes) is
 * killed with SIGKILL in the middle of it, and after a restart on the same state every update any
 * client had seen relayed is there — the board's Durable Object stored each one before relaying it.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';

let server: WorkerServer | null = null;
const clients: SyncClient[] = [];

afterEach(() => {
  for (const client of clients.splice(0)) client.destroy();
});
afterAll(async () => {
  await server?.dispose();
});

function titles(client: SyncClient): string[] {
  return boardTypes(client.doc).stages.toArray().map((stage) => String(stage.get('title')));
}

describe('crash safety on Workers', () => {
  it('keeps every update any client saw relayed when the runtime is killed mid-burst', async () => {
    server = await startWorkerServer();
    const ann = await signUp(server as never, 'Ann');
    const boardId = await createBoard(server as never, ann, 'Crash on Workers');
    const writers = [0, 1, 2].map(() => connectClient(server!, boardId, ann.cookie));
    const watcher = connectClient(server, boardId, ann.cookie);
    clients.push(...writers, watcher);
    await Promise.all(clients.map((client) => client.synced));

    // Each writer adds its stages one at a time, as fast as its socket takes them; the runtime is
    // killed once the watcher has seen some of them relayed, while the writers are still going.
    const perWriter = 60;
    let writing = true;
    const bursts = writers.map(async (writer, w) => {
      for (let i = 0; i < perWriter && writing; i++) {
        boardTypes(writer.doc).stages.push([newStage(`writer-${w}-stage-${i}`, `Writer ${w} stage ${i}`)]);
        await new Promise((resolve) => setImmediate(resolve));
      }
    });
    await waitUntil(() => titles(watcher).length >= 20, 'the watcher saw part of the burst relayed', 20_000);
    await server.kill();
    writing = false;
    await Promise.all(bursts);

    // What each client saw from the server: the watcher all of it, each writer the others' stages.
    const seen = new Set(titles(watcher));
    writers.forEach((writer, w) => {
      for (const title of titles(writer)) if (!title.startsWith(`Writer ${w} `)) seen.add(title);
    });
    const written = perWriter * writers.length;
    expect(seen.size).toBeGreaterThanOrEqual(20);
    // Neither client may send what it has again: only the stored state can answer now.
    for (const client of clients.splice(0)) client.destroy();

    await server.restart();
    const reader = connectClient(server, boardId, ann.cookie);
    clients.push(reader);
    await reader.synced;
    const stored = new Set(titles(reader));
    const missing = [...seen].filter((title) => !stored.has(title));
    expect(missing).toEqual([]);
    // The kill came mid-burst: not everything written reached the store (else the test proves little).
    expect(stored.size).toBeLessThan(written);
  });
});
