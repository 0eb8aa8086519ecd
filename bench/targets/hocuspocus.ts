/**
 * Hocuspocus 4.7 as a benchmark target (bench/peers/hocuspocus.mjs): its SQLite extension on a
 * database file, default debounce, so a document reaches the disk 2 s after its last change
 * (10 s at the latest) — not before relay. Clients speak its wire through hocuspocus-wire.ts.
 */
import { join } from 'node:path';
import { childServer } from '../../test/support/child-server.ts';
import { freePort } from '../../test/support/free-port.ts';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { hocuspocusWebSocket } from './hocuspocus-wire.ts';
import { peersDir } from './peers-install.ts';
import { roomName } from './room-name.ts';
import { peerUserId, type RoomAddress, type RunningTarget, type TargetOptions } from './types.ts';

export async function startHocuspocus(options: TargetOptions = {}): Promise<RunningTarget> {
  const temp = options.dataDir === undefined ? makeTempDir('hocuspocus-bench-') : null;
  const dir = options.dataDir ?? temp!.path;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = childServer({
    name: 'Hocuspocus',
    script: join(peersDir, 'hocuspocus.mjs'),
    cwd: peersDir,
    env: { PORT: String(port), HOST: '127.0.0.1', DATABASE: join(dir, 'hocuspocus.db') },
    url,
    onStopped: () => temp?.remove(),
  });
  await child.start();
  const address = (room: string): RoomAddress =>
    // The URL path means nothing to Hocuspocus; the document name travels in every frame.
    ({ serverUrl: url.replace(/^http/, 'ws'), room, WebSocketPolyfill: hocuspocusWebSocket(room), userId: peerUserId });
  return {
    name: 'Hocuspocus',
    durability: { summary: 'debounced store to SQLite 2–10 s after a change; relayed at once', ackIsDurable: false },
    openRoom: async (label) => address(roomName(label)),
    joinRoom: async (room) => address(room),
    ...child,
  };
}
