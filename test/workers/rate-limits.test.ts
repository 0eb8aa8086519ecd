/**
 * Rate limits on Workers (server/runtime/worker-limits.ts), inside workerd: the count lives in one
 * Durable Object per limit and key, so it holds for every isolate's limiter and across eviction,
 * a window ends on time, and a finished window leaves nothing stored.
 */
import { evictDurableObject, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import type { DurableObjectStub } from '@cloudflare/workers-types';
import { describe, expect, it } from 'vitest';
import { durableRateLimiter } from '../../server/runtime/worker-limits.ts';
import { waitUntil } from '../support/wait.ts';
import { workerEnv } from './worker-env.ts';

const rule = { limit: 3, windowMs: 60_000 };

/** The object that counts `name` for `key` (worker-limits.ts addresses it the same way). */
function objectFor(name: string, key: string): DurableObjectStub {
  return workerEnv.LIMITS.get(workerEnv.LIMITS.idFromName(`${name}:${key}`));
}

describe('durableRateLimiter', () => {
  it('holds one count for two limiters made apart, as two isolates make them', async () => {
    const key = `203.0.113.${crypto.randomUUID()}`;
    const first = durableRateLimiter(workerEnv)('loginPerIp', rule);
    const second = durableRateLimiter(workerEnv)('loginPerIp', rule);
    await first.hit(key);
    await second.hit(key);
    expect(await first.retryAfter(key)).toBe(0);
    await first.hit(key);
    expect(await second.retryAfter(key)).toBe(60);
    expect(await first.retryAfter(key)).toBe(60);
    // Another key, and the same key under another limit, count apart.
    expect(await second.retryAfter(`${key}-other`)).toBe(0);
    expect(await durableRateLimiter(workerEnv)('registerPerIp', rule).retryAfter(key)).toBe(0);
  });

  it('keeps the count when the object is evicted', async () => {
    const key = crypto.randomUUID();
    const limiter = durableRateLimiter(workerEnv)('failedLoginsPerAccount', rule);
    for (let i = 0; i < rule.limit; i++) await limiter.hit(key);
    await evictDurableObject(objectFor('failedLoginsPerAccount', key));
    expect(await durableRateLimiter(workerEnv)('failedLoginsPerAccount', rule).retryAfter(key)).toBeGreaterThan(0);
  });

  it('lets the key try again once its window has passed', async () => {
    const key = crypto.randomUUID();
    const short = { limit: 1, windowMs: 300 };
    const limiter = durableRateLimiter(workerEnv)('credentialsPerIp', short);
    const started = Date.now();
    await limiter.hit(key);
    expect(await limiter.retryAfter(key)).toBe(1);
    // Only the clock may end the window here: the alarm that would clear it is taken away.
    await runInDurableObject(objectFor('credentialsPerIp', key), (_object, state) => state.storage.deleteAlarm());
    await waitUntil(async () => (await limiter.retryAfter(key)) === 0, 'the window has passed');
    expect(Date.now() - started).toBeGreaterThanOrEqual(short.windowMs);
  });

  it('books an alarm at the end of the window that leaves nothing stored', async () => {
    const key = crypto.randomUUID();
    const limiter = durableRateLimiter(workerEnv)('credentialsPerAccount', rule);
    const before = Date.now();
    await limiter.hit(key);
    await limiter.hit(key);
    const stub = objectFor('credentialsPerAccount', key);
    const alarm = await runInDurableObject(stub, (_object, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThanOrEqual(before + rule.windowMs);
    expect(alarm).toBeLessThanOrEqual(Date.now() + rule.windowMs);
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    const stored = await runInDurableObject(stub, (_object, state) => [...state.storage.kv.list()].length);
    expect(stored).toBe(0);
  });
});
