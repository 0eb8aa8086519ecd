/**
 * The relational data on Workers without configuration (server/runtime/worker-directory.ts),
 * inside workerd: every caller's workerDatabase reaches the one directory object, whose schema is
 * in place before its first call, and the real stores work through it over RPC. With LIBSQL_URL
 * set, calls go to that server instead.
 */
import { evictDurableObject, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { AccountStore } from '../../server/auth/accounts.ts';
import { secureRandomBytes, systemClock } from '../../server/ports/clock.ts';
import { directoryDatabase, directoryName, workerDatabase } from '../../server/runtime/worker-directory.ts';
import { DurableSqlDatabase } from '../../server/storage/durable-sql-database.ts';
import { migrations } from '../../server/storage/migrations.ts';
import { expectMigratedKeepingRows, seedBeforeComment, type SeededRows } from '../contracts/comment-access-migration.ts';
import { workerEnv } from './worker-env.ts';

describe('the directory object', () => {
  it('is the one database behind every workerDatabase when LIBSQL_URL is unset', async () => {
    const id = crypto.randomUUID();
    // The Worker entry and a board object each make their own.
    await workerDatabase(workerEnv).execute({
      sql: "INSERT INTO boards (id, title, created_by, created_at) VALUES (?, 'Clinic visit', 'someone', 0)",
      args: [id],
    });
    const read = await workerDatabase(workerEnv).execute({ sql: 'SELECT title FROM boards WHERE id = ?', args: [id] });
    expect(read.rows).toEqual([{ title: 'Clinic visit' }]);
    const stub = workerEnv.DIRECTORY.get(workerEnv.DIRECTORY.idFromName(directoryName));
    const inObject = await runInDurableObject(stub, (_object, state) =>
      state.storage.sql.exec('SELECT title FROM boards WHERE id = ?', id).toArray(),
    );
    expect(inObject).toEqual([{ title: 'Clinic visit' }]);
  });

  it('has the schema before its first call', async () => {
    const db = directoryDatabase(workerEnv.DIRECTORY, crypto.randomUUID());
    const users = await db.execute('SELECT count(*) AS n FROM users');
    expect(users.rows).toEqual([{ n: 0 }]);
    const versions = await db.execute('SELECT version FROM schema_migrations ORDER BY version');
    expect(versions.rows.map((row) => row['version'])).toEqual(migrations.map((m) => m.version));
  });

  it("migrates a directory in use to access 'comment' when the object starts again, keeping its members and invites", async () => {
    const name = crypto.randomUUID();
    const stub = workerEnv.DIRECTORY.get(workerEnv.DIRECTORY.idFromName(name));
    // Turn this object's SQLite back into a directory of before 'comment', with people in it.
    const seeded = await runInDurableObject(stub, async (_object, state): Promise<SeededRows> => {
      await state.storage.deleteAll();
      expect(state.storage.sql.exec("SELECT name FROM sqlite_master WHERE name = 'members'").toArray()).toEqual([]);
      return seedBeforeComment(new DurableSqlDatabase(state.storage));
    });
    // The object starts again: its constructor migrates before the first call is delivered.
    await evictDurableObject(stub);
    await expectMigratedKeepingRows(directoryDatabase(workerEnv.DIRECTORY, name), seeded);
  });

  it('serves the account store: one account per email, a taken email recognised across RPC', async () => {
    const accounts = new AccountStore({
      db: directoryDatabase(workerEnv.DIRECTORY, crypto.randomUUID()),
      clock: systemClock,
      random: secureRandomBytes,
    });
    const first = await accounts.register({ email: 'ada@example.org', passwordHash: 'h', displayName: 'Ada' });
    expect(first?.displayName).toBe('Ada');
    expect(await accounts.register({ email: 'ada@example.org', passwordHash: 'h', displayName: 'Again' })).toBeNull();
    const guest = await accounts.createGuest('Guest');
    expect(await accounts.addCredentials(guest.id, 'ada@example.org', 'h')).toBe('email_taken');
    expect(await accounts.addCredentials(guest.id, 'guest@example.org', 'h')).toBe('ok');
    expect(await accounts.addCredentials(guest.id, 'guest2@example.org', 'h')).toBe('has_credentials');
  });

  it('goes to LibSQL instead when LIBSQL_URL is set, and says plainly that Workers cannot open a file', () => {
    // Had it fallen back to the directory object, this would open without complaint.
    expect(() => workerDatabase({ ...workerEnv, LIBSQL_URL: 'file:local.db' })).toThrow(/supports only "libsql:", "wss:", "ws:", "https:"/);
  });
});
