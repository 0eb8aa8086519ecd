/**
 * Hocuspocus as `npm run bench` compares it: @hocuspocus/server with its SQLite extension on a
 * database FILE (DATABASE), default debounce (a document is stored 2 s after the last change,
 * at the latest 10 s after the first), no hooks. Plain .mjs so the root `tsc --noEmit` never
 * reads it: these packages are installed only on demand, in bench/peers/node_modules.
 * Environment: HOST, PORT, DATABASE. Prints `listening on http://HOST:PORT` once it accepts
 * sockets; on SIGTERM Hocuspocus stores pending documents and exits (stopOnSignals).
 */
import { SQLite } from '@hocuspocus/extension-sqlite';
import { Server } from '@hocuspocus/server';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT);
const database = process.env.DATABASE;
if (!Number.isInteger(port) || port <= 0 || !database) {
  console.error('hocuspocus.mjs needs PORT and DATABASE (a file path)');
  process.exit(1);
}

const server = new Server({ port, address: host, quiet: true, extensions: [new SQLite({ database })] });
await server.listen();
console.log(`listening on http://${host}:${server.address.port}`);
