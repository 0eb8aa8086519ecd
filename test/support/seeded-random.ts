/**
 * A small seeded PRNG (mulberry32) so fuzz runs are reproducible: the same seed gives the same
 * frames and bodies, and a failure can be replayed by its seed. Not for anything secret.
 */

/** Draws from one seeded stream; every helper advances the same state. */
export interface SeededRandom {
  /** The seed this stream started from, for failure messages. */
  readonly seed: number;
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** `length` random bytes. */
  bytes(length: number): Uint8Array;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** Creates a mulberry32 stream from a 32-bit seed. */
export function seededRandom(seed: number): SeededRandom {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    seed,
    next,
    int,
    bytes(length) {
      const out = new Uint8Array(length);
      // Four bytes per draw keeps a 1 MiB frame cheap to make.
      for (let i = 0; i < length; i += 4) {
        const word = Math.floor(next() * 4294967296);
        for (let j = 0; j < 4 && i + j < length; j++) out[i + j] = (word >>> (j * 8)) & 0xff;
      }
      return out;
    },
    pick(items) {
      if (items.length === 0) throw new RangeError('pick from an empty list');
      return items[int(0, items.length - 1)]!;
    },
    chance(p) {
      return next() < p;
    },
  };
}
