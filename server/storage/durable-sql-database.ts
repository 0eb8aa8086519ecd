/**
 * The {@link SqlDatabase} port over a Durable Object's own SQLite (`ctx.storage.sql`), so the
 * directory object (and anything else living in an object) runs the same stores and migrations
 * as LibSQL on Node. The object's SQLite is synchronous and private to the object; the port's
 * promises resolve at once.
 */
import type { DurableObjectStorage, SqlStorageValue } from '@cloudflare/workers-types';
import type { SqlDatabase, SqlResult, SqlRow, SqlStatement, SqlValue } from './sql-database.ts';

export class DurableSqlDatabase implements SqlDatabase {
  readonly #storage: DurableObjectStorage;

  constructor(storage: DurableObjectStorage) {
    this.#storage = storage;
  }

  async execute(statement: SqlStatement | string): Promise<SqlResult> {
    return this.#run(typeof statement === 'string' ? { sql: statement } : statement);
  }

  /**
   * One `transactionSync`: a statement that throws rolls back every earlier one. (Durable Object
   * SQLite refuses BEGIN/COMMIT; transactionSync is its way to a transaction.)
   */
  async batch(statements: SqlStatement[]): Promise<SqlResult[]> {
    if (statements.length === 0) return [];
    return this.#storage.transactionSync(() => statements.map((statement) => this.#run(statement)));
  }

  /**
   * Nothing to do: the runtime owns the object's database file and its log, and the PRAGMA that
   * would checkpoint is not allowed here. Deleted content is not left in a file we manage.
   */
  async checkpoint(): Promise<void> {}

  /** Nothing to release: the storage belongs to the object and lives as long as it does. */
  close(): void {}

  #run(statement: SqlStatement): SqlResult {
    const sql = this.#storage.sql;
    const before = totalChanges(sql.exec('SELECT total_changes() AS total').one());
    const cursor = sql.exec(statement.sql, ...(statement.args ?? []).map(toBinding));
    const columns = cursor.columnNames;
    // Reading every row first also runs the statement to its end (the cursor is lazy).
    const rows = [...cursor.raw()].map((values) => {
      const row: SqlRow = {};
      columns.forEach((column, i) => {
        row[column] = toValue(values[i] ?? null);
      });
      return row;
    });
    return { rows, rowsAffected: rowsChanged(sql.exec('SELECT total_changes() AS total, changes() AS last').one(), before) };
  }
}

/**
 * Rows the statement inserted, updated or deleted, as LibSQL reports it (sqlite3_changes()).
 * Not the cursor's rowsWritten: that also counts every index entry written (an INSERT into
 * `users` writes 3) and would tell the stores a one-row write failed. changes() alone would
 * repeat the previous write's count after a SELECT or CREATE, so it counts only when the
 * connection's total moved.
 */
function rowsChanged(after: Record<string, SqlStorageValue>, before: number): number {
  if (totalChanges(after) === before) return 0;
  const last = after['last'];
  return typeof last === 'number' ? last : 0;
}

function totalChanges(row: Record<string, SqlStorageValue>): number {
  const total = row['total'];
  return typeof total === 'number' ? total : 0;
}

function toBinding(value: SqlValue): SqlStorageValue {
  if (value instanceof Uint8Array) {
    // The runtime binds an ArrayBuffer as a BLOB; copy exactly this view's bytes.
    return value.slice().buffer as ArrayBuffer;
  }
  if (typeof value === 'bigint') {
    // The object's SQLite takes numbers only; refuse rather than silently round.
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new RangeError(`integer ${value} is outside the range this database can bind exactly`);
    }
    return Number(value);
  }
  return value;
}

function toValue(value: SqlStorageValue): SqlValue {
  if (value instanceof ArrayBuffer) return new Uint8Array(value);
  return value;
}
