/**
 * The Workers build on remote LibSQL: `wrangler dev` (test/support/worker-server.ts) with
 * LIBSQL_URL naming a real libSQL server (sqld, test/support/sqld.ts) on 127.0.0.1, so
 * @libsql/client/web inside workerd speaks Hrana over HTTP to it, as a deployment does to Turso.
 * Sign-up, a board, an invite and a change synced between two stock y-websocket clients work, and
 * the accounts, sessions, boards, members and invites are rows in sqld (read straight from its
 * HTTP API), while the directory object — the zero-configuration store — never holds any.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardTypes, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { ensureSqldInstalled, sqldInstallTimeoutMs, sqldQuery, sqldUnavailable, startSqld, type Sqld } from '../support/sqld.ts';
import { connectClient, type SyncClient } from '../support/sync-client.ts';
import { joinBoard } from '../support/invites.ts';
import { createBoard, signUp } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';

const unavailable = sqldUnavailable();
// Said where every reporter shows it, not only in the skipped suite's name.
if (unavailable) console.warn(`skipping the remote LibSQL tests: ${unavailable}`);

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}

describe.skipIf(unavailable !== null)(`the Worker on remote LibSQL (sqld)${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let sqld: Sqld;
  let worker: WorkerServer;
  const clients: SyncClient[] = [];

  beforeAll(async () => {
    await ensureSqldInstalled();
    sqld = await startSqld();
    worker = await startWorkerServer({ vars: { LIBSQL_URL: sqld.url } });
  }, sqldInstallTimeoutMs + 60_000);
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await worker?.dispose();
    await sqld?.stop();
  });

  it('signs up, creates a board, invites, syncs between two clients, and keeps every row in sqld', async () => {
    const ann = await signUp(worker, 'Ann');
    const boardId = await createBoard(worker, ann, 'Discharge journey');

    // Bea joins through an invite link, as a guest: the invite and her membership are rows too.
    const bea = await joinBoard(worker, ann, boardId, 'edit', 'Bea');

    const a = connectClient(worker, boardId, ann.cookie);
    const b = connectClient(worker, boardId, bea.cookie);
    clients.push(a, b);
    await Promise.all([a.synced, b.synced]);
    const { stages, touchpoints } = boardTypes(a.doc);
    a.doc.transact(() => {
      stages.push([newStage('stage-going-home', 'Going home')]);
      touchpoints.set('touch-pharmacy', newTouchpoint({ id: 'touch-pharmacy', stageId: 'stage-going-home', order: 'a0', title: 'Pharmacy', story: 'Waiting for the pharmacy', createdBy: ann.id, createdAt: 1 }));
    });
    const story = () => String(boardTypes(b.doc).touchpoints.get('touch-pharmacy')?.get('story') ?? '');
    await waitUntil(() => story() === 'Waiting for the pharmacy', 'the change reached the second client', 10_000);

    // The relational rows are in the server, read over its own HTTP API with no client library.
    const users = await sqldQuery(sqld.url, 'SELECT id, display_name FROM users ORDER BY display_name');
    expect(users).toEqual([
      { id: ann.id, display_name: 'Ann' },
      { id: bea.id, display_name: 'Bea' },
    ]);
    const boards = await sqldQuery(sqld.url, 'SELECT id, title FROM boards');
    expect(boards).toEqual([{ id: boardId, title: 'Discharge journey' }]);
    const members = await sqldQuery(sqld.url, 'SELECT user_id, access FROM members WHERE board_id = ? ORDER BY joined_at', [boardId]);
    expect(members).toEqual([
      { user_id: ann.id, access: 'facilitate' },
      { user_id: bea.id, access: 'edit' },
    ]);
    expect(await sqldQuery(sqld.url, 'SELECT count(*) AS n FROM sessions')).toEqual([{ n: 2 }]);
    expect(await sqldQuery(sqld.url, 'SELECT count(*) AS n FROM invites WHERE board_id = ?', [boardId])).toEqual([{ n: 1 }]);
    // The board's document is not: it lives in the board's own object (the migrations made the
    // Node-only document tables here too, and they stay empty).
    expect(await sqldQuery(sqld.url, 'SELECT (SELECT count(*) FROM document_updates) + (SELECT count(*) FROM document_snapshots) AS n')).toEqual([{ n: 0 }]);

    // The directory object was never made: its class has no object database in the Worker's
    // persist folder beside the namespace's own metadata (the board's object, holding the
    // document, has one: `<object id>.sqlite`).
    const objectDatabases = (className: string) =>
      filesUnder(worker.persistDir).filter((file) => file.includes(`-${className}/`) && /\/[0-9a-f]{64}\.sqlite$/.test(file));
    expect(objectDatabases('BoardObject')).toHaveLength(1);
    expect(objectDatabases('DirectoryObject')).toEqual([]);
  });
});
