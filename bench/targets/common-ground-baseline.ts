/**
 * Common Ground as another commit built it (`npm run bench -- --baseline=402f8f9`), to measure a
 * change before and after in one run: the commit's files exported with `git archive` into a temp
 * folder (nothing is added to this checkout's git), this checkout's node_modules and built client
 * linked in, and its `server/runtime/node-main.ts` started exactly as bench/server.ts starts ours
 * (same environment, a fresh LibSQL file). The folder is removed when the server stops.
 */
import { execFileSync } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childServer } from '../../test/support/child-server.ts';
import { freePort } from '../../test/support/free-port.ts';
import { makeTempDir } from '../../test/support/temp-dir.ts';
import { boardApiTarget, type BoardApiTarget } from './board-api-target.ts';
import type { BaselineName } from './types.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The short id of `ref` in this repository; throws when git does not know it. */
export function resolveCommit(ref: string): string {
  return execFileSync('git', ['rev-parse', '--short=7', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
}

export const baselineName = (commit: string): BaselineName => `Common Ground @${commit}`;

export async function startCommonGroundAt(commit: string): Promise<BoardApiTarget> {
  const tree = makeTempDir(`common-ground-${commit}-`);
  try {
    const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 512 * 1024 * 1024 });
    execFileSync('tar', ['-x', '-C', tree.path], { input: archive });
    // Same dependencies as this checkout (the commits compared must not differ in package-lock.json
    // for this to be fair: check with `git diff --stat REF -- package-lock.json`).
    symlinkSync(join(root, 'node_modules'), join(tree.path, 'node_modules'), 'dir');
    symlinkSync(join(root, 'dist'), join(tree.path, 'dist'), 'dir');
  } catch (error) {
    tree.remove();
    throw error;
  }
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = childServer({
    name: baselineName(commit),
    script: join(tree.path, 'server/runtime/node-main.ts'),
    nodeFlags: ['--experimental-strip-types', '--disable-warning=ExperimentalWarning'],
    env: { PORT: String(port), HOST: '127.0.0.1', LIBSQL_URL: `file:${join(tree.path, 'bench.db')}`, PUBLIC_URL: url },
    url,
    cwd: tree.path,
    onStopped: () => tree.remove(),
  });
  await server.start();
  return boardApiTarget(
    { ...server, url, wsUrl: url.replace(/^http/, 'ws'), origin: url },
    { name: baselineName(commit), durability: { summary: `committed (LibSQL, synchronous=FULL) before relay, code of ${commit}`, ackIsDurable: true } },
  );
}
