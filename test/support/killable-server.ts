/**
 * The real server as a child process on one fixed port and one LibSQL file, so it can be
 * SIGKILLed and started again many times while y-websocket providers keep the same URL.
 * (server-process.ts asks for port 0, which changes on every start.)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

const entry = fileURLToPath(new URL('../../server/runtime/node-main.ts', import.meta.url));

/** How long one start may take before we give up; a cold start with a WAL replay is well under 1 s. */
const startTimeoutMs = 20_000;
/** Only the tail of the output is kept, so twenty restarts cannot grow our memory. */
const keptOutputChars = 32 * 1024;

export interface KillableServer {
  /** `http://127.0.0.1:PORT`, also the server's PUBLIC_URL (the Origin requests send). */
  url: string;
  wsUrl: string;
  origin: string;
  /** Starts the process (again) and resolves once it printed its listening line. */
  start(): Promise<void>;
  /** SIGKILL, and resolves once the process is gone. No-op when it is not running. */
  kill(): Promise<void>;
  /** The running process's id, for /proc readings (RSS, CPU). */
  pid(): number | undefined;
  /** Last resort for process exit handlers: SIGKILL without waiting. */
  killNow(): void;
  /** The tail of everything every start printed. */
  output(): string;
  /** Whether a process is running now. */
  running(): boolean;
}

/** A server bound to `port` with its data in `libsqlUrl`; nothing runs until start(). */
export function killableServer(port: number, libsqlUrl: string): KillableServer {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let exited: Promise<unknown> = Promise.resolve();
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-keptOutputChars);
  };
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    origin: url,
    output: () => output,
    running: () => child !== null && child.exitCode === null && child.signalCode === null,
    async start() {
      if (child && child.exitCode === null && child.signalCode === null) throw new Error('the server is already running');
      // The flags keep type stripping working on Node 22.12+ as well (default from 22.18).
      const started = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', entry], {
        env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: libsqlUrl, PUBLIC_URL: url },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child = started;
      exited = new Promise((resolve) => started.once('exit', resolve));
      let printed = '';
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`server did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
        started.stdout!.on('data', (chunk: Buffer) => {
          keep(chunk);
          printed = (printed + chunk.toString()).slice(-1024);
          if (printed.includes(`listening on ${url}`)) {
            clearTimeout(timer);
            resolve();
          }
        });
        started.stderr!.on('data', keep);
        started.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`server exited (${code ?? signal}) before listening:\n${output}`));
        });
      });
    },
    pid: () => child?.pid,
    killNow() {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
    async kill() {
      if (!child) return;
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
      // Our ends of its pipes stay open handles until read to the end; drop them.
      child.stdout?.destroy();
      child.stderr?.destroy();
    },
  };
}

/**
 * A port that was free a moment ago (as in test-server.ts, which this module does not import
 * because that loads the whole server into the caller's process).
 */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}
