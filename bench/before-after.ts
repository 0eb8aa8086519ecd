/**
 * Before/after of a server change, repeated until this shared machine's noise averages out:
 * `node --experimental-strip-types bench/before-after.ts --baseline=REF [--clients=1,10,50,100]
 * [--rounds=6] [--quiet=25]`. One `npm run bench -- --baseline=REF` run measures each client count
 * once per server, and a burst's server CPU is read in /proc's 10 ms ticks, so one run's CPU per
 * edit moves by ±20 % on this VM; here both servers (this checkout and commit REF, as `--baseline`
 * starts it) run the same workloads as `npm run bench` — the paced relay part (500 words, one per
 * 10 ms; bench/relay-latency.ts) and the 2,000-word burst (bench/throughput.ts), each time in a fresh
 * room with N fresh clients — `rounds` times per client count, the order alternating from round
 * to round. A measurement during which other processes used more than `quiet` % of a core is
 * left out. Prints per client count the median and range of what was kept, and the ratios.
 */
import { connectGroup, type ClientGroup } from './clients.ts';
import { measureRelayLatency } from './relay-latency.ts';
import { count, markdownTable, summarize } from './stats.ts';
import { startCommonGround } from './targets/common-ground.ts';
import { resolveCommit, startCommonGroundAt } from './targets/common-ground-baseline.ts';
import type { RunningTarget } from './targets/types.ts';
import { measureThroughput } from './throughput.ts';

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

function option(name: string, fallback?: string): string {
  const arg = process.argv.slice(2).find((a) => a.startsWith(`--${name}=`));
  const value = arg?.slice(name.length + 3) ?? fallback;
  if (value === undefined) throw new Error(`--${name}=… is needed`);
  return value;
}

/** What one server did at one client count in one round; null where the machine was busy. */
interface Round {
  p50: number | null;
  p99: number | null;
  firstSeenP99: number | null;
  editsPerSecond: number | null;
  cpuPerEditUs: number | null;
  rssMiB: number | null;
  /** Other processes' CPU during the relay part and the burst, % of a core. */
  other: [number, number];
}

const share = (cpuMs: number | null, wallMs: number): number => (cpuMs === null ? Number.NaN : (cpuMs / wallMs) * 100);

async function measureOnce(target: RunningTarget, clients: number, quiet: number): Promise<Round> {
  const address = await target.openRoom(`Before/after with ${clients} clients`);
  let group: ClientGroup | null = null;
  try {
    group = await connectGroup({ address, displayName: 'Bench', count: clients, timeoutMs: 60_000 });
    const latency = await measureRelayLatency({ clients: group.clients, edits: 500, intervalMs: 10, seed: clients, drainTimeoutMs: 60_000, serverCpuMs: target.cpuMs });
    const burst = await measureThroughput({ clients: group.clients, edits: 2000, seed: 1000 + clients, timeoutMs: 60_000, serverCpuMs: target.cpuMs });
    const rss = target.rssKiB();
    if (group.disconnects() > 0) throw new Error(`${group.disconnects()} sockets closed on ${target.name}`);
    const other: [number, number] = [share(latency.cpu.otherCpuMs, latency.cpu.wallMs), share(burst.cpu.otherCpuMs, burst.cpu.wallMs)];
    const relay = summarize(latency.samples);
    const calmRelay = other[0] <= quiet;
    const calmBurst = other[1] <= quiet;
    return {
      p50: calmRelay ? relay.p50 : null,
      p99: calmRelay ? relay.p99 : null,
      firstSeenP99: calmRelay ? summarize(latency.firstSeen).p99 : null,
      editsPerSecond: calmBurst ? burst.editsPerSecond : null,
      cpuPerEditUs: calmBurst ? burst.serverCpuPerEditUs : null,
      rssMiB: rss === null ? null : rss / 1024,
      other,
    };
  } finally {
    group?.destroy();
  }
}

