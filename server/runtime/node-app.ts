/**
 * Wires Common Ground for Node without listening: the embedded (or remote) LibSQL database and
 * its migrations, the sync rooms with their group-commit writer, native scrypt, static client
 * files, and the Hono app. Tests use it in-process with `app.request`; node-server.ts serves it.
 */
import { nodePdfFonts } from './node-pdf-fonts.ts';
import { boardTitleMaxLength } from '../../shared/limits.ts';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import { createApp } from '../app.ts';
import type { AuthVariables } from '../auth/current-user.ts';
import type { HashGate, HashGateLimits } from '../auth/hash-gate.ts';
import { createPasswordHasher, type Scrypt } from '../auth/passwords.ts';
import { ActivityStore } from '../boards/activity-store.ts';
import { BoardStore } from '../boards/board-store.ts';
import type { AuthRateLimits } from '../http/rate-limiter.ts';
import { readConfig, type AppConfig, type Environment } from '../config.ts';
import { secureRandomBytes, systemClock, type Clock } from '../ports/clock.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import { sqlCommentRecords } from '../storage/libsql-comment-records.ts';
import { sqlVoteRecords } from '../storage/libsql-vote-records.ts';
import { sqlFeelingRecords } from '../storage/libsql-feeling-records.ts';
import { sqlPerspectiveRecords } from '../storage/libsql-perspective-records.ts';
import { createSqlDocumentStore } from '../storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../storage/libsql-database.ts';
import { migrate } from '../storage/migrations.ts';
import type { SqlDatabase } from '../storage/sql-database.ts';
import { DocumentWriter } from '../sync/document-writer.ts';
import { RoomRegistry } from '../sync/room-registry.ts';
import { clientAssets } from './node-client-assets.ts';
import { createNodeSync } from './node-sync.ts';
import { nodeScrypt } from './node-scrypt.ts';
import { sqlBoardHistory } from '../storage/libsql-board-history.ts';

export interface NodeAppOptions {
  /** Environment variables (docs/configuration.md); default process.env. */
  env?: Environment;
  /** Folder of the built client; default dist/client in the project. Null serves no client. */
  clientDir?: string | null;
  /** Compact a board's log after this many updates (default 500); tests lower it. */
  compactAfterUpdates?: number;
  /** ...or this many bytes (default 1 MiB). */
  compactAfterBytes?: number;
  /** Ping interval for dead-socket detection (default 30 s). */
  heartbeatMs?: number;
  /** Password hashing cost; only tests lower it. */
  scryptCost?: { logN: number; r: number; p: number };
  /** The scrypt implementation (default Node's native one); tests wrap it to watch it run. */
  scrypt?: Scrypt;
  /**
   * Bounds on password hashes running and waiting (auth/hash-gate.ts); `concurrency` defaults to
   * {@link nodeHashConcurrency}. Tests lower the bounds.
   */
  hashGate?: Partial<HashGateLimits>;
  /** Limits on signing in and creating accounts; tests that create many accounts raise them. */
  rateLimits?: Partial<AuthRateLimits>;
  /** Time; tests move it to expire sessions. */
  clock?: Clock;
  /**
   * Wraps the document store the rooms use: tests put a fault-injecting or gated store around
   * the real LibSQL one. Production passes nothing.
   */
  wrapDocumentStore?: (store: DocumentStore) => DocumentStore;
  /** Wait before a board's "what's new" is written (default 5 s, sync/activity.ts); tests lower it. */
  activityFlushMs?: number;
  /** Where problems are reported (default console.error). */
  onError?: (error: unknown) => void;
}

export interface NodeApp {
  app: Hono<{ Variables: AuthVariables }>;
  config: AppConfig;
  db: SqlDatabase;
  documents: DocumentStore;
  registry: RoomRegistry;
  /** The bound on password hashing, to read what is running and waiting. */
  hashing: HashGate;
  /** Stops the heartbeat and the writer and closes the database. Flush rooms first. */
  close(): Promise<void>;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function createNodeApp(options: NodeAppOptions = {}): Promise<NodeApp> {
  const config = readConfig(options.env ?? process.env);
  const clock = options.clock ?? systemClock;
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  ensureDatabaseFolder(config.libsqlUrl);
  const db = await openLibsqlDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  await migrate(db);

  const stored = createSqlDocumentStore({ db, now: () => clock.now() });
  const documents = options.wrapDocumentStore?.(stored) ?? stored;
  const writer = new DocumentWriter({
    store: documents,
    schedule: (flush) => void setImmediate(flush),
    onError: (error, attempt, boardId) =>
      onError(new Error(`saving changes of board ${boardId} failed (attempt ${attempt})`, { cause: error })),
  });
  const boards = new BoardStore(db);
  const registry = new RoomRegistry({
    store: documents,
    writer,
    comments: (boardId) => sqlCommentRecords(db, boardId),
    votes: (boardId) => sqlVoteRecords(db, boardId),
    feelings: (boardId) => sqlFeelingRecords(db, boardId),
    perspectives: (boardId) => sqlPerspectiveRecords(db, boardId),
    history: (boardId) => sqlBoardHistory(db, boardId),
    compactAfterUpdates: options.compactAfterUpdates,
    compactAfterBytes: options.compactAfterBytes,
    onTitleChange: (boardId, title) => void boards.setTitle(boardId, title.slice(0, boardTitleMaxLength)).catch(onError),
    verifyPeer: async (boardId, userId) => {
      const board = await boards.getFor(boardId, userId);
      return board === undefined ? 'no_board' : board === null ? 'not_member' : board.access;
    },
    sessionExpiry: (sessionId) => sessions.expiryOf(sessionId),
    clock,
    forgetPurged: () => db.checkpoint(),
    activity: new ActivityStore(db),
    activityFlushMs: options.activityFlushMs,
    onError,
  });
  const sync = createNodeSync({ registry, heartbeatMs: options.heartbeatMs });
  const clientDir = options.clientDir === undefined ? resolve(projectRoot, 'dist/client') : options.clientDir;

  const { app, hashing, sessions } = createApp({
    config,
    db,
    passwords: createPasswordHasher({ scrypt: options.scrypt ?? nodeScrypt, random: secureRandomBytes, cost: options.scryptCost }),
    sync: { upgrade: sync.upgrade, control: registry },
    pdfFonts: nodePdfFonts,
    assets: clientDir ? clientAssets(clientDir) : undefined,
    clock,
    clientIp: nodeClientIp,
    rateLimits: options.rateLimits,
    hashGate: { concurrency: nodeHashConcurrency(), ...options.hashGate },
    onError,
  });

  return {
    app,
    config,
    db,
    documents,
    registry,
    hashing,
    async close() {
      sync.stop();
      await writer.flush();
      writer.close();
      db.close();
    },
  };
}

/**
 * The peer address of the request's socket. X-Forwarded-For is not read: behind a proxy every
 * request shares the proxy's address, which errs on the side of limiting (docs/configuration.md).
 */
function nodeClientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (app.request) have no socket
  }
}

/**
 * Hashes worth running at once on Node: native scrypt runs on the libuv thread pool (4 threads
 * unless UV_THREADPOOL_SIZE says otherwise), and no faster than the CPUs this process may use.
 */
export function nodeHashConcurrency(): number {
  const pool = Number(process.env['UV_THREADPOOL_SIZE']) || 4;
  return Math.max(1, Math.min(availableParallelism(), pool));
}

/** A `file:` database's folder is created on first start. */
function ensureDatabaseFolder(url: string): void {
  if (!url.startsWith('file:') || url.includes(':memory:')) return;
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0]!;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}
