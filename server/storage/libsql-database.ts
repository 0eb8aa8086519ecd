/**
 * The LibSQL adapter of the {@link SqlDatabase} port, over @libsql/client. It serves the embedded
 * `file:` database (the default), `:memory:` and remote Turso/libSQL servers alike.
 */
import { createClient, type Client, type ResultSet, type InValue } from '@libsql/client';
import type { SqlDatabase, SqlResult, SqlRow, SqlStatement, SqlValue } from './sql-database.ts';

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

class LibsqlDatabase implements SqlDatabase {
  readonly #client: Client;
  readonly #localFile: boolean;
  constructor(client: Client, localFile: boolean) {
    this.#client = client;
    this.#localFile = localFile;
  }

  async checkpoint(): Promise<void> {
    if (!this.#localFile) return;
    // TRUNCATE: copy every frame into the database file, then cut the WAL to zero bytes.
    const result = await this.#client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const busy = result.rows[0]?.[0];
    if (busy !== 0 && busy !== undefined) throw new Error('the database was busy: the checkpoint did not complete');
  }

  async execute(statement: SqlStatement | string): Promise<SqlResult> {
    return toResult(await this.#client.execute(toLibsql(statement)));
  }

  async batch(statements: SqlStatement[]): Promise<SqlResult[]> {
    if (statements.length === 0) return [];
    const results = await this.#client.batch(statements.map(toLibsql), 'write');
    return results.map(toResult);
  }

  close(): void {
    this.#client.close();
  }
}

function toLibsql(statement: SqlStatement | string): { sql: string; args: InValue[] } {
  if (typeof statement === 'string') return { sql: statement, args: [] };
  return { sql: statement.sql, args: (statement.args ?? []) as InValue[] };
}

function toResult(result: ResultSet): SqlResult {
  const rows = result.rows.map((row) => {
    const out: SqlRow = {};
    result.columns.forEach((column, i) => {
      out[column] = toValue(row[i]);
    });
    return out;
  });
  return { rows, rowsAffected: result.rowsAffected };
}

function toValue(value: unknown): SqlValue {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  if (value instanceof Uint8Array) return value;
  if (value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint') {
    return value;
  }
  throw new TypeError(`unexpected column value of type ${typeof value}`);
}
