/**
 * Starts Common Ground on Node: the embedded (or remote) LibSQL database, migrations, the sync
 * rooms with their group-commit writer, the Hono app with static client files, and the HTTP +
 * WebSocket server. Used by `npm start` (node-main.ts) and by the integration tests.
 */
import { mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import type { MiddlewareHandler } from 'hono';
import { WebSocketServer } from 'ws';
import { maxMessageBytes } from '../../shared/sync-protocol.ts';
import { createApp } from '../app.ts';
import { createPasswordHasher } from '../auth/passwords.ts';
import { BoardStore } from '../boards/board-store.ts';
import { readConfig, type AppConfig, type Environment } from '../config.ts';
import { secureRandomBytes, systemClock } from '../ports.ts';
import { createSqlDocumentStore } from '../storage/libsql-document-store.ts';
import { openLibsqlDatabase } from '../storage/libsql-database.ts';
import { migrate } from '../storage/migrations.ts';
import { DocumentWriter } from '../sync/document-writer.ts';
import { RoomRegistry } from '../sync/room-registry.ts';
import { createNodeSync } from './node-sync.ts';
import { nodeScrypt } from './node-scrypt.ts';

export interface NodeServerOptions {
  /** Environment variables (docs/configuration.md); default process.env. */
  env?: Environment;
  /** Folder of the built client; default dist/client in the project. Null serves no client. */
  clientDir?: string | null;
  /** Compaction thresholds, lowered by tests. */
  compactAfterUpdates?: number;
  compactAfterBytes?: number;
  /** Ping interval for dead-socket detection (default 30 s). */
  heartbeatMs?: number;
  /** Password hashing cost; only tests lower it. */
  scryptCost?: { logN: number; r: number; p: number };
  /** Where problems are reported (default console.error). */
  onError?: (error: unknown) => void;
}

export interface NodeServer {
  /** `http://HOST:PORT` with the real port. */
  url: string;
  port: number;
  config: AppConfig;
  registry: RoomRegistry;
  /** Stops accepting, closes sockets (1001), flushes every document and closes the database. */
  close(): Promise<void>;
}

const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export async function startNodeServer(options: NodeServerOptions = {}): Promise<NodeServer> {
  const config = readConfig(options.env ?? process.env);
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  ensureDatabaseFolder(config.libsqlUrl);
  const db = await openLibsqlDatabase({ url: config.libsqlUrl, authToken: config.libsqlAuthToken });
  await migrate(db);

  const documents = createSqlDocumentStore({ db, now: systemClock.now });
  const writer = new DocumentWriter({
    store: documents,
    schedule: (flush) => void setImmediate(flush),
    onError: (error, attempt) => onError(new Error(`saving board changes failed (attempt ${attempt}); retrying`, { cause: error })),
  });
  const titles = new BoardStore(db);
  const registry = new RoomRegistry({
    store: documents,
    writer,
    compactAfterUpdates: options.compactAfterUpdates,
    compactAfterBytes: options.compactAfterBytes,
    onTitleChange: (boardId, title) => void titles.setTitle(boardId, title.slice(0, 120)).catch(onError),
    onError,
  });
  const sync = createNodeSync({ registry, heartbeatMs: options.heartbeatMs });
  const clientDir = options.clientDir === undefined ? resolve(projectRoot, 'dist/client') : options.clientDir;

  const { app } = createApp({
    config,
    db,
    documents,
    passwords: createPasswordHasher({ scrypt: nodeScrypt, random: secureRandomBytes, cost: options.scryptCost }),
    sync: { upgrade: sync.upgrade, control: registry },
    assets: clientDir ? clientAssets(clientDir) : undefined,
    onError,
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  const server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
    const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } }, () =>
      resolveListening(started),
    );
    started.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    config,
    registry,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        sync.stop();
        await registry.shutdown();
        for (const client of wss.clients) client.terminate();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await stopped;
        writer.close();
        db.close();
      })();
      return closing;
    },
  };
}

/** A `file:` database's folder is created on first start. */
function ensureDatabaseFolder(url: string): void {
  if (!url.startsWith('file:') || url.includes(':memory:')) return;
  const path = url.slice('file:'.length).replace(/^\/\/(?=\/)/, '').split('?')[0]!;
  mkdirSync(dirname(resolve(path)), { recursive: true });
}

/** The built client: files as they are, and index.html for the app's own pages. */
function clientAssets(root: string): MiddlewareHandler {
  const files = serveStatic({ root });
  const page = serveStatic({ root, path: 'index.html' });
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const path = c.req.path;
    if (path === '/' || path.startsWith('/boards/') || path.startsWith('/invite/')) return page(c, next);
    return files(c, next);
  };
}
