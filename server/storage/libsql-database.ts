/**
 * Opens the LibSQL adapter of the {@link SqlDatabase} port on Node, over the native
 * @libsql/client. It serves the embedded `file:` database (the default), `:memory:` and remote
 * Turso/libSQL servers alike. (Workers use libsql-web-database.ts: no native driver there.)
 */
import { createClient } from '@libsql/client';
import { LibsqlDatabase } from './libsql-client-adapter.ts';
import type { SqlDatabase } from './sql-database.ts';

export interface LibsqlDatabaseOptions {
  /** Any URL @libsql/client accepts: `file:path.db`, `:memory:`, `libsql://…`, `https://…`. */
  url: string;
  /** Token for a remote database; unused for files. */
  authToken?: string;
}

/** Opens the database. For files it switches on WAL, so readers never block the update log. */
export async function openLibsqlDatabase(options: LibsqlDatabaseOptions): Promise<SqlDatabase> {
  const client = createClient({
    url: options.url,
    authToken: options.authToken,
    // One connection serialises writers (no SQLITE_BUSY between our own transactions) and keeps
    // per-connection settings; group commit makes one connection enough.
    concurrency: 1,
    intMode: 'number',
    timeout: 5000,
  });
  const local = isLocalFile(options.url);
  if (local) {
    // WAL is a property of the database file, so it survives reconnects. synchronous stays at
    // SQLite's default FULL: a committed update is on disk before we relay it.
    await client.execute('PRAGMA journal_mode = WAL');
  }
  // Deleted rows are overwritten with zeros, not just unlinked: a deleted board's stories must
  // not stay readable in free pages of the file (per connection; the client keeps one).
  if (!isRemote(options.url)) await client.execute('PRAGMA secure_delete = ON');
  return new LibsqlDatabase(client, local);
}

function isLocalFile(url: string): boolean {
  return url.startsWith('file:') && !url.includes(':memory:');
}

function isRemote(url: string): boolean {
  return /^(libsql|https?|wss?):/.test(url);
}
