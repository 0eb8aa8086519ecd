/**
 * Real y-websocket 3.x providers in Node, as another program would use the sync endpoint: the
 * unmodified WebsocketProvider with a `ws` WebSocket class that sends the session cookie.
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { nextEvent } from './wait.ts';

export interface SyncClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves once the first sync with the server completed. */
  synced: Promise<void>;
  destroy(): void;
}

/** A WebSocket class that carries a cookie (what a browser does by itself). */
export function cookieWebSocket(
  cookie: string | undefined,
  origin?: string,
): new (url: string | URL, protocols?: string | string[]) => WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const headers: Record<string, string> = {};
      if (cookie) headers['cookie'] = cookie;
      if (origin) headers['origin'] = origin;
      super(url, protocols, { headers });
    }
  };
}

/** Where a provider connects: `${serverUrl}/${room}`, through `WebSocketPolyfill` (cookie, wire shim). */
export interface ProviderAddress {
  serverUrl: string;
  room: string;
  WebSocketPolyfill: new (url: string | URL, protocols?: string | string[]) => WebSocket;
}

export interface ConnectOptions {
  doc?: Y.Doc;
  /** Connect now (default) or leave it to provider.connect(). */
  connect?: boolean;
  /** Cap on the first sync (the `synced` promise rejects after it); default 10 s. */
  syncTimeoutMs?: number;
}

/** One unmodified provider at any address; the tests' and the benchmark's clients are all this. */
export function connectProvider(address: ProviderAddress, options: ConnectOptions = {}): SyncClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(address.serverUrl, address.room, doc, {
    WebSocketPolyfill: address.WebSocketPolyfill as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
  });
  const synced = provider.synced
    ? Promise.resolve()
    : nextEvent<[boolean]>(provider, 'sync', options.syncTimeoutMs ?? 10_000).then(() => undefined);
  return {
    doc,
    provider,
    synced,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** A member's provider on Common Ground's sync endpoint for one board. */
export function connectClient(
  server: { wsUrl: string },
  boardId: string,
  cookie: string | undefined,
  options: ConnectOptions = {},
): SyncClient {
  return connectProvider({ serverUrl: `${server.wsUrl}/sync`, room: boardId, WebSocketPolyfill: cookieWebSocket(cookie) }, options);
}

/** The code of a provider's next connection close (-1 when the close came without an event). */
export function nextCloseCode(provider: WebsocketProvider, timeoutMs = 5000): Promise<number> {
  return nextEvent<[CloseEvent | null]>(provider, 'connection-close', timeoutMs).then(([event]) => event?.code ?? -1);
}

/** The providers one test opens on a server, to destroy them all when it ends. */
export function clientPool(server: () => { wsUrl: string }) {
  const open: SyncClient[] = [];
  return {
    /** A member's provider on `boardId`, connected now. */
    connect(boardId: string, person: { cookie: string }): SyncClient {
      const client = connectClient(server(), boardId, person.cookie);
      open.push(client);
      return client;
    },
    destroyAll(): void {
      for (const client of open.splice(0)) client.destroy();
    },
  };
}
