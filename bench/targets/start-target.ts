/**
 * The one entry to the servers the benchmark compares: `startTarget(name)` installs the
 * peers on first use (bench/peers) and starts the named server in its own child process.
 */
import { startCommonGround } from './common-ground.ts';
import { startCommonGroundWorkers } from './common-ground-workers.ts';
import { startHocuspocus } from './hocuspocus.ts';
import { ensurePeersInstalled } from './peers-install.ts';
import type { RunningTarget, TargetName, TargetOptions } from './types.ts';
import { startYWebsocketServer } from './y-websocket-server.ts';

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/**
 * Starts `name` and resolves once it accepts sockets. With `options.dataDir`, Common Ground and
 * Hocuspocus keep their database file there across stop/start (the caller removes the folder);
 * y-websocket-server keeps nothing anywhere, so it ignores it.
 */
export async function startTarget(name: TargetName, options: TargetOptions = {}): Promise<RunningTarget> {
  switch (name) {
    case 'Common Ground':
      return startCommonGround(options);
    case 'Hocuspocus':
      await ensurePeersInstalled(progress);
      return startHocuspocus(options);
    case 'y-websocket-server':
      await ensurePeersInstalled(progress);
      return startYWebsocketServer();
    case 'Common Ground on Workers (local workerd)':
      // Keeps nothing across starts: dataDir is not supported there.
      if (options.dataDir !== undefined) throw new Error('the Workers target keeps no data across starts');
      return startCommonGroundWorkers();
  }
}
