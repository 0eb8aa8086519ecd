/**
 * The Workers build in `wrangler dev` as a test target (test/support/worker-server.ts), and one
 * suite run against both targets (test/support/targets.ts): the same health answer, the same
 * pages and files with the same headers — CSP and the other security headers, Cache-Control,
 * Vary, each page's Link — and the same 404s, from a small stand-in for dist/client. Then what only
 * the Workers target offers: a crash (kill) and a restart on the same port that keeps its state.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../server/http/security-headers.ts';
import { targets, type Target } from '../support/targets.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { api, signUp } from '../support/test-server.ts';
import { startWorkerServer, type WorkerServer } from '../support/worker-server.ts';

const page = '<!doctype html><html lang="en-GB"><title>Common Ground</title><h1>Opening Common Ground…</h1></html>\n';
const script = 'export const feeling = "calm";\n';
const manifest = {
  'index.html': { file: 'assets/index-AAAA1111.js', isEntry: true },
  'src/board/BoardPage.tsx': { file: 'assets/BoardPage-BBBB2222.js', imports: ['index.html'], css: ['assets/BoardPage-EEEE5555.css'] },
};
const year = 'public, max-age=31536000, immutable';

/** A built client as the build lays it out (without the .br/.gz copies, which only Node sends). */
function fakeBuild(root: string): void {
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  writeFileSync(join(root, 'index.html'), page);
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {});\n');
  writeFileSync(join(root, 'assets/index-AAAA1111.js'), script);
  writeFileSync(join(root, '.vite/manifest.json'), JSON.stringify(manifest));
}

describe.each(targets)('the app and its files on %s', (target) => {
  const build = makeTempDir('common-ground-client-');
  let app: Target;
  beforeAll(async () => {
    fakeBuild(build.path);
    app = await target.start({ clientDir: build.path });
  });
  afterAll(async () => {
    await app?.dispose();
    build.remove();
  });

  it('answers the health check', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it("sends each page as index.html with the security headers, no-cache and the page's chunks in Link", async () => {
    for (const path of ['/', '/account', '/boards/some-board', '/invite/some-token']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(await response.text(), path).toBe(page);
      expect(response.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy(app.config.publicOrigin));
      expect(response.headers.get('x-frame-options'), path).toBe('DENY');
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
      expect(response.headers.get('vary'), path).toMatch(/accept-encoding/i);
    }
    expect((await fetch(`${app.url}/boards/some-board`)).headers.get('link')).toBe(
      '</assets/BoardPage-BBBB2222.js>; rel=modulepreload, </assets/BoardPage-EEEE5555.css>; rel=preload; as=style; crossorigin',
    );
    expect((await fetch(`${app.url}/account`)).headers.get('link')).toBeNull();
  });

  it('caches hashed files for a year and the service worker not at all without asking', async () => {
    const asset = await fetch(`${app.url}/assets/index-AAAA1111.js`);
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe(script);
    expect(asset.headers.get('cache-control')).toBe(year);
    expect(asset.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(asset.headers.get('content-security-policy')).toBe(contentSecurityPolicy(app.config.publicOrigin));
    const worker = await fetch(`${app.url}/sw.js`);
    expect(worker.status).toBe(200);
    expect(worker.headers.get('cache-control')).toBe('no-cache');
  });

  it("answers a missing file, the build's manifest and other dot paths with the app's 404, uncached", async () => {
    for (const path of ['/assets/index-0000.js', '/.vite/manifest.json', '/nowhere', '/index']) {
      const response = await fetch(`${app.url}${path}`);
      expect(response.status, path).toBe(404);
      expect(response.headers.get('cache-control'), path).not.toBe(year);
      expect(((await response.json()) as { error: { code: string } }).error.code, path).toBe('not_found');
    }
    expect((await fetch(`${app.url}/api/me`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('the Workers target', () => {
  let server: WorkerServer;
  afterAll(async () => {
    await server?.dispose();
  });

  it('starts without a built client, answering the API', async () => {
    const began = performance.now();
    server = await startWorkerServer();
    console.log(`wrangler dev answered /healthz ${Math.round(performance.now() - began)} ms after the start`);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/`)).status).toBe(404);
  });

  it('ends every process of it on a crash, and starts again on the same port', async () => {
    await server.kill();
    // wrangler's CLI and both workerd are gone: nothing answers on the port any more.
    await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    await server.restart();
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });

  it('keeps its state across a crash and a restart', async () => {
    const person = await signUp(server, 'Bea');
    await server.kill();
    await server.restart();
    const me = await api(server, '/api/me', { cookie: person.cookie });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { user: { id: string } }).user.id).toBe(person.id);
  });
});
