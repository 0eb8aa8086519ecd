/**
 * `npm run bench [-- --quick | --load | --crash | --cold]`: relay latency and throughput of one board room with 1, 10, 50 and
 * 100 real y-websocket clients, against the real server in a child process with persistence on.
 * Prints markdown tables on stdout (progress goes to stderr) and cleans up after itself, also on
 * failure, Ctrl-C or the overall time cap. See docs/BENCHMARKS.md for how to read the figures.
 */
import { cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { buildClientIfStale } from '../scripts/build-client.ts';
import { createBoard, registerAccount, type BenchAccount } from './account.ts';
import { clientJsGzipBytes, measureBoardRender, type RenderResult } from './board-render.ts';
import { connectGroup, type ClientGroup } from './clients.ts';
import { measureRelayLatency, type RelayLatencyResult } from './relay-latency.ts';
import { startBenchServer, type BenchServer } from './server.ts';
import { extraFlags, runExtras } from './extras.ts';
import { count, cpuShare, markdownTable, ms, summarize } from './stats.ts';
import { measureThroughput, type ThroughputResult } from './throughput.ts';

/** What one mode measures; quick keeps every client count but types far fewer words. */
interface BenchMode {
  name: 'quick' | 'full';
  clientCounts: number[];
  latencyEdits: number;
  /** 10 ms: 100 words a second in the room, a busy workshop where many people type at once. */
  intervalMs: number;
  throughputEdits: number;
  /** Board sizes opened in Chromium: [stages, touchpoints in all]. */
  boards: [number, number][];
  /** Hard cap on the whole run; past it the benchmark kills the server and exits 1. */
  capMs: number;
}

const modes: Record<BenchMode['name'], BenchMode> = {
  quick: { name: 'quick', clientCounts: [1, 10, 50, 100], latencyEdits: 100, intervalMs: 10, throughputEdits: 300, boards: [[30, 500]], capMs: 240_000 },
  full: { name: 'full', clientCounts: [1, 10, 50, 100], latencyEdits: 500, intervalMs: 10, throughputEdits: 2000, boards: [[30, 500], [30, 3000]], capMs: 900_000 },
};

/** Cap on one group connecting and syncing, and on draining one measurement. */
const stepTimeoutMs = 60_000;

interface RunResult {
  clients: number;
  joinMs: number;
  latency: RelayLatencyResult;
  throughput: ThroughputResult;
}

function parseMode(args: readonly string[]): BenchMode {
  const unknown = args.filter((arg) => arg !== '--quick');
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --quick, --load, --crash and --cold are understood)`);
  return args.includes('--quick') ? modes.quick : modes.full;
}

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** One client count: a fresh board, N clients, both measurements, then the clients leave. */
async function runOne(
  server: BenchServer,
  mode: BenchMode,
  account: BenchAccount,
  clients: number,
  track: (group: ClientGroup | null) => void,
): Promise<RunResult> {
  const { cookie, displayName } = account;
  const boardId = await createBoard(server, account, `Bench with ${clients} clients`);
  const joinStart = performance.now();
  const group = await connectGroup({ wsUrl: server.wsUrl, boardId, cookie, displayName, count: clients, timeoutMs: stepTimeoutMs });
  track(group);
  try {
    const joinMs = performance.now() - joinStart;
    progress(`  ${clients} client${clients === 1 ? '' : 's'} synced in ${ms(joinMs)} ms; typing ${mode.latencyEdits} words at one per ${mode.intervalMs} ms`);
    const latency = await measureRelayLatency({
      clients: group.clients,
      edits: mode.latencyEdits,
      intervalMs: mode.intervalMs,
      seed: clients,
      drainTimeoutMs: stepTimeoutMs,
      serverCpuMs: server.cpuMs,
    });
    progress(`  burst of ${mode.throughputEdits} words`);
    const throughput = await measureThroughput({
      clients: group.clients,
      edits: mode.throughputEdits,
      seed: 1000 + clients,
      timeoutMs: stepTimeoutMs,
      serverCpuMs: server.cpuMs,
    });
    if (group.disconnects() > 0) throw new Error(`${group.disconnects()} sockets closed during the run with ${clients} clients`);
    return { clients, joinMs, latency, throughput };
  } finally {
    group.destroy();
    track(null);
  }
}

function renderReport(results: RenderResult[]): string {
  const rows = results.map((r) => [String(r.stages), count(r.touchpoints), ms(r.openMs), String(r.cardsTouched)]);
  return [
    '### The board page in Chromium',
    '',
    markdownTable(['stages', 'touchpoints', 'open: navigation → every card shown (ms)', 'cards re-rendered by one remote title edit'], rows),
    '',
    `Client JavaScript: ${count(Math.round(clientJsGzipBytes() / 1024))} KB gzipped (budget 120 KB).`,
  ].join('\n');
}

function report(mode: BenchMode, results: RunResult[]): string {
  const cpu = cpus();
  const latencyRows = results.map(({ clients, joinMs, latency }) => {
    const summary = summarize(latency.samples);
    const first = summarize(latency.firstSeen.filter((value) => !Number.isNaN(value)));
    return [
      String(clients),
      ms(joinMs),
      latency.kind,
      count(summary.count),
      ms(summary.p50),
      ms(summary.p99),
      ms(summary.max),
      ms(first.p99),
      cpuShare(latency.cpu.serverCpuMs, latency.cpu.wallMs),
      cpuShare(latency.cpu.benchCpuMs, latency.cpu.wallMs),
    ];
  });
  const throughputRows = results.map(({ clients, throughput }) => [
    String(clients),
    count(throughput.edits),
    ms(throughput.elapsedMs),
    count(throughput.editsPerSecond),
    count(throughput.framesPerSecond),
    throughput.serverCpuPerEditUs === null ? '–' : count(throughput.serverCpuPerEditUs),
    cpuShare(throughput.cpu.serverCpuMs, throughput.cpu.wallMs),
    cpuShare(throughput.cpu.benchCpuMs, throughput.cpu.wallMs),
  ]);
  const late = results.reduce((sum, result) => sum + result.latency.lateSends, 0);
  return [
    `## Common Ground sync benchmark (${mode.name} mode)`,
    '',
    `Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; server in a child process, LibSQL file, persistence on.`,
    '',
    `### Relay latency — ${mode.latencyEdits} words, one every ${mode.intervalMs} ms, writers in turn`,
    '',
    markdownTable(['clients', 'join + sync (ms)', 'measured', 'samples', 'p50 (ms)', 'p99 (ms)', 'max (ms)', 'first-seen p99 (ms)', 'server CPU', 'bench CPU'], latencyRows),
    '',
    'relay: typed → seen by each other client; first-seen: per word, the earliest receiver only.',
    `commit ack (1 client, nobody to relay to): typed → the server's answer to a sync step 1 sent right after, which it holds until the word is committed.${late > 0 ? ` ${late} words were typed more than one interval late.` : ''}`,
    '',
    `### Throughput — ${mode.throughputEdits} words typed as fast as each client's loop turns`,
    '',
    markdownTable(['clients', 'edits', 'time (ms)', 'edits/s committed', 'relayed frames/s', 'server CPU µs/edit', 'server CPU', 'bench CPU'], throughputRows),
    '',
    'CPU is a share of one core over the measurement; the server and the clients each have one of this machine\'s cores.',
  ].join('\n');
}

