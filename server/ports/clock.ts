/**
 * Small ports the core takes from its runtime, so the same code runs on Node and Workers and tests
 * can pin time or randomness without touching globals.
 */

/** Milliseconds since the epoch. */
export interface Clock {
  now(): number;
}

/** Cryptographically secure random bytes. */
export type RandomBytes = (length: number) => Uint8Array;

export const systemClock: Clock = { now: () => Date.now() };

export const secureRandomBytes: RandomBytes = (length) => crypto.getRandomValues(new Uint8Array(length));
