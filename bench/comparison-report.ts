/**
 * The markdown `npm run bench` prints: one table per workload with a row per (clients, server),
 * the ratios of Common Ground to each peer, the issue's goals checked, and the load table with a
 * column per server. Durability sits beside the figures, because the servers do not promise the
 * same thing when they relay: Common Ground has committed the edit, the peers have not.
 */
import { cpus, totalmem } from 'node:os';
import { loadPassed, type LoadResult } from './load.ts';
import type { RelayLatencyResult } from './relay-latency.ts';
import { count, cpuShare, markdownTable, ms, summarize } from './stats.ts';
import type { ThroughputResult } from './throughput.ts';
import type { Durability, RunningTarget } from './targets/types.ts';

/** One client count against one server. */
export interface SyncRun {
  clients: number;
  joinMs: number;
  latency: RelayLatencyResult;
  throughput: ThroughputResult;
  /** Server RSS right after the burst, clients still connected. */
  rssKiB: number | null;
}

/** Everything measured on one server. */
export interface TargetRuns {
  name: RunningTarget['name'];
  durability: Durability;
  runs: SyncRun[];
}

/** What the settings of a run were, for the headings. */
export interface ReportMode {
  name: string;
  latencyEdits: number;
  intervalMs: number;
  throughputEdits: number;
}

const mib = (kib: number | null): string => (kib === null ? '–' : count(kib / 1024));

/** Machine line for the top of every report. */
export function machineLine(): string {
  const cpu = cpus();
  return `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; each server in its own child process, all clients in the benchmark process.`;
}

function measured(target: TargetRuns, run: SyncRun): string {
  if (run.latency.kind === 'relay') return 'relay';
  return target.durability.ackIsDurable ? 'commit ack (durable)' : 'server round trip (not durable)';
}

/** Rows per client count, the servers next to each other inside it. */
function byClients<T>(targets: TargetRuns[], row: (target: TargetRuns, run: SyncRun) => T): T[] {
  const counts = [...new Set(targets.flatMap((target) => target.runs.map((run) => run.clients)))];
  return counts.flatMap((clients) =>
    targets.flatMap((target) => target.runs.filter((run) => run.clients === clients).map((run) => row(target, run))),
  );
}

function latencyTable(targets: TargetRuns[]): string {
  return markdownTable(
    ['clients', 'server', 'join + sync (ms)', 'measured', 'samples', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'first-seen p99 (ms)', 'server CPU', 'bench CPU', 'other CPU'],
    byClients(targets, (target, run) => {
      const summary = summarize(run.latency.samples);
      const first = summarize(run.latency.firstSeen.filter((value) => !Number.isNaN(value)));
      return [
        String(run.clients),
        target.name,
        ms(run.joinMs),
        measured(target, run),
        count(summary.count),
        ms(summary.p50),
        ms(summary.p99),
        ms(summary.max),
        ms(first.p99),
        cpuShare(run.latency.cpu.serverCpuMs, run.latency.cpu.wallMs),
        cpuShare(run.latency.cpu.benchCpuMs, run.latency.cpu.wallMs),
        cpuShare(run.latency.cpu.otherCpuMs, run.latency.cpu.wallMs),
      ];
    }),
    2,
  );
}

function throughputTable(targets: TargetRuns[]): string {
  return markdownTable(
    ['clients', 'server', 'edits', 'time (ms)', 'edits/s', 'relayed frames/s', 'server CPU µs/edit', 'server CPU', 'bench CPU', 'other CPU', 'server RSS (MiB)'],
    byClients(targets, (target, run) => {
      const t = run.throughput;
      return [
        String(run.clients),
        target.name,
        count(t.edits),
        ms(t.elapsedMs),
        count(t.editsPerSecond),
        count(t.framesPerSecond),
        t.serverCpuPerEditUs === null ? '–' : count(t.serverCpuPerEditUs),
        cpuShare(t.cpu.serverCpuMs, t.cpu.wallMs),
        cpuShare(t.cpu.benchCpuMs, t.cpu.wallMs),
        cpuShare(t.cpu.otherCpuMs, t.cpu.wallMs),
        mib(run.rssKiB),
      ];
    }),
    2,
  );
}

const ratio = (ours: number, theirs: number): string => (Number.isFinite(ours / theirs) && theirs > 0 ? `${(ours / theirs).toFixed(2)}×` : '–');

function latencyOf(run: SyncRun): { p50: number; p99: number } {
  const summary = summarize(run.latency.samples);
  return { p50: summary.p50, p99: summary.p99 };
}

