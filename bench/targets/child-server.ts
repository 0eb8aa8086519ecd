/**
 * One sync server in a child process of its own (so it has a core to itself): spawned with
 * Node, resolved once it prints `listening on URL`, measured from /proc, stopped with SIGTERM
 * (SIGKILL after a cap) and never left behind, also when the benchmark fails. Every target —
 * Common Ground and the peers in bench/peers — is started through here.
 *
 * BENCH_CPU_PROF=<folder> adds `--cpu-prof` to every server child, so Node writes a
 * .cpuprofile of the server there when it exits (open it in Chrome DevTools).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { processCpuMs, processRssKiB } from './proc-stats.ts';

/** How long a server may take to start, and to store and stop on SIGTERM, before we give up. */
const startTimeoutMs = 20_000;
const stopTimeoutMs = 15_000;
/** Only the tail of the output is kept, so a chatty server cannot grow our memory. */
const keptOutputChars = 64 * 1024;

export interface ChildServerOptions {
  /** Who this is, for messages. */
  name: string;
  /** The script Node runs, and Node flags before it. */
  script: string;
  nodeFlags?: string[];
  /** Added to (or, when undefined, removed from) this process's environment. */
  env: Record<string, string | undefined>;
  /** The URL the server prints in its `listening on` line once ready. */
  url: string;
  cwd?: string;
  /** Runs once the process is gone after stop() or killNow() (removing its files). */
  onStopped?: () => void;
}

export interface ChildServer {
  pid(): number | undefined;
  /** CPU time so far in ms (user + system, all threads), or null where /proc is missing. */
  cpuMs(): number | null;
  /** Resident memory now in KiB, or null. */
  rssKiB(): number | null;
  /** The tail of what it printed on stdout and stderr. */
  output(): string;
  /** Resolves, with what it printed, if it exits before stop() is called; else never. */
  crashed: Promise<string>;
  /** SIGTERM, SIGKILL after a cap, then onStopped. */
  stop(): Promise<void>;
  /** Last resort for process exit: SIGKILL without waiting, then onStopped. */
  killNow(): void;
}

/** Node flags that make the child write a CPU profile on exit, when BENCH_CPU_PROF names a folder. */
function profileFlags(): string[] {
  const folder = process.env['BENCH_CPU_PROF'];
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}`] : [];
}

/** Starts the server and resolves once it prints its `listening on` line. */
export async function spawnServer(options: ChildServerOptions): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(options.env)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  let stopped = false;
  const cleanUp = (): void => {
    if (stopped) return;
    stopped = true;
    options.onStopped?.();
  };
  let child: ChildProcess;
  try {
    child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...profileFlags(), options.script], {
      env,
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    cleanUp();
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
      if (!stopping) resolve(`${options.name} exited (${code}) during the benchmark:\n${output}`);
    });
  });

  const killNow = (): void => {
    stopping = true;
    if (running) child.kill('SIGKILL');
    cleanUp();
  };
  const server: ChildServer = {
    pid: () => (running ? child.pid : undefined),
    cpuMs: () => (running ? processCpuMs(child.pid) : null),
    rssKiB: () => (running ? processRssKiB(child.pid) : null),
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
      // Our ends of its pipes stay open handles until read to the end; drop them.
      child.stdout?.destroy();
      child.stderr?.destroy();
      cleanUp();
    },
    killNow,
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
      child.stdout!.on('data', (chunk: Buffer) => {
        keep(chunk);
        if (output.includes(`listening on ${options.url}`)) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.stderr!.on('data', keep);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${options.name} exited (${code}) before listening:\n${output}`));
      });
    });
  } catch (error) {
    killNow();
    throw error;
  }
  return server;
}
