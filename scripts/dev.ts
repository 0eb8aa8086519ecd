/**
 * `npm run dev`: the Node server (API + sync) as a child process and the Vite dev server (hot
 * reload, proxying /api and /sync to it) in this process. SIGINT/SIGTERM go to both; when either
 * stops, the other is stopped too, so no half-running pair is left behind.
 *
 * The Node server gets PUBLIC_URL = the Vite page's origin (unless PUBLIC_URL is set): the
 * browser sends that origin with every state-changing request and sync socket, and the server's
 * CSRF check accepts only PUBLIC_URL's origin.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const projectRoot = fileURLToPath(new URL('..', import.meta.url));
const serverEntry = 'server/runtime/node-main.ts';
const host = process.env['HOST'] ?? '127.0.0.1';
const port = process.env['PORT'] ?? '8787';
const serverOrigin = `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`;
/** How long the Node server gets to flush to the database after a signal before it is killed. */
const shutdownGraceMs = 15_000;

// vite.config.ts reads this for its proxy targets.
process.env['COMMON_GROUND_DEV_SERVER'] ??= serverOrigin;

const vite = await createServer({
  configFile: path.join(projectRoot, 'vite.config.ts'),
  root: path.join(projectRoot, 'client'),
});
await vite.listen();
const pageUrl = vite.resolvedUrls?.local[0] ?? `http://localhost:${vite.config.server.port ?? 5173}/`;
const pageOrigin = new URL(pageUrl).origin;

const server = spawn(process.execPath, [serverEntry], {
  cwd: projectRoot,
  env: { ...process.env, HOST: host, PORT: port, PUBLIC_URL: process.env['PUBLIC_URL'] ?? pageOrigin },
  stdio: ['ignore', 'pipe', 'inherit'],
  // Its own process group: Ctrl+C reaches only us, and we pass it on exactly once.
  detached: process.platform !== 'win32',
});

let shuttingDown = false;
let serverReady = false;
let serverOutput = '';

server.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  if (serverReady) return;
  serverOutput += chunk.toString('utf8');
  if (serverOutput.includes('listening on ')) {
    serverReady = true;
    serverOutput = '';
    console.log(`\nCommon Ground (dev) is ready. Open ${pageUrl} in your browser.\n`);
    vite.printUrls();
  }
});

server.on('error', (error) => {
  console.error(`Could not start the Node server (${serverEntry}): ${error.message}`);
  void stop(1);
});

server.on('exit', (code, signal) => {
  if (shuttingDown) return;
  console.error(`The Node server stopped (${signal ?? `exit code ${code ?? 'unknown'}`}); stopping Vite too.`);
  void stop(code ?? 1);
});

vite.httpServer?.on('close', () => {
  if (shuttingDown) return;
  console.error('The Vite dev server stopped; stopping the Node server too.');
  void stop(1);
});

// If this process dies some other way, do not leave the server running on its port.
process.on('exit', () => {
  if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
});

/** Stops both (forwarding `signal` to the server) and exits with `exitCode`. */
async function stop(exitCode: number, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
  const serverExited = new Promise<void>((resolve) => {
    if (server.exitCode !== null || server.signalCode !== null) resolve();
    else server.once('exit', () => resolve());
  });
  if (server.exitCode === null && server.signalCode === null) server.kill(signal);
  const killTimer = setTimeout(() => {
    console.error(`The Node server did not stop within ${shutdownGraceMs / 1000} s; killing it.`);
    server.kill('SIGKILL');
  }, shutdownGraceMs);
  await Promise.allSettled([vite.close(), serverExited]);
  clearTimeout(killTimer);
  process.exit(exitCode);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => void stop(0, signal));
}
