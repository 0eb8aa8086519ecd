/**
 * `npm run bench -- --comments` (issue 13, "Bench"): the cost of comments, on the real Node server
 * (a child process, LibSQL file) with boards written by real members (bench/comments-board.ts):
 *
 * 1. **A board with 2,000 comments opens and is editable**, beside the same board without
 *    comments: in Chromium at 390×844 (bench/comments-open.ts), on this machine's loopback and on
 *    the slow link of issue 10 (400 ms, 400 kbit/s; bench/throttled-chromium.ts), the two boards
 *    taking turns; and the server's part, the stored board loaded as the first socket loads it
 *    (bench/comments-cold.ts).
 * 2. **Posting a comment → visible to 20 others** (bench/comments-relay.ts), named through the
 *    document and without a name through the API, on an empty board and on the 2,000-comment one;
 *    and on an empty board of the Workers build in local workerd.
 *
 * `COMMENTS_RUNS` (default 5) loads per board on loopback, `COMMENTS_SLOW_RUNS` (default 3) on the slow link,
 * `COMMENTS_POSTS` (default 150) comments per kind and board, `COMMENTS_WORKERS=0` leaves workerd out.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildClientIfStale } from '../scripts/build-client.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { createBoard, type BenchAccount } from './account.ts';
import { boardShape, boardsAndPeople, seedBoard, type CommentsServer, type People, type SeededBoard } from './comments-board.ts';
import { measureStoredLoads } from './comments-cold.ts';
import { launchChromium, NotLive, openAndType, type OpenRun } from './comments-open.ts';
import { joinBoard, measurePosting, type PostRun } from './comments-relay.ts';
import { slowConnection } from './first-load.ts';
import { startBenchServer } from './server.ts';
import { count, markdownTable, ms, summarize } from './stats.ts';
import { startCommonGroundWorkers } from './targets/common-ground-workers.ts';
import { launchThrottledChromium } from './throttled-chromium.ts';

const runs = Number(process.env['COMMENTS_RUNS'] ?? 5);
const slowRuns = Number(process.env['COMMENTS_SLOW_RUNS'] ?? Math.min(3, runs));
const posts = Number(process.env['COMMENTS_POSTS'] ?? 150);
const withWorkers = process.env['COMMENTS_WORKERS'] !== '0';
const postIntervalMs = 50;
const stepTimeoutMs = 180_000;
/** On the slow link a load that is not live in 75 s (two of y-websocket's 30 s silences) is reported as never live. */
const slowLiveTimeoutMs = 75_000;

type Progress = (line: string) => void;
type Track = (server: { killNow(): void }) => void;

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const range = (values: readonly number[]) => `${ms(Math.min(...values))} – ${ms(Math.max(...values))}`;
const kb = (bytes: number) => count(bytes / 1000);

/** Loads of one board: each a measurement, or why it never became live. */
type Loads = (OpenRun | NotLive)[];

/**
 * Loads both boards in turns (the order swapping each run), after one unmeasured load of each when
 * `warmUp`; a load that is not live within `liveTimeoutMs` is kept as such.
 */
async function openInTurns(browser: Browser, server: CommentsServer, boards: SeededBoard[], people: People, times: number, options: { label: string; warmUp: boolean; liveTimeoutMs: number }, progress: Progress): Promise<Loads[]> {
  const member = people.editors[0]!;
  if (options.warmUp) for (const board of boards) await openAndType(browser, server, board, member);
  const results: Loads[] = boards.map(() => []);
  for (let run = 0; run < times; run++) {
    const order = run % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) {
      // A board that never became live would not on the next try either: one such wait is enough.
      if (results[i]!.some((x) => x instanceof NotLive)) continue;
      const result = await openAndType(browser, server, boards[i]!, member, options.liveTimeoutMs).catch((error: unknown) => {
        if (error instanceof NotLive) return error;
        throw error;
      });
      results[i]!.push(result);
      const said = result instanceof NotLive ? result.message : `live ${ms(result.liveMs)} ms, letter on another client at ${ms(result.editableMs)} ms`;
      progress(`  ${options.label}, run ${run + 1}/${times}, ${boards[i]!.comments} comments: ${said}`);
    }
  }
  return results;
}

