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

/**
 * WebSocket compression (permessage-deflate, RFC 7692), agreed only with a client that offers it
 * (browsers do; a client that does not still syncs uncompressed). Measured on the 1.19 MB board of
 * bench/guard-cost-board.ts (docs/sync-protocol.md, "Compression").
 */
const syncCompression = {
  // Only messages of 16 KiB and more are compressed: first syncs of big boards and large pastes.
  // Typing updates and presence (30–300 bytes) never touch zlib, so relaying them costs what it
  // did; below 16 KiB a message takes under 0.4 s even at 400 kbit/s.
  threshold: 16 * 1024,
  // Level 1: that board to 219 KB in ~19 ms (level 6: 169 KB in ~37 ms — twice the CPU on the
  // server's one thread pool for a quarter fewer bytes). memLevel 4: a smaller hash table, ~70 KB
  // less memory per compressing socket for 0.3 % larger output.
  zlibDeflateOptions: { level: 1, memLevel: 4 },
  // Each message compressed on its own: no window carries from one message to the next, so a
  // socket's zlib stream holds no data between messages (ws keeps the stream itself, see notes).
  // Costs little here: our big messages stand alone, the small ones are not compressed.
  serverNoContextTakeover: true,
  clientNoContextTakeover: true,
  // Window sizes stay as the client offers: asking a smaller one refuses (400) a client whose
  // offer names no client_max_window_bits or a smaller server_max_window_bits.
  // At most two compressions or inflations at once in the process (libuv's pool has four threads,
  // shared with password hashing and the file system); the rest wait their turn.
  concurrencyLimit: 2,
} as const;

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
  // maxPayload bounds a frame as read and, for a compressed one, as it inflates (ws counts the
  // inflated bytes and closes with 1009 past it), so a small frame that inflates big is refused too.
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes, perMessageDeflate: syncCompression });
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

