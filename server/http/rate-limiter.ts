/**
 * Rate limiting behind a small port, so a deployment with several servers can put a shared store
 * behind the same interface. The in-memory implementation here counts attempts in fixed windows
 * per key, reading time from the {@link Clock} port so tests can move it.
 */
import type { Clock } from '../ports/clock.ts';

export interface RateLimiter {
  /** Seconds until `key` may try again; 0 when it may try now. */
  retryAfter(key: string): number | Promise<number>;
  /** Records one attempt by `key`. */
  hit(key: string): void | Promise<void>;
}

/**
 * Makes the limiter for one of the {@link AuthRateLimits} rules. The default keeps counts in this
 * process's memory; Workers counts in a Durable Object, so the limit holds across isolates.
 */
export type RateLimiterFactory = (name: keyof AuthRateLimits, rule: RateLimit) => RateLimiter;

export interface RateLimit {
  /** Attempts allowed per window. */
  limit: number;
  windowMs: number;
}

/** Keys kept before expired windows are swept, so a flood of distinct keys cannot grow memory for long. */
const sweepAbove = 10_000;

/** Fixed-window counting in memory, one window per key, for one server process. */
export class MemoryRateLimiter implements RateLimiter {
  readonly #rule: RateLimit;
  readonly #clock: Clock;
  readonly #windows = new Map<string, { start: number; count: number }>();

  constructor(rule: RateLimit, clock: Clock) {
    this.#rule = rule;
    this.#clock = clock;
  }

  retryAfter(key: string): number {
    const window = this.#windows.get(key);
    const now = this.#clock.now();
    if (!window || now >= window.start + this.#rule.windowMs || window.count < this.#rule.limit) return 0;
    return Math.max(1, Math.ceil((window.start + this.#rule.windowMs - now) / 1000));
  }

  hit(key: string): void {
    const now = this.#clock.now();
    const window = this.#windows.get(key);
    if (window && now < window.start + this.#rule.windowMs) window.count++;
    else this.#windows.set(key, { start: now, count: 1 });
    if (this.#windows.size > sweepAbove) {
      for (const [k, w] of this.#windows) if (now >= w.start + this.#rule.windowMs) this.#windows.delete(k);
    }
  }
}

/** The limits on signing in and creating accounts. */
export interface AuthRateLimits {
  /** Sign-in attempts from one IP address. */
  loginPerIp: RateLimit;
  /** Accounts created from one IP address. */
  registerPerIp: RateLimit;
  /** Failed sign-ins for one email, from anywhere (guessing one person's password). */
  failedLoginsPerAccount: RateLimit;
  /**
   * Adding an email and password to a guest account, from one IP address: each try costs a
   * password hash and tells whether an email already has an account (409 `email_taken`).
   */
  credentialsPerIp: RateLimit;
  /** ...and by one account, whatever address it comes from. */
  credentialsPerAccount: RateLimit;
}

const minute = 60 * 1000;

/** Generous enough for a clinic's shared connection, tight enough to make password guessing slow. */
export const defaultAuthRateLimits: AuthRateLimits = {
  loginPerIp: { limit: 20, windowMs: 15 * minute },
  registerPerIp: { limit: 10, windowMs: 60 * minute },
  failedLoginsPerAccount: { limit: 10, windowMs: 15 * minute },
  // Like account creation, with room for a clinic's shared connection where a whole group of
  // guests keeps their accounts at the end of a session.
  credentialsPerIp: { limit: 20, windowMs: 60 * minute },
  // A guest needs one success; a few typing mistakes are fine, a list of emails is not.
  credentialsPerAccount: { limit: 5, windowMs: 60 * minute },
};
