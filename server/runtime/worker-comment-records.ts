/**
 * One board's {@link CommentRecords} in its Durable Object's own SQLite (nothing of another
 * board); `storage.deleteAll()` removes them with the board.
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { CommentRecords } from '../ports/comment-records.ts';

export function durableCommentRecords(storage: DurableObjectStorage): CommentRecords {
  const { sql } = storage;
  sql.exec('CREATE TABLE IF NOT EXISTS comment_authors (comment_id TEXT PRIMARY KEY, user_id TEXT NOT NULL)');
  sql.exec('CREATE TABLE IF NOT EXISTS comment_me_too (comment_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (comment_id, user_id))');
  sql.exec('CREATE TABLE IF NOT EXISTS comment_hidden_bodies (comment_id TEXT PRIMARY KEY, body TEXT NOT NULL)');
  const ids = (query: string, userId: string) =>
    sql
      .exec<{ comment_id: string }>(query, userId)
      .toArray()
      .map((row) => String(row.comment_id));
  const written = <T>(value: T): Promise<T> => storage.sync().then(() => value);
  return {
    addAnonymousAuthor(commentId, userId) {
      sql.exec('INSERT INTO comment_authors (comment_id, user_id) VALUES (?, ?)', commentId, userId);
      return written(undefined);
    },
    async anonymousAuthor(commentId) {
      const row = sql.exec<{ user_id: string }>('SELECT user_id FROM comment_authors WHERE comment_id = ?', commentId).toArray()[0];
      return row ? String(row.user_id) : undefined;
    },
    async anonymousCommentsOf(userId) {
      return ids('SELECT comment_id FROM comment_authors WHERE user_id = ? ORDER BY comment_id', userId);
    },
    setMeToo(commentId, userId, on) {
      if (on) sql.exec('INSERT OR IGNORE INTO comment_me_too (comment_id, user_id) VALUES (?, ?)', commentId, userId);
      else sql.exec('DELETE FROM comment_me_too WHERE comment_id = ? AND user_id = ?', commentId, userId);
      const row = sql.exec<{ n: number }>('SELECT count(*) AS n FROM comment_me_too WHERE comment_id = ?', commentId).one();
      return written(Number(row.n));
    },
    async meTooOf(userId) {
      return ids('SELECT comment_id FROM comment_me_too WHERE user_id = ? ORDER BY comment_id', userId);
    },
    keepHiddenBody(commentId, body) {
      sql.exec('INSERT OR REPLACE INTO comment_hidden_bodies (comment_id, body) VALUES (?, ?)', commentId, body);
      return written(undefined);
    },
    async hiddenBody(commentId) {
      const row = sql.exec<{ body: string }>('SELECT body FROM comment_hidden_bodies WHERE comment_id = ?', commentId).toArray()[0];
      return row ? String(row.body) : undefined;
    },
    forgetHiddenBody(commentId) {
      sql.exec('DELETE FROM comment_hidden_bodies WHERE comment_id = ?', commentId);
      return written(undefined);
    },
    keepOnly(commentIds) {
      storage.transactionSync(() => {
        for (const table of ['comment_authors', 'comment_me_too', 'comment_hidden_bodies']) {
          for (const { comment_id } of sql.exec<{ comment_id: string }>(`SELECT DISTINCT comment_id FROM ${table}`).toArray()) {
            if (!commentIds.has(String(comment_id))) sql.exec(`DELETE FROM ${table} WHERE comment_id = ?`, comment_id);
          }
        }
      });
      return written(undefined);
    },
  };
}
