/**
 * The relational data on Workers: accounts, sessions, boards, members and invites. With
 * `LIBSQL_URL` set they live in a remote LibSQL database (Turso), reached over HTTP; without it
 * (a fresh clone, `npm run dev:worker`, tests) in one "directory" Durable Object's own SQLite, so
 * the Workers build runs with no configuration. Both sit behind the same {@link SqlDatabase} port.
 */
import { DurableObject } from 'cloudflare:workers';
import type { DurableObjectNamespace, DurableObjectState } from '@cloudflare/workers-types';
import { DurableSqlDatabase } from '../storage/durable-sql-database.ts';
import { openLibsqlWebDatabase } from '../storage/libsql-web-database.ts';
import { migrate } from '../storage/migrations.ts';
import type { SqlDatabase, SqlResult, SqlStatement } from '../storage/sql-database.ts';
import type { WorkerEnv } from './worker-env.ts';

/** The one directory object's name (`idFromName`). */
export const directoryName = 'directory';

/**
 * Holds the relational tables in its SQLite. Every call is one RPC; the object runs them one at a
 * time, so a batch is a transaction no other call interleaves with. Arguments and results cross
 * by structured clone (Uint8Array and bigint included). A failing statement comes back as a value,
 * not a throw: an expected refusal (a UNIQUE email) is not logged as the object's exception.
 */
export class DirectoryObject extends DurableObject<WorkerEnv> {
  readonly #db: DurableSqlDatabase;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    this.#db = new DurableSqlDatabase(ctx.storage);
    // No call is delivered before the schema is current; a failed migration fails the object.
    void ctx.blockConcurrencyWhile(() => migrate(this.#db));
  }

  execute(statement: SqlStatement | string): Promise<Outcome<SqlResult>> {
    return settle(() => this.#db.execute(statement));
  }

  batch(statements: SqlStatement[]): Promise<Outcome<SqlResult[]>> {
    return settle(() => this.#db.batch(statements));
  }
}

type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

async function settle<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

function unwrap<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

/** The directory object's RPC surface, as a caller sees it. */
interface DirectoryRpc {
  execute(statement: SqlStatement | string): Promise<Outcome<SqlResult>>;
  batch(statements: SqlStatement[]): Promise<Outcome<SqlResult[]>>;
}

/**
 * The relational database for the Worker entry and the board objects: remote LibSQL when
 * `LIBSQL_URL` is set, otherwise the directory object. Cheap: call it where `env` is at hand.
 */
export function workerDatabase(env: WorkerEnv): SqlDatabase {
  if (env.LIBSQL_URL) return remoteDatabase(env.LIBSQL_URL, env.LIBSQL_AUTH_TOKEN);
  return directoryDatabase(env.DIRECTORY);
}

/** A {@link SqlDatabase} that forwards each call to the directory object of that name. */
export function directoryDatabase(namespace: DurableObjectNamespace, name: string = directoryName): SqlDatabase {
  return new DirectoryDatabase(namespace, name);
}

class DirectoryDatabase implements SqlDatabase {
  readonly #namespace: DurableObjectNamespace;
  readonly #name: string;
  constructor(namespace: DurableObjectNamespace, name: string) {
    this.#namespace = namespace;
    this.#name = name;
  }

  // Awaited here, so callers get a plain promise, not the RPC promise (which answers every property
  // read with another pipelined call).
  async execute(statement: SqlStatement | string): Promise<SqlResult> {
    return unwrap(await this.#stub().execute(statement));
  }

  async batch(statements: SqlStatement[]): Promise<SqlResult[]> {
    if (statements.length === 0) return [];
    return unwrap(await this.#stub().batch(statements));
  }

  /** The object's storage is the runtime's to compact. */
  async checkpoint(): Promise<void> {}

  close(): void {}

  /** A stub per call: stubs are cheap, and one made for an earlier request is not reused. */
  #stub(): DirectoryRpc {
    return this.#namespace.get(this.#namespace.idFromName(this.#name)) as unknown as DirectoryRpc;
  }
}

/** Per isolate and URL: the migrations, run once before the first statement. */
const migrated = new Map<string, Promise<unknown>>();

function remoteDatabase(url: string, authToken: string | undefined): SqlDatabase {
  const db = openLibsqlWebDatabase({ url, authToken });
  const ready = (): Promise<unknown> => {
    let done = migrated.get(url);
    if (!done) {
      done = migrate(db).catch((error: unknown) => {
        migrated.delete(url); // the next request tries again
        throw error;
      });
      migrated.set(url, done);
    }
    return done;
  };
  return {
    execute: async (statement) => (await ready(), db.execute(statement)),
    batch: async (statements) => (await ready(), db.batch(statements)),
    checkpoint: () => db.checkpoint(),
    close: () => db.close(),
  };
}
