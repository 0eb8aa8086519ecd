/**
 * `npm start`: builds the client when dist/client is missing or older than its sources, then runs
 * the Node server (which migrates the database and prints `listening on http://HOST:PORT`).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'dist/client/index.html');

/** Newest modification time under the given paths (files or folders). */
function newest(paths: string[]): number {
  let latest = 0;
  for (const path of paths) {
    const full = join(root, path);
    if (!existsSync(full)) continue;
    const stat = statSync(full);
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
    else for (const entry of readdirSync(full, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) latest = Math.max(latest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return latest;
}

const sources = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];
if (!existsSync(built) || statSync(built).mtimeMs < newest(sources)) {
  console.log('building the client…');
  const { build } = await import('vite');
  await build({ configFile: join(root, 'vite.config.ts'), logLevel: 'warn' });
}

await import('../server/runtime/node-main.ts');
