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

export function connectClient(
  server: { wsUrl: string },
  boardId: string,
  cookie: string | undefined,
  options: { doc?: Y.Doc; connect?: boolean } = {},
): SyncClient {
  const doc = options.doc ?? new Y.Doc();
  const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
    WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
    connect: options.connect ?? true,
    disableBc: true,
  });
  const synced = provider.synced ? Promise.resolve() : nextEvent<[boolean]>(provider, 'sync', 10_000).then(() => undefined);
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
