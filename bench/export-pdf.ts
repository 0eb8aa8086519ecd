/**
 * `npm run bench -- --export` (issue 14, "Measure"): what a PDF export costs on the real Node server
 * (a child process, LibSQL file): boards of 20, 200 and 3,000 touchpoints (bench/export-board.ts,
 * written by real members on stock y-websocket clients), then each on a freshly started server
 * of its own (the board only on disk, no earlier board's heap counted): the first export (the
 * board loaded from the file), then warm exports
 * plain and with comments=1 taking turns — time to the answer's headers, first byte and whole file,
 * the server's CPU time, and its peak resident memory while exporting (Linux's VmHWM, reset before
 * each export through /proc/PID/clear_refs; sampled VmRSS where that is refused). Then several exports
 * of the largest board asked for at once, for memory that must stay bounded. Goal: 200 touchpoints
 * under 1 s.
 *
 * `EXPORT_SIZES` (default 20,200,3000) touchpoints per board, `EXPORT_RUNS` (default 5) warm
 * exports per board and option, `EXPORT_PARALLEL` (default 3, 0 for none) exports of the largest board
 * asked for at once (the server makes two at a time and tells the rest to try again).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { pdfInfo } from '../test/support/pdf-tools.ts';
import { boardsAndPeople, type Member } from './comments-board.ts';
import { seedExportBoard, type ExportBoard } from './export-board.ts';
import { startBenchServer, type BenchServer } from './server.ts';
import { count, markdownTable, ms } from './stats.ts';

const sizes = (process.env['EXPORT_SIZES'] ?? '20,200,3000').split(',').map(Number);
const runs = Number(process.env['EXPORT_RUNS'] ?? 5);
const parallel = Number(process.env['EXPORT_PARALLEL'] ?? 3);
const exportTimeoutMs = 300_000;

type Progress = (line: string) => void;
type Track = (server: { killNow(): void }) => void;

/** One export as the page's Download PDF link asks for it. */
export interface ExportRun {
  /** Request sent → status and headers in. */
  headersMs: number;
  /** Request sent → first byte of the file. */
  firstByteMs: number;
  /** Request sent → last byte of the file. */
  fullMs: number;
  bytes: number;
  /** The server's CPU time (all threads) over the export, or null. */
  serverCpuMs: number | null;
  /** The server's resident memory just before, and its high-water mark during, in KiB. */
  rssBeforeKiB: number | null;
  peakKiB: number | null;
  contentType: string | null;
  disposition: string | null;
  file: Uint8Array;
}

/** The server's peak resident memory over a span: VmHWM reset first where Linux lets us, else VmRSS sampled every 5 ms. */
function peakMeter(pid: number): { stop(): number | null; method: string } {
  const status = () => readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name: string) => {
    const match = new RegExp(`${name}:\\s+(\\d+) kB`).exec(status());
    return match ? Number(match[1]) : null;
  };
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return { method: 'VmHWM', stop: () => field('VmHWM') };
  } catch {
    let peak = field('VmRSS') ?? 0;
    const timer = setInterval(() => (peak = Math.max(peak, field('VmRSS') ?? 0)), 5);
    return {
      method: 'VmRSS every 5 ms',
      stop: () => {
        clearInterval(timer);
        return Math.max(peak, field('VmRSS') ?? 0);
      },
    };
  }
}

let meterMethod = '';

/** The export's address for a board and its choices. */
const exportPath = (boardId: string, query: string) => `/api/boards/${boardId}/export.pdf${query ? `?${query}` : ''}`;

