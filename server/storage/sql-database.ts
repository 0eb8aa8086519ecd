/**
 * The port through which the core reaches a relational database. It is the small subset of
 * @libsql/client's `Client` the core needs, in plain types, so the core never imports a driver:
 * the LibSQL adapter implements it for `file:`, `:memory:`, `libsql://` and `http(s)://` URLs.
 */

export type SqlValue = null | number | bigint | string | Uint8Array;

export interface SqlStatement {
  sql: string;
  args?: SqlValue[];
}

/** A result row by column name; BLOB columns arrive as Uint8Array. */
export type SqlRow = Record<string, SqlValue>;

export interface SqlResult {
  rows: SqlRow[];
  rowsAffected: number;
}

export interface SqlDatabase {
  /** Runs one statement. */
  execute(statement: SqlStatement | string): Promise<SqlResult>;
  /** Runs the statements in one write transaction: all of them or none. */
  batch(statements: SqlStatement[]): Promise<SqlResult[]>;
  /**
   * Moves committed changes into the database file and empties the write-ahead log, so deleted
   * content (zeroed in place by secure_delete) is gone from the files, not only from the tables.
   * A no-op where the database is not a local file.
   */
  checkpoint(): Promise<void>;
  /** Releases the connection(s). Pending calls are not awaited. */
  close(): void;
}

/** Reads a column that must hold text. */
export function textColumn(row: SqlRow, name: string): string {
  const value = row[name];
  if (typeof value !== 'string') throw new TypeError(`column ${name} is not text`);
  return value;
}

/** Reads a column that must hold an integer. */
export function intColumn(row: SqlRow, name: string): number {
  const value = row[name];
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'number') throw new TypeError(`column ${name} is not a number`);
  return value;
}

/** Reads a column that must hold a BLOB. */
export function blobColumn(row: SqlRow, name: string): Uint8Array {
  const value = row[name];
  if (!(value instanceof Uint8Array)) throw new TypeError(`column ${name} is not a blob`);
  return value;
}
