/**
 * The browser tests' fixture on the Workers build: `wrangler dev` serving the built client
 * (worker-server.ts) and Debian's Chromium, started before the file's tests and stopped after.
 * When a test fails, the tail of what wrangler and the Worker printed goes to stderr.
 */
import { afterEach } from 'vitest';
import { clientDist } from '../../scripts/build-client.ts';
import { serverAndBrowser } from './browser-fixture.ts';
import { startWorkerServer } from './worker-server.ts';

/** Registers beforeAll/afterAll hooks; read `server` and `browser` inside tests. */
export function useWorkerBrowserFixture() {
  const running = serverAndBrowser(() => startWorkerServer({ assets: clientDist }));
  afterEach((context) => {
    if (context.task.result?.state === 'fail') process.stderr.write(`wrangler dev printed:\n${running.server.output().slice(-6000)}\n`);
  });
  return running;
}
