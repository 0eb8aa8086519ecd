/**
 * The Workers build as a test target: `wrangler dev` (the pinned wrangler, real workerd, the real
 * entry server/runtime/worker.ts and wrangler.toml) on a free 127.0.0.1 port with its own
 * temporary `--persist-to` folder, PUBLIC_URL that origin and `WEAK_TEST_SETTINGS=1` (cheap
 * password hashing and relaxed limits; the entry honours it only on a local http origin). Shaped
 * like test-server.ts's TestServer where it can be, plus kill() and restart() for crash tests.
 *
 * - No network: scripts/wrangler-cli.ts's environment; a developer's .dev.vars or .env never
 *   reaches it (`--env-file` names an empty file).
 * - No build needed: the client files are an empty folder unless `assets` names one.
 * - wrangler is a process tree (its Node CLI, two workerd) started as a process group of its own,
 *   so kill() SIGKILLs all of it at once, as a crash would, and nothing is left behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localOnlyWranglerEnv, wranglerCli, wranglerNodeFlags } from '../../scripts/wrangler-cli.ts';
import { freePort } from './free-port.ts';
import { makeTempDir } from './temp-dir.ts';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
/** Bundling, two workerd and the first isolate on a busy 2-core machine; typically 3–6 s. */
const startTimeoutMs = 60_000;
const stopTimeoutMs = 10_000;
const keptOutputChars = 64 * 1024;

export interface WorkerServerOptions {
  /** The folder served as the built client (dist/client, or a stand-in); default an empty one. */
  assets?: string;
  /** More `--var`s for the Worker (they win over wrangler.toml's). */
  vars?: Record<string, string>;
}

export interface WorkerServer {
  /** `http://127.0.0.1:PORT`: the same port across restart(). */
  url: string;
  /** ws://… base of the sync endpoint: `${wsUrl}/sync`. */
  wsUrl: string;
  config: { publicOrigin: string };
  /** The Durable Objects' and the cache's state, kept across restart(). */
  persistDir: string;
  /** The tail of what every start printed (wrangler's log and the Worker's console). */
  output(): string;
  /** SIGKILL to every process of wrangler dev at once, mid-whatever, as a crash; resolves once all are gone. */
  kill(): Promise<void>;
  /** Starts it again on the same port and persist folder (after kill(), or stops it first). */
  restart(): Promise<void>;
  /** Stops it (SIGTERM, SIGKILL after a cap) and removes its files. */
  dispose(): Promise<void>;
}

/**
 * What kills each running server's process group if the test process exits without disposing it:
 * one `exit` listener for all of them (one each went past Node's listener warning with many
 * servers alive in one test process).
 */
const atExit = new Set<() => void>();
process.once('exit', () => {
  for (const kill of atExit) kill();
});

