/**
 * Serves Common Ground on Node: the app of node-app.ts behind an HTTP + WebSocket server (`ws`,
 * frames capped at 32 MiB). Used by `npm start` (node-main.ts) and by the integration tests.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { WebSocketServer } from 'ws';
import { maxMessageBytes } from '../../shared/sync-protocol.ts';
import type { HashGate } from '../auth/hash-gate.ts';
import type { AppConfig } from '../config.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { createNodeApp, type NodeAppOptions } from './node-app.ts';

export interface NodeServerOptions extends NodeAppOptions {}

export interface NodeServer {
  /** `http://HOST:PORT` with the real port. */
  url: string;
  port: number;
  config: AppConfig;
  registry: RoomRegistry;
  /** The bound on password hashing, to read what is running and waiting. */
  hashing: HashGate;
  /** Stops accepting, closes sockets (1001), flushes every document and closes the database. */
  close(): Promise<void>;
}

export async function startNodeServer(options: NodeServerOptions = {}): Promise<NodeServer> {
  const node = await createNodeApp(options);
  const { config } = node;
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolveListening, reject) => {
      const started = serve({ fetch: node.app.fetch, port: config.port, hostname: config.host, websocket: { server: wss } }, () =>
        resolveListening(started),
      );
      started.once('error', reject);
    });
  } catch (error) {
    await node.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;

  let closing: Promise<void> | null = null;
  return {
    url: `http://${host}:${port}`,
    port,
    config,
    registry: node.registry,
    hashing: node.hashing,
    close() {
      closing ??= (async () => {
        const stopped = new Promise<void>((done) => server.close(() => done()));
        await node.registry.shutdown();
        for (const client of wss.clients) client.terminate();
        if ('closeAllConnections' in server) server.closeAllConnections();
        await stopped;
        await node.close();
      })();
      return closing;
    },
  };
}

