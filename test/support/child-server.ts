/**
 * One server in a child process of its own (so a test can SIGKILL it and the benchmark can give
 * it a core and read it from /proc): spawned with Node, resolved once it prints
 * `listening on URL`, stopped with SIGTERM (SIGKILL after a cap) or killed with SIGKILL, and
 * started again on the same URL as often as a crash test needs. Never left behind: a failed start
 * kills it, and killNow() is there for exit handlers. Every server the tests and the benchmark run
 * out of process goes through here — Common Ground (server-process.ts) and the peers in
 * bench/peers (bench/targets).
 *
 * BENCH_CPU_PROF=<folder> adds `--cpu-prof` to every child, so Node writes a .cpuprofile of the
 * server there when it exits after SIGTERM (open it in Chrome DevTools).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { processCpuMs, processRssKiB } from './proc-stats.ts';

/** How long a server may take to start, and to store and stop on SIGTERM, before we give up. */
const startTimeoutMs = 20_000;
const stopTimeoutMs = 15_000;
/** Only the tail of the output is kept, so a chatty server or many restarts cannot grow our memory. */
const keptOutputChars = 64 * 1024;

export interface ChildServerOptions {
  /** Who this is, for messages. */
  name: string;
  /** The script Node runs. */
  script: string;
  /** Node flags before the script. */
  nodeFlags?: string[];
  /** Added to (or, when undefined, removed from) this process's environment. */
  env: Record<string, string | undefined>;
  /** The URL the server prints in its `listening on` line once ready; fixed, so restarts keep it. */
  url: string;
  cwd?: string;
  /** Runs once the process is gone after stop() or killNow(), or after a failed start() (removing its files). Not after kill(). */
  onStopped?: () => void;
}

export interface ChildServer {
  /** Spawns the process (again) and resolves once it printed its listening line; rejects if it is running. */
  start(): Promise<void>;
  /** Whether a process is running now. */
  running(): boolean;
  /** The process of the current (or last) start, for tests that signal it themselves. */
  child(): ChildProcess | undefined;
  /** Resolves with the exit code (or signal name) of the current (or last) start; throws before the first. */
  exited(): Promise<number | string>;
  /** The running process's id, or undefined. */
  pid(): number | undefined;
  /** CPU time of the running process so far in ms (user + system, all threads), or null where /proc is missing. */
  cpuMs(): number | null;
  /** Resident memory of the running process now in KiB, or null. */
  rssKiB(): number | null;
  /** The tail of what every start printed on stdout and stderr. */
  output(): string;
  /** Resolves, with what it printed, the first time a process exits without stop(), kill() or killNow(); else never. */
  crashed: Promise<string>;
  /** SIGTERM, SIGKILL after a cap, then onStopped. No-op beyond onStopped when nothing runs. */
  stop(): Promise<void>;
  /** SIGKILL, and resolves once the process is gone, so start() may follow. No-op when nothing runs. */
  kill(): Promise<void>;
  /** Last resort for process exit handlers: SIGKILL without waiting, then onStopped. */
  killNow(): void;
}

/** One start: its process and what we know about its end. */
interface Run {
  child: ChildProcess;
  exited: Promise<number | string>;
  /** Set as soon as the process is gone. */
  gone: boolean;
  /** Set once we asked it to end, so its exit is no crash. */
  ending: boolean;
  /** Set once onStopped ran for this start. */
  cleaned: boolean;
}

/** Node flags that make the child write a CPU profile on exit, when BENCH_CPU_PROF names a folder. */
function profileFlags(): string[] {
  const folder = process.env['BENCH_CPU_PROF'];
  return folder ? ['--cpu-prof', `--cpu-prof-dir=${folder}`] : [];
}

/** This process's environment with `changes` applied (undefined removes a variable). */
function childEnv(changes: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}

/** Spawns `options.script` and its process's end; the run is marked gone the moment it exits. */
function spawnRun(options: ChildServerOptions): Run {
  const child = spawn(process.execPath, [...(options.nodeFlags ?? []), ...profileFlags(), options.script], {
    env: childEnv(options.env),
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let settle: (how: number | string) => void = () => {};
  const run: Run = { child, exited: new Promise((resolve) => (settle = resolve)), gone: false, ending: false, cleaned: false };
  child.once('exit', (code, signal) => {
    run.gone = true;
    settle(code ?? signal ?? -1);
  });
  // A process that could not be spawned at all reports an error and may never emit 'exit'.
  child.on('error', (error) => {
    if (child.pid !== undefined) return;
    run.gone = true;
    settle(error.message);
  });
  return run;
}

/** A server to run as `node [flags] script`; nothing runs until start(). */
export function childServer(options: ChildServerOptions): ChildServer {
  let run: Run | null = null;
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-keptOutputChars);
  };
  let reportCrash: (message: string) => void = () => {};
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));

  const cleanUp = (current: Run): void => {
    if (current.cleaned) return;
    current.cleaned = true;
    options.onStopped?.();
  };
  // Our ends of its pipes stay open handles until read to the end; drop them.
  const dropPipes = (current: Run): void => {
    current.child.stdout?.destroy();
    current.child.stderr?.destroy();
  };
  const killNow = (): void => {
    if (!run) return;
    run.ending = true;
    if (!run.gone) run.child.kill('SIGKILL');
    cleanUp(run);
  };
  const pid = (): number | undefined => (run && !run.gone ? run.child.pid : undefined);

  return {
    async start() {
      if (run && !run.gone) throw new Error(`${options.name} is already running`);
      const current = spawnRun(options);
      run = current;
      void current.exited.then((how) => {
        if (!current.ending) reportCrash(`${options.name} exited (${how}) before it was stopped:\n${output}`);
      });
      try {
        await new Promise<void>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`${options.name} did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
          // Only this start's own output counts: an earlier start printed the same line.
          let printed = '';
          current.child.stdout!.on('data', (chunk: Buffer) => {
            keep(chunk);
            printed = (printed + chunk.toString()).slice(-1024);
            if (printed.includes(`listening on ${options.url}`)) {
              clearTimeout(timer);
              resolve();
            }
          });
          current.child.stderr!.on('data', keep);
          void current.exited.then((how) => {
            clearTimeout(timer);
            reject(new Error(`${options.name} exited (${how}) before listening:\n${output}`));
          });
        });
      } catch (error) {
        killNow();
        throw error;
      }
    },
    running: () => run !== null && !run.gone,
    child: () => run?.child,
    exited() {
      if (!run) throw new Error(`${options.name} was never started`);
      return run.exited;
    },
    pid,
    cpuMs: () => processCpuMs(pid()),
    rssKiB: () => processRssKiB(pid()),
    output: () => output,
    crashed,
    async stop() {
      const current = run;
      if (!current) return;
      current.ending = true;
      if (!current.gone) {
        current.child.kill('SIGTERM');
        const timer = setTimeout(() => current.child.kill('SIGKILL'), stopTimeoutMs);
        await current.exited;
        clearTimeout(timer);
      }
      dropPipes(current);
      cleanUp(current);
    },
    async kill() {
      const current = run;
      if (!current) return;
      current.ending = true;
      if (!current.gone) current.child.kill('SIGKILL');
      await current.exited;
      dropPipes(current);
    },
    killNow,
  };
}
