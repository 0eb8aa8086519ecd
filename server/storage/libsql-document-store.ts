/**
 * {@link DocumentStore} on any {@link SqlDatabase}: rows in `document_updates` (the log) and
 * `document_snapshots` (one merged state per board).
 */
import type { DocumentStore, DocumentWrite, StoredDocument } from '../ports/document-store.ts';
import type { SqlDatabase, SqlStatement } from './sql-database.ts';
import { blobColumn, intColumn, textColumn } from './sql-database.ts';

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
      const [snapshotResult, updatesResult, ownersResult] = await db.batch([
        { sql: 'SELECT snapshot FROM document_snapshots WHERE board_id = ?', args: [boardId] },
        { sql: 'SELECT data FROM document_updates WHERE board_id = ? ORDER BY seq', args: [boardId] },
        { sql: 'SELECT client_id, user_id FROM document_clients WHERE board_id = ?', args: [boardId] },
      ]);
      const snapshotRow = snapshotResult?.rows[0];
      const updates = (updatesResult?.rows ?? []).map((row) => blobColumn(row, 'data'));
      return {
        snapshot: snapshotRow ? blobColumn(snapshotRow, 'snapshot') : null,
        updates,
        updateBytes: updates.reduce((sum, update) => sum + update.byteLength, 0),
        clientOwners: (ownersResult?.rows ?? []).map((row) => ({ clientId: intColumn(row, 'client_id'), userId: textColumn(row, 'user_id') })),
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
      // Client ids claimed by these appends, in the same transaction: the first writer keeps one.
      const claims = batch.appends.flatMap(({ boardId, claims = [] }) => claims.map((claim) => ({ boardId, ...claim })));
      for (let start = 0; start < claims.length; start += appendRowsPerStatement) {
        const rows = claims.slice(start, start + appendRowsPerStatement);
        statements.push({
          sql: `INSERT OR IGNORE INTO document_clients (board_id, client_id, user_id) VALUES ${rows.map(() => '(?, ?, ?)').join(', ')}`,
          args: rows.flatMap(({ boardId, clientId, userId }) => [boardId, clientId, userId]),
        });
      }
      // Removals last: a deleted board keeps nothing, not even an append of this same batch.
      for (const boardId of batch.removals ?? []) {
        statements.push(
          { sql: 'DELETE FROM document_updates WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM document_snapshots WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM document_clients WHERE board_id = ?', args: [boardId] },
          // What the server alone knows about its comments (libsql-comment-records.ts) goes too.
          { sql: 'DELETE FROM comment_authors WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM comment_me_too WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM comment_hidden_bodies WHERE board_id = ?', args: [boardId] },
          // ...and each person's dots in an open vote (libsql-vote-records.ts).
          { sql: 'DELETE FROM vote_dots WHERE board_id = ?', args: [boardId] },
          // ...and its kept versions, its history (libsql-board-history.ts).
          { sql: 'DELETE FROM board_versions WHERE board_id = ?', args: [boardId] },
          // ...and whose each feeling is, and each person's perspective (issue 17).
          { sql: 'DELETE FROM feeling_owners WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM perspective_choices WHERE board_id = ?', args: [boardId] },
          { sql: 'DELETE FROM perspective_lines WHERE board_id = ?', args: [boardId] },
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
