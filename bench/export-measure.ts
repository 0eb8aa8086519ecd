/**
 * How `npm run bench -- --export` times one PDF export and reads the server around it (issue 14),
 * whichever runtime serves it (the Node server, bench/export-pdf.ts; the Workers build in local
 * workerd, bench/export-workers.ts): the file fetched to its last byte as a member, time to headers,
 * first byte and whole file, the server's CPU time, and its peak resident memory while exporting
 * (Linux's VmHWM, reset before each export through /proc/PID/clear_refs; sampled VmRSS where that is
 * refused). `measureBoard` makes one board's first export and then its warm ones.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pdfInfo } from '../test/support/pdf-tools.ts';
import type { Member } from './comments-board.ts';
import type { ExportBoard } from './export-board.ts';
import { count, ms } from './stats.ts';

export type Progress = (line: string) => void;

const exportTimeoutMs = 300_000;

/** What an export is asked of and measured on: an address and the process whose memory counts. */
export interface ExportServer {
  url: string;
  /** The process whose peak memory is read (Node: the server; workerd: the process running the Worker). */
  pid(): number | undefined;
  rssKiB(): number | null;
  /** CPU time of everything that serves the request, in ms, or null. */
  cpuMs(): number | null;
}

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
export function peakMeter(pid: number): { stop(): number | null; method: string } {
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

/** How the last peak was read ("VmHWM" or the sampled fallback), for the report. */
export let meterMethod = '';

/** The export's address for a board and its choices. */
export const exportPath = (boardId: string, query: string) => `/api/boards/${boardId}/export.pdf${query ? `?${query}` : ''}`;

/** Fetches one export to its last byte, timing it and reading the server's CPU and memory around it. */
export async function timeExport(server: ExportServer, member: Member, boardId: string, query: string): Promise<ExportRun> {
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

export const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
export const mib = (kib: number | null) => (kib === null || !Number.isFinite(kib) ? '–' : (kib / 1024).toFixed(0));
export const range = (values: readonly number[]) => `${ms(Math.min(...values))}–${ms(Math.max(...values))}`;

export interface BoardResult {
  board: ExportBoard;
  /** The server's resident memory once started, before the board's first export. */
  idleKiB: number | null;
  cold: ExportRun;
  warm: Record<string, ExportRun[]>;
  pages: Record<string, number>;
}

/**
 * The exports of one board: the first (cold) plain, then `runs` rounds of each option taking turns —
 * fewer when the warm rounds so far have taken more than `budgetMs` (always at least one).
 */
export async function measureBoard(server: ExportServer, member: Member, board: ExportBoard, runs: number, progress: Progress, label = '', budgetMs = Number.POSITIVE_INFINITY): Promise<BoardResult> {
  const options = ['', 'comments=1'];
  const idleKiB = server.rssKiB();
  const cold = await timeExport(server, member, board.boardId, '');
  progress(`  ${label}${board.touchpoints} touchpoints, first export: ${ms(cold.fullMs)} ms, ${count(cold.bytes / 1000)} KB, peak ${mib(cold.peakKiB)} MiB`);
  const warmStart = performance.now();
  const warm: Record<string, ExportRun[]> = Object.fromEntries(options.map((o) => [o, []]));
  const last: Record<string, Uint8Array> = { '': cold.file };
  for (let run = 0; run < runs; run++) {
    if (run > 0 && performance.now() - warmStart > budgetMs) {
      progress(`  ${label}${board.touchpoints} touchpoints: ${run} warm round${run === 1 ? '' : 's'} took ${((performance.now() - warmStart) / 1000).toFixed(0)} s, over the ${(budgetMs / 1000).toFixed(0)} s budget: no more`);
      break;
    }
    for (const option of run % 2 === 0 ? options : [...options].reverse()) {
      const result = await timeExport(server, member, board.boardId, option);
      warm[option]!.push({ ...result, file: new Uint8Array() });
      last[option] = result.file;
      progress(`  ${label}${board.touchpoints} touchpoints, ${option || 'plain'}, run ${run + 1}/${runs}: ${ms(result.fullMs)} ms, peak ${mib(result.peakKiB)} MiB`);
    }
  }
  const pages: Record<string, number> = {};
  for (const [option, file] of Object.entries(last)) pages[option] = (await pdfInfo(file)).pages;
  return { board, idleKiB, cold: { ...cold, file: new Uint8Array() }, warm, pages };
}
