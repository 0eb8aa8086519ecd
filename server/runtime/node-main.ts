/**
 * The Node entry point: starts the server from the environment, prints
 * `listening on http://HOST:PORT` once it accepts requests, and on SIGTERM/SIGINT stops
 * accepting, flushes every board to the database, closes sockets and exits 0.
 */
import { startNodeServer } from './node-server.ts';

try {
  const server = await startNodeServer();
  console.log(`listening on ${server.url}`);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: saving and stopping`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('could not stop cleanly:', error);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
} catch (error) {
  console.error('Common Ground could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
}
