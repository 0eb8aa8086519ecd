/**
 * A TCP proxy in front of a running app that counts the bytes each way: what really crosses the
 * wire, after any WebSocket compression, so a test can tell a compressed first sync from a plain
 * one on either runtime without looking inside the server.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface CountingProxy {
  /** The proxy's `127.0.0.1:PORT`. */
  host: string;
  /** Bytes the app sent to clients through the proxy so far. */
  readonly toClient: number;
  /** Bytes clients sent to the app through the proxy so far. */
  readonly toServer: number;
  close(): Promise<void>;
}

/** Listens on a free port and pipes every connection to `target` (`http://HOST:PORT`). */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const { hostname, port } = new URL(target);
  let toClient = 0;
  let toServer = 0;
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => [client, upstream].forEach((each) => each.destroy()));
    }
    client.on('data', (chunk: Buffer) => (toServer += chunk.length));
    upstream.on('data', (chunk: Buffer) => (toClient += chunk.length));
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((listening, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => listening());
  });
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('the proxy has no port');
  return {
    host: `127.0.0.1:${address.port}`,
    get toClient() {
      return toClient;
    },
    get toServer() {
      return toServer;
    },
    close: () =>
      new Promise<void>((closed) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => closed());
      }),
  };
}
