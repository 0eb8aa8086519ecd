/**
 * The SqlDatabase port's contract, written once and run against every backend we ship: LibSQL on
 * a file (Node, test/unit/sql-database.contract.test.ts), the directory Durable Object's SQLite
 * inside workerd (test/workers/sql-database.contract.test.ts) and a real libSQL server (sqld)
 * over HTTP, the remote path used with Turso (test/integration/sql-database-remote.test.ts).
 * The stores above the port rely on each case: value round-trips, all-or-nothing batches,
 * rowsAffected counting rows (register and invites test `=== 1`), UNIQUE errors being
 * recognisable (accounts.addCredentials), migrations. (checkpoint() is not in it: a no-op on the
 * object and on a remote server, whose files are not ours.)
 */
import { describe, expect, it } from 'vitest';
import { migrate, migrations, type Migration } from '../../server/storage/migrations.ts';
import type { SqlDatabase, SqlValue } from '../../server/storage/sql-database.ts';

/** `open` gives a fresh, empty (or freshly migrated) database for each case. */
export function sqlDatabaseContract(name: string, open: () => Promise<SqlDatabase>): void {
  describe(`SqlDatabase on ${name}`, () => {
    async function withTable(): Promise<SqlDatabase> {
      const db = await open();
      await db.execute(`CREATE TABLE contract_items (
        id TEXT PRIMARY KEY,
        email TEXT UNIQUE,
        n INTEGER,
        v
      )`);
      await db.execute('CREATE INDEX contract_items_by_n ON contract_items(n)');
      return db;
    }

    it('runs a statement and returns rows by column name', async () => {
      const db = await open();
      const result = await db.execute("SELECT 1 AS one, 'two' AS two");
      expect(result.rows).toEqual([{ one: 1, two: 'two' }]);
      expect(result.rowsAffected).toBe(0);
      db.close();
    });

    it('round-trips parameters of every SqlValue type', async () => {
      const db = await withTable();
      const offsetView = new Uint8Array([9, 9, 1, 2, 3, 9]).subarray(2, 5);
      const values: [SqlValue, SqlValue][] = [
        [null, null],
        [42, 42],
        [-7.25, -7.25],
        [Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
        ['', ''],
        ['Ünïcödé ✓ 🙂', 'Ünïcödé ✓ 🙂'],
        [new Uint8Array([0, 1, 254, 255]), new Uint8Array([0, 1, 254, 255])],
        [offsetView, new Uint8Array([1, 2, 3])],
        [123n, 123],
        [-(2n ** 50n), -(2 ** 50)],
      ];
      for (const [i, [input]] of values.entries()) {
        await db.execute({ sql: 'INSERT INTO contract_items (id, v) VALUES (?, ?)', args: [`row${i}`, input] });
      }
      const read = await db.execute('SELECT id, v FROM contract_items ORDER BY rowid');
      expect(read.rows.map((row) => row['v'])).toEqual(values.map(([, expected]) => expected));
      // The same values straight back as parameters, without a table.
      const echo = await db.execute({ sql: 'SELECT ? AS a, ? AS b, ? AS c, ? AS d', args: [null, 'x', 5n, new Uint8Array([7])] });
      expect(echo.rows).toEqual([{ a: null, b: 'x', c: 5, d: new Uint8Array([7]) }]);
      db.close();
    });

    it('never silently rounds an integer beyond 2^53: exact, or an error', async () => {
      const db = await withTable();
      const big = 2n ** 60n + 1n;
      let stored: string | null = null;
      try {
        await db.execute({ sql: 'INSERT INTO contract_items (id, n) VALUES (?, ?)', args: ['big', big] });
        const read = await db.execute("SELECT CAST(n AS TEXT) AS n FROM contract_items WHERE id = 'big'");
        stored = read.rows[0]?.['n'] as string;
      } catch (error) {
        expect(String(error)).toMatch(/range|safely|integer/i);
      }
      if (stored !== null) expect(stored).toBe(big.toString());
      db.close();
    });

    it('counts rows in rowsAffected, not index entries, and 0 for reads and no-ops', async () => {
      const db = await withTable();
      const insert = await db.execute({
        sql: 'INSERT INTO contract_items (id, email, n) VALUES (?, ?, ?)',
        args: ['a', 'a@example.org', 1],
      });
      expect(insert.rowsAffected).toBe(1);
      // The shape of AccountStore.register: a conflict is 0 rows, not an error.
      const conflict = await db.execute({
        sql: 'INSERT INTO contract_items (id, email, n) VALUES (?, ?, ?) ON CONFLICT (email) DO NOTHING',
        args: ['b', 'a@example.org', 1],
      });
      expect(conflict.rowsAffected).toBe(0);
      await db.execute({ sql: 'INSERT INTO contract_items (id, email, n) VALUES (?, ?, ?), (?, ?, ?)', args: ['c', 'c@x', 1, 'd', 'd@x', 2] });
      expect((await db.execute('UPDATE contract_items SET n = n + 10')).rowsAffected).toBe(3);
      expect((await db.execute("UPDATE contract_items SET n = 0 WHERE id = 'nobody'")).rowsAffected).toBe(0);
      // A read right after a write affected nothing.
      await db.execute("DELETE FROM contract_items WHERE id = 'd'");
      expect((await db.execute('SELECT * FROM contract_items')).rowsAffected).toBe(0);
      expect((await db.execute('DELETE FROM contract_items WHERE n > 10')).rowsAffected).toBe(2);
      db.close();
    });

    it('names the UNIQUE constraint when one is broken', async () => {
      const db = await withTable();
      await db.execute({ sql: 'INSERT INTO contract_items (id, email) VALUES (?, ?)', args: ['a', 'same@x'] });
      await expect(db.execute({ sql: 'INSERT INTO contract_items (id, email) VALUES (?, ?)', args: ['b', 'same@x'] })).rejects.toThrow(
        /UNIQUE/,
      );
      db.close();
    });

    it('runs a batch in order and returns one result per statement', async () => {
      const db = await withTable();
      expect(await db.batch([])).toEqual([]);
      const results = await db.batch([
        { sql: 'INSERT INTO contract_items (id, n) VALUES (?, ?)', args: ['a', 1] },
        { sql: 'INSERT INTO contract_items (id, n) VALUES (?, ?)', args: ['b', 2] },
        { sql: 'UPDATE contract_items SET n = n * 10' },
        { sql: 'SELECT id, n FROM contract_items ORDER BY id' },
      ]);
      expect(results.map((r) => r.rowsAffected)).toEqual([1, 1, 2, 0]);
      expect(results[3]!.rows).toEqual([
        { id: 'a', n: 10 },
        { id: 'b', n: 20 },
      ]);
      db.close();
    });

    it('applies a batch all or nothing: a later statement failing undoes the earlier ones', async () => {
      const db = await withTable();
      await db.execute({ sql: 'INSERT INTO contract_items (id, email) VALUES (?, ?)', args: ['kept', 'taken@x'] });
      await expect(
        db.batch([
          { sql: 'INSERT INTO contract_items (id, email) VALUES (?, ?)', args: ['first', 'first@x'] },
          { sql: "UPDATE contract_items SET n = 99 WHERE id = 'kept'" },
          { sql: 'INSERT INTO contract_items (id, email) VALUES (?, ?)', args: ['second', 'taken@x'] },
        ]),
      ).rejects.toThrow(/UNIQUE/);
      const rows = await db.execute('SELECT id, n FROM contract_items ORDER BY id');
      expect(rows.rows).toEqual([{ id: 'kept', n: null }]);
      // The database is usable afterwards: no transaction left open.
      await db.batch([{ sql: 'INSERT INTO contract_items (id) VALUES (?)', args: ['after'] }]);
      expect((await db.execute('SELECT count(*) AS c FROM contract_items')).rows).toEqual([{ c: 2 }]);
      db.close();
    });

    it('applies the migrations once: every version recorded, a second run does nothing', async () => {
      const db = await open();
      await migrate(db);
      expect(await migrate(db)).toBe(0);
      const versions = await db.execute('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((row) => row['version'])).toEqual(migrations.map((m) => m.version));
      // Every table the stores use is there.
      const tables = await db.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
      const names = tables.rows.map((row) => row['name']);
      for (const table of ['users', 'sessions', 'boards', 'members', 'invites']) expect(names).toContain(table);
      db.close();
    });

    it('applies a new migration once, and a failing one not at all', async () => {
      const db = await open();
      await migrate(db);
      const added: Migration = { version: 1000, name: 'contract', statements: ['CREATE TABLE contract_added (x INTEGER)'] };
      expect(await migrate(db, [...migrations, added])).toBe(1);
      expect(await migrate(db, [...migrations, added])).toBe(0);
      const broken: Migration = {
        version: 1001,
        name: 'broken',
        statements: ['CREATE TABLE contract_half (x INTEGER)', 'CREATE TABLE contract_added (x INTEGER)'],
      };
      await expect(migrate(db, [...migrations, added, broken])).rejects.toThrow(/already exists/);
      const half = await db.execute("SELECT name FROM sqlite_master WHERE name = 'contract_half'");
      expect(half.rows).toEqual([]);
      const recorded = await db.execute('SELECT version FROM schema_migrations WHERE version >= 1000');
      expect(recorded.rows).toEqual([{ version: 1000 }]);
      db.close();
    });
  });
}
