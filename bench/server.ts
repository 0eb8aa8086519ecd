/**
 * The real server for the benchmark: `node server/runtime/node-main.ts` as a child process (so it
 * has a core of its own), on a free 127.0.0.1 port, with a fresh LibSQL file and persistence
 * exactly as in production. Mirrors test/support/server-process.ts, plus a real PUBLIC_URL, CPU
 * accounting and cleanup that also runs when the benchmark fails.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeTempDir } from '../test/support/temp-dir.ts';

const entry = fileURLToPath(new URL('../server/runtime/node-main.ts', import.meta.url));

/** How long the server may take to start, and to save and stop on SIGTERM, before we give up. */
const startTimeoutMs = 20_000;
const stopTimeoutMs = 15_000;
/** Only the tail of the server's output is kept, so a chatty server cannot grow our memory. */
const keptOutputChars = 64 * 1024;

export interface BenchServer {
  /** `http://127.0.0.1:PORT`, also the server's PUBLIC_URL, so requests send it as Origin. */
  url: string;
  /** `ws://127.0.0.1:PORT`; the sync endpoint is `${wsUrl}/sync/:boardId`. */
  wsUrl: string;
  /** The Origin the server accepts (its PUBLIC_URL's origin). */
  origin: string;
  /** The server's CPU time so far in milliseconds (user + system), or null where /proc is missing. */
  cpuMs(): number | null;
  /** The tail of what the server printed on stdout and stderr. */
  output(): string;
  /** Resolves, with what it printed, if the server exits before stop() is called; else never. */
  crashed: Promise<string>;
  /** SIGTERM (the server saves and exits), SIGKILL after a cap, then removes the database files. */
  stop(): Promise<void>;
  /** Last resort for process exit: SIGKILL and remove files, synchronously. */
  killNow(): void;
}

/** A port that was free a moment ago; the server is told to use it so PUBLIC_URL can name it. */
function freePort(): Promise<number> {
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

/** Clock ticks per second for /proc/PID/stat; 100 on every Linux we run on, asked to be sure. */
function clockTicksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

/** utime + stime of a process in ms, from /proc (fields 14 and 15, counted after the `(comm)`). */
function processCpuMs(pid: number, ticksPerSecond: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    return Number.isFinite(ticks) ? (ticks * 1000) / ticksPerSecond : null;
  } catch {
    return null;
  }
}

/** Starts the server and resolves once it prints its `listening on` line. */
export async function startBenchServer(): Promise<BenchServer> {
  const dir = makeTempDir('common-ground-bench-');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ticks = clockTicksPerSecond();
  let child: ChildProcess;
  try {
    // The flags keep type stripping working on Node 22.12+ as well (default from 22.18).
    child = spawn(process.execPath, ['--experimental-strip-types', '--disable-warning=ExperimentalWarning', entry], {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        LIBSQL_URL: `file:${join(dir.path, 'bench.db')}`,
        PUBLIC_URL: url,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    dir.remove();
    throw error;
  }

  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-keptOutputChars);
  };
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let running = true;
  let stopping = false;
  void exited.then(() => (running = false));
  const crashed = new Promise<string>((resolve) => {
    void exited.then((code) => {
      if (!stopping) resolve(`the server exited (${code}) during the benchmark:\n${output}`);
    });
  });

  const killNow = (): void => {
    stopping = true;
    if (running) child.kill('SIGKILL');
    dir.remove();
  };
  const server: BenchServer = {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    origin: url,
    cpuMs: () => (child.pid === undefined ? null : processCpuMs(child.pid, ticks)),
    output: () => output,
    crashed,
    async stop() {
      stopping = true;
      if (running) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      dir.remove();
    },
    killNow,
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (output.includes(`listening on ${url}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', keep);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before listening:\n${output}`));
      });
    });
  } catch (error) {
    killNow();
    throw error;
  }
  return server;
}
