/**
 * One board's {@link PerspectiveRecords} in its Durable Object's own SQLite (nothing of another
 * board); `storage.deleteAll()` removes them with the board.
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { PerspectiveLines } from '../../shared/api.ts';
import type { PerspectiveRecords } from '../ports/perspective-records.ts';

export function durablePerspectiveRecords(storage: DurableObjectStorage): PerspectiveRecords {
  const { sql } = storage;
  sql.exec('CREATE TABLE IF NOT EXISTS perspective_choices (user_id TEXT PRIMARY KEY, choice TEXT NOT NULL)');
  sql.exec('CREATE TABLE IF NOT EXISTS perspective_lines (one INTEGER PRIMARY KEY CHECK (one = 1), worked_out_at INTEGER NOT NULL, lines TEXT NOT NULL)');
  const written = (): Promise<void> => storage.sync();
  return {
    async choiceOf(userId) {
      const rows = sql.exec<{ choice: string }>('SELECT choice FROM perspective_choices WHERE user_id = ?', userId).toArray();
      return rows.length > 0 ? String(rows[0]!.choice) : null;
    },
    choose(userId, choice) {
      if (choice === null) sql.exec('DELETE FROM perspective_choices WHERE user_id = ?', userId);
      else sql.exec('INSERT OR REPLACE INTO perspective_choices (user_id, choice) VALUES (?, ?)', userId, choice);
      return written();
    },
    async choices() {
      const rows = sql.exec<{ user_id: string; choice: string }>('SELECT user_id, choice FROM perspective_choices').toArray();
      return new Map(rows.map((row) => [String(row.user_id), String(row.choice)]));
    },
    async savedLines() {
      const rows = sql.exec<{ worked_out_at: number; lines: string }>('SELECT worked_out_at, lines FROM perspective_lines WHERE one = 1').toArray();
      return rows.length > 0 ? { at: Number(rows[0]!.worked_out_at), lines: JSON.parse(String(rows[0]!.lines)) as PerspectiveLines } : null;
    },
    saveLines(at, lines) {
      sql.exec('INSERT OR REPLACE INTO perspective_lines (one, worked_out_at, lines) VALUES (1, ?, ?)', at, JSON.stringify(lines));
      return written();
    },
  };
}
