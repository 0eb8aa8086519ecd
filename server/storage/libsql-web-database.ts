/**
 * The LibSQL adapter of the {@link SqlDatabase} port for runtimes without native modules
 * (Cloudflare Workers): @libsql/client/web speaks to a remote Turso/libSQL server over HTTP with
 * `fetch` only. The remote server owns its files, so there is nothing to checkpoint here.
 */
import { createClient } from '@libsql/client/web';
import { LibsqlDatabase } from './libsql-client-adapter.ts';
import type { SqlDatabase } from './sql-database.ts';

export interface LibsqlWebDatabaseOptions {
  /** `libsql://…`, `https://…` (or `http://…` for a local server). */
  url: string;
  authToken?: string;
}

export function openLibsqlWebDatabase(options: LibsqlWebDatabaseOptions): SqlDatabase {
  const client = createClient({ url: options.url, authToken: options.authToken, intMode: 'number' });
  return new LibsqlDatabase(client, false);
}
