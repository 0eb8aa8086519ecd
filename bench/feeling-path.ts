/**
 * What giving a feeling costs, before and after feelings without names (issue 17), side by side in
 * one run: `node --experimental-strip-types bench/feeling-path.ts --baseline=REF [--rounds=5]
 * [--feelings=200]`. Before (REF, e.g. 62da711), a person's page wrote its own feeling into the
 * document through its socket (`feelings.<card>/<user id>`), judged by the guard and relayed; now
 * it sends `PUT /api/boards/:id/feelings/:card` and the server writes it under a key of its own,
 * after recording whose it is. Each round, on a fresh board per server: one person changes their
 * feeling at one card `feelings` times, one at a time, and another client (the same account's
 * second socket) waits to see each; measured: the time from giving to seeing (median, p99) and the
 * server's CPU per feeling (its threads' run time, to the nanosecond). The servers take turns, the
 * order alternating by round.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../shared/board-document.ts';
import { connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import { markdownTable, summarize } from './stats.ts';
import { startCommonGround } from './targets/common-ground.ts';
import { resolveCommit, startCommonGroundAt } from './targets/common-ground-baseline.ts';
import type { BoardApiTarget } from './targets/board-api-target.ts';

const option = (name: string, fallback: string): string => process.argv.slice(2).find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const progress = (line: string): void => void process.stderr.write(`${line}\n`);
const card = 'bench-feeling-card';

function cpuMs(target: BoardApiTarget): number {
  const pid = target.pid();
  if (pid === undefined) return Number.NaN;
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]);
  return ns / 1e6;
}

/** Resolves when `doc`'s feelings at the card hold `score` under any key. */
function seen(doc: Y.Doc, score: number): Promise<void> {
  const feelings = boardTypes(doc).feelings;
  const has = () => [...feelings.values()].some((value) => value.score === score);
  if (has()) return Promise.resolve();
  return new Promise((resolve) => {
    const check = () => {
      if (!has()) return;
      feelings.unobserve(check);
      resolve();
    };
    feelings.observe(check);
  });
}

async function measure(target: BoardApiTarget, feelings: number, viaHttp: boolean): Promise<{ latencies: number[]; cpuPerFeelingUs: number }> {
  const address = await target.openRoom('Feeling path');
  const account = await target.account();
  const clients: SyncClient[] = [connectProvider(address), connectProvider(address)];
  try {
    await Promise.all(clients.map((client) => client.synced));
    const [giver, watcher] = clients as [SyncClient, SyncClient];
    const { stages, touchpoints } = boardTypes(giver.doc);
    giver.doc.transact(() => {
      stages.push([newStage('bench-feeling-stage', 'Stage')]);
      touchpoints.set(card, newTouchpoint({ id: card, stageId: 'bench-feeling-stage', order: 'a0', title: 'Card', createdBy: account.userId, createdAt: Date.now() }));
    });
    await new Promise<void>((resolve) => {
      const check = () => boardTypes(watcher.doc).touchpoints.has(card) && (boardTypes(watcher.doc).touchpoints.unobserve(check), resolve());
      boardTypes(watcher.doc).touchpoints.observe(check);
      if (boardTypes(watcher.doc).touchpoints.has(card)) resolve();
    });
    const url = `${target.http.url}/api/boards/${address.room}/feelings/${card}`;
    const give = async (score: number) => {
      if (!viaHttp) {
        boardTypes(giver.doc).feelings.set(participantKey(card, account.userId), { score: score as -2, words: [], at: Date.now() });
        return;
      }
      const response = await fetch(url, {
        method: 'PUT',
        headers: { origin: target.http.origin, cookie: account.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ feeling: { score, words: [] } }),
      });
      if (response.status !== 200) throw new Error(`feeling not taken: ${response.status} ${await response.text()}`);
    };
    const latencies: number[] = [];
    const cpuBefore = cpuMs(target);
    for (let i = 0; i < feelings; i++) {
      const score = (i % 5) - 2;
      // A different score from the one before, so the watcher sees each change.
      const waiting = seen(watcher.doc, score);
      const start = performance.now();
      await give(score);
      await waiting;
      latencies.push(performance.now() - start);
    }
    return { latencies, cpuPerFeelingUs: ((cpuMs(target) - cpuBefore) / feelings) * 1000 };
  } finally {
    for (const client of clients) client.destroy();
  }
}

const baseline = resolveCommit(option('baseline', '62da711'));
const rounds = Number(option('rounds', '5'));
const feelings = Number(option('feelings', '200'));
progress(`starting this checkout and ${baseline}…`);
const now = await startCommonGround();
const before = await startCommonGroundAt(baseline);
const results = new Map<string, { latencies: number[]; cpu: number[] }>([
  ['before', { latencies: [], cpu: [] }],
  ['after', { latencies: [], cpu: [] }],
]);
try {
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (['before', 'after'] as const) : (['after', 'before'] as const);
    for (const which of order) {
      const result = await measure(which === 'before' ? before : now, feelings, which === 'after');
      results.get(which)!.latencies.push(...result.latencies);
      results.get(which)!.cpu.push(result.cpuPerFeelingUs);
      progress(`round ${round + 1} ${which}: median ${summarize(result.latencies).p50.toFixed(2)} ms, ${result.cpuPerFeelingUs.toFixed(0)} µs CPU per feeling`);
    }
  }
} finally {
  await before.stop();
  await now.stop();
}
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const rows = (['before', 'after'] as const).map((which) => {
  const { latencies, cpu } = results.get(which)!;
  const s = summarize(latencies);
  return [which === 'before' ? `before (${baseline}: the page's socket writes it)` : 'after (PUT; the server writes it)', s.p50.toFixed(2), s.p99.toFixed(2), median(cpu).toFixed(0)];
});
console.log(markdownTable(['feeling given', 'to seen, median ms', 'p99 ms', 'server CPU per feeling, µs (median of rounds)'], rows));
