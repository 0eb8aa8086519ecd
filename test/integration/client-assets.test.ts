/**
 * How the Node server sends the built client (issue 10, a slow first load): each file compressed
 * the way the request accepts (the build's .br/.gz beside it), hashed /assets/* cached for a year
 * and immutable, pages and the service worker `no-cache`, each page's chunks named in a `Link`
 * header — and the private answers still `no-store`. Over a real socket with fetch, against a
 * small stand-in for dist/client laid out as the build lays it out.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request } from 'node:http';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/temp-dir.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const script = `export const words = ${JSON.stringify('How did this feel? '.repeat(400))};\n`;
const page = '<!doctype html><html lang="en-GB"><title>Common Ground</title><h1>Opening Common Ground…</h1></html>\n';
const manifest = {
  'index.html': { file: 'assets/index-AAAA1111.js', isEntry: true, css: ['assets/index-CCCC3333.css'] },
  'src/board/BoardPage.tsx': { file: 'assets/BoardPage-BBBB2222.js', imports: ['index.html', '_y-indexeddb-DDDD4444.js'], css: ['assets/BoardPage-EEEE5555.css'] },
  '_y-indexeddb-DDDD4444.js': { file: 'assets/y-indexeddb-DDDD4444.js' },
  'src/pages/InvitePage.tsx': { file: 'assets/InvitePage-FFFF6666.js', imports: ['index.html'] },
};

/** A built client: each text file with its .br and .gz, as vite-plugin-compression2 writes them. */
function fakeBuild(root: string): void {
  mkdirSync(join(root, 'assets'));
  mkdirSync(join(root, '.vite'));
  const files: Record<string, string> = {
    'index.html': page,
    'sw.js': 'self.addEventListener("fetch", () => {});\n',
    'assets/index-AAAA1111.js': script,
  };
  for (const [path, text] of Object.entries(files)) {
    writeFileSync(join(root, path), text);
    writeFileSync(join(root, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(root, `${path}.gz`), gzipSync(text));
  }
  writeFileSync(join(root, '.vite/manifest.json'), JSON.stringify(manifest));
}

/** GET with exactly these request headers, body kept as sent (fetch would decode it). */
function get(server: TestServer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const year = 'public, max-age=31536000, immutable';

describe('the built client over HTTP', () => {
  const dir = makeTempDir('common-ground-client-');
  let server: TestServer;
  beforeAll(async () => {
    fakeBuild(dir.path);
    server = await startTestServer({ clientDir: dir.path });
  });
  afterAll(async () => {
    await server?.dispose();
    dir.remove();
  });

  it('sends a script brotli-compressed, gzipped or plain, as the browser accepts', async () => {
    const br = await get(server, '/assets/index-AAAA1111.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/^text\/javascript/);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    expect(br.body.byteLength).toBeLessThan(script.length / 10);

    const gz = await get(server, '/assets/index-AAAA1111.js', { 'accept-encoding': 'gzip, deflate' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(script);

    const plain = await get(server, '/assets/index-AAAA1111.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
    for (const answer of [br, gz, plain]) expect(answer.headers['vary']).toMatch(/accept-encoding/i);
  });

  it('caches hashed assets for a year and asks again for pages and the service worker', async () => {
    const asset = await fetch(`${server.url}/assets/index-AAAA1111.js`);
    expect(asset.headers.get('cache-control')).toBe(year);
    for (const path of ['/', '/account', '/boards/some-board', '/invite/some-token', '/index.html', '/sw.js']) {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('cache-control'), path).toBe('no-cache');
    }
    expect(await (await fetch(`${server.url}/boards/some-board`)).text()).toBe(page);
  });

  it('keeps the private answers no-store and gives a missing file no year of caching', async () => {
    expect((await fetch(`${server.url}/api/me`)).headers.get('cache-control')).toBe('no-store');
    const missing = await fetch(`${server.url}/assets/index-0000.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).not.toBe(year);
    // The build's manifest is for the server, not for browsers.
    expect((await fetch(`${server.url}/.vite/manifest.json`)).status).toBe(404);
  });

  it("names each page's chunks in a Link header, so the browser fetches them beside the entry", async () => {
    const board = (await fetch(`${server.url}/boards/some-board`)).headers.get('link');
    expect(board).toBe(
      '</assets/BoardPage-BBBB2222.js>; rel=modulepreload, </assets/y-indexeddb-DDDD4444.js>; rel=modulepreload, </assets/BoardPage-EEEE5555.css>; rel=preload; as=style; crossorigin',
    );
    expect((await fetch(`${server.url}/invite/some-token`)).headers.get('link')).toBe('</assets/InvitePage-FFFF6666.js>; rel=modulepreload');
    // Not the board's chunk on the invite page; nothing for a page without a chunk in the manifest.
    expect((await fetch(`${server.url}/account`)).headers.get('link')).toBeNull();
  });
});
