/**
 * Installs the peer servers (bench/peers) the first time `npm run bench` needs them. They live in
 * a nested package with its own lock so the root `npm ci` stays free of what only the benchmark
 * needs — above all better-sqlite3, a native addon (Hocuspocus's SQLite extension) — and the
 * README's `npm ci && npm start` keeps working on any fresh machine. Reinstalls when
 * bench/peers/node_modules is missing or older than the lock.
 */
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nested package's folder. */
export const peersDir = fileURLToPath(new URL('../peers/', import.meta.url));
const lockFile = join(peersDir, 'package-lock.json');
/** npm writes this after every install; its age tells whether the lock changed since. */
const installedLock = join(peersDir, 'node_modules', '.package-lock.json');

function upToDate(): boolean {
  return existsSync(installedLock) && statSync(installedLock).mtimeMs >= statSync(lockFile).mtimeMs;
}

/** Runs `npm ci` in bench/peers when needed; says so on stderr. */
export async function ensurePeersInstalled(progress: (line: string) => void): Promise<void> {
  if (upToDate()) return;
  progress('installing the peer servers: npm ci --prefix bench/peers --no-audit --no-fund');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const code = await new Promise<number | null>((resolve, reject) => {
    // npm's output goes to our stderr: our stdout carries the report.
    const child = spawn(npm, ['ci', '--prefix', peersDir, '--no-audit', '--no-fund'], { stdio: ['ignore', 2, 2] });
    child.once('error', reject);
    child.once('exit', resolve);
  });
  if (code !== 0) throw new Error(`npm ci in bench/peers failed (exit ${code})`);
}
