/**
 * Types for the parts of @cloudflare/vitest-plugin's `cloudflare:test` module these tests use.
 * The plugin's own declaration leans on the global Workers types, which this project keeps out of
 * its global scope (DOM + Node there); these import them from @cloudflare/workers-types instead.
 */
declare module 'cloudflare:test' {
  import type { DurableObjectState, DurableObjectStub } from '@cloudflare/workers-types';

  /** Runs `callback` inside the object `stub` points to (only objects of the Worker under test). */
  export function runInDurableObject<R, O = unknown>(
    stub: DurableObjectStub,
    callback: (instance: O, state: DurableObjectState) => R | Promise<R>,
  ): Promise<R>;
  /** Runs the object's scheduled alarm now, if it has one; true when one ran. */
  export function runDurableObjectAlarm(stub: DurableObjectStub): Promise<boolean>;
  /** Tears the running object down, keeping its storage (hibernatable sockets hibernate by default). */
  export function evictDurableObject(stub: DurableObjectStub, options?: { webSockets?: 'close' | 'hibernate' }): Promise<void>;
  /** Resets every object instance, keeping storage. */
  export function abortAllDurableObjects(): Promise<void>;
}
