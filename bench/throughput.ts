/**
 * Throughput: every client types its share of the words as fast as its loop turns (one word per
 * event-loop turn, so all clients interleave), and we time until the server has handled and
 * relayed all of them. We cannot see into the server's memory, so the proof comes from a client:
 * client 0 has seen every other client's words and its probe has come back. On Common Ground
 * that means committed (it relays and answers the probe only after the commit); on the peers,
 * applied and relayed.
 */
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { throughputCards, waitConverged, withTimeout, type BenchClient } from './clients.ts';
import { startCpuMeter, type CpuSpan } from './cpu-meter.ts';
import { checkWordsFit, token, typeToken } from './typing.ts';

export interface ThroughputOptions {
  clients: BenchClient[];
  /** Words typed in all, shared out evenly over the clients. */
  edits: number;
  seed: number;
  /** Cap on the whole burst, from the first word to the last commit. */
  timeoutMs: number;
  serverCpuMs: () => number | null;
}

export interface ThroughputResult {
  edits: number;
  /** First word typed → last word committed and relayed. */
  elapsedMs: number;
  /** Edits handled per second (Common Ground: committed). */
  editsPerSecond: number;
  /** Update frames the server sent to clients per second (each edit goes to N − 1 sockets). */
  framesPerSecond: number;
  /**
   * Server CPU per edit in µs (apply, commit, fan-out). Unlike the rates it does not depend on
   * how fast the clients, which share one core, can read; 1e6 / this is the server's ceiling.
   */
  serverCpuPerEditUs: number | null;
  cpu: CpuSpan;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Runs the burst, then checks that every client ended with the same text. */
export async function measureThroughput(options: ThroughputOptions): Promise<ThroughputResult> {
  const { clients, edits } = options;
  const receiver = clients[0]!;
  const shares = clients.map((_, i) => Math.floor(edits / clients.length) + (i < edits % clients.length ? 1 : 0));
  // Word `seq` goes into story `seq % n`, so each story holds a share of the words.
  const cardOf = (seq: number) => throughputCards[seq % throughputCards.length]!;
  throughputCards.forEach((card, c) =>
    checkWordsFit(Array.from({ length: edits }, (_, seq) => seq).filter((seq) => seq % throughputCards.length === c), card),
  );
  // Client 0 has seen every word once its stories are as long as all the words together. (Counting
  // words per relayed update no longer works: the server merges the updates of one commit, and a
  // word split by a concurrent insert in the same batch arrives in pieces.)
  let allTyped = false;
  let allSeen = (): void => undefined;
  const othersSeen = new Promise<void>((resolve) => (allSeen = resolve));
  const receiverStories = throughputCards.map((card) => receiver.story(card));
  const check = (): void => {
    if (allTyped && receiverStories.reduce((sum, story) => sum + story.length, 0) === expectedLength) allSeen();
  };
  receiver.doc.on('update', check);
  const unwatch = (): void => receiver.doc.off('update', check);

  let nextSeq = 0;
  let expectedLength = 0;
  const expectedPerCard = new Map<string, number>(throughputCards.map((card) => [card, 0]));
  const typeShare = async (client: BenchClient, share: number, seed: number): Promise<void> => {
    const random = prng.create(seed);
    for (let k = 0; k < share; k++) {
      const seq = nextSeq++;
      const card = cardOf(seq);
      expectedLength += token(seq).length;
      expectedPerCard.set(card, expectedPerCard.get(card)! + token(seq).length);
      typeToken(client.story(card), seq, random);
      await nextTurn();
    }
  };

  const stop = startCpuMeter(options.serverCpuMs);
  const start = performance.now();
  let elapsedMs: number;
  try {
    const typed = clients.map((client, i) => typeShare(client, shares[i]!, options.seed + i));
    void Promise.all(typed).then(() => {
      allTyped = true;
      check();
    });
    // Client 0 asks for its commit ack as soon as its own words are out, so the probe's round
    // trip overlaps the others' traffic instead of being added after it.
    const ownCommittedAt = typed[0]!.then(() => receiver.committed()).then(() => performance.now());
    const othersSeenAt = othersSeen.then(() => performance.now());
    const [ownAt, othersAt] = await withTimeout(
      Promise.all([ownCommittedAt, othersSeenAt, Promise.all(typed)]),
      options.timeoutMs,
      `${edits} words to be committed and relayed`,
    );
    elapsedMs = Math.max(ownAt, othersAt) - start;
  } finally {
    unwatch();
  }
  const cpu = stop();
  for (const [card, length] of expectedPerCard) await waitConverged(clients, card, length, options.timeoutMs);
  return {
    edits,
    elapsedMs,
    editsPerSecond: (edits / elapsedMs) * 1000,
    framesPerSecond: ((edits * (clients.length - 1)) / elapsedMs) * 1000,
    serverCpuPerEditUs: cpu.serverCpuMs === null ? null : (cpu.serverCpuMs * 1000) / edits,
    cpu,
  };
}
