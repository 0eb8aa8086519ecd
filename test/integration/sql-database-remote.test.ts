/**
 * The SqlDatabase contract (test/contracts/sql-database.contract.ts) on a real libSQL server
 * (sqld, test/support/sqld.ts) through openLibsqlDatabase with an http:// URL: the remote path of
 * @libsql/client (Hrana over HTTP), as Node runs against Turso. Each case gets a server of its own,
 * so each starts from an empty database, as the contract asks.
 */
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate } from '../../server/storage/migrations.ts';
import { expectMigratedKeepingRows, seedBeforeComment } from '../contracts/comment-access-migration.ts';
import { sqlDatabaseContract } from '../contracts/sql-database.contract.ts';
import { ensureSqldInstalled, sqldInstallTimeoutMs, sqldQuery, sqldUnavailable, startSqld, type Sqld } from '../support/sqld.ts';

const unavailable = sqldUnavailable();
// Said where every reporter shows it, not only in the skipped suite's name.
if (unavailable) console.warn(`skipping the remote LibSQL tests: ${unavailable}`);
const started: Sqld[] = [];

async function freshServer(): Promise<Sqld> {
  const sqld = await startSqld();
  started.push(sqld);
  return sqld;
}

describe.skipIf(unavailable !== null)(`remote LibSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  beforeAll(() => ensureSqldInstalled(), sqldInstallTimeoutMs);
  afterEach(async () => {
    await Promise.all(started.splice(0).map((sqld) => sqld.stop()));
  });

  sqlDatabaseContract('sqld over HTTP (@libsql/client, remote)', async () => openLibsqlDatabase({ url: (await freshServer()).url }));

  it("migrates a database in use to access 'comment', keeping its members and invites (Turso gets the same rebuild)", async () => {
    const url = (await freshServer()).url;
    const old = await openLibsqlDatabase({ url });
    const seeded = await seedBeforeComment(old);
    old.close();
    const db = await openLibsqlDatabase({ url });
    await migrate(db);
    await expectMigratedKeepingRows(db, seeded);
    db.close();
  });

  // What differs from a local file, and why the adapter does what it does for a remote URL.
  it('opens a remote database although the server refuses PRAGMA secure_delete, and checkpoint() leaves the server alone', async () => {
    const sqld = await freshServer();
    // sqld does not let a client change secure_delete ("unsupported statement"), which is why the
    // adapter skips it for remote URLs: zeroing deleted rows in the server's file is the operator's
    // setting there (this server runs with it off), not ours.
    await expect(sqldQuery(sqld.url, 'PRAGMA secure_delete = ON')).rejects.toThrow(/unsupported statement/);
    const db = await openLibsqlDatabase({ url: sqld.url });
    await db.execute('CREATE TABLE t (x)');
    await db.execute({ sql: 'INSERT INTO t VALUES (?)', args: [1] });
    // The server owns its files and their WAL: our checkpoint (run after a board is purged) must
    // not reach it; sqld refuses PRAGMA wal_checkpoint as well, so trying would fail the purge.
    await db.checkpoint();
    expect(await sqldQuery(sqld.url, 'SELECT x FROM t')).toEqual([{ x: 1 }]);
    db.close();
  });
});