/** Common Ground ÷ each peer: latency below 1× is faster, edits/s above 1× is more. */
function ratioTable(targets: TargetRuns[]): string {
  const ours = targets.find((target) => target.name === 'Common Ground');
  const peers = targets.filter((target) => target.name !== 'Common Ground');
  if (!ours || peers.length === 0) return '';
  const headers = ['clients', ...peers.flatMap((peer) => [`p50 ÷ ${peer.name}`, `p99 ÷ ${peer.name}`, `edits/s ÷ ${peer.name}`, `CPU µs/edit ÷ ${peer.name}`])];
  const rows = ours.runs.map((run) => [
    String(run.clients),
    ...peers.flatMap((peer) => {
      const theirs = peer.runs.find((other) => other.clients === run.clients);
      if (!theirs) return ['–', '–', '–', '–'];
      const a = latencyOf(run);
      const b = latencyOf(theirs);
      return [
        ratio(a.p50, b.p50),
        ratio(a.p99, b.p99),
        ratio(run.throughput.editsPerSecond, theirs.throughput.editsPerSecond),
        ratio(run.throughput.serverCpuPerEditUs ?? Number.NaN, theirs.throughput.serverCpuPerEditUs ?? Number.NaN),
      ];
    }),
  ]);
  return markdownTable(headers, rows);
}

/** The issue's goals, read off the run with the most clients. */
function goals(targets: TargetRuns[]): string[] {
  const ours = targets.find((target) => target.name === 'Common Ground');
  const hocuspocus = targets.find((target) => target.name === 'Hocuspocus');
  const top = ours?.runs.at(-1);
  if (!ours || !top) return [];
  const { p50, p99 } = latencyOf(top);
  const lines = [
    `- relay p50 < 5 ms at ${top.clients} clients: ${ms(p50)} ms — ${p50 < 5 ? 'met' : 'NOT met'}`,
    `- relay p99 < 20 ms at ${top.clients} clients: ${ms(p99)} ms — ${p99 < 20 ? 'met' : 'NOT met'}`,
  ];
  const theirs = hocuspocus?.runs.find((run) => run.clients === top.clients);
  if (theirs) {
    const times = top.throughput.editsPerSecond / theirs.throughput.editsPerSecond;
    lines.push(`- edits/s ≥ 1.5× Hocuspocus at ${top.clients} clients: ${count(top.throughput.editsPerSecond)} vs ${count(theirs.throughput.editsPerSecond)} = ${times.toFixed(2)}× — ${times >= 1.5 ? 'met' : 'NOT met'}`);
    const ours = top.throughput.serverCpuPerEditUs;
    const their = theirs.throughput.serverCpuPerEditUs;
    if (ours !== null && their !== null && ours > 0 && their > 0) {
      lines.push(
        `  - the server's own side (the rate above is capped by the clients when bench CPU is ~100 %): ${count(ours)} vs ${count(their)} server CPU µs/edit, a ceiling of ${count(1e6 / ours)} vs ${count(1e6 / their)} edits/s on one core = ${(their / ours).toFixed(2)}× (an extrapolation)`,
      );
    }
  }
  return lines;
}

/** Durability and version of each server, for the top of the report. */
function durabilityTable(targets: { name: RunningTarget['name']; durability: Durability }[]): string {
  const versions: Record<string, string> = {
    'Common Ground': 'this repository (LibSQL file)',
    Hocuspocus: '@hocuspocus/server 4.7.0 + extension-sqlite 4.7.0 (better-sqlite3 file), default debounce 2 s / max 10 s',
    'y-websocket-server': '@y/websocket-server 0.1.1, YPERSISTENCE unset',
    'Common Ground on Workers (local workerd)': 'this repository, `wrangler dev` (workerd on this machine), a Durable Object per board',
  };
  const version = (name: string): string => versions[name] ?? `${name.replace('Common Ground @', 'commit ')} of this repository on Node (LibSQL file)`;
  return markdownTable(
    ['server', 'what runs', 'an edit is on disk'],
    targets.map((target) => [target.name, version(target.name), target.durability.summary]),
    3,
  );
}

