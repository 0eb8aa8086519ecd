/**
 * The real Common Ground server (`node server/runtime/node-main.ts`) as a child process, for tests
 * and benchmarks that kill it, restart it or measure it from outside: child-server.ts with the
 * entry, the environment the server reads, and one fixed port, so a server SIGKILLed and started
 * again keeps its URL while y-websocket providers reconnect to it.
 */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { childServer, type ChildServer, type ChildServerOptions } from './child-server.ts';
import { freePort } from './free-port.ts';

const entry = fileURLToPath(new URL('../../server/runtime/node-main.ts', import.meta.url));

/** The server on one port and one LibSQL database; nothing runs until start(), which may be called again after kill(). */
export interface KillableServer extends ChildServer {
  /** `http://127.0.0.1:PORT`, also the server's PUBLIC_URL (the Origin requests send). */
  url: string;
  /** `ws://127.0.0.1:PORT`; the sync endpoint is `${wsUrl}/sync/:boardId`. */
  wsUrl: string;
  /** The Origin the server accepts (its PUBLIC_URL's origin). */
  origin: string;
}

/** A server bound to `port` with its data in `libsqlUrl`; `options.onStopped` as in child-server.ts (removing the caller's files). */
export function killableServer(port: number, libsqlUrl: string, options: Pick<ChildServerOptions, 'onStopped'> = {}): KillableServer {
  const url = `http://127.0.0.1:${port}`;
  const server = childServer({
    name: 'Common Ground',
    script: entry,
    // The flags keep type stripping working on Node 22.12+ as well (default from 22.18).
    nodeFlags: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: libsqlUrl, PUBLIC_URL: url },
    url,
    onStopped: options.onStopped,
  });
  return { ...server, url, wsUrl: url.replace(/^http/, 'ws'), origin: url };
}

/** One started server, shaped for tests that signal the process themselves and await its exit. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  config: { publicOrigin: string };
  /** The tail of everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  exited: Promise<number | string>;
}

/** Starts the server on a free port with the given database and waits for its listening line. */
export async function startServerProcess(libsqlUrl: string): Promise<ServerProcess> {
  const server = killableServer(await freePort(), libsqlUrl);
  await server.start();
  return { child: server.child()!, url: server.url, wsUrl: server.wsUrl, config: { publicOrigin: server.origin }, output: server.output, exited: server.exited() };
}
