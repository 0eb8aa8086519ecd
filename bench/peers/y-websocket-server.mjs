/**
 * @y/websocket-server as `npm run bench` compares it: the reference y-websocket backend
 * (setupWSConnection from its utils, served as its own bin serves it), documents in memory only.
 * YPERSISTENCE is left unset, so it keeps nothing: no disk write on any path. Plain .mjs so the
 * root `tsc --noEmit` never reads it (bench/peers is installed only on demand).
 * Environment: HOST, PORT. Prints `listening on http://HOST:PORT` once it accepts sockets.
 */
import http from 'node:http';
import { setupWSConnection } from '@y/websocket-server/utils';
import WebSocket from 'ws';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT);
if (!Number.isInteger(port) || port <= 0) {
  console.error('y-websocket-server.mjs needs PORT');
  process.exit(1);
}
if (process.env.YPERSISTENCE) {
  console.error('YPERSISTENCE is set; the benchmark compares the memory-only server');
  process.exit(1);
}

// ws 6 (the version @y/websocket-server pins) has no named ESM exports; Server hangs off the class.
const sockets = new WebSocket.Server({ noServer: true });
sockets.on('connection', setupWSConnection);
const server = http.createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' });
  response.end('okay');
});
server.on('upgrade', (request, socket, head) => {
  sockets.handleUpgrade(request, socket, head, (ws) => sockets.emit('connection', ws, request));
});
server.listen(port, host, () => console.log(`listening on http://${host}:${port}`));
process.on('SIGTERM', () => process.exit(0));
