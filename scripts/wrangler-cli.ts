/**
 * How this project runs the pinned wrangler (package.json devDependencies) as a child process, for
 * `npm run dev:worker` (scripts/dev-worker.ts) and the Workers test target
 * (test/support/worker-server.ts): its CLI run by this Node directly — one process that handles
 * SIGINT/SIGTERM itself, not the `bin` launcher that would stand between — and an environment in
 * which it never reaches for the network on its own.
 */
import { createRequire } from 'node:module';

/** wrangler's CLI script: the package's main entry, which runs the CLI when run as a script. */
export const wranglerCli = createRequire(import.meta.url).resolve('wrangler');

/** Node flags the `wrangler` launcher would add. */
export const wranglerNodeFlags = ['--no-warnings'];

/**
 * Environment variables that keep wrangler local: no usage metrics or error reports, no npm
 * update check (it runs while the banner prints), no fetch of the `Request.cf` sample from
 * workers.cloudflare.com (miniflare), no prompt to update AI-agent skills, no colours in output
 * that is read by programs. Checked with `strace -f -e trace=connect`: only 127.0.0.1 remains.
 */
export const localOnlyWranglerEnv: Readonly<Record<string, string>> = {
  WRANGLER_SEND_METRICS: 'false',
  WRANGLER_SEND_ERROR_REPORTS: 'false',
  DO_NOT_TRACK: '1',
  WRANGLER_HIDE_BANNER: 'true',
  CLOUDFLARE_CF_FETCH_ENABLED: 'false',
  WRANGLER_NO_SKILLS_UPDATE_PROMPTS: 'true',
};
