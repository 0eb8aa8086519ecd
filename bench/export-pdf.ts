/**
 * `npm run bench -- --export` (issue 14, "Measure"): what a PDF export costs, on the real Node server
 * (a child process, LibSQL file) and on the Workers build in local workerd (bench/export-workers.ts):
 * boards of 20, 200 and 3,000 touchpoints (bench/export-board.ts, written by real members on stock
 * y-websocket clients), then each on a freshly started server of its own (the board only on disk,
 * no earlier board's heap counted): the first export (the board loaded from storage), then warm
 * exports plain and with comments=1 taking turns — time to the answer's headers, first byte and
 * whole file, the server's CPU time, and its peak resident memory while exporting
 * (bench/export-measure.ts). Then, on Node, several exports of the largest board asked for at once,
 * for memory that must stay bounded. Both runtimes in one table. Goal: 200 touchpoints under 1 s.
 *
 * `EXPORT_SIZES` (default 20,200,3000) touchpoints per board, `EXPORT_RUNS` (default 5) warm
 * exports per board and option, `EXPORT_PARALLEL` (default 3, 0 for none) exports of the largest board
 * asked for at once (the server makes two at a time and tells the rest to try again),
 * `EXPORT_WORKERS=0` leaves the Workers build out.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { boardsAndPeople, type Member } from './comments-board.ts';
import { seedExportBoard, type ExportBoard } from './export-board.ts';
import { exportPath, measureBoard, meterMethod, median, mib, peakMeter, range, timeExport, type BoardResult, type Progress } from './export-measure.ts';
import { workersExport, type WorkersExport } from './export-workers.ts';
import { startBenchServer, type BenchServer } from './server.ts';
import { count, markdownTable, ms } from './stats.ts';

const sizes = (process.env['EXPORT_SIZES'] ?? '20,200,3000').split(',').map(Number);
const runs = Number(process.env['EXPORT_RUNS'] ?? 5);
const parallel = Number(process.env['EXPORT_PARALLEL'] ?? 3);
const withWorkers = process.env['EXPORT_WORKERS'] !== '0';
const exportTimeoutMs = 300_000;

type Track = (server: { killNow(): void }) => void;
type Together = Awaited<ReturnType<typeof measureParallel>>;

/** Several exports of one board at once: which were made (the server makes a few at once and answers 503 to more), their times, and the server's peak meanwhile. */
async function measureParallel(server: BenchServer, member: Member, board: ExportBoard): Promise<{ fullMs: number[]; busy: number; retryAfter: string | null; peakKiB: number | null; rssBeforeKiB: number | null }> {
  const rssBeforeKiB = server.rssKiB();
  const meter = peakMeter(server.pid()!);
  // Each meter of timeExport would reset the mark the others read; these are timed here instead.
  const answers = await Promise.all(
    Array.from({ length: parallel }, async () => {
      const started = performance.now();
      const response = await fetch(`${server.url}${exportPath(board.boardId, '')}`, { headers: { cookie: member.cookie }, signal: AbortSignal.timeout(exportTimeoutMs) });
      const body = await response.arrayBuffer();
      if (response.status === 503) return { busy: true as const, retryAfter: response.headers.get('retry-after') };
      if (response.status !== 200 || body.byteLength === 0) throw new Error(`an export made beside others answered ${response.status} with ${body.byteLength} bytes`);
      return { busy: false as const, ms: performance.now() - started };
    }),
  );
  const made = answers.flatMap((answer) => (answer.busy ? [] : [answer.ms]));
  const busy = answers.filter((answer) => answer.busy);
  return { fullMs: made, busy: busy.length, retryAfter: busy[0]?.retryAfter ?? null, peakKiB: meter.stop(), rssBeforeKiB };
}