function openRows(link: string, boards: SeededBoard[], results: Loads[]): string[][] {
  return boards.map((board, i) => {
    const r = results[i]!.filter((x): x is OpenRun => !(x instanceof NotLive));
    const failed = results[i]!.filter((x): x is NotLive => x instanceof NotLive);
    if (r.length === 0) {
      const f = failed[0]!;
      return [link, count(board.comments), `never live in ${f.afterMs / 1000} s (${failed.length} of ${failed.length} loads): "${f.status}", ${f.cards} cards, ${f.sockets} sockets opened`, '–', '–', '–', '–', String(failed.length)];
    }
    const live = r.map((x) => x.liveMs);
    const editable = r.map((x) => x.editableMs);
    return [
      link,
      count(board.comments),
      `${ms(median(live))} (${range(live)})`,
      `${ms(median(editable))} (${range(editable)})`,
      ms(median(r.map((x) => x.keystrokeRelayMs))),
      ms(median(r.map((x) => x.keystrokeSavedMs))),
      kb(median(r.map((x) => x.httpBytes))),
      failed.length > 0 ? `${r.length} (+${failed.length} never live)` : String(r.length),
    ];
  });
}

function postRows(where: string, runs: PostRun[]): string[][] {
  return runs.map((run) => {
    const all = summarize(run.allMs);
    const each = summarize(run.eachMs);
    const answer = run.answerMs.length > 0 ? summarize(run.answerMs) : null;
    return [where, run.kind, String(run.comments), ms(all.p50), ms(all.p99), ms(all.max), ms(each.p50), ms(each.p99), answer ? `${ms(answer.p50)} / ${ms(answer.p99)}` : '–'];
  });
}

/** Both kinds on one board: 21 clients join, named comments, then comments without a name. */
async function postOn(server: CommentsServer, boardId: string, account: BenchAccount, target: { type: 'board' | 'stage' | 'touchpoint'; id: string }, label: string, progress: Progress): Promise<PostRun[]> {
  const clients = await joinBoard(server, boardId, account, stepTimeoutMs);
  try {
    const out: PostRun[] = [];
    for (const kind of ['named', 'without a name'] as const) {
      progress(`  ${label}: ${posts} comments ${kind}, one every ${postIntervalMs} ms at most, 20 receivers`);
      out.push(await measurePosting(clients, kind, { server, boardId, account, target, comments: posts, intervalMs: postIntervalMs, timeoutMs: stepTimeoutMs, label }));
    }
    return out;
  } finally {
    clients.forEach((client) => client.destroy());
  }
}

