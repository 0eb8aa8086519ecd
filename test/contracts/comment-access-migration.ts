/**
 * Migration 3 (access 'comment') on a database that already holds people, boards, members and
 * invites: it rebuilds `members` and `invites` to widen their CHECK, and must keep every row, the
 * indexes, the keys and the foreign keys. Written once and run on every backend the migration
 * meets on a real start: a LibSQL file (test/unit/migrations.test.ts), the Workers directory
 * object's SQLite, migrated by its constructor (test/workers/directory.test.ts), and a real
 * libSQL server over HTTP (test/integration/sql-database-remote.test.ts).
 */
import { expect } from 'vitest';
import { migrate, migrations } from '../../server/storage/migrations.ts';
import type { SqlDatabase, SqlRow } from '../../server/storage/sql-database.ts';

/** The migrations as released before 'comment' existed. */
export const migrationsBeforeComment = migrations.filter((m) => m.version < 3);

const memberRows = 'SELECT board_id, user_id, access, joined_at FROM members ORDER BY board_id, user_id';
const inviteRows =
  'SELECT id, token_hash, board_id, access, created_by, created_at, expires_at, max_uses, uses, revoked_at FROM invites ORDER BY id';

/** What was in the old tables, to compare with after the migration. */
export interface SeededRows {
  members: SqlRow[];
  invites: SqlRow[];
}

/**
 * Brings an empty database to version 2 (the schema before 'comment') and fills it as a board in
 * use would be: two boards, a facilitator, an editor and a viewer, invites of both old kinds (one
 * with a use limit and uses, one revoked).
 */
