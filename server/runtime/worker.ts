/**
 * The Cloudflare Workers entry (wrangler.toml `main`). The scaled deployment — the same
 * `createApp` with board rooms in Durable Objects on their SQLite storage — is its own issue; until
 * it lands this entry answers health checks and says plainly that the rest is not served here, in
 * the contract's error shape.
 */
import type { ErrorBody } from '../../shared/errors.ts';

export default {
  fetch(request: Request): Response {
    if (new URL(request.url).pathname === '/healthz') return Response.json({ ok: true });
    const body: ErrorBody = {
      error: { code: 'unavailable', message: 'The Workers deployment is not ready yet. Run the Node server (npm start).' },
    };
    return Response.json(body, { status: 503 });
  },
};
