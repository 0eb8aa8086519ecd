/**
 * CPU time of the server child and of the benchmark process over one measurement. On two cores
 * each has one, so whichever sits near 100 % is what limits the figures beside it.
 */
import { performance } from 'node:perf_hooks';

/** Wall-clock and CPU time spent during one span, in ms. */
export interface CpuSpan {
  wallMs: number;
  /** The server child's user + system time; null where /proc is not readable. */
  serverCpuMs: number | null;
  /** This process's user + system time (all the clients). */
  benchCpuMs: number;
}

/** Starts measuring now; call the returned function to end the span. */
export function startCpuMeter(serverCpuMs: () => number | null): () => CpuSpan {
  const wall = performance.now();
  const bench = process.cpuUsage();
  const server = serverCpuMs();
  return () => {
    const benchUsed = process.cpuUsage(bench);
    const serverNow = serverCpuMs();
    return {
      wallMs: performance.now() - wall,
      serverCpuMs: server === null || serverNow === null ? null : serverNow - server,
      benchCpuMs: (benchUsed.user + benchUsed.system) / 1000,
    };
  };
}
