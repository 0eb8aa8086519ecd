/**
 * `npm start`: builds the client when dist/client is missing or older than its sources, then runs
 * the Node server (which migrates the database and prints `listening on http://HOST:PORT`).
 */
import { buildClientIfStale } from './build-client.ts';

await buildClientIfStale();
await import('../server/runtime/node-main.ts');