/** The Node half: the boards written through one server, then each measured on a fresh one, then the parallel exports. */
async function nodeExport(progress: Progress, track: Track): Promise<{ results: BoardResult[]; together: Together | null }> {
  const data = makeTempDir('common-ground-export-');
  const server = await startBenchServer({ dataDir: data.path });
  track(server);
  try {
    progress(`export: boards of ${sizes.join(', ')} touchpoints, twelve members`);
    const { boardIds, people } = await boardsAndPeople(server, sizes.map((n) => `Outpatients, ${count(n)} touchpoints`));
    const boards: ExportBoard[] = [];
    for (const [i, n] of sizes.entries()) {
      const seedStart = performance.now();
      boards.push(await seedExportBoard(server, boardIds[i]!, people, n));
      progress(`export: seeded ${n} touchpoints in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);
    }
    // From here each board is measured on a freshly started server, the board only on disk: its
    // first export loads it as a board nobody has open, and no earlier board's heap is counted.
    const member = people.participants[0]!;
    const results: BoardResult[] = [];
    for (const board of boards) {
      await server.stop();
      await server.start();
      results.push(await measureBoard(server, member, board, runs, progress, 'Node: '));
    }
    const largest = boards.at(-1)!;
    let together: Together | null = null;
    if (parallel > 0) {
      await server.stop();
      await server.start();
      // One export first, so the board is loaded and the font parsed as on a server in use.
      await timeExport(server, member, largest.boardId, '');
      together = await measureParallel(server, member, largest);
      progress(`export: ${parallel} × ${largest.touchpoints} touchpoints at once: ${together.fullMs.map(ms).join(', ')} ms, ${together.busy} told to try again, peak ${mib(together.peakKiB)} MiB`);
    }
    return { results, together };
  } finally {
    await server.stop();
    data.remove();
  }
}

/** One table row per board, option and runtime. */
function rowsOf(runtime: string, result: BoardResult, option: string): string[] {
  const { board } = result;
  const list = result.warm[option]!;
  const plain = option === '';
  const whole = list.map((r) => r.fullMs);
  return [
    count(board.touchpoints),
    `${board.stages} / ${count(board.feelings)} / ${count(plain ? 0 : board.comments)}`,
    plain ? 'plain' : option,
    runtime,
    String(result.pages[option] ?? '–'),
    count(median(list.map((r) => r.bytes)) / 1000),
    plain ? ms(result.cold.fullMs) : '–',
    ms(median(list.map((r) => r.firstByteMs))),
    whole.length === 1 ? `**${ms(whole[0]!)}** (1 run)` : `**${ms(median(whole))}** (${range(whole)})`,
    ms(median(list.map((r) => r.serverCpuMs ?? Number.NaN))),
    plain ? `${mib(result.idleKiB)} → ${mib(result.cold.peakKiB)}` : '–',
    `${mib(Math.min(...list.map((r) => r.rssBeforeKiB ?? Number.NaN)))} → ${mib(Math.max(...list.map((r) => r.peakKiB ?? Number.NaN)))}`,
  ];
}

const goalLine = (runtime: string, results: readonly BoardResult[]): string => {
  const goal = results.find((r) => r.board.touchpoints === 200);
  if (!goal) return '';
  const goalMs = median(goal.warm['']!.map((r) => r.fullMs));
  return `${runtime}: ${ms(goalMs)} ms at the median (${goalMs < 1000 ? 'met' : 'NOT met'}), ${ms(goal.cold.fullMs)} ms as the first export after a start.`;
};

export async function exportSection(progress: Progress, track: Track): Promise<string> {
  const loadBefore = loadavg()[0]!;
  const started = performance.now();
  const node = await nodeExport(progress, track);
  const nodeSeconds = (performance.now() - started) / 1000;
  const loadBetween = loadavg()[0]!;
  const workers: WorkersExport | null = withWorkers ? await workersExport(sizes, runs, progress, track) : null;
  const workersSeconds = (performance.now() - started) / 1000 - nodeSeconds;
  const loadAfter = loadavg()[0]!;

  const rows: string[][] = [];
  for (const [i, result] of node.results.entries()) {
    for (const option of Object.keys(result.warm)) {
      rows.push(rowsOf('Node', result, option));
      const other = workers?.results[i];
      if (other) rows.push(rowsOf('Workers', other, option));
    }
  }
  const largest = node.results.at(-1)!.board;
  const { together } = node;
  const first = node.results[0]!.cold;
  const cut = workers ? workers.results.filter((r) => r.warm['']!.length < runs).map((r) => `${r.warm['']!.length} of ${runs} for the ${count(r.board.touchpoints)}-touchpoint board`) : [];
  const pagesDiffer = workers ? node.results.flatMap((r, i) => Object.entries(r.pages).filter(([option, pages]) => workers.results[i]?.pages[option] !== pages).map(([option]) => `${count(r.board.touchpoints)} ${option || 'plain'}`)) : [];
  return [
    `### PDF export — ${runs} warm exports per board and option (median (range)), after one first export of the board from storage${workers ? ', on Node and on the Workers build in local workerd' : ' (Node only: EXPORT_WORKERS=0)'}`,
    '',
    markdownTable(
      ['touchpoints', 'stages / feelings / comments in it', 'options', 'runtime', 'pages', 'file (KB)', 'first export: whole file (ms)', 'first byte (ms)', 'whole file (ms)', 'server CPU (ms)', 'server RSS: started → peak of first export (MiB)', 'server RSS: lowest before → highest peak, warm (MiB)'],
      rows,
      4,
    ),
    '',
    together
      ? `Node: ${parallel} exports of the ${count(largest.touchpoints)}-touchpoint board asked for at once (after one export on a fresh server): ${together.fullMs.length} made, whole files in ${together.fullMs.map(ms).join(', ')} ms; ${together.busy} answered 503 (Retry-After: ${together.retryAfter ?? 'none'}); server RSS ${mib(together.rssBeforeKiB)} MiB before, peak ${mib(together.peakKiB)} MiB.`
      : '',
    workers
      ? `Workers: wrangler dev in local workerd, each board on a freshly started wrangler over the kept state (the board only in its Durable Object's SQLite); seeding took ${workers.seedSeconds.map((s) => `${s.toFixed(0)} s`).join(', ')}. Server RSS is the workerd process that runs the Worker and its Durable Objects (not the entry proxy's nor wrangler's); CPU is the whole wrangler tree's. Warm rounds per board stop after ${workers.budgetSeconds} s${cut.length > 0 ? `: ${cut.join(', ')}` : ' (none cut short)'}.${pagesDiffer.length > 0 ? ` Page counts differ from Node's: ${pagesDiffer.join(', ')}.` : ''}`
      : '',
    `Each board on a freshly started server (the board only in storage). Peak memory read as ${meterMethod}. Node half ${nodeSeconds.toFixed(0)} s${workers ? `, Workers half ${workersSeconds.toFixed(0)} s` : ''}. Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadBetween.toFixed(1)} between Node and Workers, ${loadAfter.toFixed(1)} at the end, on ${cpus().length} cores. Answer: \`${first.contentType}\`, \`${first.disposition}\`.`,
    sizes.includes(200) ? `Goal (issue 14): 200 touchpoints under 1 s, warm. ${goalLine('Node', node.results)}${workers ? ` ${goalLine('Workers', workers.results)}` : ''}` : '',
  ]
    .filter((line, i, all) => line !== '' || all[i - 1] !== '')
    .join('\n');
}
