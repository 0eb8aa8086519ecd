/**
 * Versioned schema migrations. Each runs once, in its own transaction together with the row that
 * records it, so a crash mid-way leaves the database at the previous version and the next start
 * simply tries again. Never edit a released migration: add a new one.
 */
import type { SqlDatabase } from './sql-database.ts';
import { intColumn } from './sql-database.ts';

export interface Migration {
  version: number;
  name: string;
  statements: string[];
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, sessions, boards, members and the document log',
    statements: [
      `CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT UNIQUE,
        password_hash TEXT,
        display_name TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE TABLE sessions (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        expires_at INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE INDEX sessions_by_user ON sessions(user_id)`,
      `CREATE TABLE boards (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE TABLE members (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        access TEXT NOT NULL CHECK (access IN ('facilitate', 'edit', 'view')),
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      )`,
      `CREATE INDEX members_by_user ON members(user_id)`,
      `CREATE TABLE document_snapshots (
        board_id TEXT PRIMARY KEY,
        snapshot BLOB NOT NULL,
        updated_at INTEGER NOT NULL
      )`,
      `CREATE TABLE document_updates (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        board_id TEXT NOT NULL,
        data BLOB NOT NULL,
        created_at INTEGER NOT NULL
      )`,
      `CREATE INDEX document_updates_by_board ON document_updates(board_id, seq)`,
    ],
  },
  {
    version: 2,
    name: 'invites',
    statements: [
      // Only the SHA-256 of an invite's token is stored (like sessions): a leaked table admits no one.
      `CREATE TABLE invites (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        access TEXT NOT NULL CHECK (access IN ('edit', 'view')),
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        max_uses INTEGER,
        uses INTEGER NOT NULL DEFAULT 0,
        revoked_at INTEGER
      )`,
      `CREATE INDEX invites_by_board ON invites(board_id, created_at)`,
    ],
  },
  {
    version: 3,
    name: "access 'comment' (Can comment and give feelings) on members and invites",
    // SQLite cannot change a CHECK constraint, so both tables are rebuilt the way its manual says
    // (create the new table, copy every row, drop the old, rename the new, recreate the indexes).
    // Foreign keys stay on: the migration runs in one transaction (on the Durable Object in
    // transactionSync), where PRAGMA foreign_keys cannot change, and it need not: nothing refers
    // to members or invites, so dropping them removes nothing elsewhere, and the copied rows point
    // at the same boards and users as before. Anything failing rolls the whole version back.
    statements: [
      `CREATE TABLE members_v3 (
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        access TEXT NOT NULL CHECK (access IN ('facilitate', 'edit', 'comment', 'view')),
        joined_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      )`,
      `INSERT INTO members_v3 (board_id, user_id, access, joined_at)
        SELECT board_id, user_id, access, joined_at FROM members`,
      `DROP TABLE members`,
      `ALTER TABLE members_v3 RENAME TO members`,
      `CREATE INDEX members_by_user ON members(user_id)`,
      `CREATE TABLE invites_v3 (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
        access TEXT NOT NULL CHECK (access IN ('edit', 'comment', 'view')),
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        expires_at INTEGER NOT NULL,
        max_uses INTEGER,
        uses INTEGER NOT NULL DEFAULT 0,
        revoked_at INTEGER
      )`,
      `INSERT INTO invites_v3 (id, token_hash, board_id, access, created_by, created_at, expires_at, max_uses, uses, revoked_at)
        SELECT id, token_hash, board_id, access, created_by, created_at, expires_at, max_uses, uses, revoked_at FROM invites`,
      `DROP TABLE invites`,
      `ALTER TABLE invites_v3 RENAME TO invites`,
      `CREATE INDEX invites_by_board ON invites(board_id, created_at)`,
    ],
  },
  {
    version: 4,
    name: "who first wrote with each Yjs client id on a board (the sync guard's record)",
    // Written in the same transaction as the update that first uses the id, so after a restart
    // nobody can take another person's id. Like the document tables, removed with the board's log.
    statements: [
      `CREATE TABLE document_clients (
        board_id TEXT NOT NULL,
        client_id INTEGER NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (board_id, client_id)
      )`,
    ],
  },
  {
    version: 5,
    name: "what's new since each person last had a board open (board_activity, board_seen)",
    // Kept by the server, never in the shared document (server/ports/board-activity.ts): the latest
    // change to each comment, touchpoint and feeling (who, when), and when each member last had the
    // board open. Removed with the board's rows (BoardStore.remove).
    statements: [
      `CREATE TABLE board_activity (
        board_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('comment', 'touchpoint', 'feeling')),
        item_key TEXT NOT NULL,
        actor_id TEXT,
        changed_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, kind, item_key)
      )`,
      `CREATE TABLE board_seen (
        board_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        seen_at INTEGER NOT NULL,
        PRIMARY KEY (board_id, user_id)
      )`,
    ],
  },
  {
    version: 6,
    name: "what the server alone knows about a board's comments (authors of comments without a name, Me too, hidden words)",
    // Never in the shared document (server/ports/comment-records.ts). Like the document tables,
    // removed with the board's log; rows of comments no longer in the document go at compaction.
    statements: [
      `CREATE TABLE comment_authors (
        board_id TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (board_id, comment_id)
      )`,
      `CREATE INDEX comment_authors_by_user ON comment_authors(board_id, user_id)`,
      `CREATE TABLE comment_me_too (
        board_id TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (board_id, comment_id, user_id)
      )`,
      `CREATE INDEX comment_me_too_by_user ON comment_me_too(board_id, user_id)`,
      `CREATE TABLE comment_hidden_bodies (
        board_id TEXT NOT NULL,
        comment_id TEXT NOT NULL,
        body TEXT NOT NULL,
        PRIMARY KEY (board_id, comment_id)
      )`,
    ],
  },
  {
    version: 7,
    name: "each person's dots in a board's open vote (issue 15)",
    // Never in the shared document (server/ports/vote-records.ts): the document shows only how
    // many have voted and, once revealed, the totals. Removed with the board's log, and whenever a
    // vote is revealed, ended or replaced.
    statements: [
      `CREATE TABLE vote_dots (
        board_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        touchpoint_id TEXT NOT NULL,
        dots INTEGER NOT NULL CHECK (dots > 0),
        PRIMARY KEY (board_id, user_id, touchpoint_id)
      )`,
    ],
  },
  {
    version: 8,
    name: "a board's kept versions, its history (issue 17)",
    // Each the whole document at a moment (server/ports/board-history.ts), bounded in number by
    // server/sync/history-keeping.ts; removed with the board's log.
    statements: [
      `CREATE TABLE board_versions (
        board_id TEXT NOT NULL,
        id TEXT NOT NULL,
        taken_at INTEGER NOT NULL,
        state BLOB NOT NULL,
        PRIMARY KEY (board_id, id)
      )`,
    ],
  },
  {
    version: 9,
    name: 'whose each feeling is, and each person\'s perspective, kept by the server only (issue 17)',
    // The document holds feelings under keys that say nothing of who gave them
    // (server/ports/feeling-records.ts); the perspective each person chose and the lines worked
    // out from them (server/ports/perspective-records.ts). All removed with the board.
    statements: [
      `CREATE TABLE feeling_owners (
        board_id TEXT NOT NULL,
        map TEXT NOT NULL,
        feeling_key TEXT NOT NULL,
        touchpoint_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        PRIMARY KEY (board_id, map, feeling_key)
      )`,
      'CREATE INDEX feeling_owners_by_person ON feeling_owners (board_id, user_id, map, touchpoint_id)',
      `CREATE TABLE perspective_choices (
        board_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        choice TEXT NOT NULL,
        PRIMARY KEY (board_id, user_id)
      )`,
      `CREATE TABLE perspective_lines (
        board_id TEXT PRIMARY KEY,
        worked_out_at INTEGER NOT NULL,
        lines TEXT NOT NULL
      )`,
    ],
  },
];

/** Brings the database up to the newest migration; safe to call on every start. */
export async function migrate(db: SqlDatabase, list: readonly Migration[] = migrations): Promise<number> {
  await db.execute(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const applied = await db.execute('SELECT version FROM schema_migrations');
  const done = new Set(applied.rows.map((row) => intColumn(row, 'version')));
  let count = 0;
  for (const migration of [...list].sort((a, b) => a.version - b.version)) {
    if (done.has(migration.version)) continue;
    await db.batch([
      ...migration.statements.map((sql) => ({ sql })),
      {
        sql: 'INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)',
        args: [migration.version, migration.name, Date.now()],
      },
    ]);
    count++;
  }
  return count;
}
