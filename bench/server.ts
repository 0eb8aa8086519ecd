/**
 * The real Common Ground server for the benchmark: `node server/runtime/node-main.ts` as a child
 * process (test/support/server-process.ts) on a free 127.0.0.1 port, with a LibSQL file and
 * persistence exactly as in production (every update committed before it is relayed), and its
 * temp folder removed when it stops, also when the benchmark fails. The board-render part uses it
 * directly; the sync comparison goes through bench/targets/common-ground.ts.
 */
import { join } from 'node:path';
import { freePort } from '../test/support/free-port.ts';
import { killableServer, type KillableServer } from '../test/support/server-process.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';

/** The running server: url, wsUrl, origin, /proc readings, stop() and killNow(). */
export type BenchServer = KillableServer;

export interface BenchServerOptions {
  /** A folder the caller owns for `bench.db`, kept on stop; default a temp folder removed on stop. */
  dataDir?: string;
}

/** Starts the server and resolves once it prints its `listening on` line. */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const temp = options.dataDir === undefined ? makeTempDir('common-ground-bench-') : null;
  const dir = options.dataDir ?? temp!.path;
  const server = killableServer(await freePort(), `file:${join(dir, 'bench.db')}`, { onStopped: () => temp?.remove() });
  await server.start();
  return server;
}
