/**
 * {@link DocumentStore} on any {@link SqlDatabase}: rows in `document_updates` (the log) and
 * `document_snapshots` (one merged state per board).
 */
import type { DocumentStore, DocumentWrite, StoredDocument } from '../ports/document-store.ts';
import type { SqlDatabase, SqlStatement } from './sql-database.ts';
import { blobColumn } from './sql-database.ts';

export interface SqlDocumentStoreOptions {
  db: SqlDatabase;
  /** Milliseconds since the epoch, for the rows' timestamps. */
  now: () => number;
}

/** Rows per multi-row INSERT: 3 parameters each stays far below SQLite's 32,766-parameter limit. */
const appendRowsPerStatement = 500;

export function createSqlDocumentStore({ db, now }: SqlDocumentStoreOptions): DocumentStore {
  const store: DocumentStore = {
    async load(boardId: string): Promise<StoredDocument> {
      // Both reads in one transaction, so a compaction cannot slip between them.
      const [snapshotResult, updatesResult] = await db.batch([
        { sql: 'SELECT snapshot FROM document_snapshots WHERE board_id = ?', args: [boardId] },
        { sql: 'SELECT data FROM document_updates WHERE board_id = ? ORDER BY seq', args: [boardId] },
      ]);
      const snapshotRow = snapshotResult?.rows[0];
      const updates = (updatesResult?.rows ?? []).map((row) => blobColumn(row, 'data'));
      return {
        snapshot: snapshotRow ? blobColumn(snapshotRow, 'snapshot') : null,
        updates,
        updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
      };
    },

    async write(batch: DocumentWrite): Promise<void> {
      const at = now();
      const statements: SqlStatement[] = [];
      // Compactions first: their deletes must not remove the appends of this same batch, which
      // the snapshot may not contain.
      for (const { boardId, snapshot } of batch.compactions) {
        statements.push(
          {
            sql: `INSERT INTO document_snapshots (board_id, snapshot, updated_at) VALUES (?, ?, ?)
                  ON CONFLICT (board_id) DO UPDATE SET snapshot = excluded.snapshot, updated_at = excluded.updated_at`,
            args: [boardId, snapshot, at],
          },
          { sql: 'DELETE FROM document_updates WHERE board_id = ?', args: [boardId] },
        );
      }
      // One INSERT per chunk of rows rather than per update: each statement costs a prepare and
      // a step (~35 µs here), which at a group commit of many updates added up to more than the
      // commit itself. Rows keep the batch's order, so `seq` stays the order of arrival.
      for (let start = 0; start < batch.appends.length; start += appendRowsPerStatement) {
        const rows = batch.appends.slice(start, start + appendRowsPerStatement);
        statements.push({
          sql: `INSERT INTO document_updates (board_id, data, created_at) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
          args: rows.flatMap(({ boardId, update }) => [boardId, update, at]),
        });
      }
      // Removals last: a deleted board keeps nothing, not even an append of this same batch.
      for (const boardId of batch.removals ?? []) {
        statements.push(
          { sql: 'DELETE FROM document_updates WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM document_snapshots WHERE board_id = ?', args: [boardId] },
        );
      }
      await db.batch(statements);
    },

    async remove(boardId: string): Promise<void> {
      await store.write({ appends: [], compactions: [], removals: [boardId] });
    },
  };
  return store;
}
