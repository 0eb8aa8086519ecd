import { describe, expect, it } from 'vitest';
import { openLibsqlDatabase } from '../../server/storage/libsql-database.ts';
import { migrate, migrations } from '../../server/storage/migrations.ts';
import { expectMigratedKeepingRows, seedBeforeComment } from '../contracts/comment-access-migration.ts';
import { makeTempDir } from '../support/temp-dir.ts';

describe('migrate', () => {
  it('applies every migration once and is idempotent across restarts', async () => {
    const dir = makeTempDir();
    const url = `file:${dir.path}/m.db`;
    try {
      const first = await openLibsqlDatabase({ url });
      expect(await migrate(first)).toBe(migrations.length);
      first.close();
      const again = await openLibsqlDatabase({ url });
      expect(await migrate(again)).toBe(0);
      const versions = await again.execute('SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.rows.map((row) => row['version'])).toEqual(migrations.map((m) => m.version));
      const journal = await again.execute('PRAGMA journal_mode');
      expect(journal.rows[0]?.['journal_mode']).toBe('wal');
      again.close();
    } finally {
      dir.remove();
    }
  });

  it("brings a database in use to access 'comment' on the next start, keeping its members and invites", async () => {
    const dir = makeTempDir();
    const url = `file:${dir.path}/m.db`;
    try {
      const old = await openLibsqlDatabase({ url });
      const seeded = await seedBeforeComment(old);
      old.close();
      // The next start: the server opens the file and migrates, as node-app.ts does.
      const db = await openLibsqlDatabase({ url });
      expect(await migrate(db)).toBe(migrations.length - 2);
      await expectMigratedKeepingRows(db, seeded);
      db.close();
    } finally {
      dir.remove();
    }
  });

  it('has no column for being a patient, carer or member of staff', async () => {
    const sql = migrations.flatMap((m) => m.statements).join('\n').toLowerCase();
    for (const word of ['role', 'patient', 'staff', 'carer', 'clinician']) expect(sql).not.toContain(word);
  });
});
