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
 * So the whole `--export` run stays within minutes on a busy machine, a board's warm rounds on Workers
 * stop once they have taken `EXPORT_WORKERS_BUDGET_S` (default 120) seconds, after at least one.
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

/** Warm rounds of one board stop once they have taken this long (at least one is made). */
const budgetMs = Number(process.env['EXPORT_WORKERS_BUDGET_S'] ?? 120) * 1000;

export interface WorkersExport {
  results: BoardResult[];
  /** What each board's seeding took, in s. */
  seedSeconds: number[];
  /** The warm rounds' budget per board, in s. */
  budgetSeconds: number;
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
    for (const board of boards) {
      await wrangler!.stop();
      const server = exportServer(await start());
      results.push(await measureBoard(server, member, board, runs, progress, 'Workers: ', budgetMs));
    }
    return { results, seedSeconds, budgetSeconds: budgetMs / 1000 };
  } finally {
    await (wrangler as WranglerDev | null)?.stop();
    state.remove();
  }
}
