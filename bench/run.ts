/**
 * `npm run bench [-- --quick] [--targets=common-ground,hocuspocus,y-websocket-server,common-ground-workers]
 * [--baseline=REF [--baseline-first]]` (or one of the extra sections `--load`, `--crash`, `--cold`, `--fuzz`,
 * `--signin`, `--first-load`, `--idle`, `--guard`, `--comments`, `--export`, see extras.ts): the same sync workloads against the
 * servers, each in its own child process — Common Ground (LibSQL file, committed before relay),
 * Hocuspocus (SQLite file, debounced store) and @y/websocket-server (memory only) by default; the
 * Workers build in local workerd (`common-ground-workers`) when named; with `--baseline=REF` also
 * Common Ground as commit REF built it (targets/common-ground-baseline.ts), for a before/after in
 * one run (the load part skips it) — with the same
 * unmodified y-websocket clients: relay latency and throughput in one room with 1, 10, 50 and 100
 * clients (the servers taking turns at each count), then 100 rooms × 10 clients on each. The board page in Chromium is measured on Common Ground
 * only. Prints markdown on stdout (progress on stderr) and cleans up after itself, also on
 * failure, Ctrl-C or the overall time cap. See docs/BENCHMARKS.md for how to read the figures.
 */
import { performance } from 'node:perf_hooks';
import { buildClientIfStale } from '../scripts/build-client.ts';
import { clientJsGzipBytes, measureBoardRender, type RenderResult } from './board-render.ts';
import { connectGroup, type ClientGroup } from './clients.ts';
import { loadReport, syncReport, type SyncRun, type TargetRuns } from './comparison-report.ts';
import { extraFlags, runExtras } from './extras.ts';
import { loadPassed, runLoad, type LoadResult } from './load.ts';
import { measureRelayLatency } from './relay-latency.ts';
import { count, markdownTable, ms } from './stats.ts';
import { startCommonGround, type CommonGroundTarget } from './targets/common-ground.ts';
import { resolveCommit, startCommonGroundAt } from './targets/common-ground-baseline.ts';
import { workersTargetName } from './targets/common-ground-workers.ts';
import { ensurePeersInstalled } from './targets/peers-install.ts';
import { startTarget } from './targets/start-target.ts';
import { defaultTargets, targetNames, targetSlugs, type RunningTarget, type TargetName } from './targets/types.ts';
import { measureThroughput } from './throughput.ts';

/** What one mode measures; quick keeps every client count but types far fewer words. */
interface BenchMode {
  name: 'quick' | 'full';
  clientCounts: number[];
  latencyEdits: number;
  /** 10 ms: 100 words a second in the room, a busy workshop where many people type at once. */
  intervalMs: number;
  throughputEdits: number;
  /** Board sizes opened in Chromium (Common Ground only): [stages, touchpoints in all]. */
  boards: [number, number][];
  /** Rooms × clients of the load part, and edits per room in it. */
  load: { rooms: number; perRoom: number; editsPerRoom: number };
  /** Hard cap on the whole run; past it the benchmark kills the servers and exits 1. */
  capMs: number;
}

const modes: Record<BenchMode['name'], BenchMode> = {
  quick: {
    name: 'quick', clientCounts: [1, 10, 50, 100], latencyEdits: 100, intervalMs: 10, throughputEdits: 300,
    boards: [[30, 500]], load: { rooms: 100, perRoom: 10, editsPerRoom: 3 }, capMs: 280_000,
  },
  full: {
    name: 'full', clientCounts: [1, 10, 50, 100], latencyEdits: 500, intervalMs: 10, throughputEdits: 2000,
    boards: [[30, 500], [30, 3000]], load: { rooms: 100, perRoom: 10, editsPerRoom: 3 }, capMs: 900_000,
  },
};

/** Cap on one group connecting and syncing, and on draining one measurement. */
const defaultStepTimeoutMs = 60_000;

/** The servers asked for with `--targets=common-ground,hocuspocus` (default: the Node server and both peers). */
function parseTargets(args: readonly string[]): TargetName[] {
  const arg = args.find((a) => a.startsWith('--targets='));
  if (!arg) return [...defaultTargets];
  const wanted = arg.slice('--targets='.length).split(',');
  const known = targetNames.map((name) => targetSlugs[name]);
  const unknown = wanted.filter((w) => !known.includes(w));
  if (unknown.length > 0) throw new Error(`unknown target(s): ${unknown.join(', ')} (known: ${known.join(', ')})`);
  return targetNames.filter((name) => wanted.includes(targetSlugs[name]));
}

