/**
 * A free 127.0.0.1 port, asked of the OS before a server starts, so the caller knows the URL (and
 * can name it as PUBLIC_URL) before the server listens, and can start it again on the same URL.
 * A module of its own because test-server.ts loads the whole server into the caller's process,
 * which the child-process fixtures and the benchmark must not do.
 */
import { createServer } from 'node:net';

/** A port that was free a moment ago (the OS hands out a fresh one for port 0, then we let go). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('could not find a free port'))));
    });
  });
}
