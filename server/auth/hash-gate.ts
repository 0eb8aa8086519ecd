/**
 * A server-wide bound on password hashing. scrypt is slow and memory-hungry on purpose; unbounded,
 * a flood of account creations or "keep my account" requests queued every sign-in behind it (60
 * at once took a sign-in from 0.4 s to 5.8 s). The gate lets at most `concurrency` hashes run at
 * once and keeps two bounded waiting lines: sign-ins (checking a password) and new hashes
 * (creating an account, adding an email and password). A free slot always goes to a waiting
 * sign-in first, so a person signing in waits at most for the hashes already running (and for
 * sign-ins ahead of them). A request that finds its line full is refused at once with 503
 * `unavailable` and `Retry-After`, rather than waiting without end.
 *
 * Runtime-neutral: it only orders promises; the runtime decides where the hashing itself runs.
 */
import { AppError } from '../http/app-error.ts';
import type { PasswordHasher } from './passwords.ts';

export interface HashGateLimits {
  /**
   * Hashes that may run at once: the threads that can really run them side by side (Node: its
   * CPUs, at most the libuv thread pool's 4). More would only share the same CPUs and make every
   * one of them, sign-ins too, slower.
   */
  concurrency: number;
  /** Sign-ins that may wait for a free slot; one more is refused with 503. */
  maxWaitingSignIns: number;
  /** New hashes (account creation, adding credentials) that may wait; one more is refused with 503. */
  maxWaitingNewHashes: number;
  /** `Retry-After` on a refusal, in seconds: about how long the waiting lines take to drain. */
  retryAfterSeconds: number;
}

/**
 * For a small server (2 CPUs, a hash ≈ 0.1–0.3 s at the production cost): the new-hash line
 * drains in a few seconds; sign-ins, already limited per address and per email, get a longer one.
 */
export const defaultHashGateLimits: HashGateLimits = {
  concurrency: 2,
  maxWaitingSignIns: 32,
  maxWaitingNewHashes: 8,
  retryAfterSeconds: 5,
};

/** Which waiting line a hash joins: `verify` (sign-in) goes before `hash` (a new password). */
export type HashLane = 'verify' | 'hash';

/** What the gate is doing right now (for tests and diagnostics). */
export interface HashGateStats {
  running: number;
  waitingSignIns: number;
  waitingNewHashes: number;
}

export class HashGate {
  readonly #limits: HashGateLimits;
  #running = 0;
  /** Resolvers of waiting requests; calling one hands that request a slot. */
  readonly #waiting: Record<HashLane, (() => void)[]> = { verify: [], hash: [] };

  constructor(limits: Partial<HashGateLimits> = {}) {
    this.#limits = { ...defaultHashGateLimits, ...limits };
    const { concurrency, maxWaitingSignIns, maxWaitingNewHashes, retryAfterSeconds } = this.#limits;
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error(`hash concurrency must be a whole number of at least 1, not ${concurrency}`);
    for (const [name, value] of Object.entries({ maxWaitingSignIns, maxWaitingNewHashes, retryAfterSeconds })) {
      if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of at least 0, not ${value}`);
    }
  }

  /** Runs `work` once a slot is free; throws 503 `unavailable` at once when `lane`'s line is full. */
  async run<T>(lane: HashLane, work: () => Promise<T>): Promise<T> {
    await this.#enter(lane);
    try {
      return await work();
    } finally {
      this.#leave();
    }
  }

  stats(): HashGateStats {
    return { running: this.#running, waitingSignIns: this.#waiting.verify.length, waitingNewHashes: this.#waiting.hash.length };
  }

  #enter(lane: HashLane): Promise<void> | void {
    // Nobody waits while a slot is free: #leave hands a freed slot straight to the next in line.
    if (this.#running < this.#limits.concurrency) {
      this.#running++;
      return;
    }
    const line = this.#waiting[lane];
    const max = lane === 'verify' ? this.#limits.maxWaitingSignIns : this.#limits.maxWaitingNewHashes;
    if (line.length >= max) {
      const seconds = this.#limits.retryAfterSeconds;
      const error = new AppError(
        'unavailable',
        `Many people are using Common Ground right now. Please wait ${seconds} second${seconds === 1 ? '' : 's'} and try again.`,
      );
      error.retryAfterSeconds = seconds;
      throw error;
    }
    return new Promise<void>((resolve) => line.push(resolve));
  }

  #leave(): void {
    const next = this.#waiting.verify.shift() ?? this.#waiting.hash.shift();
    if (next) next(); // the slot passes on; #running stays the same
    else this.#running--;
  }
}

/** `hasher` behind `gate`: verifying joins the sign-in line, hashing the new-hash line. */
export function gatedPasswordHasher(hasher: PasswordHasher, gate: HashGate): PasswordHasher {
  return {
    hash: (password) => gate.run('hash', () => hasher.hash(password)),
    verify: (hash, password) => gate.run('verify', () => hasher.verify(hash, password)),
  };
}
