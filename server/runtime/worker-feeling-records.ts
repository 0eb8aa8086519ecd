/**
 * One board's {@link FeelingRecords} in its Durable Object's own SQLite (nothing of another board);
 * `storage.deleteAll()` removes them with the board.
 */
import type { DurableObjectStorage } from '@cloudflare/workers-types';
import type { FeelingMapName } from '../../shared/api.ts';
import type { FeelingOwner, FeelingRecords } from '../ports/feeling-records.ts';

export function durableFeelingRecords(storage: DurableObjectStorage): FeelingRecords {
  const { sql } = storage;
  sql.exec('CREATE TABLE IF NOT EXISTS feeling_owners (map TEXT NOT NULL, feeling_key TEXT NOT NULL, touchpoint_id TEXT NOT NULL, user_id TEXT NOT NULL, PRIMARY KEY (map, feeling_key))');
  const written = (): Promise<void> => storage.sync();
  const insert = (owner: FeelingOwner) =>
    sql.exec('INSERT OR REPLACE INTO feeling_owners (map, feeling_key, touchpoint_id, user_id) VALUES (?, ?, ?, ?)', owner.map, owner.key, owner.touchpointId, owner.userId);
  const all = (): FeelingOwner[] =>
    sql
      .exec<{ map: string; feeling_key: string; touchpoint_id: string; user_id: string }>('SELECT map, feeling_key, touchpoint_id, user_id FROM feeling_owners ORDER BY map, feeling_key')
      .toArray()
      .map((row) => ({ map: String(row.map) as FeelingMapName, key: String(row.feeling_key), touchpointId: String(row.touchpoint_id), userId: String(row.user_id) }));
  const remove = (map: FeelingMapName, key: string) => sql.exec('DELETE FROM feeling_owners WHERE map = ? AND feeling_key = ?', map, key);
  sql.exec('CREATE INDEX IF NOT EXISTS feeling_owners_by_person ON feeling_owners (user_id, map, touchpoint_id)');
  return {
    async all() {
      return all();
    },
    async keyOf(map, touchpointId, userId) {
      const rows = sql
        .exec<{ feeling_key: string }>('SELECT feeling_key FROM feeling_owners WHERE user_id = ? AND map = ? AND touchpoint_id = ? ORDER BY feeling_key LIMIT 1', userId, map, touchpointId)
        .toArray();
      return rows.length > 0 ? String(rows[0]!.feeling_key) : undefined;
    },
    async ofPerson(userId) {
      return all().filter((owner) => owner.userId === userId);
    },
    add(owner) {
      insert(owner);
      return written();
    },
    addAll(owners) {
      storage.transactionSync(() => owners.forEach(insert));
      return written();
    },
    remove(map, key) {
      remove(map, key);
      return written();
    },
    keepOnly(present) {
      for (const owner of all()) if (!present[owner.map].has(owner.key)) remove(owner.map, owner.key);
      return written();
    },
  };
}