/** The commit of `--baseline=REF`, short, or null. */
function parseBaseline(args: readonly string[]): string | null {
  const arg = args.find((a) => a.startsWith('--baseline='));
  return arg ? resolveCommit(arg.slice('--baseline='.length)) : null;
}

function parseMode(args: readonly string[]): BenchMode {
  const unknown = args.filter((arg) => arg !== '--quick' && arg !== '--baseline-first' && !arg.startsWith('--targets=') && !arg.startsWith('--baseline='));
  if (unknown.length > 0) throw new Error(`unknown argument(s): ${unknown.join(' ')} (only --quick, --targets=…, --baseline=…, --baseline-first, --load, --crash, --cold, --fuzz, --signin, --first-load, --idle, --guard, --comments and --export are understood)`);
  return args.includes('--quick') ? modes.quick : modes.full;
}

/** One server to start: a named target, or Common Ground at another commit. */
type TargetSpec = { name: TargetName } | { commit: string };

/**
 * The targets in running order, the baseline right after Common Ground — or right before it with
 * `--baseline-first`: the turns rotate by client count, so with two targets the same one goes
 * first at a given count in every run; a second run with the flag swaps them.
 */
function targetSpecs(names: TargetName[], baseline: string | null, baselineFirst: boolean): TargetSpec[] {
  const specs: TargetSpec[] = names.map((name) => ({ name }));
  if (baseline !== null) specs.splice(names.indexOf('Common Ground') + (baselineFirst ? 0 : 1), 0, { commit: baseline });
  return specs;
}

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** One client count on one server: a fresh room, N clients, both measurements, then they leave. */
async function runOne(target: RunningTarget, mode: BenchMode, clients: number, track: (group: ClientGroup | null) => void): Promise<SyncRun> {
  const stepTimeoutMs = target.stepTimeoutMs ?? defaultStepTimeoutMs;
  const address = await target.openRoom(`Bench with ${clients} clients`);
  const joinStart = performance.now();
  const group = await connectGroup({ address, displayName: 'Bench', count: clients, timeoutMs: stepTimeoutMs });
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
      serverCpuMs: target.cpuMs,
    });
    progress(`  burst of ${mode.throughputEdits} words`);
    const throughput = await measureThroughput({
      clients: group.clients,
      edits: mode.throughputEdits,
      seed: 1000 + clients,
      timeoutMs: stepTimeoutMs,
      serverCpuMs: target.cpuMs,
    });
    const rssKiB = target.rssKiB();
    if (group.disconnects() > 0) throw new Error(`${group.disconnects()} sockets closed during the run with ${clients} clients on ${target.name}`);
    return { clients, joinMs, latency, throughput, rssKiB };
  } finally {
    group.destroy();
    track(null);
  }
}

function renderReport(results: RenderResult[]): string {
  const rows = results.map((r) => [String(r.stages), count(r.touchpoints), ms(r.openMs), String(r.cardsTouched)]);
  return [
    '### The board page in Chromium (Common Ground)',
    '',
    markdownTable(['stages', 'touchpoints', 'open: navigation → every card shown (ms)', 'cards re-rendered by one remote title edit'], rows),
    '',
    `Client JavaScript: ${count(Math.round(clientJsGzipBytes() / 1024))} KB gzipped (budget 120 KB).`,
  ].join('\n');
}

/** Lines a server printed besides its start and stop messages: warnings worth reading. */
function serverComplaints(output: string): string[] {
  return output.split('\n').filter((line) => line.trim() !== '' && !/^listening on |: saving and stopping$/.test(line));
}

/**
 * The sync workloads on all servers at once, interleaved: for each client count every server
 * takes its turn, the order rotating, so a slow spell of this shared VM or a position in the
 * sequence falls on no server in particular. Idle servers wait in their own processes. Then the
 * board page on Common Ground.
 */
