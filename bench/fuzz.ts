/**
 * The fuzz run at full size with the server in a child process (`npm run bench -- --fuzz`), so
 * its resident memory can be read from /proc without the fuzzer's own frames in it: 100,000
 * seeded bad frames (FUZZ_FRAMES, FUZZ_SEED) at room B while two real y-websocket clients type
 * into room A's touchpoint stories. RSS is read every 10,000 frames; it must level off rather than grow with the frames.
 * Afterwards room A must hold every keystroke, also after the room is reloaded from disk.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { describeOutcomes, runFuzz } from '../test/support/fuzz-driver.ts';
import { freePort } from '../test/support/free-port.ts';
import { killableServer, type KillableServer } from '../test/support/server-process.ts';
import { seededRandom } from '../test/support/seeded-random.ts';
import { connectClient, type SyncClient } from '../test/support/sync-client.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { waitUntil } from '../test/support/wait.ts';
import { generateNKeysBetween } from 'fractional-indexing';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { storyMaxLength } from '../shared/limits.ts';
import { createBoard, registerAccount } from './account.ts';
import { count, markdownTable } from './stats.ts';

export interface FuzzBenchOptions {
  frames: number;
  seed: number;
  track: (server: KillableServer) => void;
  progress: (line: string) => void;
}

/** Resident memory of a process in MiB, from /proc (VmRSS). */
function rssMiB(pid: number | undefined): number {
  const match = pid === undefined ? null : /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error('cannot read the server\'s RSS from /proc');
  return Number(match[1]) / 1024;
}

/** Room A's touchpoints the typists type into: keystroke k goes into story k ÷ 10,000 (a story's limit). */
const cardId = (index: number): string => `typing-card-${String(index).padStart(4, '0')}`;
const cardOf = (keystroke: number): string => cardId(Math.floor(keystroke / storyMaxLength));
const storyOf = (client: SyncClient, card: string): Y.Text => boardTypes(client.doc).touchpoints.get(card)!.get('story') as Y.Text;
/** Everything typed in room A, story after story. */
const textOf = (client: SyncClient): string =>
  [...boardTypes(client.doc).touchpoints.keys()].sort().map((card) => storyOf(client, card).toString()).join('');

/** Runs the fuzz against a child server and returns the markdown section; throws if anything is lost. */
export async function fuzzSection(options: FuzzBenchOptions): Promise<string> {
  const dir = makeTempDir('common-ground-fuzz-');
  const server = killableServer(await freePort(), `file:${dir.path}/fuzz.db`);
  options.track(server);
  const clients: SyncClient[] = [];
  try {
    await server.start();
    const account = await registerAccount(server, 'Ann');
    const [boardA, boardB] = [await createBoard(server, account, 'Room A'), await createBoard(server, account, 'Room B')];
    const join = (boardId: string): SyncClient => {
      const client = connectClient(server, boardId, account.cookie);
      clients.push(client);
      return client;
    };
    const typists = [join(boardA), join(boardA)];
    await Promise.all(typists.map((typist) => typist.synced));
    // Enough touchpoints for every keystroke (one every 4 frames), added by Ann before the run.
    const cards = Array.from({ length: Math.floor(options.frames / 4 / storyMaxLength) + 1 }, (_, i) => cardId(i));
    const ann = typists[0]!;
    ann.doc.transact(() => {
      const { stages, touchpoints } = boardTypes(ann.doc);
      stages.push([newStage('typing-stage', 'Typing')]);
      const orders = generateNKeysBetween(null, null, cards.length);
      cards.forEach((id, i) => touchpoints.set(id, newTouchpoint({ id, stageId: 'typing-stage', order: orders[i]!, title: `Typing ${i + 1}`, createdBy: account.userId, createdAt: 0 })));
    });
    await waitUntil(() => typists.every((typist) => cards.every((card) => boardTypes(typist.doc).touchpoints.has(card))), 'both typists have the touchpoints', 10_000);
    const typed = [0, 0];
    const rng = seededRandom(options.seed ^ 0x5eed);
    const type = (who: number): void => {
      const text = storyOf(typists[who]!, cardOf(typed[0]! + typed[1]!));
      text.insert(rng.int(0, text.length), who === 0 ? 'a' : 'b');
      typed[who]!++;
    };

    const readings: [number, number][] = [[0, rssMiB(server.pid())]];
    const every = Math.max(1, Math.floor(options.frames / 10));
    const started = performance.now();
    const { delivered, outcomes } = await runFuzz({
      target: { wsUrl: server.wsUrl, boardId: boardB, cookie: account.cookie },
      frames: options.frames,
      seed: options.seed,
      workers: 4,
      bigEvery: 1_000,
      onFrame: (done) => {
        if (done % 4 === 0) type((done / 4) % 2);
        if (done % every === 0) {
          readings.push([done, rssMiB(server.pid())]);
          options.progress(`  ${count(done)} frames, server RSS ${readings.at(-1)![1].toFixed(0)} MiB`);
        }
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (!server.running()) throw new Error(`the server died under fuzzing:\n${server.output()}`);

    // Room A: every keystroke on both typists and, after a reload from disk, on a fresh client.
    const expected = (text: string): boolean =>
      [...text].filter((c) => c === 'a').length === typed[0] && [...text].filter((c) => c === 'b').length === typed[1];
    await waitUntil(() => typists.every((t) => expected(textOf(t)) && textOf(t) === textOf(typists[0]!)), 'room A converged', 30_000);
    const final = textOf(typists[0]!);
    for (const typist of typists) typist.destroy();
    const reloaded = join(boardA);
    await reloaded.synced;
    // The room may not have unloaded between the typists leaving and this client arriving, but
    // the crash and sync tests cover reloads; here the text must simply be whole.
    if (textOf(reloaded) !== final) throw new Error('room A lost keystrokes under fuzzing');

    const closes = new Map<string, number>();
    for (const results of outcomes.values()) for (const [result, n] of results) closes.set(result, (closes.get(result) ?? 0) + n);
    options.progress(describeOutcomes(outcomes).join('\n'));
    const first = readings[1]?.[1] ?? readings[0]![1];
    const last = readings.at(-1)![1];
    return [
      `### Fuzz at full size — server in a child process (seed ${options.seed})`,
      '',
      `${count(delivered)} frames over 4 sockets in ${seconds.toFixed(0)} s; outcomes: ${[...closes].map(([r, n]) => `${r} ×${count(n)}`).join(', ')}. Room A: ${count(typed[0]! + typed[1]!)} keystrokes typed, all present after the run.`,
      '',
      markdownTable(['frames sent', ...readings.map(([frames]) => count(frames))], [['server RSS (MiB)', ...readings.map(([, rss]) => rss.toFixed(0))]]),
      '',
      `From the first 10 % to the end the server's RSS went ${first.toFixed(0)} → ${last.toFixed(0)} MiB (${last >= first ? '+' : ''}${(last - first).toFixed(0)}).`,
    ].join('\n');
  } finally {
    for (const client of clients) client.destroy();
    await server.kill();
    dir.remove();
  }
}