/** Lines the server printed besides its start and stop messages: warnings worth reading. */
function serverComplaints(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '' && !/^listening on |: saving and stopping$/.test(line));
}

async function main(): Promise<void> {
  // `--load` / `--crash` / `--cold` run only those long sections (bench/extras.ts), not the quick/full set.
  const extras = process.argv.slice(2).filter((arg) => (extraFlags as readonly string[]).includes(arg));
  if (extras.length > 0) return runExtras(extras);
  const mode = parseMode(process.argv.slice(2));
  // Every y-websocket provider adds a process 'exit' listener in Node; 100 of them are expected.
  process.setMaxListeners(Math.max(...mode.clientCounts) + 10);
  // What is alive right now, for the exits below; null once cleaned up.
  const live: { server: BenchServer | null; group: ClientGroup | null } = { server: null, group: null };
  const abort = (why: string, code: number): void => {
    progress(why);
    live.group?.destroy();
    live.server?.killNow();
    process.exit(code);
  };
  // Last resorts: the child and the temp folder never outlive us, whatever ends this process.
  process.once('exit', () => live.server?.killNow());
  process.once('SIGINT', () => abort('interrupted; server killed and files removed', 130));
  process.once('SIGTERM', () => abort('terminated; server killed and files removed', 143));
  const watchdog = setTimeout(() => abort(`the benchmark exceeded its cap of ${mode.capMs / 1000} s`, 1), mode.capMs);

  const started = performance.now();
  try {
    await buildClientIfStale(progress);
    progress(`starting the server (${mode.name} mode)`);
    const server = await startBenchServer();
    live.server = server;
    void server.crashed.then((why) => abort(why, 1));
    const account = await registerAccount(server);
    const results: RunResult[] = [];
    for (const clients of mode.clientCounts) {
      progress(`${clients} client${clients === 1 ? '' : 's'}`);
      results.push(await runOne(server, mode, account, clients, (group) => (live.group = group)));
    }
    console.log(report(mode, results));
    const renders: RenderResult[] = [];
    for (const [stages, touchpoints] of mode.boards) {
      progress(`board page with ${stages} stages and ${touchpoints} touchpoints`);
      renders.push(await measureBoardRender(server, account, stages, touchpoints));
    }
    console.log(`\n${renderReport(renders)}`);
    const complaints = serverComplaints(server.output());
    if (complaints.length > 0) progress(`the server printed:\n${complaints.slice(-20).join('\n')}`);
  } finally {
    clearTimeout(watchdog);
    live.group?.destroy();
    await live.server?.stop();
    live.server = null;
    progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

main().catch((error: unknown) => {
  progress(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exitCode = 1;
});
