/**
 * The house rule that keeps runtimes at the edge (STYLE.md §1–2): only server/runtime imports
 * node:*, ws or cloudflare:workers; shared/ imports neither server/ nor client/; client/ and
 * server/ never import each other.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

function imports(file: string): string[] {
  const text = readFileSync(join(root, file), 'utf8');
  return [...text.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2]!,
  );
}

const platform = /^(node:|ws$|cloudflare:|@hono\/node-server)/;

describe('layering', () => {
  it('keeps platform imports in server/runtime only', () => {
    const offenders = [...sourceFiles('server'), ...sourceFiles('shared')]
      .filter((file) => !file.startsWith('server/runtime/'))
      .flatMap((file) => imports(file).filter((spec) => platform.test(spec)).map((spec) => `${file}: ${spec}`));
    expect(offenders).toEqual([]);
  });

  it('keeps shared/ pure and client/ and server/ apart', () => {
    const offenders = [
      ...sourceFiles('shared').flatMap((file) => imports(file).filter((s) => /\/(server|client)\//.test(s)).map((s) => `${file}: ${s}`)),
      ...sourceFiles('client').flatMap((file) => imports(file).filter((s) => /\/server\//.test(s)).map((s) => `${file}: ${s}`)),
      ...sourceFiles('server').flatMap((file) => imports(file).filter((s) => /\/client\//.test(s)).map((s) => `${file}: ${s}`)),
    ];
    expect(offenders).toEqual([]);
  });

  it('keeps zod out of the client bundle: the client takes only types from shared/api.ts', () => {
    // shared/api.ts holds the server's zod schemas (~25 KB gzipped); one value imported from it
    // once took the page from 74 to 98 KB of JavaScript. Limits the client needs live in shared/limits.ts.
    const valueImport = /^import\s+(?!type\b)[^;]*?from\s+['"][^'"]*shared\/api\.ts['"]/m;
    const offenders = sourceFiles('client').filter((file) => valueImport.test(readFileSync(join(root, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
