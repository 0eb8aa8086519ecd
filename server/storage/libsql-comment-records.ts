/**
 * One board's {@link CommentRecords} in the database's tables (migration 6), rows keyed by board
 * id. Removed with the board's document (libsql-document-store.ts, `removals`).
 */
import type { CommentRecords } from '../ports/comment-records.ts';
import { intColumn, textColumn, type SqlDatabase } from './sql-database.ts';

export function sqlCommentRecords(db: SqlDatabase, boardId: string): CommentRecords {
  const ids = async (sql: string, userId: string) =>
    (await db.execute({ sql, args: [boardId, userId] })).rows.map((row) => textColumn(row, 'comment_id'));
  return {
    async addAnonymousAuthor(commentId, userId) {
      await db.execute({ sql: 'INSERT INTO comment_authors (board_id, comment_id, user_id) VALUES (?, ?, ?)', args: [boardId, commentId, userId] });
    },
    async anonymousAuthor(commentId) {
      const row = (await db.execute({ sql: 'SELECT user_id FROM comment_authors WHERE board_id = ? AND comment_id = ?', args: [boardId, commentId] })).rows[0];
      return row ? textColumn(row, 'user_id') : undefined;
    },
    anonymousCommentsOf: (userId) => ids('SELECT comment_id FROM comment_authors WHERE board_id = ? AND user_id = ? ORDER BY comment_id', userId),
    async setMeToo(commentId, userId, on) {
      const [, counted] = await db.batch([
        on
          ? { sql: 'INSERT OR IGNORE INTO comment_me_too (board_id, comment_id, user_id) VALUES (?, ?, ?)', args: [boardId, commentId, userId] }
          : { sql: 'DELETE FROM comment_me_too WHERE board_id = ? AND comment_id = ? AND user_id = ?', args: [boardId, commentId, userId] },
        { sql: 'SELECT count(*) AS n FROM comment_me_too WHERE board_id = ? AND comment_id = ?', args: [boardId, commentId] },
      ]);
      return intColumn(counted!.rows[0]!, 'n');
    },
    meTooOf: (userId) => ids('SELECT comment_id FROM comment_me_too WHERE board_id = ? AND user_id = ? ORDER BY comment_id', userId),
    async keepHiddenBody(commentId, body) {
      await db.execute({ sql: 'INSERT OR REPLACE INTO comment_hidden_bodies (board_id, comment_id, body) VALUES (?, ?, ?)', args: [boardId, commentId, body] });
    },
    async hiddenBody(commentId) {
      const row = (await db.execute({ sql: 'SELECT body FROM comment_hidden_bodies WHERE board_id = ? AND comment_id = ?', args: [boardId, commentId] })).rows[0];
      return row ? textColumn(row, 'body') : undefined;
    },
    async forgetHiddenBody(commentId) {
      await db.execute({ sql: 'DELETE FROM comment_hidden_bodies WHERE board_id = ? AND comment_id = ?', args: [boardId, commentId] });
    },
    async keepOnly(commentIds) {
      const statements = [];
      for (const table of ['comment_authors', 'comment_me_too', 'comment_hidden_bodies']) {
        const known = (await db.execute({ sql: `SELECT DISTINCT comment_id FROM ${table} WHERE board_id = ?`, args: [boardId] })).rows.map((row) => textColumn(row, 'comment_id'));
        for (const id of known) if (!commentIds.has(id)) statements.push({ sql: `DELETE FROM ${table} WHERE board_id = ? AND comment_id = ?`, args: [boardId, id] });
      }
      if (statements.length > 0) await db.batch(statements);
    },
  };
}
