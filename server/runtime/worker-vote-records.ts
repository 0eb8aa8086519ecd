/**
 * One board's {@link VoteRecords} in its Durable Object's own SQLite (nothing of another board);
 * `storage.deleteAll()` removes them with the board.
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { VoteRecords } from '../ports/vote-records.ts';

export function durableVoteRecords(storage: DurableObjectStorage): VoteRecords {
  const { sql } = storage;
  sql.exec('CREATE TABLE IF NOT EXISTS vote_dots (user_id TEXT NOT NULL, touchpoint_id TEXT NOT NULL, dots INTEGER NOT NULL, PRIMARY KEY (user_id, touchpoint_id))');
  const written = <T>(value: T): Promise<T> => storage.sync().then(() => value);
  return {
    async dotsOf(userId) {
      const rows = sql.exec<{ touchpoint_id: string; dots: number }>('SELECT touchpoint_id, dots FROM vote_dots WHERE user_id = ? ORDER BY touchpoint_id', userId).toArray();
      return Object.fromEntries(rows.map((row) => [String(row.touchpoint_id), Number(row.dots)]));
    },
    setDots(userId, touchpointId, dots) {
      if (dots > 0) sql.exec('INSERT OR REPLACE INTO vote_dots (user_id, touchpoint_id, dots) VALUES (?, ?, ?)', userId, touchpointId, dots);
      else sql.exec('DELETE FROM vote_dots WHERE user_id = ? AND touchpoint_id = ?', userId, touchpointId);
      return written(undefined);
    },
    async totals() {
      const rows = sql.exec<{ touchpoint_id: string; dots: number }>('SELECT touchpoint_id, SUM(dots) AS dots FROM vote_dots GROUP BY touchpoint_id').toArray();
      const people = sql.exec<{ n: number }>('SELECT COUNT(DISTINCT user_id) AS n FROM vote_dots').one();
      return { totals: new Map(rows.map((row) => [String(row.touchpoint_id), Number(row.dots)])), voters: Number(people.n) };
    },
    clear() {
      sql.exec('DELETE FROM vote_dots');
      return written(undefined);
    },
  };
}
