/**
 * One board's {@link BoardHistory} in its Durable Object's own SQLite (nothing of another board);
 * `storage.deleteAll()` removes it with the board.
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { BoardHistory, StoredVersion } from '../ports/board-history.ts';
import { bytes } from './worker-board-log.ts';

type Row = { id: string; taken_at: number; state: ArrayBuffer };
const versionOf = (row: Row): StoredVersion => ({ id: String(row.id), at: Number(row.taken_at), state: new Uint8Array(row.state) });

export function durableBoardHistory(storage: DurableObjectStorage): BoardHistory {
  const { sql } = storage;
  sql.exec('CREATE TABLE IF NOT EXISTS board_versions (id TEXT PRIMARY KEY, taken_at INTEGER NOT NULL, state BLOB NOT NULL)');
  const written = <T>(value: T): Promise<T> => storage.sync().then(() => value);
  return {
    async list() {
      return sql
        .exec<{ id: string; taken_at: number }>('SELECT id, taken_at FROM board_versions ORDER BY taken_at DESC, id DESC')
        .toArray()
        .map((row) => ({ id: String(row.id), at: Number(row.taken_at) }));
    },
    async get(id) {
      const rows = sql.exec<Row>('SELECT id, taken_at, state FROM board_versions WHERE id = ?', id).toArray();
      return rows[0] ? versionOf(rows[0]) : null;
    },
    async latest() {
      const rows = sql.exec<Row>('SELECT id, taken_at, state FROM board_versions ORDER BY taken_at DESC, id DESC LIMIT 1').toArray();
      return rows[0] ? versionOf(rows[0]) : null;
    },
    async newestAt() {
      const at = sql.exec<{ at: number | null }>('SELECT MAX(taken_at) AS at FROM board_versions').one().at;
      return at === null ? null : Number(at);
    },
    add({ id, at, state }) {
      sql.exec('INSERT INTO board_versions (id, taken_at, state) VALUES (?, ?, ?)', id, at, bytes(state));
      return written(undefined);
    },
    replace(id, state) {
      sql.exec('UPDATE board_versions SET state = ? WHERE id = ?', bytes(state), id);
      return written(undefined);
    },
    remove(ids) {
      for (const id of ids) sql.exec('DELETE FROM board_versions WHERE id = ?', id);
      return written(undefined);
    },
  };
}
