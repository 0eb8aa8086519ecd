/**
 * Before/after of a server change, repeated until this shared machine's noise averages out:
 * `node --experimental-strip-types bench/before-after.ts --baseline=REF [--clients=1,10,50,100]
 * [--rounds=6] [--quiet=25] [--words=2000]`. One `npm run bench -- --baseline=REF` run measures
 * each client count once per server and reads a burst's server CPU in /proc's 10 ms ticks, so one
 * run's CPU per edit moves by ±20 % on this VM. Here both servers (this checkout and commit REF,
 * started as `--baseline` starts it) run the workloads of `npm run bench` — the paced relay part
 * (500 words, one per 10 ms; bench/relay-latency.ts) and the burst (bench/throughput.ts), each time
 * in a fresh room with N fresh clients — `rounds` times per client count, the order alternating
 * from round to round, with the servers' CPU read to the nanosecond (preciseCpuMs). A measurement
 * during which other processes used more than `quiet` % of a core is left out. Prints per client
 * count the median and range of what was kept, and the ratios.
 */
import { readdirSync, readFileSync } from 'node:fs';
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

/**
 * A server's CPU time in ms to the nanosecond: the sum of its threads' run time from
 * /proc/PID/task/TID/schedstat. /proc/PID/stat, which `npm run bench` reads, counts in 10 ms
 * ticks — ±7 % on a 2,000-word burst at one client, where the server spends about 150 ms.
 */
function preciseCpuMs(target: RunningTarget): () => number | null {
  return () => {
    const pid = target.pid();
    if (pid === undefined) return null;
    try {
      let ns = 0;
      for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
      return ns / 1e6;
    } catch {
      return target.cpuMs();
    }
  };
}

async function measureOnce(target: RunningTarget, clients: number, quiet: number, words: number): Promise<Round> {
  const cpuMs = preciseCpuMs(target);
  const address = await target.openRoom(`Before/after with ${clients} clients`);
  let group: ClientGroup | null = null;
  try {
    group = await connectGroup({ address, displayName: 'Bench', count: clients, timeoutMs: 60_000 });
    const latency = await measureRelayLatency({ clients: group.clients, edits: 500, intervalMs: 10, seed: clients, drainTimeoutMs: 60_000, serverCpuMs: cpuMs });
    const burst = await measureThroughput({ clients: group.clients, edits: words, seed: 1000 + clients, timeoutMs: 60_000, serverCpuMs: cpuMs });
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
  const words = Number(option('words', '2000'));
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
          const result = await measureOnce(which === 'after' ? after : before, clients, quiet, words);
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
      // The same round's two bursts ran minutes apart at most: their ratio cancels slow spells of the VM.
      const paired = rows.after
        .map((a, i) => (a.cpuPerEditUs !== null && rows.before[i]!.cpuPerEditUs !== null ? a.cpuPerEditUs / rows.before[i]!.cpuPerEditUs! : null))
        .filter((r): r is number => r !== null);
      const pairedText = paired.length === 0 ? '' : ` (per round: ${spread(paired, (v) => `${v.toFixed(2)}×`).text})`;
      table.push([String(clients), 'after ÷ before (medians)', ratio((x) => x.p50), ratio((x) => x.p99), ratio((x) => x.firstSeenP99), ratio((x) => x.editsPerSecond), `${ratio((x) => x.cpuPerEditUs)}${pairedText}`, ratio((x) => x.rssMiB)]);
    }
    console.log(
      [
        `### Before/after, ${rounds} rounds per client count — ${startedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        markdownTable(['clients', 'server', 'relay p50 (ms)', 'relay p99 (ms)', 'first-seen p99 (ms)', 'burst edits/s', 'server CPU µs/edit', 'server RSS after the burst (MiB)'], table, 2),
        '',
        `${words} words per burst; server CPU from /proc/PID/task/*/schedstat (ns). Each cell: median (min–max, measurements kept). Left out: a relay part or burst during which other processes used more than ${quiet} % of a core. 1 client: the relay columns are the commit ack (durable). Ratios below 1× are better for latency, CPU and RSS; above 1× for edits/s.`,
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