/** The relay and throughput sections. */
export function syncReport(mode: ReportMode, targets: TargetRuns[]): string {
  const late = targets.reduce((sum, target) => sum + target.runs.reduce((s, run) => s + run.latency.lateSends, 0), 0);
  return [
    `## Sync servers side by side (${mode.name} mode)`,
    '',
    machineLine(),
    '',
    durabilityTable(targets),
    '',
    `### Relay latency — ${mode.latencyEdits} words, one every ${mode.intervalMs} ms, writers in turn`,
    '',
    latencyTable(targets),
    '',
    'relay: typed → seen by each other client; first-seen: per word, the earliest receiver only.',
    `With 1 client (nobody to relay to) each word is followed by a sync step 1 and timed to the server's step 2: Common Ground holds that answer until the word is committed (durable); the peers answer at once (a round trip, not durable).${late > 0 ? ` ${late} words were typed more than one interval late.` : ''}`,
    '',
    `### Throughput — ${mode.throughputEdits} words typed as fast as each client's loop turns`,
    '',
    throughputTable(targets),
    '',
    'edits/s: first word typed → client 0 has seen every other word and its probe came back (Common Ground: committed). CPU is a share of one core (server: the child; bench: all clients; other: every other process and the kernel — above a few % the run was disturbed); server RSS is read right after the burst.',
    '',
    '### Ratios — Common Ground ÷ peer (latency and CPU below 1× = Common Ground better; edits/s above 1× = Common Ground better)',
    '',
    ratioTable(targets),
    '',
    '### Goals (issue 5)',
    '',
    ...goals(targets),
  ].join('\n');
}

/** The 100 rooms × 10 clients section, a column per server. */
export function loadReport(results: LoadResult[]): string {
  if (results.length === 0) return '';
  const first = results[0]!;
  const kib = (value: number): string => `${count(value)} KiB`;
  const perIdleRoom = (r: LoadResult): number => (r.allKiB - r.idleKiB) / r.rooms;
  const perConnection = (r: LoadResult): number => (r.allKiB - r.roomsKiB) / (r.connections - r.rooms);
  const rows: [string, (r: LoadResult) => string][] = [
    ['on disk', (r) => r.durability],
    ['connections', (r) => `${count(r.connections)} (${r.rooms} × ${r.perRoom})`],
    ['connected at the end', (r) => count(r.connectedAtEnd)],
    ['connection errors / closes (must be 0 / 0)', (r) => `${r.errors} / ${r.closes}`],
    [`connect + sync, 1 per room (${first.rooms})`, (r) => `${ms(r.firstMs)} ms`],
    [`connect + sync, the other ${first.connections - first.rooms}`, (r) => `${ms(r.restMs)} ms`],
    ['server RSS just started', (r) => `${mib(r.startedKiB)} MiB`],
    ['server RSS, rooms created, none loaded', (r) => `${mib(r.idleKiB)} MiB`],
    ['server RSS, 1 connection per room', (r) => `${mib(r.roomsKiB)} MiB`],
    [`server RSS, all connected`, (r) => `${mib(r.allKiB)} MiB`],
    [`memory per idle room with its ${first.perRoom} clients`, (r) => kib(perIdleRoom(r))],
    ['memory per loaded room (with its 1 connection)', (r) => kib((r.roomsKiB - r.idleKiB) / r.rooms)],
    ['memory per further connection', (r) => kib(perConnection(r))],
    [`editing: ${first.edits} edits → seen by all in their room`, (r) => `${ms(r.editMs)} ms`],
    ['clients that saw another room\'s edit', (r) => String(r.leaked)],
    ['passed', (r) => (loadPassed(r) ? 'yes' : 'NO')],
  ];
  // Ratios of Common Ground to each peer, for the memory figures (below 1× = Common Ground smaller).
  const ours = results.find((r) => r.target === 'Common Ground');
  const ratio = (measure: (r: LoadResult) => number) => (r: LoadResult): string =>
    !ours || r === ours ? '–' : `${(measure(ours) / measure(r)).toFixed(2)}×`;
  if (ours && results.length > 1) {
    rows.push(
      ['memory per idle room: Common Ground ÷ this server', ratio(perIdleRoom)],
      ['memory per further connection: Common Ground ÷ this server', ratio(perConnection)],
    );
  }
  return [
    `### Load — ${first.rooms} rooms × ${first.perRoom} clients per server`,
    '',
    markdownTable(['', ...results.map((r) => r.target)], rows.map(([label, cell]) => [label, ...results.map(cell)])),
    '',
    'RSS is VmRSS of the server process, read 5 × 200 ms apart after each step (last read kept). Memory per idle room = (RSS all connected − RSS rooms created) ÷ rooms; Common Ground also holds the boards\' rows and the account.',
  ].join('\n');
}
