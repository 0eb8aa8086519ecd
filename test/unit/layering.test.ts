/**
 * The house rule that keeps runtimes at the edge (STYLE.md §1–2): only server/runtime imports
 * node:*, ws or cloudflare:workers; shared/ imports neither server/ nor client/; client/ and
 * server/ never import each other; and no two server folders import each other, even through a
 * third (ports both sides need live in server/ports/).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
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
    // Relative paths only: a package such as `@libsql/client/web` is not our client/.
    const reaches = (folders: RegExp) => (spec: string) => spec.startsWith('.') && folders.test(spec);
    const offenders = [
      ...sourceFiles('shared').flatMap((file) => imports(file).filter(reaches(/\/(server|client)\//)).map((s) => `${file}: ${s}`)),
      ...sourceFiles('client').flatMap((file) => imports(file).filter(reaches(/\/server\//)).map((s) => `${file}: ${s}`)),
      ...sourceFiles('server').flatMap((file) => imports(file).filter(reaches(/\/client\//)).map((s) => `${file}: ${s}`)),
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

  it('has no import cycle between server folders', () => {
    expect(folderCycles(serverFolderGraph())).toEqual([]);
  });

  it('sees a cycle when there is one (the check itself can fail)', () => {
    const graph = new Map([
      ['auth', new Set(['ports', 'boards'])],
      ['boards', new Set(['http', 'auth'])],
      ['http', new Set<string>()],
      ['ports', new Set<string>()],
    ]);
    expect(folderCycles(graph)).toEqual([['auth', 'boards']]);
  });
});

/** The server's own folders (top-level files count as their own node) and which import which. */
function serverFolderGraph(): Map<string, Set<string>> {
  const nodeOf = (file: string): string | null => {
    const parts = relative(join(root, 'server'), join(root, file)).split('/');
    if (parts[0] === '..') return null;
    return parts.length === 1 ? parts[0]! : parts[0]!;
  };
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles('server')) {
    const from = nodeOf(file)!;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    for (const spec of imports(file)) {
      if (!spec.startsWith('.')) continue;
      const to = nodeOf(normalize(join(dirname(file), spec)));
      if (to !== null && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** Strongly connected groups of more than one node (Tarjan), each sorted: every cycle in the graph. */
function folderCycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const indexOf = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string): void => {
    indexOf.set(node, index);
    low.set(node, index++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indexOf.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, indexOf.get(next)!));
    }
    if (low.get(node) === indexOf.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indexOf.has(node)) visit(node);
  return groups;
}
