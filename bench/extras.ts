/**
 * The sections `npm run bench` runs only when asked, because they take long or load the machine:
 * `--load` (100 rooms × 10 clients on each of the three servers, as in the main run), `--crash` (the crash loop at full size, 20
 * clients × 20 SIGKILLs), `--cold` (cold load of a B4-sized board and ten times that) and
 * `--fuzz` (100,000 bad frames at a child server, its RSS read from /proc), `--signin` (sign-in
 * latency while 60 guests add credentials at once, bench/sign-in-under-probes.ts), `--first-load`
 * (invite link, board link and reload in Chromium on an emulated slow connection,
 * bench/first-load.ts), `--idle` (wakes of an idle board's Durable Object in local workerd in 60 s,
 * bench/idle-board.ts), `--guard` (what the server's guard costs per update and what its client-owner
 * record costs in memory, in process, bench/guard-cost.ts), `--comments` (a board with 2,000 comments
 * opening in Chromium beside the same board without, and posting a comment → seen by 20 others,
 * bench/comments.ts), `--export` (PDF export of boards of 20, 200 and 3,000 touchpoints: time to the whole
 * file and the server's peak memory, on Node and on the Workers build in local workerd,
 * bench/export-pdf.ts). Each prints a
 * markdown section on stdout and cleans up its child server on success, failure, Ctrl-C and
 * process exit.
 */
import { cpus, totalmem } from 'node:os';
import { runCrashLoop } from '../test/support/crash-loop.ts';
import type { KillableServer } from '../test/support/server-process.ts';
import { coldLoadSection } from './cold-load.ts';
import { commentsSection } from './comments.ts';
import { exportSection } from './export-pdf.ts';
import { firstLoadSection } from './first-load.ts';
import { fuzzSection } from './fuzz.ts';
import { guardCostSection } from './guard-cost.ts';
import { idleSection } from './idle-board.ts';
import { loadReport } from './comparison-report.ts';
import { loadPassed, runLoad, type LoadResult } from './load.ts';
import { signInSection } from './sign-in-under-probes.ts';
import { defaultTargets } from './targets/types.ts';
import { count, markdownTable, ms, summarize } from './stats.ts';

/** The flags this module understands. */
export const extraFlags = ['--load', '--crash', '--cold', '--fuzz', '--signin', '--first-load', '--idle', '--guard', '--comments', '--export'] as const;

const progress = (line: string): void => void process.stderr.write(`${line}\n`);

/** Full-size crash loop; fails the process (exit code 1) on any lost update, divergence or refused change. */
async function crashSection(track: (server: KillableServer) => void): Promise<string> {
  const result = await runCrashLoop({
    clients: 20,
    restarts: 20,
    seed: 20,
    editsPerRound: [50, 200],
    editIntervalMs: 2,
    stepTimeoutMs: 30_000,
    track,
    progress,
  });
  const start = summarize(result.restarts.map((r) => r.startMs));
  const resync = summarize(result.restarts.map((r) => r.resyncMs));
  if (result.missing.length > 0 || result.divergent.length > 0 || result.refused.length > 0) {
    progress(`CRASH LOOP FAILED:\n${[...result.missing, ...result.divergent, ...result.refused].slice(0, 50).join('\n')}`);
    process.exitCode = 1;
  }
  return [
    '### Crash loop — 20 clients, 20 SIGKILLs at seeded moments (seed 20)',
    '',
    markdownTable(
      ['edits', 'kills', 'distinct updates seen from the server', 'missing on disk', 'divergences', 'restart p50 / max (ms)', 'all 20 resynced p50 / max (ms)', 'final stages / story chars', 'time (s)'],
      [[
        count(result.edits),
        String(result.kills),
        count(result.relayedUpdates),
        String(result.missing.length),
        String(result.divergent.length),
        `${ms(start.p50)} / ${ms(start.max)}`,
        `${ms(resync.p50)} / ${ms(resync.max)}`,
        `${result.final.stages} / ${count(result.final.storyLength)}`,
        (result.elapsedMs / 1000).toFixed(1),
      ]],
    ),
  ].join('\n');
}

/** Runs the requested sections in order and prints them. */
export async function runExtras(flags: readonly string[]): Promise<void> {
  // Crash-loop servers and load targets alike: whatever can be killed on exit.
  const servers: { killNow(): void }[] = [];
  const track = (server: KillableServer): void => void servers.push(server);
  process.once('exit', () => servers.forEach((server) => server.killNow()));
  const abort = (code: number) => () => {
    servers.forEach((server) => server.killNow());
    process.exit(code);
  };
  process.once('SIGINT', abort(130));
  process.once('SIGTERM', abort(143));
  // Every y-websocket provider adds a process 'exit' listener in Node; 1,000 of them are expected.
  process.setMaxListeners(1100);
  const cpu = cpus();
  console.log(`Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; server in a child process, LibSQL file, persistence on.\n`);
  const watchdog = setTimeout(abort(1), 1_200_000);
  try {
    if (flags.includes('--load')) {
      const loads: LoadResult[] = [];
      for (const name of defaultTargets) {
        progress(`load on ${name}: 1,000 connections over 100 rooms`);
        loads.push(await runLoad(name, { rooms: 100, perRoom: 10, editsPerRoom: 3, seed: 1000, stepTimeoutMs: 60_000, track: (target) => void servers.push(target), progress }));
      }
      console.log(loadReport(loads));
      if (!loads.every(loadPassed)) process.exitCode = 1;
    }
    if (flags.includes('--cold')) console.log(`\n${await coldLoadSection(progress)}`);
    if (flags.includes('--first-load')) console.log(`\n${await firstLoadSection(progress, (server) => void servers.push(server))}`);
    if (flags.includes('--idle')) console.log(`\n${await idleSection(progress, (server) => void servers.push(server))}`);
    if (flags.includes('--comments')) console.log(`\n${await commentsSection(progress, (server) => void servers.push(server))}`);
    if (flags.includes('--export')) console.log(`\n${await exportSection(progress, (server) => void servers.push(server))}`);
    if (flags.includes('--guard')) console.log(`\n${await guardCostSection(progress)}`);
    if (flags.includes('--signin')) console.log(`\n${await signInSection(progress, (server) => void servers.push(server))}`);
    if (flags.includes('--fuzz')) {
      const frames = Number(process.env['FUZZ_FRAMES'] ?? 100_000);
      progress(`fuzz: ${frames} frames at a child server`);
      console.log(`\n${await fuzzSection({ frames, seed: Number(process.env['FUZZ_SEED'] ?? 20261123), track, progress })}`);
    }
    if (flags.includes('--crash')) {
      progress('crash loop: 20 clients, 20 SIGKILLs');
      console.log(`\n${await crashSection(track)}`);
    }
  } finally {
    clearTimeout(watchdog);
  }
}
