/**
 * The sync endpoint's defences: dead sockets are dropped by ping/pong, a board whose stored state
 * cannot be read is never served as an empty document, and a view member's updates are dropped.
 *
 * Node only: the server's heartbeat interval, garbage written into its LibSQL file and its room
 * registry are what these tests use. On the Workers build the runtime answers pings itself
 * (`setWebSocketAutoResponse`); a view member's dropped updates are shown on both targets by
 * live-permissions.test.ts ("a view member's edits never reach others…").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import type { SqlDatabase } from '../../server/storage/sql-database.ts';
import { connectClient, cookieWebSocket, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { nextEvent, waitUntil } from '../support/wait.ts';

let server: TestServer;
let db: SqlDatabase;
let ann: TestPerson;
const clients: SyncClient[] = [];
const reported: unknown[] = [];

beforeAll(async () => {
  server = await startTestServer({ heartbeatMs: 100, onError: (error) => reported.push(error) });
  db = await openLibsqlDatabase({ url: server.libsqlUrl });
  ann = await signUp(server, 'Ann');
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  db.close();
  await server.dispose();
});

describe('sync robustness', () => {
  it('terminates a socket that stops answering pings', async () => {
    const boardId = await createBoard(server, ann);
    const Socket = cookieWebSocket(ann.cookie);
    const silent = new Socket(`${server.wsUrl}/sync/${boardId}`);
    await nextEvent(silent, 'open');
    // Stop answering pings, as a vanished laptop would.
    silent.pong = () => undefined;
    const [code] = await nextEvent<[number]>(silent, 'close', 5000);
    expect(code).toBe(1006); // terminated without a close frame
  });

  it('refuses to serve a board whose stored state cannot be read, and changes nothing', async () => {
    const boardId = await createBoard(server, ann);
    const garbage = new Uint8Array([0xff, 0xff, 0xff, 0xff, 0x0f, 1, 2, 3]);
    await db.execute({ sql: 'INSERT INTO document_updates (board_id, data, created_at) VALUES (?, ?, 0)', args: [boardId, garbage] });
    const before = await db.execute({ sql: 'SELECT seq, data FROM document_updates WHERE board_id = ? ORDER BY seq', args: [boardId] });
    const Socket = cookieWebSocket(ann.cookie);
    const ws = new Socket(`${server.wsUrl}/sync/${boardId}`);
    const frames: Buffer[] = [];
    ws.on('message', (data: Buffer) => frames.push(data));
    const [code] = await nextEvent<[number]>(ws, 'close');
    expect(code).toBe(CloseCode.serverError);
    expect(frames).toEqual([]);
    expect(server.registry.loaded(boardId)).toBeUndefined();
    const after = await db.execute({ sql: 'SELECT seq, data FROM document_updates WHERE board_id = ? ORDER BY seq', args: [boardId] });
    expect(after.rows).toEqual(before.rows);
    expect(reported.length).toBeGreaterThan(0);
  });

  it('gives a view member the document but drops and never stores their updates', async () => {
    const boardId = await createBoard(server, ann);
    const viewer = await signUp(server, 'Vic');
    await db.execute({
      sql: "INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, 'view', 0)",
      args: [boardId, viewer.id],
    });
    const editor = connectClient(server, boardId, ann.cookie);
    const watcher = connectClient(server, boardId, viewer.cookie);
    clients.push(editor, watcher);
    await Promise.all([editor.synced, watcher.synced]);
    boardTypes(watcher.doc).stages.push([newStage('stage-from-viewer', 'From a viewer')]);
    boardTypes(editor.doc).stages.push([newStage('stage-from-editor', 'From an editor')]);
    await waitUntil(() => boardTypes(watcher.doc).stages.length === 2, 'the viewer receives the editor\'s stage');
    // The editor's own later edit has been relayed, so the viewer's (earlier) one would have been too.
    await waitUntil(() => server.registry.loaded(boardId)?.hasUnsavedChanges === false, 'saved');
    expect(boardTypes(editor.doc).stages.toArray().map((s) => s.get('title'))).toEqual(['From an editor']);
    const room = server.registry.loaded(boardId)!;
    expect(boardTypes(room.doc).stages.toArray().map((s) => s.get('title'))).toEqual(['From an editor']);
    const stored = await db.execute({ sql: 'SELECT data FROM document_updates WHERE board_id = ?', args: [boardId] });
    const rebuilt = new Y.Doc();
    for (const row of stored.rows) Y.applyUpdate(rebuilt, row['data'] as Uint8Array);
    expect(boardTypes(rebuilt).stages.toArray().map((s) => s.get('title'))).toEqual(['From an editor']);
  });
});
