/**
 * The {@link SqlDatabase} port over any @libsql/client `Client`: the native one on Node
 * (libsql-database.ts) and the fetch-only one on Workers (libsql-web-database.ts). Type imports
 * only, so a Worker bundle that uses this file never pulls in the native driver.
 */
import type { Client, InValue, ResultSet } from '@libsql/client/web';
import type { SqlDatabase, SqlResult, SqlRow, SqlStatement, SqlValue } from './sql-database.ts';

export class LibsqlDatabase implements SqlDatabase {
  readonly #client: Client;
  readonly #localFile: boolean;
  /** `localFile`: the database is a file on this machine, so {@link checkpoint} has work to do. */
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
