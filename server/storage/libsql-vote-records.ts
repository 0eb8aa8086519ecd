/**
 * One board's {@link VoteRecords} in the database's `vote_dots` table (migration 7), rows keyed by
 * board id. Removed with the board's document (libsql-document-store.ts, `removals`).
 */
import type { VoteRecords } from '../ports/vote-records.ts';
import { intColumn, textColumn, type SqlDatabase } from './sql-database.ts';

export function sqlVoteRecords(db: SqlDatabase, boardId: string): VoteRecords {
  return {
    async dotsOf(userId) {
      const { rows } = await db.execute({ sql: 'SELECT touchpoint_id, dots FROM vote_dots WHERE board_id = ? AND user_id = ? ORDER BY touchpoint_id', args: [boardId, userId] });
      return Object.fromEntries(rows.map((row) => [textColumn(row, 'touchpoint_id'), intColumn(row, 'dots')]));
    },
    async setDots(userId, touchpointId, dots) {
      await db.execute(
        dots > 0
          ? { sql: 'INSERT OR REPLACE INTO vote_dots (board_id, user_id, touchpoint_id, dots) VALUES (?, ?, ?, ?)', args: [boardId, userId, touchpointId, dots] }
          : { sql: 'DELETE FROM vote_dots WHERE board_id = ? AND user_id = ? AND touchpoint_id = ?', args: [boardId, userId, touchpointId] },
      );
    },
    async totals() {
      const [perTouchpoint, people] = await db.batch([
        { sql: 'SELECT touchpoint_id, SUM(dots) AS dots FROM vote_dots WHERE board_id = ? GROUP BY touchpoint_id', args: [boardId] },
        { sql: 'SELECT COUNT(DISTINCT user_id) AS n FROM vote_dots WHERE board_id = ?', args: [boardId] },
      ]);
      const totals = new Map(perTouchpoint!.rows.map((row) => [textColumn(row, 'touchpoint_id'), intColumn(row, 'dots')]));
      return { totals, voters: intColumn(people!.rows[0]!, 'n') };
    },
    async clear() {
      await db.execute({ sql: 'DELETE FROM vote_dots WHERE board_id = ?', args: [boardId] });
    },
  };
}
