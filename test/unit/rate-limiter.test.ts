import { describe, expect, it } from 'vitest';
import { MemoryRateLimiter } from '../../server/http/rate-limiter.ts';

describe('MemoryRateLimiter', () => {
  it('allows `limit` attempts per key and window, says how long to wait, and forgets after the window', () => {
    let now = 1_000_000;
    const limiter = new MemoryRateLimiter({ limit: 3, windowMs: 60_000 }, { now: () => now });
    for (let i = 0; i < 3; i++) {
      expect(limiter.retryAfter('a')).toBe(0);
      limiter.hit('a');
    }
    expect(limiter.retryAfter('a')).toBe(60);
    expect(limiter.retryAfter('b')).toBe(0);
    now += 59_500;
    expect(limiter.retryAfter('a')).toBe(1);
    now += 500;
    expect(limiter.retryAfter('a')).toBe(0);
    limiter.hit('a');
    expect(limiter.retryAfter('a')).toBe(0);
  });

  it('sweeps expired windows when many keys pile up', () => {
    let now = 0;
    const limiter = new MemoryRateLimiter({ limit: 1, windowMs: 1000 }, { now: () => now });
    for (let i = 0; i < 10_001; i++) limiter.hit(`k${i}`);
    now += 1000;
    limiter.hit('fresh');
    expect(limiter.retryAfter('k0')).toBe(0);
    expect(limiter.retryAfter('fresh')).toBe(1);
  });
});
