/**
 * CPU time of the server child, of the benchmark process and of everything else on the machine
 * over one measurement. On two cores the server and the clients each have one, so whichever sits
 * near 100 % is what limits the figures beside it — and CPU used by other processes (another
 * benchmark, a test run) shows that a measurement was disturbed.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

/** Wall-clock and CPU time spent during one span, in ms. */
export interface CpuSpan {
  wallMs: number;
  /** The server child's user + system time; null where /proc is not readable. */
  serverCpuMs: number | null;
  /** This process's user + system time (all the clients). */
  benchCpuMs: number;
  /** Busy time of all CPUs not spent by the server or the benchmark (other processes, the kernel); null without /proc. */
  otherCpuMs: number | null;
}

/** Busy time of all CPUs so far in ms (/proc/stat: user, nice, system, irq, softirq), or null. */
function machineBusyMs(): number | null {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq] = fields;
    const ticks = [user, nice, system, irq, softirq].reduce<number>((sum, value) => sum + (value ?? 0), 0);
    // /proc/stat counts in USER_HZ, 100 on every Linux we run on (see test/support/proc-stats.ts).
    return Number.isFinite(ticks) ? ticks * 10 : null;
  } catch {
    return null;
  }
}

/** Starts measuring now; call the returned function to end the span. */
export function startCpuMeter(serverCpuMs: () => number | null): () => CpuSpan {
  const wall = performance.now();
  const bench = process.cpuUsage();
  const server = serverCpuMs();
  const machine = machineBusyMs();
  return () => {
    const benchUsed = process.cpuUsage(bench);
    const serverNow = serverCpuMs();
    const machineNow = machineBusyMs();
    const serverUsed = server === null || serverNow === null ? null : serverNow - server;
    const benchCpuMs = (benchUsed.user + benchUsed.system) / 1000;
    return {
      wallMs: performance.now() - wall,
      serverCpuMs: serverUsed,
      benchCpuMs,
      otherCpuMs: machine === null || machineNow === null || serverUsed === null ? null : Math.max(0, machineNow - machine - serverUsed - benchCpuMs),
    };
  };
}
