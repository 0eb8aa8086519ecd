/**
 * Builds the client into dist/client when it is missing or older than its sources. Shared by
 * `npm start` and the browser tests' global setup, so neither builds twice for nothing.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The folder the Node server serves the client from. */
export const clientDist = join(root, 'dist/client');

const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

/** Newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let latest = 0;
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
    else
      for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
  }
  return latest;
}

/** Returns true when it had to build. */
export async function buildClientIfStale(log: (line: string) => void = console.log): Promise<boolean> {
  const built = join(clientDist, 'index.html');
  if (existsSync(built) && statSync(built).mtimeMs >= newest(sources)) return false;
  log('building the client…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
  return true;
}
