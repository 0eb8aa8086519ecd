/**
 * The Node server for bench/sign-in-under-probes.ts, as a child process: node-main.ts's server
 * (production scrypt cost, LibSQL file from LIBSQL_URL) with the per-address and per-account
 * limits raised, so that 60 probes from one machine all reach the password hashing — the load a
 * flood from many addresses would bring. Prints `listening on URL`; SIGTERM stops it.
 */
import { startNodeServer } from '../server/runtime/node-server.ts';

const unlimited = { limit: 1_000_000, windowMs: 60_000 };

const server = await startNodeServer({
  rateLimits: {
    loginPerIp: unlimited,
    registerPerIp: unlimited,
    failedLoginsPerAccount: unlimited,
    credentialsPerIp: unlimited,
    credentialsPerAccount: unlimited,
  },
});
console.log(`listening on ${server.url}`);
process.once('SIGTERM', () => {
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
