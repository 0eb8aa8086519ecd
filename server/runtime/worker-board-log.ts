/**
 * One board's {@link BoardLog} in its Durable Object's own SQLite: the update log and the
 * snapshot, nothing of any other board. SQLite calls in a Durable Object are synchronous; an append
 * resolves after `storage.sync()`, i.e. once the write is durable, and the room relays only then
 * (durable before relay by our own order, not by trusting the output gate).
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { BoardLog, StoredDocument } from '../ports/board-log.ts';

export function durableBoardLog(storage: DurableObjectStorage): BoardLog {
  const { sql } = storage;
  const ensureTables = () => {
    sql.exec(`CREATE TABLE IF NOT EXISTS document_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, data BLOB NOT NULL)`);
    sql.exec(`CREATE TABLE IF NOT EXISTS document_snapshot (id INTEGER PRIMARY KEY CHECK (id = 1), snapshot BLOB NOT NULL)`);
    // Who first wrote with each Yjs client id (StoredDocument.clientOwners): kept across compactions.
    sql.exec(`CREATE TABLE IF NOT EXISTS document_clients (client_id INTEGER PRIMARY KEY, user_id TEXT NOT NULL)`);
  };
  ensureTables();
  return {
    async load(): Promise<StoredDocument> {
      const snapshotRow = sql.exec<{ snapshot: ArrayBuffer }>('SELECT snapshot FROM document_snapshot WHERE id = 1').toArray()[0];
      const updates = sql
        .exec<{ data: ArrayBuffer }>('SELECT data FROM document_updates ORDER BY seq')
        .toArray()
        .map((row) => new Uint8Array(row.data));
      const clientOwners = sql
        .exec<{ client_id: number; user_id: string }>('SELECT client_id, user_id FROM document_clients')
        .toArray()
        .map((row) => ({ clientId: Number(row.client_id), userId: String(row.user_id) }));
      return {
        snapshot: snapshotRow ? new Uint8Array(snapshotRow.snapshot) : null,
        updates,
        updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
        clientOwners,
      };
    },
    append(update, claims = []) {
      storage.transactionSync(() => {
        sql.exec('INSERT INTO document_updates (data) VALUES (?)', bytes(update));
        for (const { clientId, userId } of claims) sql.exec('INSERT OR IGNORE INTO document_clients (client_id, user_id) VALUES (?, ?)', clientId, userId);
      });
      return storage.sync();
    },
    compact(snapshot) {
      // Synchronous: the snapshot holds every update inserted before it, and nothing else runs
      // in between, so the whole log can go.
      storage.transactionSync(() => {
        sql.exec('INSERT OR REPLACE INTO document_snapshot (id, snapshot) VALUES (1, ?)', bytes(snapshot()));
        sql.exec('DELETE FROM document_updates');
      });
      return storage.sync();
    },
    async destroy() {
      // Everything the object stored, its SQLite database included: the object keeps nothing.
      await storage.deleteAll();
    },
  };
}

/** The exact bytes as an ArrayBuffer (a Uint8Array may be a view into a larger buffer). */
export function bytes(data: Uint8Array): ArrayBuffer {
  if (data.byteOffset === 0 && data.byteLength === data.buffer.byteLength && data.buffer instanceof ArrayBuffer) return data.buffer;
  return data.slice().buffer as ArrayBuffer;
}
