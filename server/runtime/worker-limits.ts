/**
 * Rate limits that hold across isolates: one Durable Object per limit and key (for example
 * `loginPerIp:203.0.113.9`) counts attempts in a fixed window kept in its storage, so neither a
 * second isolate nor an evicted object starts the count again. The rule travels with each call;
 * the time is the object's own clock, one clock per key.
 */
import { DurableObject } from 'cloudflare:workers';
import type { DurableObjectState } from '@cloudflare/workers-types';
import type { RateLimit, RateLimiter, RateLimiterFactory } from '../http/rate-limiter.ts';
import type { WorkerEnv } from './worker-env.ts';

interface Window {
  start: number;
  count: number;
}

const windowKey = 'window';

export class RateLimitObject extends DurableObject<WorkerEnv> {
  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
  }

  /** Seconds until the key may try again; 0 when it may try now. */
  retryAfter(rule: RateLimit): number {
    const window = this.#current(rule, Date.now());
    if (!window || window.count < rule.limit) return 0;
    return Math.max(1, Math.ceil((window.start + rule.windowMs - Date.now()) / 1000));
  }

  /** Records one attempt; the first of a window also books the alarm that forgets it. */
  async hit(rule: RateLimit): Promise<void> {
    const now = Date.now();
    const window = this.#current(rule, now);
    if (window) {
      this.ctx.storage.kv.put<Window>(windowKey, { start: window.start, count: window.count + 1 });
      return;
    }
    this.ctx.storage.kv.put<Window>(windowKey, { start: now, count: 1 });
    await this.ctx.storage.setAlarm(now + rule.windowMs);
  }

  /** The window is over: keep nothing, so a key seen once costs no storage for ever. */
  override async alarm(): Promise<void> {
    await this.ctx.storage.deleteAll();
  }

  #current(rule: RateLimit, now: number): Window | null {
    const window = this.ctx.storage.kv.get<Window>(windowKey);
    return window && now < window.start + rule.windowMs ? window : null;
  }
}

/** The object's RPC surface, as a caller sees it. */
interface RateLimitRpc {
  retryAfter(rule: RateLimit): Promise<number>;
  hit(rule: RateLimit): Promise<void>;
}

/** The {@link RateLimiterFactory} for createApp on Workers: each call goes to the key's object. */
export function durableRateLimiter(env: WorkerEnv): RateLimiterFactory {
  return (name, rule): RateLimiter => {
    const stub = (key: string): RateLimitRpc =>
      env.LIMITS.get(env.LIMITS.idFromName(`${name}:${key}`)) as unknown as RateLimitRpc;
    return {
      // Awaited here, so callers get a plain promise, not the RPC promise (as worker-directory.ts).
      retryAfter: async (key) => await stub(key).retryAfter(rule),
      hit: async (key) => void (await stub(key).hit(rule)),
    };
  };
}
