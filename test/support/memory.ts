/**
 * Memory readings for tests that must show memory stays bounded. The server runs in the test's
 * process, so RSS also holds the test's own garbage (frames it made and sent); a full GC before
 * each reading makes heap and external-buffer figures comparable between readings.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface MemoryReading {
  rss: number;
  /** What V8 has committed for its heap; it can stay high after a peak even when heapUsed falls. */
  heapTotal: number;
  heapUsed: number;
  /** Buffers and ArrayBuffers outside the JS heap (frames, sockets). */
  external: number;
}

/** V8's gc(), reachable without starting Node with --expose-gc: the flag applies to new contexts. */
function forceGc(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
}

/** Runs a full GC, then reads process memory. */
export function readMemory(): MemoryReading {
  forceGc();
  const { rss, heapTotal, heapUsed, external } = process.memoryUsage();
  return { rss, heapTotal, heapUsed, external };
}

/** `rss 126 → 440 MiB (+314), heap …` for test output. */
export function describeGrowth(before: MemoryReading, after: MemoryReading): string {
  const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
  const part = (name: keyof MemoryReading): string =>
    `${name} ${mib(before[name])} → ${mib(after[name])} MiB (${after[name] >= before[name] ? '+' : ''}${mib(after[name] - before[name])})`;
  return [part('rss'), part('heapTotal'), part('heapUsed'), part('external')].join(', ');
}
