/**
 * `npm run dev:worker`: the whole app — pages, API and sync — on the local Workers runtime
 * (`wrangler dev`: workerd, the entry server/runtime/worker.ts and its Durable Objects,
 * wrangler.toml). Like `npm start` it builds the client when dist/client is missing or older than
 * its sources, honours PORT and HOST (default 127.0.0.1:8787), sets PUBLIC_URL to that origin unless
 * PUBLIC_URL is set, and prints `listening on http://HOST:PORT` once the app answers /healthz.
 * Its state (the objects' SQLite) persists across restarts in wrangler's default .wrangler/state.
 *
 * Arguments after `--` go to wrangler dev (e.g. `-- --persist-to other/folder`; with
 * `--assets FOLDER` no client is built). wrangler reloads the Worker when its sources or the
 * built client change. SIGINT/SIGTERM are passed on to wrangler once; this script exits when
 * wrangler does: 0 after such a stop, else wrangler's exit code.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildClientIfStale } from './build-client.ts';
import { localOnlyWranglerEnv, wranglerCli, wranglerNodeFlags } from './wrangler-cli.ts';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const host = process.env['HOST'] || '127.0.0.1';
const port = process.env['PORT'] || '8787';
const hostInUrl = host.includes(':') ? `[${host}]` : host;
const publicUrl = process.env['PUBLIC_URL'] || `http://${hostInUrl}:${port}`;
/** How long wrangler gets to stop after a signal before its whole process group is killed. */
const shutdownGraceMs = 15_000;
const extraArgs = process.argv.slice(2);

if (!extraArgs.some((arg) => arg === '--assets' || arg.startsWith('--assets='))) await buildClientIfStale();

const wrangler = spawn(
  process.execPath,
  [
    ...wranglerNodeFlags,
    wranglerCli,
    'dev',
    '--ip', host,
    '--port', port,
    '--var', `PUBLIC_URL:${publicUrl}`,
    '--show-interactive-dev-session=false',
    ...extraArgs,
  ],
  {
    cwd: projectRoot,
    // Local only unless the caller's environment says otherwise (e.g. WRANGLER_SEND_METRICS=true).
    env: { ...localOnlyWranglerEnv, ...process.env },
    stdio: ['ignore', 'pipe', 'inherit'],
    // Its own process group: Ctrl+C reaches only us, and we pass it on exactly once.
    detached: process.platform !== 'win32',
  },
);

let ready = false;
let printed = '';
wrangler.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (ready) return;
  printed = (printed + chunk.toString('utf8')).slice(-4096);
  // wrangler names the address it listens on; 127.0.0.1 reaches it whatever HOST it bound.
  const match = /Ready on (https?):\/\/\S+:(\d+)/.exec(printed);
  if (!match) return;
  ready = true;
  printed = '';
  void announce(`${match[1]}://${host === '0.0.0.0' || host === '::' ? '127.0.0.1' : hostInUrl}:${match[2]}`, match[2]!);
});

/** Prints the listening line once the app itself answers (wrangler's proxy holds the first request until the Worker is loaded). */
async function announce(probeOrigin: string, boundPort: string): Promise<void> {
  try {
    const health = await fetch(`${probeOrigin}/healthz`);
    if (health.status !== 200) throw new Error(`/healthz answered ${health.status}`);
    console.log(`listening on http://${hostInUrl}:${boundPort}`);
  } catch (error) {
    console.error(`The Worker did not answer its health check: ${error instanceof Error ? error.message : String(error)}`);
    stop('SIGTERM', 1);
  }
}

wrangler.on('error', (error) => {
  console.error(`Could not start wrangler: ${error.message}`);
  process.exit(1);
});

wrangler.on('exit', (code) => {
  clearTimeout(killTimer);
  // Nothing of it stays behind (workerd may outlive wrangler's CLI for a moment).
  killGroup('SIGKILL');
  // A stop we asked for ends as we meant it to: 0 after a signal, as with `npm start` (wrangler itself says 130 or 143).
  if (stopping !== null && !killed) process.exit(stopping);
  process.exit(code ?? 1);
});

// If this process dies some other way, do not leave workerd running on the port.
process.on('exit', () => killGroup('SIGKILL'));

/** Set once we asked wrangler to stop: the exit code we then mean to end with. */
let stopping: number | null = null;
let killed = false;
let killTimer: NodeJS.Timeout | undefined;

/** Passes `signal` on to wrangler once; kills its group if it has not stopped within the grace time. */
function stop(signal: NodeJS.Signals, exitCode = 0): void {
  if (stopping !== null) return;
  stopping = exitCode;
  wrangler.kill(signal);
  killTimer = setTimeout(() => {
    console.error(`wrangler did not stop within ${shutdownGraceMs / 1000} s; killing it.`);
    killed = true;
    killGroup('SIGKILL');
  }, shutdownGraceMs);
}

/** Signals wrangler's whole process group: its CLI and both workerd. */
function killGroup(signal: NodeJS.Signals): void {
  if (wrangler.pid === undefined) return;
  try {
    process.kill(process.platform === 'win32' ? wrangler.pid : -wrangler.pid, signal);
  } catch {
    // already gone
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => stop(signal));
}
