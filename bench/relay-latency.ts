/**
 * Relay latency at a steady, realistic pace: one typed word every `intervalMs`, writers taking
 * turns, every other client timing when the word reaches its document. The clock is this
 * process's performance.now() on both ends, so no clock skew enters the figures.
 *
 * With one client there is nobody to relay to; then each edit is followed by the probe (sync
 * step 1 → step 2). Common Ground answers it only once the edit is on disk, so there the figure is
 * the durable round trip, the same path up to the point where it would relay; the peers answer at
 * once, so for them it is a plain round trip through the server.
 */
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { waitUntil } from '../test/support/wait.ts';
import { latencyCard, withTimeout, type BenchClient } from './clients.ts';
import { startCpuMeter, type CpuSpan } from './cpu-meter.ts';
import { checkWordsFit, typeTokenBetweenWords, watchTokens } from './typing.ts';

export interface RelayLatencyOptions {
  clients: BenchClient[];
  /** How many words are typed in all. */
  edits: number;
  /** Time between two words (all writers together). */
  intervalMs: number;
  /** Seed for the typing positions, so runs are comparable. */
  seed: number;
  /** Cap on waiting for the last word to arrive everywhere after the last was typed. */
  drainTimeoutMs: number;
  serverCpuMs: () => number | null;
}

export interface RelayLatencyResult {
  /** 'relay': typed → seen by another client; 'ack': typed → the server answered the probe. */
  kind: 'relay' | 'ack';
  /** One latency in ms per (edit, receiver). */
  samples: number[];
  /**
   * Per edit, the latency to the first client that saw it. The clients share one process and
   * take turns reading, so later receivers also wait for the earlier ones; the first receiver
   * shows the server's part (apply, commit, first send) with the least of that queueing.
   */
  firstSeen: number[];
  /** Edits typed more than one interval behind schedule (the sender itself fell behind). */
  lateSends: number;
  cpu: CpuSpan;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Types `edits` words on schedule and collects every receiver's latency for each. */
export async function measureRelayLatency(options: RelayLatencyOptions): Promise<RelayLatencyResult> {
  const { clients, edits, intervalMs } = options;
  checkWordsFit(Array.from({ length: edits }, (_, seq) => seq), latencyCard);
  const random = prng.create(options.seed);
  const sentAt = new Float64Array(edits).fill(Number.NaN);
  const firstSeen = new Float64Array(edits).fill(Number.NaN);
  const samples: number[] = [];
  const record = (seq: number): void => {
    const sent = sentAt[seq];
    if (sent === undefined || Number.isNaN(sent)) return;
    const latency = performance.now() - sent;
    samples.push(latency);
    if (Number.isNaN(firstSeen[seq]!)) firstSeen[seq] = latency;
  };
  const relay = clients.length > 1;
  const expected = relay ? edits * (clients.length - 1) : edits;

  const unwatch = relay
    ? clients.map((client) => watchTokens(client.doc, client.provider, record))
    : [];
  const acks: Promise<void>[] = [];
  let lateSends = 0;
  const stop = startCpuMeter(options.serverCpuMs);
  try {
    const start = performance.now();
    for (let seq = 0; seq < edits; seq++) {
      const wait = start + seq * intervalMs - performance.now();
      if (wait > 0) await sleep(wait);
      else if (wait < -intervalMs) lateSends++;
      const writer = clients[seq % clients.length]!;
      const sent = performance.now();
      sentAt[seq] = sent;
      typeTokenBetweenWords(writer.story(latencyCard), seq, random);
      if (!relay) acks.push(writer.committed().then(() => record(seq)));
    }
    await withTimeout(Promise.all(acks), options.drainTimeoutMs, `${edits} probe answers`);
    await waitUntil(() => samples.length >= expected, `${expected} latency samples arrived`, options.drainTimeoutMs);
  } finally {
    unwatch.forEach((off) => off());
  }
  const cpu = stop();
  return { kind: relay ? 'relay' : 'ack', samples, firstSeen: Array.from(firstSeen), lateSends, cpu };
}
