/**
 * Types for the Workers runtime's built-in `cloudflare:workers` module (DurableObject, env, …),
 * taken from @cloudflare/workers-types' module-style `CloudflareWorkersModule` namespace, so the
 * project keeps DOM + Node types globally and only files that import this module see Workers types.
 */
declare module 'cloudflare:workers' {
  import type { CloudflareWorkersModule } from '@cloudflare/workers-types';
  export = CloudflareWorkersModule;
}

/** A font file bundled into the Worker as a data module (wrangler.toml's `rules`): its bytes. */
declare module '*.ttf' {
  const data: ArrayBuffer;
  export default data;
}
