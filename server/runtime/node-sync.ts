/**
 * The Node adapter of the sync endpoint: Hono's node-server WebSocket upgrade (`ws` underneath)
 * adapted to the core's {@link SyncSocket}, plus ws-level ping/pong that drops dead sockets.
 * A refused socket gets a y-protocols permission-denied message and a 44xx close, nothing else.
 */
import { upgradeWebSocket } from '@hono/node-server';
import type { WSContext } from 'hono/ws';
import { WebSocket } from 'ws';
import { CloseCode, closeReasons, keepAlive } from '../../shared/sync-protocol.ts';
import type { SyncUpgrade } from '../app.ts';
import { permissionDeniedMessage } from '../sync/messages.ts';
import type { RoomRegistry, SyncConnection } from '../sync/room-registry.ts';
import type { SyncSocket } from '../ports/sync-socket.ts';

export interface NodeSyncOptions {
  registry: RoomRegistry;
  /** How often to ping; a socket that missed the previous pong is terminated (default 30 s). */
  heartbeatMs?: number;
}

export interface NodeSync {
  upgrade: SyncUpgrade;
  /** Stops the heartbeat timer. */
  stop(): void;
}

export function createNodeSync({ registry, heartbeatMs = 30_000 }: NodeSyncOptions): NodeSync {
  const alive = new Map<WebSocket, boolean>();
  const heartbeat = setInterval(() => {
    for (const [ws, answered] of alive) {
      if (!answered) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, heartbeatMs);
  heartbeat.unref();

  const upgrade: SyncUpgrade = (c, admission) =>
    upgradeWebSocket(c, {
      onOpen(_event, ws) {
        const socket = adaptSocket(ws);
        if (!admission.ok) {
          socket.send(permissionDeniedMessage(admission.reason));
          socket.close(admission.code, admission.reason);
          return;
        }
        const raw = ws.raw;
        if (raw instanceof WebSocket) {
          alive.set(raw, true);
          raw.on('pong', () => alive.set(raw, true));
        }
        connections.set(ws, registry.connect(admission.boardId, socket, admission.peer));
      },
      onMessage(event, ws) {
        const connection = connections.get(ws);
        if (!connection) return;
        if (event.data instanceof ArrayBuffer) connection.receive(new Uint8Array(event.data));
        // The keep-alive the Workers runtime answers without waking a board's object: the same here.
        else if (event.data === keepAlive.ping) ws.send(keepAlive.pong);
        else ws.close(CloseCode.malformedMessage, closeReasons[CloseCode.malformedMessage]);
      },
      onClose(_event, ws) {
        connections.get(ws)?.close();
        connections.delete(ws);
        if (ws.raw instanceof WebSocket) alive.delete(ws.raw);
      },
    });
  const connections = new Map<WSContext, SyncConnection>();

  return { upgrade, stop: () => clearInterval(heartbeat) };
}

function adaptSocket(ws: WSContext): SyncSocket {
  return {
    send(data) {
      // Our frames are lib0 encoder output, never views of a SharedArrayBuffer. `compress: true`:
      // Hono passes `compress: undefined` to ws otherwise, which turns compression off for every
      // frame; ws still sends frames under node-server.ts's threshold, or to a client that agreed
      // no compression, as they are.
      if (ws.readyState === 1) ws.send(data as Uint8Array<ArrayBuffer>, { compress: true });
    },
    close(code, reason) {
      if (ws.readyState === 0 || ws.readyState === 1) ws.close(code, reason);
    },
  };
}
