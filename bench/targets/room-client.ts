/**
 * One unmodified y-websocket client in one room of any target — what every benchmark client is.
 * The same as test/support/sync-client.ts's connectClient, but the room's address (and so the
 * server's URL scheme, cookie or wire) comes from the target.
 */
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import type { SyncClient } from '../../test/support/sync-client.ts';
import { nextEvent } from '../../test/support/wait.ts';
import type { RoomAddress } from './types.ts';

export interface RoomClientOptions {
  doc?: Y.Doc;
  /** Connect now (default) or leave it to provider.connect(). */
  connect?: boolean;
  /** Cap on the first sync (the `synced` promise rejects after it). */
  syncTimeoutMs?: number;
}

export function connectToRoom(address: RoomAddress, options: RoomClientOptions = {}): SyncClient {
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