export async function seedBeforeComment(db: SqlDatabase): Promise<SeededRows> {
  expect(await migrate(db, migrationsBeforeComment)).toBe(migrationsBeforeComment.length);
  await db.batch([
    ...['ada', 'bea', 'cai'].map((id, i) => ({
      sql: 'INSERT INTO users (id, email, password_hash, display_name, created_at) VALUES (?, ?, ?, ?, ?)',
      args: [`user-${id}`, i === 0 ? `${id}@example.org` : null, i === 0 ? 'hash' : null, id, 1000 + i],
    })),
    ...['one', 'two'].map((id, i) => ({
      sql: 'INSERT INTO boards (id, title, created_by, created_at) VALUES (?, ?, ?, ?)',
      args: [`board-${id}`, `Clinic ${id}`, 'user-ada', 2000 + i],
    })),
    ...(
      [
        ['board-one', 'user-ada', 'facilitate'],
        ['board-one', 'user-bea', 'edit'],
        ['board-one', 'user-cai', 'view'],
        ['board-two', 'user-ada', 'facilitate'],
      ] as const
    ).map(([board, user, access], i) => ({
      sql: 'INSERT INTO members (board_id, user_id, access, joined_at) VALUES (?, ?, ?, ?)',
      args: [board, user, access, 3000 + i],
    })),
    {
      sql: `INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at, max_uses, uses, revoked_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?), (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      args: [
        ...['invite-edit', 'hash-edit', 'board-one', 'edit', 'user-ada', 4000, 9000, 5, 2, null],
        ...['invite-view', 'hash-view', 'board-two', 'view', 'user-ada', 4001, 9001, null, 0, 4500],
      ],
    },
  ]);
  // The old CHECK: no 'comment' yet (so the migration below is what lets it in).
  await expect(
    db.execute("INSERT INTO members (board_id, user_id, access, joined_at) VALUES ('board-two', 'user-bea', 'comment', 1)"),
  ).rejects.toThrow(/CHECK/);
  return { members: (await db.execute(memberRows)).rows, invites: (await db.execute(inviteRows)).rows };
}

/** After the migration ran on a database {@link seedBeforeComment} filled. */
export async function expectMigratedKeepingRows(db: SqlDatabase, seeded: SeededRows): Promise<void> {
  const versions = await db.execute('SELECT version FROM schema_migrations ORDER BY version');
  expect(versions.rows.map((row) => row['version'])).toEqual(migrations.map((m) => m.version));
  expect(seeded.members).toHaveLength(4);
  expect(seeded.invites).toHaveLength(2);
  expect((await db.execute(memberRows)).rows).toEqual(seeded.members);
  expect((await db.execute(inviteRows)).rows).toEqual(seeded.invites);

  // The same indexes on the same tables, and no copy left behind.
  const schema = await db.execute("SELECT type, name, tbl_name FROM sqlite_master WHERE tbl_name IN ('members', 'invites', 'members_v3', 'invites_v3') AND name NOT LIKE 'sqlite_autoindex%' ORDER BY name");
  expect(schema.rows).toEqual([
    { type: 'table', name: 'invites', tbl_name: 'invites' },
    { type: 'index', name: 'invites_by_board', tbl_name: 'invites' },
    { type: 'table', name: 'members', tbl_name: 'members' },
    { type: 'index', name: 'members_by_user', tbl_name: 'members' },
  ]);

  // 'comment' now fits both tables; anything else still does not.
  await db.execute("INSERT INTO members (board_id, user_id, access, joined_at) VALUES ('board-two', 'user-bea', 'comment', 5000)");
  await db.execute("UPDATE members SET access = 'comment' WHERE board_id = 'board-one' AND user_id = 'user-cai'");
  await db.execute(`INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at)
                    VALUES ('invite-comment', 'hash-comment', 'board-one', 'comment', 'user-ada', 5000, 9999)`);
  expect((await db.execute("SELECT count(*) AS n FROM members WHERE access = 'comment'")).rows).toEqual([{ n: 2 }]);
  expect((await db.execute("SELECT access FROM invites WHERE id = 'invite-comment'")).rows).toEqual([{ access: 'comment' }]);
  await expect(db.execute("UPDATE members SET access = 'owner' WHERE user_id = 'user-bea'")).rejects.toThrow(/CHECK/);
  await expect(
    db.execute(`INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at)
                VALUES ('invite-facilitate', 'hash-f', 'board-one', 'facilitate', 'user-ada', 5000, 9999)`),
  ).rejects.toThrow(/CHECK/);

  // Keys: one membership per person and board, one invite per token hash.
  await expect(
    db.execute("INSERT INTO members (board_id, user_id, access, joined_at) VALUES ('board-one', 'user-bea', 'view', 1)"),
  ).rejects.toThrow(/UNIQUE|PRIMARY KEY/);
  await expect(
    db.execute(`INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at)
                VALUES ('invite-again', 'hash-edit', 'board-one', 'view', 'user-ada', 5000, 9999)`),
  ).rejects.toThrow(/UNIQUE/);

  // Foreign keys: no row for a board or person that does not exist, and deleting a board or a
  // person still takes their memberships and invites with them.
  await expect(
    db.execute("INSERT INTO members (board_id, user_id, access, joined_at) VALUES ('board-none', 'user-bea', 'view', 1)"),
  ).rejects.toThrow(/FOREIGN KEY/);
  await expect(
    db.execute("INSERT INTO members (board_id, user_id, access, joined_at) VALUES ('board-one', 'user-none', 'view', 1)"),
  ).rejects.toThrow(/FOREIGN KEY/);
  await expect(
    db.execute(`INSERT INTO invites (id, token_hash, board_id, access, created_by, created_at, expires_at)
                VALUES ('invite-none', 'hash-none', 'board-none', 'view', 'user-ada', 5000, 9999)`),
  ).rejects.toThrow(/FOREIGN KEY/);
  await db.execute("DELETE FROM boards WHERE id = 'board-one'");
  await db.execute("DELETE FROM users WHERE id = 'user-bea'");
  expect((await db.execute(memberRows)).rows).toEqual([
    { board_id: 'board-two', user_id: 'user-ada', access: 'facilitate', joined_at: 3003 },
  ]);
  expect((await db.execute(inviteRows)).rows.map((row) => row['id'])).toEqual(['invite-view']);
}
