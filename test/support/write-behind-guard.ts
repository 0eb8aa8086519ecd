/**
 * Writes a change straight into a board's stored log, as a board saved before the server's guard
 * existed might hold it: no socket, no guard. For tests of how the page reads what the guard would
 * now refuse. The server must be stopped while this runs (it keeps loaded boards in memory).
 */
import * as Y from 'yjs';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { createSqlDocumentStore } from '../../server/storage/libsql-document-store.ts';

/**
 * Loads the board's stored document, runs `change` on it, and appends what that changed as one
 * update to the board's log — built on everything stored, so its values win over the old ones.
 */
export async function writeBehindGuard(libsqlUrl: string, boardId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const db = await openLibsqlDatabase({ url: libsqlUrl });
  try {
    const store = createSqlDocumentStore({ db, now: Date.now });
    const stored = await store.load(boardId);
    const doc = new Y.Doc();
    if (stored.snapshot !== null) Y.applyUpdate(doc, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    change(doc);
    await store.write({ appends: [{ boardId, update: Y.encodeStateAsUpdate(doc, before) }], compactions: [] });
    doc.destroy();
  } finally {
    db.close();
  }
}