async function runTargets(specs: TargetSpec[], mode: BenchMode, live: Live, renders: RenderResult[]): Promise<TargetRuns[]> {
  const started: RunningTarget[] = [];
  let common: CommonGroundTarget | null = null;
  try {
    for (const spec of specs) {
      progress(`${'name' in spec ? spec.name : `Common Ground @${spec.commit}`}: starting (${mode.name} mode)`);
      const target =
        'commit' in spec
          ? await startCommonGroundAt(spec.commit)
          : spec.name === 'Common Ground'
            ? (common = await startCommonGround())
            : await startTarget(spec.name);
      started.push(target);
      live.targets.add(target);
      void target.crashed.then((why) => live.abort(why, 1));
    }
    const results = started.map((target): TargetRuns => ({ name: target.name, durability: target.durability, runs: [] }));
    for (const [round, clients] of mode.clientCounts.entries()) {
      for (let turn = 0; turn < started.length; turn++) {
        const index = (round + turn) % started.length;
        const target = started[index]!;
        progress(`${target.name}: ${clients} client${clients === 1 ? '' : 's'}`);
        results[index]!.runs.push(await runOne(target, mode, clients, (group) => (live.group = group)));
      }
    }
    if (common) {
      const account = await common.account();
      for (const [stages, touchpoints] of mode.boards) {
        progress(`Common Ground: board page with ${stages} stages and ${touchpoints} touchpoints`);
        renders.push(await measureBoardRender(common.server, account, stages, touchpoints));
      }
    }
    return results;
  } finally {
    for (const target of started) {
      const complaints = serverComplaints(target.output());
      if (complaints.length > 0) progress(`${target.name} printed:\n${complaints.slice(-20).join('\n')}`);
    }
    for (const target of started) {
      await target.stop();
      live.targets.delete(target);
    }
  }
}

/** What is alive right now, for the exits; emptied as things are cleaned up. */
interface Live {
  targets: Set<RunningTarget>;
  group: ClientGroup | null;
  abort(why: string, code: number): void;
}

async function main(): Promise<void> {
  // `--load` / `--crash` / `--cold` run only those long sections (bench/extras.ts), not the quick/full set.
  const extras = process.argv.slice(2).filter((arg) => (extraFlags as readonly string[]).includes(arg));
  if (extras.length > 0) return runExtras(extras);
  const mode = parseMode(process.argv.slice(2));
  const names = parseTargets(process.argv.slice(2));
  const specs = targetSpecs(names, parseBaseline(process.argv.slice(2)), process.argv.includes('--baseline-first'));
  // Every y-websocket provider adds a process 'exit' listener in Node; the load part opens 1,000.
  process.setMaxListeners(mode.load.rooms * mode.load.perRoom + 100);
  const live: Live = {
    targets: new Set(),
    group: null,
    abort(why, code) {
      progress(why);
      live.group?.destroy();
      live.targets.forEach((target) => target.killNow());
      process.exit(code);
    },
  };
  // Last resorts: no child and no temp folder outlives us, whatever ends this process.
  process.once('exit', () => live.targets.forEach((target) => target.killNow()));
  process.once('SIGINT', () => live.abort('interrupted; servers killed and files removed', 130));
  process.once('SIGTERM', () => live.abort('terminated; servers killed and files removed', 143));
  // Each server beyond the usual three gets more: workerd alone takes ~60 s in quick mode.
  const capMs = mode.capMs + Math.max(0, specs.length - 3) * 90_000 + (names.includes(workersTargetName) ? 180_000 : 0);
  const watchdog = setTimeout(() => live.abort(`the benchmark exceeded its cap of ${capMs / 1000} s`, 1), capMs);

  const started = performance.now();
  try {
    await buildClientIfStale(progress);
    // Before any clock starts: the first run on a machine builds better-sqlite3 (about a minute).
    await ensurePeersInstalled(progress);
    const renders: RenderResult[] = [];
    const targets = await runTargets(specs, mode, live, renders);
    console.log(syncReport(mode, targets));
    if (renders.length > 0) console.log(`\n${renderReport(renders)}`);

    const { rooms, perRoom, editsPerRoom } = mode.load;
    const loads: LoadResult[] = [];
    for (const name of names) {
      progress(`${name}: load, ${rooms} rooms × ${perRoom} clients`);
      loads.push(await runLoad(name, { rooms, perRoom, editsPerRoom, seed: 1000, stepTimeoutMs: name === workersTargetName ? 180_000 : defaultStepTimeoutMs, track: (target) => live.targets.add(target), progress }));
    }
    console.log(`\n${loadReport(loads)}`);
    if (!loads.every(loadPassed)) process.exitCode = 1;
  } finally {
    clearTimeout(watchdog);
    live.group?.destroy();
    for (const target of live.targets) await target.stop();
    live.targets.clear();
    progress(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}

/**
 * Ends the process once the report has left: a client or timer left behind by a failed section must
 * not keep the run (and the bench lock) alive, and stdout to a pipe may still be draining.
 */
const exitAfterOutput = (code?: number): void => {
  process.stdout.write('', () => process.exit(code));
};

main().then(
  () => exitAfterOutput(),
  (error: unknown) => {
    progress(`benchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitAfterOutput(1);
  },
);
