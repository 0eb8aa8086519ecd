/**
 * Between admission (the upgrade request) and joining the room (after the board has loaded) a
 * person's membership may change somewhere this process hears nothing of — another server, or the
 * database directly. The registry reads it again before the socket joins: a removed person gets
 * 4403 and no byte of the board, a changed access gets 4501. The board's load is held open by a
 * gate around the real store, so the change falls in that window every time.
 *
 * Node only: the window is held with a wrapped document store and the change made in the LibSQL
 * file behind the server's back; the Workers build offers neither from outside (its board object
 * loads from its own storage, its directory is another object), and a race over HTTP would only
 * sometimes fall in the window.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { boardTypes } from '../../shared/board-document.ts';
import { CloseCode } from '../../shared/sync-protocol.ts';
import type { DocumentStore } from '../../server/ports/document-store.ts';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { joinBoard } from '../support/invites.ts';
import { clientPool, nextCloseCode, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestServer } from '../support/test-server.ts';
import { waitUntil } from '../support/wait.ts';

let server: TestServer;
const pool = clientPool(() => server);
afterEach(async () => {
  pool.destroyAll();
  await server.dispose();
});


/** A server whose board loads wait at a gate the test opens; `loading` tells when one is waiting. */
async function gatedServer() {
  let open!: () => void;
  let arrived!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const loading = new Promise<void>((resolve) => (arrived = resolve));
  let holding = false;
  server = await startTestServer({
    wrapDocumentStore: (store): DocumentStore => ({
      ...store,
      async load(boardId) {
        if (holding) {
          arrived();
          await gate;
        }
        return store.load(boardId);
      },
    }),
  });
  return { hold: () => (holding = true), loading, open };
}

/** Changes the database behind the server's back, as another server process would. */
async function inTheDatabase(sql: string, args: string[]): Promise<void> {
  const db = await openLibsqlDatabase({ url: server.libsqlUrl });
  try {
    await db.execute({ sql, args });
  } finally {
    db.close();
  }
}

describe('joining a room reads the membership again', () => {
  it('refuses with 4403, before any byte of the board, a person removed while the board loaded', async () => {
    const gate = await gatedServer();
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Board Sam was removed from');
    const sam = await joinBoard(server, ann, boardId, 'edit', 'Sam');
    gate.hold();
    const samClient = pool.connect(boardId, sam);
    const closed = nextCloseCode(samClient.provider);
    await gate.loading; // admitted; the room is loading
    await inTheDatabase('DELETE FROM members WHERE board_id = ? AND user_id = ?', [boardId, sam.id]);
    gate.open();
    expect(await closed).toBe(CloseCode.forbidden);
    expect(boardTypes(samClient.doc).meta.get('title')).toBeUndefined();
  });

  it('closes with 4501 (reconnect and read the new access) when the access changed meanwhile', async () => {
    const gate = await gatedServer();
    const ann = await signUp(server, 'Ann');
    const boardId = await createBoard(server, ann, 'Board where Sam can now only look');
    const sam = await joinBoard(server, ann, boardId, 'edit', 'Sam');
    gate.hold();
    const samClient = pool.connect(boardId, sam);
    const closed = nextCloseCode(samClient.provider);
    await gate.loading;
    await inTheDatabase("UPDATE members SET access = 'view' WHERE board_id = ? AND user_id = ?", [boardId, sam.id]);
    gate.open();
    expect(await closed).toBe(CloseCode.accessChanged);
    // The provider reconnects by itself, is admitted as a viewer and gets the board.
    await waitUntil(() => boardTypes(samClient.doc).meta.get('title') === 'Board where Sam can now only look', 'Sam sees the board');
  });
});
