/**
 * The Workers half of `npm run bench -- --export` (issue 14, "Measure"): the same boards as on Node
 * (bench/export-board.ts, same seed, same twelve members) written through the Workers build in
 * local workerd (bench/wrangler-dev.ts), then each board on a freshly started wrangler dev over the
 * same kept state folder (the board only in its Durable Object's SQLite, the isolate new): one first
 * export, then warm ones, timed as on Node (bench/export-measure.ts).
 *
 * Memory: the peak (VmHWM) of the workerd process that runs the Worker and every Durable Object
 * (the one wrangler starts with an inspector address), not the entry proxy's nor wrangler's own.
 * CPU: the whole wrangler tree's (both workerd processes: the file also passes through the proxy).
 * A board whose first export takes longer than `slowFirstMs` gets one warm export per option.
 */
import { readFileSync } from 'node:fs';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { processCpuMs, processRssKiB } from '../test/support/proc-stats.ts';
import { boardsAndPeople, type Member } from './comments-board.ts';
import { seedExportBoard, type ExportBoard } from './export-board.ts';
import { measureBoard, type BoardResult, type ExportServer, type Progress } from './export-measure.ts';
import { processTree, treeCpuMs } from './process-tree.ts';
import { startWranglerDev, type WranglerDev } from './wrangler-dev.ts';

type Track = (server: { killNow(): void }) => void;

/** Past this, the board's first export on Workers is slow enough to measure warm only once. */
const slowFirstMs = 60_000;

export interface WorkersExport {
  results: BoardResult[];
  /** What each board's seeding took, in s. */
  seedSeconds: number[];
  /** Warm exports per option for each board (fewer where the first export was slow). */
  runsPerBoard: number[];
}

/** The workerd process that runs the Worker: the one started with an inspector address. */
function workerProcess(wrangler: WranglerDev): number | undefined {
  const workerd = processTree(wrangler.pid()).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('workerd');
    } catch {
      return false;
    }
  });
  return workerd.find((pid) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('--inspector-addr')) ?? workerd.at(-1);
}

/** The export's view of a running wrangler dev: its address, the Worker's workerd for memory, the tree for CPU. */
function exportServer(wrangler: WranglerDev): ExportServer {
  let worker: number | undefined;
  const pid = () => (worker ??= workerProcess(wrangler));
  return { url: wrangler.url, pid, rssKiB: () => processRssKiB(pid()), cpuMs: () => treeCpuMs(wrangler.pid()) ?? processCpuMs(pid()) };
}

export async function workersExport(sizes: readonly number[], runs: number, progress: Progress, track: Track): Promise<WorkersExport> {
  const state = makeTempDir('common-ground-export-workerd-');
  let wrangler: WranglerDev | null = null;
  const start = async () => {
    wrangler = await startWranglerDev({ stateDir: state.path });
    track(wrangler);
    return wrangler;
  };
  try {
    progress(`export on Workers: boards of ${sizes.join(', ')} touchpoints in local workerd`);
    const seeding = await start();
    const target = { url: seeding.url, origin: seeding.origin, wsUrl: seeding.wsUrl };
    const { boardIds, people } = await boardsAndPeople(target, sizes.map((n) => `Outpatients, ${n} touchpoints`));
    const boards: ExportBoard[] = [];
    const seedSeconds: number[] = [];
    for (const [i, n] of sizes.entries()) {
      const seedStart = performance.now();
      boards.push(await seedExportBoard(target, boardIds[i]!, people, n));
      seedSeconds.push((performance.now() - seedStart) / 1000);
      progress(`export on Workers: seeded ${n} touchpoints in ${seedSeconds.at(-1)!.toFixed(1)} s`);
    }
    const member: Member = people.participants[0]!;
    const results: BoardResult[] = [];
    const runsPerBoard: number[] = [];
    for (const board of boards) {
      await wrangler!.stop();
      const server = exportServer(await start());
      let warmRuns = runs;
      results.push(await measureBoard(server, member, board, (cold) => (warmRuns = cold.fullMs > slowFirstMs ? 1 : runs), progress, 'Workers: '));
      runsPerBoard.push(warmRuns);
    }
    return { results, seedSeconds, runsPerBoard };
  } finally {
    await (wrangler as WranglerDev | null)?.stop();
    state.remove();
  }
}
