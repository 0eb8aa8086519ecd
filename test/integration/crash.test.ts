/**
 * Durability across crashes: whatever any client saw relayed is on disk, even when the server
 * process is killed with SIGKILL straight after; SIGTERM flushes and exits 0.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { startServerProcess, type ServerProcess } from '../support/server-process.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { api, cookieFrom } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

const dir = makeTempDir();
const libsqlUrl = `file:${dir.path}/crash.db`;
let running: ServerProcess | null = null;
const clients: SyncClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
});
afterAll(() => dir.remove());

async function signUpAndCreateBoard(server: ServerProcess): Promise<{ cookie: string; boardId: string }> {
  const registered = await api(server, '/api/auth/register', {
    body: { email: `crash-${Date.now()}@example.org`, password: 'a long enough password', displayName: 'Ann' },
  });
  const cookie = cookieFrom(registered);
  const created = await api(server, '/api/boards', { body: { title: 'Crash test' }, cookie });
  return { cookie, boardId: ((await created.json()) as { board: { id: string } }).board.id };
}

function titles(client: SyncClient): string[] {
  return boardTypes(client.doc).stages.toArray().map((stage) => String(stage.get('title')));
}

describe('crash safety', () => {
  it('keeps every update a peer saw relayed when the server is killed with SIGKILL', async () => {
    running = await startServerProcess(libsqlUrl);
    const { cookie, boardId } = await signUpAndCreateBoard(running);
    const writer = connectClient(running, boardId, cookie);
    const watcher = connectClient(running, boardId, cookie);
    clients.push(writer, watcher);
    await Promise.all([writer.synced, watcher.synced]);

    const rounds = 5;
    for (let i = 0; i < rounds; i++) boardTypes(writer.doc).stages.push([newStage(`stage-${String(i).padStart(3, '0')}`, `Stage ${i}`)]);
    await waitUntil(() => titles(watcher).length === rounds, 'the watcher saw every stage relayed');
    // Kill the instant the last relay arrived: nothing after it may be needed for durability.
    running.child.kill('SIGKILL');
    expect(await running.exited).toBe('SIGKILL');
    const seen = titles(watcher);
    // Neither client may re-upload what it has: only the disk can answer now.
    for (const client of clients.splice(0)) client.destroy();

    running = await startServerProcess(libsqlUrl);
    const reader = connectClient(running, boardId, cookie);
    clients.push(reader);
    await reader.synced;
    expect(titles(reader)).toEqual(seen);
  });

  it('flushes and exits 0 on SIGTERM', async () => {
    running = await startServerProcess(libsqlUrl);
    const { cookie, boardId } = await signUpAndCreateBoard(running);
    const writer = connectClient(running, boardId, cookie);
    clients.push(writer);
    await writer.synced;
    boardTypes(writer.doc).stages.push([newStage('stage-before-restart', 'Before the restart')]);
    const closed = new Promise<number>((resolve) => writer.provider.once('connection-close', (event: CloseEvent | null) => resolve(event?.code ?? 0)));
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(await closed).toBe(1001);
    for (const client of clients.splice(0)) client.destroy();

    running = await startServerProcess(libsqlUrl);
    const reader = connectClient(running, boardId, cookie);
    clients.push(reader);
    await reader.synced;
    expect(titles(reader)).toEqual(['Before the restart']);
  });
});
