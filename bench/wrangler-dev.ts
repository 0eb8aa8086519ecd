/**
 * The Workers build in local workerd for the benchmark: `wrangler dev` (the pinned wrangler in
 * node_modules) on a free 127.0.0.1 port with a fresh `--persist-to` folder (or one the caller keeps), PUBLIC_URL set to that
 * origin and WEAK_TEST_SETTINGS=1 (cheap password hashing, relaxed sign-up limits: the bench signs
 * up once and makes many boards; sync is untouched). Resolved once wrangler prints `Ready on URL`.
 *
 * wrangler dev watches its sources and reloads the Worker when one changes, which would drop or
 * rebuild board objects mid-measurement while other people edit this working tree. So it runs from
 * a copy of the working tree's server/, shared/, built client and config taken at start (our
 * node_modules linked in): the code measured is the code as it was when the run began. That, the
 * lines it prints (the wake count) and the process tree's pid (CPU, RSS) are why this is not the
 * tests' test/support/worker-server.ts; it starts wrangler the same way (scripts/wrangler-cli.ts:
 * the CLI run directly, nothing reaching the network, the debugger on a port from the OS).
 *
 * wrangler is a process tree (its Node CLI, esbuild, a workerd for the entry proxy and one for the
 * Worker), started in a process group of its own so stop() and killNow() end all of it; CPU and
 * RSS are the whole tree's. Every line it prints can be followed (the board object's wake lines).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { localOnlyWranglerEnv, wranglerCli, wranglerNodeFlags } from '../scripts/wrangler-cli.ts';
import { freePort } from '../test/support/free-port.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { treeCpuMs, treeRssKiB } from './process-tree.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
/** What the Worker build reads: its config, its sources and the built client (Static Assets). */
const copied = ['wrangler.toml', 'package.json', 'tsconfig.json', 'server', 'shared', 'dist/client'];
const startTimeoutMs = 90_000;
const stopTimeoutMs = 10_000;
const keptOutputChars = 64 * 1024;
/** Lines left out of output(): one per request, and the warning that Request.cf cannot be fetched offline. */
const noise = /^\[wrangler:info\] [A-Z]+ \S+ \d{3} |Request\.cf|ENOTFOUND workers\.cloudflare\.com|onlookupall/;

export interface WranglerDev {
  /** `http://127.0.0.1:PORT`, also its PUBLIC_URL. */
  url: string;
  wsUrl: string;
  origin: string;
  pid(): number | undefined;
  /** CPU ms of wrangler and all its children (both workerd processes included). */
  cpuMs(): number | null;
  rssKiB(): number | null;
  /** The tail of what it printed, without the line per request. */
  output(): string;
  /** Calls `listener` with every line printed from now on; returns a function that stops it. */
  onLine(listener: (line: string) => void): () => void;
  crashed: Promise<string>;
  stop(): Promise<void>;
  killNow(): void;
}

export interface WranglerDevOptions {
  /**
   * A folder the caller owns for the Worker's state (`--persist-to`: its Durable Objects' SQLite),
   * kept on stop, so a later start finds the boards again; default a temp folder removed on stop.
   */
  stateDir?: string;
}

export async function startWranglerDev(options: WranglerDevOptions = {}): Promise<WranglerDev> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const temp = makeTempDir('common-ground-workerd-');
  const app = join(temp.path, 'app');
  const state = options.stateDir ?? join(temp.path, 'state');
  try {
    for (const path of copied) cpSync(join(root, path), join(app, path), { recursive: true });
    symlinkSync(join(root, 'node_modules'), join(app, 'node_modules'), 'dir');
    mkdirSync(state, { recursive: true });
    writeFileSync(join(temp.path, 'empty.env'), '');
  } catch (error) {
    temp.remove();
    throw error;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [...wranglerNodeFlags, wranglerCli, 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', state,
      // No .dev.vars or .env of anyone's; the debugger on a port from the OS (9229 races other wranglers).
      '--env-file', join(temp.path, 'empty.env'), '--inspector-port', '0', '--show-interactive-dev-session=false',
      '--var', `PUBLIC_URL:${url}`, '--var', 'WEAK_TEST_SETTINGS:1'],
    {
      cwd: app,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...localOnlyWranglerEnv,
        NO_COLOR: '1',
        FORCE_COLOR: '0',
        // Its own registry of dev Workers and its own log folder: no other wrangler sees it.
        WRANGLER_REGISTRY_PATH: join(temp.path, 'registry'),
        WRANGLER_LOG_PATH: join(temp.path, 'logs'),
      },
    },
  );
  let output = '';
  let partial = '';
  const listeners = new Set<(line: string) => void>();
  const take = (chunk: Buffer): void => {
    const lines = (partial + chunk.toString()).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines) {
      if (!noise.test(line)) output = (output + line + '\n').slice(-keptOutputChars);
      listeners.forEach((listener) => listener(line));
    }
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  let gone = false;
  let ending = false;
  const exited = new Promise<void>((resolve) => child.once('exit', () => ((gone = true), resolve())));
  let reportCrash: (why: string) => void = () => {};
  const crashed = new Promise<string>((resolve) => (reportCrash = resolve));
  void exited.then(() => {
    if (!ending) reportCrash(`wrangler dev exited before it was stopped:\n${output}`);
  });
  const signalGroup = (signal: NodeJS.Signals): void => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, signal);
    } catch {
      // the group is gone
    }
  };
  let cleaned = false;
  const cleanUp = (): void => {
    if (cleaned) return;
    cleaned = true;
    child.stdout?.destroy();
    child.stderr?.destroy();
    temp.remove();
  };
  const killNow = (): void => {
    ending = true;
    signalGroup('SIGKILL');
    cleanUp();
  };
  const onLine = (listener: (line: string) => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`wrangler dev did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs);
      const stopListening = onLine((line) => {
        if (!line.includes(`Ready on ${url}`)) return;
        clearTimeout(timer);
        stopListening();
        resolve();
      });
      void exited.then(() => {
        clearTimeout(timer);
        reject(new Error(`wrangler dev exited before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    killNow();
    throw error;
  }

  const pid = (): number | undefined => (gone ? undefined : child.pid);
  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    origin: url,
    pid,
    cpuMs: () => treeCpuMs(pid()),
    rssKiB: () => treeRssKiB(pid()),
    output: () => output,
    onLine,
    crashed,
    async stop() {
      ending = true;
      if (!gone) {
        signalGroup('SIGTERM');
        const timer = setTimeout(() => signalGroup('SIGKILL'), stopTimeoutMs);
        await exited;
        clearTimeout(timer);
      }
      // workerd may outlive the CLI for a moment: nothing of its group stays behind.
      signalGroup('SIGKILL');
      cleanUp();
    },
    killNow,
  };
}
