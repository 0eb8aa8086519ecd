/**
 * One board's {@link BoardHistory} in the database's `board_versions` table (migration 8), rows
 * keyed by board id. Removed with the board's document (libsql-document-store.ts, `removals`).
 */
import type { BoardHistory, StoredVersion } from '../ports/board-history.ts';
import { blobColumn, intColumn, textColumn, type SqlDatabase, type SqlRow } from './sql-database.ts';

const versionOf = (row: SqlRow): StoredVersion => ({ id: textColumn(row, 'id'), at: intColumn(row, 'taken_at'), state: blobColumn(row, 'state') });

export function sqlBoardHistory(db: SqlDatabase, boardId: string): BoardHistory {
  return {
    async list() {
      const { rows } = await db.execute({ sql: 'SELECT id, taken_at FROM board_versions WHERE board_id = ? ORDER BY taken_at DESC, id DESC', args: [boardId] });
      return rows.map((row) => ({ id: textColumn(row, 'id'), at: intColumn(row, 'taken_at') }));
    },
    async get(id) {
      const { rows } = await db.execute({ sql: 'SELECT id, taken_at, state FROM board_versions WHERE board_id = ? AND id = ?', args: [boardId, id] });
      return rows[0] ? versionOf(rows[0]) : null;
    },
    async latest() {
      const { rows } = await db.execute({ sql: 'SELECT id, taken_at, state FROM board_versions WHERE board_id = ? ORDER BY taken_at DESC, id DESC LIMIT 1', args: [boardId] });
      return rows[0] ? versionOf(rows[0]) : null;
    },
    async newestAt() {
      const { rows } = await db.execute({ sql: 'SELECT MAX(taken_at) AS at FROM board_versions WHERE board_id = ?', args: [boardId] });
      const at = rows[0]?.['at'];
      return typeof at === 'number' || typeof at === 'bigint' ? Number(at) : null;
    },
    async add({ id, at, state }) {
      await db.execute({ sql: 'INSERT INTO board_versions (board_id, id, taken_at, state) VALUES (?, ?, ?, ?)', args: [boardId, id, at, state] });
    },
    async replace(id, state) {
      await db.execute({ sql: 'UPDATE board_versions SET state = ? WHERE board_id = ? AND id = ?', args: [state, boardId, id] });
    },
    async remove(ids) {
      if (ids.length === 0) return;
      await db.batch(ids.map((id) => ({ sql: 'DELETE FROM board_versions WHERE board_id = ? AND id = ?', args: [boardId, id] })));
    },
  };
}
