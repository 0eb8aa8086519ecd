/**
 * One board's {@link FeelingRecords} in the database's `feeling_owners` table (migration 9), rows
 * keyed by board id. Removed with the board's document (libsql-document-store.ts, `removals`).
 */
import type { FeelingMapName } from '../../shared/api.ts';
import type { FeelingOwner, FeelingRecords } from '../ports/feeling-records.ts';
import { textColumn, type SqlDatabase } from './sql-database.ts';

export function sqlFeelingRecords(db: SqlDatabase, boardId: string): FeelingRecords {
  const insert = (owner: FeelingOwner) => ({
    sql: 'INSERT OR REPLACE INTO feeling_owners (board_id, map, feeling_key, touchpoint_id, user_id) VALUES (?, ?, ?, ?, ?)',
    args: [boardId, owner.map, owner.key, owner.touchpointId, owner.userId],
  });
  return {
    async all() {
      const { rows } = await db.execute({ sql: 'SELECT map, feeling_key, touchpoint_id, user_id FROM feeling_owners WHERE board_id = ? ORDER BY map, feeling_key', args: [boardId] });
      return rows.map((row) => ({
        map: textColumn(row, 'map') as FeelingMapName,
        key: textColumn(row, 'feeling_key'),
        touchpointId: textColumn(row, 'touchpoint_id'),
        userId: textColumn(row, 'user_id'),
      }));
    },
    async keyOf(map, touchpointId, userId) {
      const { rows } = await db.execute({
        sql: 'SELECT feeling_key FROM feeling_owners WHERE board_id = ? AND user_id = ? AND map = ? AND touchpoint_id = ? ORDER BY feeling_key LIMIT 1',
        args: [boardId, userId, map, touchpointId],
      });
      return rows.length > 0 ? textColumn(rows[0]!, 'feeling_key') : undefined;
    },
    async ofPerson(userId) {
      const { rows } = await db.execute({ sql: 'SELECT map, feeling_key, touchpoint_id FROM feeling_owners WHERE board_id = ? AND user_id = ? ORDER BY map, feeling_key', args: [boardId, userId] });
      return rows.map((row) => ({ map: textColumn(row, 'map') as FeelingMapName, key: textColumn(row, 'feeling_key'), touchpointId: textColumn(row, 'touchpoint_id'), userId }));
    },
    async add(owner) {
      await db.execute(insert(owner));
    },
    async addAll(owners) {
      if (owners.length > 0) await db.batch(owners.map(insert));
    },
    async remove(map, key) {
      await db.execute({ sql: 'DELETE FROM feeling_owners WHERE board_id = ? AND map = ? AND feeling_key = ?', args: [boardId, map, key] });
    },
    async keepOnly(present) {
      const gone = (await this.all()).filter((owner) => !present[owner.map].has(owner.key));
      if (gone.length > 0) await db.batch(gone.map((owner) => ({ sql: 'DELETE FROM feeling_owners WHERE board_id = ? AND map = ? AND feeling_key = ?', args: [boardId, owner.map, owner.key] })));
    },
  };
}
