/**
 * One config for the client build (Vite + Solid) and the test suite (Vitest projects).
 * The client lives in client/ and builds to dist/client, which the Node server serves.
 */
import { defineConfig } from 'vitest/config';
import solid from 'vite-plugin-solid';

const serverOrigin = process.env.COMMON_GROUND_DEV_SERVER ?? 'http://127.0.0.1:8787';

export default defineConfig({
  root: 'client',
  plugins: [solid()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    target: 'es2022',
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
          fileParallelism: false,
        },
      },
    ],
  },
});
