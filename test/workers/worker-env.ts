/** The bindings of wrangler.toml as the tests inside workerd see them, typed (see worker-env.ts). */
import { env } from 'cloudflare:workers';
import type { WorkerEnv } from '../../server/runtime/worker-env.ts';

export const workerEnv = env as unknown as WorkerEnv;