/** `median (min–max, n)` of the kept values. */
function spread(values: (number | null)[], format: (v: number) => string): { median: number; text: string } {
  const kept = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (kept.length === 0) return { median: Number.NaN, text: '– (0)' };
  const median = kept.length % 2 === 1 ? kept[(kept.length - 1) / 2]! : (kept[kept.length / 2 - 1]! + kept[kept.length / 2]!) / 2;
  return { median, text: `${format(median)} (${format(kept[0]!)}–${format(kept.at(-1)!)}, ${kept.length})` };
}

async function main(): Promise<void> {
  const commit = resolveCommit(option('baseline'));
  const counts = option('clients', '1,10,50,100').split(',').map(Number);
  const rounds = Number(option('rounds', '6'));
  const quiet = Number(option('quiet', '25'));
  process.setMaxListeners(500);
  const targets: RunningTarget[] = [];
  process.once('exit', () => targets.forEach((target) => target.killNow()));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));
  const startedAt = new Date();
  try {
    progress(`starting this checkout and ${commit}`);
    targets.push(await startCommonGround(), await startCommonGroundAt(commit));
    const [after, before] = targets as [RunningTarget, RunningTarget];
    const results = new Map<number, { before: Round[]; after: Round[] }>();
    for (const clients of counts) {
      const rows = { before: [] as Round[], after: [] as Round[] };
      results.set(clients, rows);
      for (let round = 0; round < rounds; round++) {
        for (const which of round % 2 === 0 ? (['after', 'before'] as const) : (['before', 'after'] as const)) {
          const result = await measureOnce(which === 'after' ? after : before, clients, quiet);
          rows[which].push(result);
          progress(`${clients} clients, round ${round + 1}, ${which}: other CPU ${result.other.map((o) => `${Math.round(o)} %`).join(' / ')}${result.cpuPerEditUs === null ? '' : `, ${Math.round(result.cpuPerEditUs)} µs/edit`}`);
        }
      }
    }
    const one = (v: number) => v.toFixed(1);
    const whole = (v: number) => count(v);
    const table: string[][] = [];
    for (const [clients, rows] of results) {
      for (const which of ['before', 'after'] as const) {
        const r = rows[which];
        table.push([
          String(clients),
          which === 'before' ? `before (${commit})` : 'after (this checkout)',
          spread(r.map((x) => x.p50), one).text,
          spread(r.map((x) => x.p99), one).text,
          spread(r.map((x) => x.firstSeenP99), one).text,
          spread(r.map((x) => x.editsPerSecond), whole).text,
          spread(r.map((x) => x.cpuPerEditUs), whole).text,
          spread(r.map((x) => x.rssMiB), whole).text,
        ]);
      }
      const ratio = (pick: (x: Round) => number | null) => {
        const b = spread(rows.before.map(pick), one).median;
        const a = spread(rows.after.map(pick), one).median;
        return Number.isFinite(a / b) ? `${(a / b).toFixed(2)}×` : '–';
      };
      table.push([String(clients), 'after ÷ before (medians)', ratio((x) => x.p50), ratio((x) => x.p99), ratio((x) => x.firstSeenP99), ratio((x) => x.editsPerSecond), ratio((x) => x.cpuPerEditUs), ratio((x) => x.rssMiB)]);
    }
    console.log(
      [
        `### Before/after, ${rounds} rounds per client count — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        markdownTable(['clients', 'server', 'relay p50 (ms)', 'relay p99 (ms)', 'first-seen p99 (ms)', 'burst edits/s', 'server CPU µs/edit', 'server RSS after the burst (MiB)'], table, 2),
        '',
        `Each cell: median (min–max, measurements kept). Left out: a relay part or burst during which other processes used more than ${quiet} % of a core. 1 client: the relay columns are the commit ack (durable). Ratios below 1× are better for latency, CPU and RSS; above 1× for edits/s.`,
      ].join('\n'),
    );
  } finally {
    for (const target of targets) await target.stop();
  }
}

main().then(
  () => process.stdout.write('', () => process.exit(0)),
  (error: unknown) => {
    progress(`before/after failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