/** Starts `wrangler dev` and resolves once the Worker answers `/healthz`. */
export async function startWorkerServer(options: WorkerServerOptions = {}): Promise<WorkerServer> {
  const dir = makeTempDir('common-ground-workerd-');
  const persistDir = join(dir.path, 'state');
  const assets = options.assets ?? join(dir.path, 'no-client');
  mkdirSync(assets, { recursive: true });
  const envFile = join(dir.path, 'empty.env');
  writeFileSync(envFile, '');
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const vars = { PUBLIC_URL: url, WEAK_TEST_SETTINGS: '1', ...options.vars };
  const args = [
    ...wranglerNodeFlags,
    wranglerCli,
    'dev',
    '--ip', '127.0.0.1',
    '--port', String(port),
    '--persist-to', persistDir,
    '--assets', assets,
    '--env-file', envFile,
    // The debugger's port from the OS: wrangler's default (9229, or the next port its check found
    // free) races with every other wrangler starting at once, and one of them fails to bind.
    '--inspector-port', '0',
    '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ];

  let output = '';
  let run: ChildProcess | null = null;
  const killAtExit = (): void => killGroup(run, 'SIGKILL');
  atExit.add(killAtExit);

  const start = async (): Promise<void> => {
    const child = spawn(process.execPath, args, {
      cwd: projectRoot,
      env: {
        ...process.env,
        ...localOnlyWranglerEnv,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        // Its own registry of running dev Workers and its own debug log, so a developer's
        // `npm run dev:worker` (the same Worker name) and other tests never see it.
        WRANGLER_REGISTRY_PATH: join(dir.path, 'registry'),
        WRANGLER_LOG_PATH: join(dir.path, 'logs'),
        // Node keeps wrangler's compiled CLI between starts: ~0.3 s less per start here.
        NODE_COMPILE_CACHE: join(tmpdir(), 'common-ground-node-compile-cache'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A process group of its own: kill() reaches wrangler and both workerd at once.
      detached: true,
    });
    run = child;
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString()).slice(-keptOutputChars);
    };
    child.stdout!.on('data', keep);
    child.stderr!.on('data', keep);
    try {
      await ready(child, url);
    } catch (error) {
      await stopGroup(child, 'SIGKILL');
      throw new Error(`${(error as Error).message}\n${output}`);
    }
  };

  const stop = async (): Promise<void> => {
    if (run) await stopGroup(run, 'SIGTERM');
    run = null;
  };

  try {
    await start();
  } catch (error) {
    atExit.delete(killAtExit);
    dir.remove();
    throw error;
  }
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    config: { publicOrigin: url },
    persistDir,
    output: () => output,
    async kill() {
      if (run) await stopGroup(run, 'SIGKILL');
      run = null;
    },
    async restart() {
      await stop();
      await start();
    },
    async dispose() {
      await stop();
      atExit.delete(killAtExit);
      dir.remove();
    },
  };
}

/** Resolves once wrangler says it is ready and the Worker then answers `/healthz`; rejects if it exits first. */
async function ready(child: ChildProcess, url: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`wrangler dev did not start within ${startTimeoutMs} ms`)), startTimeoutMs);
    let printed = '';
    const onData = (chunk: Buffer): void => {
      printed = (printed + chunk.toString()).slice(-1024);
      if (!printed.includes(`Ready on ${url}`)) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      resolve();
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`wrangler dev exited (${signal ?? code}) before it was ready`));
    });
  });
  // Ready means its proxy listens; it holds this first request until the Worker is loaded.
  const health = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(startTimeoutMs) });
  if (health.status !== 200) throw new Error(`/healthz answered ${health.status}: ${await health.text()}`);
}

/** Signals every process of `child`'s group (it leads one: spawned detached); no-op once the group is gone. */
function killGroup(child: ChildProcess | null, signal: NodeJS.Signals): void {
  if (child?.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is gone
  }
}

/**
 * Ends `child`'s whole process group with `signal` (SIGKILL after a cap) and resolves once none of
 * its processes runs any more, so the port is free for a restart.
 */
async function stopGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  const group = child.pid!;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once('exit', () => resolve()));
  killGroup(child, signal);
  const timer = setTimeout(() => killGroup(child, 'SIGKILL'), stopTimeoutMs);
  await exited;
  clearTimeout(timer);
  // workerd may outlive wrangler's CLI for a moment after a SIGTERM: nothing of the group stays.
  killGroup(child, 'SIGKILL');
  await groupGone(group);
  child.stdout?.destroy();
  child.stderr?.destroy();
}

/** Resolves once no process of group `group` is alive (zombies left for an init that may never reap them count as gone). */
async function groupGone(group: number): Promise<void> {
  const deadline = Date.now() + stopTimeoutMs;
  while (liveMembers(group) > 0) {
    if (Date.now() > deadline) throw new Error(`processes of group ${group} are still running after SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** How many processes of group `group` are alive (not zombies), read from /proc/PID/stat. */
function liveMembers(group: number): number {
  let live = 0;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(pgrp) === group && state !== 'Z' && state !== 'X') live++;
    } catch {
      // gone meanwhile
    }
  }
  return live;
}