/** Fetches one export to its last byte, timing it and reading the server's CPU and memory around it. */
export async function timeExport(server: BenchServer, member: Member, boardId: string, query: string): Promise<ExportRun> {
  const pid = server.pid();
  if (pid === undefined) throw new Error('the server is not running');
  const rssBeforeKiB = server.rssKiB();
  const meter = peakMeter(pid);
  meterMethod = meter.method;
  const cpuBefore = server.cpuMs();
  const started = performance.now();
  const response = await fetch(`${server.url}${exportPath(boardId, query)}`, { headers: { cookie: member.cookie }, signal: AbortSignal.timeout(exportTimeoutMs) });
  const headersMs = performance.now() - started;
  if (response.status !== 200) {
    const body = await response.text();
    meter.stop();
    throw new Error(`GET ${exportPath(boardId, query)} answered ${response.status}${response.status === 404 ? ' (is the export route in this checkout yet?)' : ''}: ${body.slice(0, 300)}`);
  }
  const chunks: Uint8Array[] = [];
  let firstByteMs = Number.NaN;
  const reader = response.body!.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (chunks.length === 0) firstByteMs = performance.now() - started;
    chunks.push(value);
  }
  const fullMs = performance.now() - started;
  const cpuAfter = server.cpuMs();
  const peakKiB = meter.stop();
  const file = new Uint8Array(Buffer.concat(chunks));
  const head = Buffer.from(file.subarray(0, 5)).toString('latin1');
  const tail = Buffer.from(file.subarray(-1024)).toString('latin1');
  if (head !== '%PDF-' || !tail.includes('%%EOF')) throw new Error(`the export of ${boardId} (${query || 'no options'}) is not a whole PDF: starts ${JSON.stringify(head)}, ${file.length} bytes`);
  return {
    headersMs,
    firstByteMs,
    fullMs,
    bytes: file.length,
    serverCpuMs: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore,
    rssBeforeKiB,
    peakKiB,
    contentType: response.headers.get('content-type'),
    disposition: response.headers.get('content-disposition'),
    file,
  };
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const mib = (kib: number | null) => (kib === null ? '–' : (kib / 1024).toFixed(0));
const range = (values: readonly number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

interface BoardResult {
  board: ExportBoard;
  /** The server's resident memory once started, before the board's first export. */
  idleKiB: number | null;
  cold: ExportRun;
  warm: Record<string, ExportRun[]>;
  pages: Record<string, number>;
}

/** The exports of one board: the first (cold) plain, then the options taking turns. */
async function measureBoard(server: BenchServer, member: Member, board: ExportBoard, progress: Progress): Promise<BoardResult> {
  const options = ['', 'comments=1'];
  const idleKiB = server.rssKiB();
  const cold = await timeExport(server, member, board.boardId, '');
  progress(`  ${board.touchpoints} touchpoints, first export: ${ms(cold.fullMs)} ms, ${count(cold.bytes / 1000)} KB, peak ${mib(cold.peakKiB)} MiB`);
  const warm: Record<string, ExportRun[]> = Object.fromEntries(options.map((o) => [o, []]));
  const last: Record<string, Uint8Array> = { '': cold.file };
  for (let run = 0; run < runs; run++) {
    for (const option of run % 2 === 0 ? options : [...options].reverse()) {
      const result = await timeExport(server, member, board.boardId, option);
      warm[option]!.push({ ...result, file: new Uint8Array() });
      last[option] = result.file;
      progress(`  ${board.touchpoints} touchpoints, ${option || 'plain'}, run ${run + 1}/${runs}: ${ms(result.fullMs)} ms, peak ${mib(result.peakKiB)} MiB`);
    }
  }
  const pages: Record<string, number> = {};
  for (const [option, file] of Object.entries(last)) pages[option] = (await pdfInfo(file)).pages;
  return { board, idleKiB, cold: { ...cold, file: new Uint8Array() }, warm, pages };
}

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

export async function exportSection(progress: Progress, track: Track): Promise<string> {
  const data = makeTempDir('common-ground-export-');
  const server = await startBenchServer({ dataDir: data.path });
  track(server);
  const loadBefore = loadavg()[0]!;
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
      results.push(await measureBoard(server, member, board, progress));
    }
    const largest = boards.at(-1)!;
    let together: Awaited<ReturnType<typeof measureParallel>> | null = null;
    if (parallel > 0) {
      await server.stop();
      await server.start();
      // One export first, so the board is loaded and the font parsed as on a server in use.
      await timeExport(server, member, largest.boardId, '');
      together = await measureParallel(server, member, largest);
      progress(`export: ${parallel} × ${largest.touchpoints} touchpoints at once: ${together.fullMs.map(ms).join(', ')} ms, ${together.busy} told to try again, peak ${mib(together.peakKiB)} MiB`);
    }
    const loadAfter = loadavg()[0]!;

    const rows: string[][] = [];
    for (const result of results) {
      const { board } = result;
      for (const [option, list] of Object.entries(result.warm)) {
        const plain = option === '';
        rows.push([
          count(board.touchpoints),
          `${board.stages} / ${count(board.feelings)} / ${count(plain ? 0 : board.comments)}`,
          plain ? 'plain' : option,
          String(result.pages[option] ?? '–'),
          count(median(list.map((r) => r.bytes)) / 1000),
          plain ? ms(result.cold.fullMs) : '–',
          ms(median(list.map((r) => r.firstByteMs))),
          `**${ms(median(list.map((r) => r.fullMs)))}** (${range(list.map((r) => r.fullMs))})`,
          ms(median(list.map((r) => r.serverCpuMs ?? Number.NaN))),
          plain ? `${mib(result.idleKiB)} → ${mib(result.cold.peakKiB)}` : '–',
          `${mib(Math.min(...list.map((r) => r.rssBeforeKiB ?? Number.NaN)))} → ${mib(Math.max(...list.map((r) => r.peakKiB ?? Number.NaN)))}`,
        ]);
      }
    }
    const goal = results.find((r) => r.board.touchpoints === 200);
    const goalMs = goal ? median(goal.warm['']!.map((r) => r.fullMs)) : null;
    const first = results[0]!.cold;
    return [
      `### PDF export on the Node server — ${runs} warm exports per board and option (median (range)), after one first export of the board from disk`,
      '',
      markdownTable(
        ['touchpoints', 'stages / feelings / comments in it', 'options', 'pages', 'file (KB)', 'first export: whole file (ms)', 'first byte (ms)', 'whole file (ms)', 'server CPU (ms)', 'server RSS: started → peak of first export (MiB)', 'server RSS: lowest before → highest peak, warm (MiB)'],
        rows,
        3,
      ),
      '',
      together
        ? `${parallel} exports of the ${count(largest.touchpoints)}-touchpoint board asked for at once (after one export on a fresh server): ${together.fullMs.length} made, whole files in ${together.fullMs.map(ms).join(', ')} ms; ${together.busy} answered 503 (Retry-After: ${together.retryAfter ?? 'none'}); server RSS ${mib(together.rssBeforeKiB)} MiB before, peak ${mib(together.peakKiB)} MiB.`
        : '',
      `Each board on a freshly started server (the board only on disk). Peak memory read as ${meterMethod}. Load average (1 min) ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end, on ${cpus().length} cores. Answer: \`${first.contentType}\`, \`${first.disposition}\`.`,
      goalMs === null ? '' : `Goal (issue 14): 200 touchpoints under 1 s — ${ms(goalMs)} ms at the median: ${goalMs < 1000 ? 'met' : 'NOT met'}.`,
    ]
      .filter((line, i, all) => line !== '' || all[i - 1] !== '')
      .join('\n');
  } finally {
    await server.stop();
    data.remove();
  }
}
