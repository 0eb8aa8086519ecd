/**
 * One config for the client build (Vite + Solid) and the test suite (Vitest projects).
 * The client lives in client/ and builds to dist/client, which the Node server serves.
 */
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';
import { compression, defineAlgorithm } from 'vite-plugin-compression2';
import { VitePWA } from 'vite-plugin-pwa';
import { constants } from 'node:zlib';
import { cloudflareTest } from '@cloudflare/vitest-plugin';

const serverOrigin = process.env.COMMON_GROUND_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: 'client',
  plugins: [
    solid(),
    // Every built file also as .br and .gz at the highest settings, made once here: the Node
    // server sends the one the browser accepts (serveStatic's `precompressed`), so a phone on a
    // slow line downloads a third of the bytes and the server compresses nothing per request.
    compression({
      algorithms: [
        defineAlgorithm('brotliCompress', { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
        defineAlgorithm('gzip', { level: 9 }),
      ],
      logLevel: 'silent',
    }),
    // The app shell offline (issue 10): a Workbox service worker, sw.js, that precaches the built
    // files and answers the app's own pages with index.html, so a board opened before opens from
    // this device's copy without a connection. client/src/offline-shell.ts registers it; the API and
    // the sync socket never go through it (private answers stay no-store).
    VitePWA({
      injectRegister: false,
      manifest: false,
      workbox: {
        // Not the fonts: client/src/fonts.ts fetches them late on purpose, and once fetched the HTTP
        // cache (immutable for a year) serves them offline as well.
        globPatterns: ['**/*.{js,css,html}'],
        navigateFallback: 'index.html',
        // The pages the server answers with index.html (isClientPage in server/http/client-pages.ts), nothing else.
        navigateFallbackAllowlist: [/^\/(?:$|\?|account(?:$|\?)|boards\/|invite\/)/],
        // A new version takes over at once; a page still running the old one that asks for a
        // chunk no longer there reloads (offline-shell.ts).
        skipWaiting: true,
        clientsClaim: true,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
    // .vite/manifest.json: which files each page's chunk needs, for the server's preload hints
    // (server/http/client-pages.ts, on Node and on Workers; Vite's "backend integration").
    manifest: true,
  },
  server: {
    proxy: {
      '/api': serverOrigin,
      '/healthz': serverOrigin,
      '/sync': { target: serverOrigin.replace(/^http/, 'ws'), ws: true },
    },
  },
  test: {
    root: '.',
    // vite-plugin-solid would default the environment to jsdom; our tests run in Node or Chromium.
    environment: 'node',
    projects: [
      {
        extends: false,
        test: {
          name: 'unit',
          root: '.',
          include: ['test/unit/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        extends: false,
        test: {
          name: 'integration',
          root: '.',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: false,
        test: {
          name: 'e2e',
          root: '.',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A polled expectation waits as long as a Playwright locator would, not Vitest's 1 s: on a
          // loaded 2-core CI machine a page's answer from the server can take longer than that.
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
      {
        // Durable Object tests inside workerd (the runtime `wrangler dev` and Cloudflare run), with
        // the bindings of wrangler.toml.
        extends: false,
        // WEAK_TEST_SETTINGS: cheap password hashing and relaxed rate limits (server/runtime/worker.ts
        // honours it only on a local http origin), as the Node suites use testScryptCost.
        plugins: [cloudflareTest({ wrangler: { configPath: './wrangler.toml' }, miniflare: { bindings: { WEAK_TEST_SETTINGS: '1' } } })],
        test: {
          name: 'workers',
          root: '.',
          include: ['test/workers/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
