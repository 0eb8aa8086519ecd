/**
 * Looking for words in what a test server has stored: every cell of every table, and the raw
 * bytes of the database file and its write-ahead log — to show that deleted content is gone from
 * the disk, not only from the tables.
 */
import { existsSync, readFileSync } from 'node:fs';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import type { SqlValue } from '../../server/storage/sql-database.ts';

/** Every `table.column` whose cell (as text or bytes) holds `needle`, once per cell. */
export async function cellsContaining(libsqlUrl: string, needle: string): Promise<string[]> {
  const db = await openLibsqlDatabase({ url: libsqlUrl });
  try {
    const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    const found: string[] = [];
    for (const row of tables.rows) {
      const table = String(row['name']);
      const result = await db.execute(`SELECT * FROM "${table}"`);
      for (const cells of result.rows) {
        for (const [column, value] of Object.entries(cells)) if (holds(value, needle)) found.push(`${table}.${column}`);
      }
    }
    return found;
  } finally {
    db.close();
  }
}

function holds(value: SqlValue, needle: string): boolean {
  if (value instanceof Uint8Array) return Buffer.from(value).includes(needle);
  return String(value).includes(needle);
}

/** Which of the database's files (main file, write-ahead log) hold `needle` in their raw bytes. */
export function filesContaining(libsqlUrl: string, needle: string): string[] {
  const path = libsqlUrl.slice('file:'.length);
  return [path, `${path}-wal`].filter((file) => existsSync(file) && readFileSync(file).includes(needle));
}