export async function commentsSection(progress: Progress, track: Track): Promise<string> {
  await buildClientIfStale(progress);
  const started = Date.now();
  const data = makeTempDir('common-ground-comments-');
  const server = await startBenchServer({ dataDir: data.path });
  track(server);
  const closers: { close(): Promise<void> }[] = [];
  try {
    progress('comments: two boards, twelve members');
    const { boardIds, people } = await boardsAndPeople(server, ['Outpatients, no comments', 'Outpatients, 2,000 comments']);
    const seedStart = Date.now();
    const plain = await seedBoard(server, boardIds[0]!, people, false);
    const busy = await seedBoard(server, boardIds[1]!, people, true);
    const seedSeconds = (Date.now() - seedStart) / 1000;
    progress(`comments: seeded in ${seedSeconds.toFixed(1)} s (${busy.comments} comments)`);
    if (busy.comments !== boardShape.comments) throw new Error(`seeded ${busy.comments} of ${boardShape.comments} comments`);
    const boards = [plain, busy];

        let fast: Loads[] | null = null;
    if (runs > 0) {
      progress('comments: Chromium on loopback');
      const browser = await launchChromium();
      fast = await openInTurns(browser, server, boards, people, runs, { label: 'loopback', warmUp: true, liveTimeoutMs: stepTimeoutMs }, progress).finally(() => browser.close());
    }
    let slow: Loads[] | null = null;
    if (slowRuns > 0) {
      progress('comments: Chromium on the slow link');
      const chrome = await launchThrottledChromium(slowConnection);
      track(chrome);
      closers.push(chrome);
      slow = await openInTurns(chrome.browser, server, boards, people, slowRuns, { label: 'slow link', warmUp: false, liveTimeoutMs: slowLiveTimeoutMs }, progress);
    }

    progress('comments: posting, Node server');
    const emptyId = await createBoard(server, people.facilitator, 'Posting, empty board');
    const posting = [
      ...postRows('Node, empty board', await postOn(server, emptyId, people.facilitator, { type: 'board', id: emptyId }, 'empty', progress)),
      ...postRows('Node, board with 2,000 comments', await postOn(server, busy.boardId, people.facilitator, { type: 'touchpoint', id: busy.firstCard }, 'busy', progress)),
    ];

    await server.stop();
    progress('comments: the stored boards loaded in process');
    const stored = await measureStoredLoads(join(data.path, 'bench.db'), [plain.boardId, busy.boardId], 7);

    if (withWorkers) {
      progress('comments: posting, Workers build in local workerd');
      const workers = await startCommonGroundWorkers();
      track(workers);
      try {
        const address = await workers.openRoom('Posting, empty board');
        const account = await workers.account();
        const target = { url: workers.wrangler.url, origin: workers.wrangler.origin, wsUrl: workers.wrangler.wsUrl };
        posting.push(...postRows('Workers (local workerd), empty board', await postOn(target, address.room, account, { type: 'board', id: address.room }, 'workers', progress)));
      } finally {
        await workers.stop();
      }
    }

    const openHeaders = ['link', 'comments', 'live, every card shown: median (range), ms', 'first letter typed is on another member\'s client: median (range), ms', 'letter → other client (ms)', 'letter → "all changes saved" (ms)', 'HTTP received (KB)', 'loads'];
    return [
      `### Comments (issue 13): a board with ${count(boardShape.comments)} comments, and posting one`,
      '',
      `The board: ${boardShape.stages} stages × ${boardShape.cardsPerStage} cards written by two editors (stories 150–900 characters), nine people's feelings on about 70 % of the cards; the same board with ${count(boardShape.comments)} comments by twelve members — threads of 1–6 on cards (70 %), stages (22 %) and the board (8 %), one in eight 300–1,200 characters and one in forty 2,000–4,000, a fifth of threads sorted, some changed, ~2 % without a name, some hidden and "Me too"s (bench/comments-board.ts). Seeded through the real server in ${seedSeconds.toFixed(0)} s.`,
      '',
      `Opened by an editor in Chromium at 390×844, empty cache, the two boards taking turns after one unmeasured load of each; the page's clock from navigation start. Client: this working tree's build.`,
      '',
      markdownTable(openHeaders, [...(fast ? openRows('loopback', boards, fast) : []), ...(slow ? openRows('400 ms, 400 kbit/s', boards, slow) : [])]),
      '',
      'The server\'s part, in process on the LibSQL file the server left (store.load → room → answer to a browser with nothing), 7 loads each, taking turns:',
      '',
      markdownTable(
        ['comments', 'stored (KB)', 'of it: snapshot (KB) + updates logged since', 'first answer (KB)', 'load → answer: median (range), ms'],
        stored.map((s, i) => [count(boards[i]!.comments), kb(s.storedBytes), `${kb(s.snapshotBytes)} + ${s.loggedUpdates}`, kb(s.answerBytes), `${ms(median(s.totalMs))} (${range(s.totalMs)})`]),
      ),
      '',
      `Posting a comment → every one of 20 other stock y-websocket clients has it (21 on the board, one posting; at most one every ${postIntervalMs} ms, each waiting for the one before to arrive everywhere):`,
      '',
      markdownTable(['server, board', 'comment', 'comments', 'all 20 have it p50 (ms)', 'p99 (ms)', 'max (ms)', 'each receiver p50 (ms)', 'each p99 (ms)', 'POST answered p50 / p99 (ms)'], posting),
      '',
      `Named: a new Y.Map in \`comments\`, as the page writes it. Without a name: \`POST /api/boards/:id/comments\` with \`anonymous: true\`; the server writes it (its clock starts before the request). All clients run in the benchmark's one Node process. Section time ${((Date.now() - started) / 1000).toFixed(0)} s.`,
    ].join('\n');
  } finally {
    for (const closer of closers) await closer.close();
    await server.stop();
    data.remove();
  }
}
