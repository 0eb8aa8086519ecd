/**
 * An app on either target (targets.ts) that a suite can restart on the same port and the same
 * stored data, and read what it logged: for tests that must show what a restarted server loads
 * (a change it refused is in no store) and what it said about it.
 *
 * - Node: the server in this process (test-server.ts) on a LibSQL file of its own; restart() stops
 *   it (flushing everything, as SIGTERM does) and starts a new one on the same port and file. What
 *   it logs is what the process's console.warn and console.error printed while it ran.
 * - Workers: `wrangler dev` (worker-server.ts); restart() stops the whole runtime and starts it
 *   again on the same persist folder. What it logs is wrangler's output (the Worker's console too).
 */
import { freePort } from './free-port.ts';
import type { Target, TargetKind } from './targets.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { makeTempDir } from './temp-dir.ts';
import { startWorkerServer } from './worker-server.ts';

export interface RestartableApp extends Target {
  /** Stops the app and starts it again on the same port and data; resolves once it answers. */
  restart(): Promise<void>;
  /** What the app printed so far (its console, across restarts). */
  output(): string;
}

export async function startRestartable(kind: TargetKind): Promise<RestartableApp> {
  return kind.name === 'workers' ? startWorkers() : startNode();
}

async function startWorkers(): Promise<RestartableApp> {
  const server = await startWorkerServer();
  return { ...server, restart: () => server.restart(), output: () => server.output(), dispose: () => server.dispose() };
}

async function startNode(): Promise<RestartableApp> {
  const dir = makeTempDir('common-ground-restartable-');
  const libsqlUrl = `file:${dir.path}/board.db`;
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const start = (): Promise<TestServer> => startTestServer({ libsqlUrl, env: { PORT: String(port), PUBLIC_URL: url } });

  // The server runs in this process: its console is ours, kept while the app lives. Errors are
  // printed on as well; warnings (a refused change is one) only kept, as wrangler keeps them.
  let printed = '';
  const original = { warn: console.warn, error: console.error };
  const keep =
    (print: ((...args: unknown[]) => void) | null) =>
    (...args: unknown[]): void => {
      printed += `${args.map(String).join(' ')}\n`;
      print?.(...args);
    };
  console.warn = keep(null);
  console.error = keep(original.error);

  let current: TestServer;
  try {
    current = await start();
  } catch (error) {
    Object.assign(console, original);
    dir.remove();
    throw error;
  }
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    config: { publicOrigin: url },
    async restart() {
      await current.dispose(); // its own (empty) folder; the database is in ours
      current = await start();
      // This process's fetch may still hold keep-alive sockets the old server closed: the first
      // request on each fails ("other side closed"). Spend them here, not in the test.
      for (let tries = 0; tries < 16; tries++) {
        if (await fetch(`${url}/healthz`).then((response) => response.ok, () => false)) break;
      }
    },
    output: () => printed,
    async dispose() {
      try {
        await current.dispose();
      } finally {
        Object.assign(console, original);
        dir.remove();
      }
    },
  };
}
