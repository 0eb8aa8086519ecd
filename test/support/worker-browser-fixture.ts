/**
 * The browser tests' fixture on the Workers build: `wrangler dev` serving the built client
 * (worker-server.ts) and Debian's Chromium, started before the file's tests and stopped after.
 */
import { clientDist } from '../../scripts/build-client.ts';
import { serverAndBrowser } from './browser-fixture.ts';
import { startWorkerServer } from './worker-server.ts';

/** Registers beforeAll/afterAll hooks; read `server` and `browser` inside tests. */
export function useWorkerBrowserFixture() {
  return serverAndBrowser(() => startWorkerServer({ assets: clientDist }));
}
