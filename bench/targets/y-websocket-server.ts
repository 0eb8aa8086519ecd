/**
 * @y/websocket-server 0.1.1 as a benchmark target (bench/peers/y-websocket-server.mjs): the
 * reference y-websocket backend with persistence off, so documents live in memory only. A room
 * is a URL path; the y-websocket client connects as it would anywhere.
 */
import { join } from 'node:path';
import { WebSocket } from 'ws';
import { childServer } from '../../test/support/child-server.ts';
import { freePort } from '../../test/support/free-port.ts';
import { peersDir } from './peers-install.ts';
import { roomName } from './room-name.ts';
import { peerUserId, type RoomAddress, type RunningTarget } from './types.ts';

export async function startYWebsocketServer(): Promise<RunningTarget> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = childServer({
    name: 'y-websocket-server',
    script: join(peersDir, 'y-websocket-server.mjs'),
    cwd: peersDir,
    // Unset on purpose: with YPERSISTENCE it would write to LevelDB.
    env: { PORT: String(port), HOST: '127.0.0.1', YPERSISTENCE: undefined },
    url,
  });
  await child.start();
  const address = (room: string): RoomAddress => ({ serverUrl: url.replace(/^http/, 'ws'), room, WebSocketPolyfill: WebSocket, userId: peerUserId });
  return {
    name: 'y-websocket-server',
    durability: { summary: 'memory only: nothing is stored', ackIsDurable: false },
    openRoom: async (label) => address(roomName(label)),
    joinRoom: async (room) => address(room),
    ...child,
  };
}
