/**
 * The two runtimes an integration suite runs against as one suite (issue 11): the Node server
 * (test-server.ts, in this process, its own LibSQL file) and the Workers build in `wrangler dev`
 * (worker-server.ts, real workerd, its own persist folder). Both start the same way and answer
 * with the same shape, so a suite is written once:
 *
 *   describe.each(targets)('sign-in on %s', (target) => {
 *     let app: Target;
 *     beforeAll(async () => (app = await target.start()));
 *     afterAll(() => app?.dispose());
 *     ...
 *   });
 *
 * `%s` prints the target's name (`node`, `workers`); `$name` does too.
 */
import { startTestServer, type AppAddress } from './test-server.ts';
import { startWorkerServer } from './worker-server.ts';

/** A running app on one target, as a suite sees it. */
export interface Target extends AppAddress {
  /** `http://127.0.0.1:PORT`, also its PUBLIC_URL. */
  url: string;
  /** ws://… base of the sync endpoint: `${wsUrl}/sync`. */
  wsUrl: string;
  /** Stops it and removes its files. */
  dispose(): Promise<void>;
}

export interface TargetOptions {
  /** The built client to serve (dist/client or a stand-in); default none (Node) or an empty folder (Workers). */
  clientDir?: string;
}

/** One runtime: its name and how to start a fresh app on it (cheap password hashing, relaxed limits). */
export interface TargetKind {
  name: 'node' | 'workers';
  start(options?: TargetOptions): Promise<Target>;
  toString(): string;
}

export const nodeTarget: TargetKind = {
  name: 'node',
  start: (options = {}) => startTestServer({ clientDir: options.clientDir ?? null }),
  toString: () => 'node',
};

export const workersTarget: TargetKind = {
  name: 'workers',
  start: (options = {}) => startWorkerServer({ assets: options.clientDir }),
  toString: () => 'workers',
};

/** Both runtimes, for `describe.each(targets)`. */
export const targets: readonly TargetKind[] = [nodeTarget, workersTarget];
