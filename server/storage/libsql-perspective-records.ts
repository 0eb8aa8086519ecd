/**
 * One board's {@link PerspectiveRecords} in the database's `perspective_choices` and
 * `perspective_lines` tables (migration 9), rows keyed by board id. Removed with the board's
 * document (libsql-document-store.ts, `removals`).
 */
import type { PerspectiveLines } from '../../shared/api.ts';
import type { PerspectiveRecords } from '../ports/perspective-records.ts';
import { intColumn, textColumn, type SqlDatabase } from './sql-database.ts';

export function sqlPerspectiveRecords(db: SqlDatabase, boardId: string): PerspectiveRecords {
  return {
    async choiceOf(userId) {
      const { rows } = await db.execute({ sql: 'SELECT choice FROM perspective_choices WHERE board_id = ? AND user_id = ?', args: [boardId, userId] });
      return rows.length > 0 ? textColumn(rows[0]!, 'choice') : null;
    },
    async choose(userId, choice) {
      await db.execute(
        choice === null
          ? { sql: 'DELETE FROM perspective_choices WHERE board_id = ? AND user_id = ?', args: [boardId, userId] }
          : { sql: 'INSERT OR REPLACE INTO perspective_choices (board_id, user_id, choice) VALUES (?, ?, ?)', args: [boardId, userId, choice] },
      );
    },
    async choices() {
      const { rows } = await db.execute({ sql: 'SELECT user_id, choice FROM perspective_choices WHERE board_id = ?', args: [boardId] });
      return new Map(rows.map((row) => [textColumn(row, 'user_id'), textColumn(row, 'choice')]));
    },
    async savedLines() {
      const { rows } = await db.execute({ sql: 'SELECT worked_out_at, lines FROM perspective_lines WHERE board_id = ?', args: [boardId] });
      if (rows.length === 0) return null;
      return { at: intColumn(rows[0]!, 'worked_out_at'), lines: JSON.parse(textColumn(rows[0]!, 'lines')) as PerspectiveLines };
    },
    async saveLines(at, lines) {
      await db.execute({ sql: 'INSERT OR REPLACE INTO perspective_lines (board_id, worked_out_at, lines) VALUES (?, ?, ?)', args: [boardId, at, JSON.stringify(lines)] });
    },
  };
}
