/**
 * What the Workers runtime hands the entry and every Durable Object (wrangler.toml): bindings and
 * the same variables as the Node server's environment (docs/configuration.md).
 */
import type { DurableObjectNamespace, Fetcher } from '@cloudflare/workers-types';

export interface WorkerEnv {
  /** One Durable Object per board (worker-board.ts), addressed by `idFromName(boardId)`. */
  BOARDS: DurableObjectNamespace;
  /** The directory object (worker-directory.ts): the relational data when LIBSQL_URL is unset. */
  DIRECTORY: DurableObjectNamespace;
  /** Rate-limit counters (worker-limits.ts), one object per limit and key. */
  LIMITS: DurableObjectNamespace;
  /** The built client (Workers Static Assets). */
  ASSETS: Fetcher;
  PUBLIC_URL?: string;
  LIBSQL_URL?: string;
  LIBSQL_AUTH_TOKEN?: string;
  SESSION_DAYS?: string;
  /** Tests only: cheap password hashing and relaxed rate limits, honoured on a local http origin alone (worker.ts). */
  WEAK_TEST_SETTINGS?: string;
}
