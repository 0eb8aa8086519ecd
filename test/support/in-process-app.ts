/**
 * The in-process fixture for HTTP tests: the real Node wiring (createNodeApp) on a fresh LibSQL
 * file, called with `app.request` (no port), a clock the test moves, and relaxed rate limits so a
 * suite may sign up many people from one address. Torn down after the file.
 */
import { afterAll, beforeAll } from 'vitest';
import { createNodeApp, type NodeApp } from '../../server/runtime/node-app.ts';
import { makeTempDir } from './temp-dir.ts';
import { relaxedRateLimits, testScryptCost } from './test-server.ts';

/** The origin the app believes it is served from (its PUBLIC_URL). */
export const inProcessOrigin = 'http://127.0.0.1:8787';

/** Registers beforeAll/afterAll hooks; returns a getter for the app, valid inside tests. */
export function useInProcessApp(clock: { now(): number }): () => NodeApp {
  const dir = makeTempDir();
  let node: NodeApp | undefined;
  beforeAll(async () => {
    node = await createNodeApp({
      env: { LIBSQL_URL: `file:${dir.path}/app.db`, PUBLIC_URL: inProcessOrigin },
      clientDir: null,
      scryptCost: testScryptCost,
      rateLimits: relaxedRateLimits,
      clock,
    });
  });
  afterAll(async () => {
    await node?.close();
    dir.remove();
  });
  return () => {
    if (!node) throw new Error('the app is created in beforeAll');
    return node;
  };
}
