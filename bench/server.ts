/**
 * The real Common Ground server for the benchmark: `node server/runtime/node-main.ts` as a child
 * process (bench/targets/child-server.ts) on a free 127.0.0.1 port, with a LibSQL file and
 * persistence exactly as in production (every update committed before it is relayed). Mirrors
 * test/support/server-process.ts, plus a real PUBLIC_URL, /proc readings and cleanup that also
 * runs when the benchmark fails. The board-render part uses it directly; the sync comparison
 * goes through bench/targets/common-ground.ts.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../test/support/killable-server.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { spawnServer, type ChildServer } from './targets/child-server.ts';

const entry = fileURLToPath(new URL('../server/runtime/node-main.ts', import.meta.url));

export interface BenchServer extends ChildServer {
  /** `http://127.0.0.1:PORT`, also the server's PUBLIC_URL, so requests send it as Origin. */
  url: string;
  /** `ws://127.0.0.1:PORT`; the sync endpoint is `${wsUrl}/sync/:boardId`. */
  wsUrl: string;
  /** The Origin the server accepts (its PUBLIC_URL's origin). */
  origin: string;
}

export interface BenchServerOptions {
  /** A folder the caller owns for `bench.db`, kept on stop; default a temp folder removed on stop. */
  dataDir?: string;
}

/** Starts the server and resolves once it prints its `listening on` line. */
export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const temp = options.dataDir === undefined ? makeTempDir('common-ground-bench-') : null;
  const dir = options.dataDir ?? temp!.path;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = await spawnServer({
    name: 'Common Ground',
    script: entry,
    // The flags keep type stripping working on Node 22.12+ as well (default from 22.18).
    nodeFlags: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(dir, 'bench.db')}`, PUBLIC_URL: url },
    url,
    onStopped: () => temp?.remove(),
  });
  return { ...child, url, wsUrl: url.replace(/^http/, 'ws'), origin: url };
}
