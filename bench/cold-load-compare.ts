/**
 * Cold load end to end, on every server that keeps boards: a restarted server, a board it holds
 * only on disk, and one new y-websocket client — from opening the socket to `synced` (the whole
 * board arrived and applied). The same boards (bench/editing-trace.ts, B4-sized) are written by a
 * client into Common Ground and into Hocuspocus, each server is stopped (both store what they
 * hold on SIGTERM) and started again on the same data folder, and then each board is opened
 * once, so every sample is a board no process has in memory. The first board opened after the
 * restart also pays for a cold process (JIT); it is reported apart. y-websocket-server keeps
 * nothing, so after a restart it has no board to load.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { waitUntil } from '../test/support/wait.ts';
import { boardFromTrace, storyLength, type TraceShape } from './editing-trace.ts';
import { count, markdownTable, ms, summarize } from './stats.ts';
import { connectToRoom } from './targets/room-client.ts';
import { startTarget } from './targets/start-target.ts';
import type { RoomAddress, RunningTarget, TargetName } from './targets/types.ts';

/** Boards opened per case: the first pays for the cold process, the rest are cold rooms. */
const boardsPerCase = 6;
const syncTimeoutMs = 60_000;

interface CompareCase {
  shape: TraceShape;
  operations: number;
}

/** `ws://127.0.0.1:PORT` of an address, so a board's address can follow its server to a new port. */
const wsOrigin = (address: RoomAddress): string => /^wss?:\/\/[^/]+/.exec(address.serverUrl)![0];

/** Writes `update` into a new room through one client, and returns the room's address. */
async function seedRoom(target: RunningTarget, label: string, update: Uint8Array): Promise<RoomAddress> {
  const address = await target.openRoom(label);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const client = connectToRoom(address, { doc, syncTimeoutMs });
  try {
    await client.synced;
    // The server has the board once another client receives it whole: `synced` only says the
    // server's answer arrived, not that the upload was applied (Hocuspocus has no durable ack;
    // its store on SIGTERM is what puts it on disk).
    const check = connectToRoom(address, { syncTimeoutMs });
    try {
      await check.synced;
      await waitUntil(() => storyLength(check.doc) === storyLength(doc), `${target.name} holds the whole board`, syncTimeoutMs);
    } finally {
      check.destroy();
    }
  } finally {
    client.destroy();
  }
  return address;
}

/** Opens each board once on a freshly restarted server; ms from socket opening to synced. */
async function coldOpens(target: RunningTarget, addresses: RoomAddress[], expectedLength: number): Promise<number[]> {
  const origin = wsOrigin(await target.openRoom('where-is-the-server'));
  const samples: number[] = [];
  for (const address of addresses) {
    const moved = { ...address, serverUrl: address.serverUrl.replace(wsOrigin(address), origin) };
    const started = performance.now();
    const client = connectToRoom(moved, { syncTimeoutMs });
    try {
      await client.synced;
      samples.push(performance.now() - started);
      const length = storyLength(client.doc);
      if (length !== expectedLength) throw new Error(`${target.name} loaded ${length} of ${expectedLength} characters after a restart`);
    } finally {
      client.destroy();
    }
  }
  return samples;
}

async function measureTarget(name: TargetName, update: Uint8Array, expectedLength: number, progress: (line: string) => void): Promise<number[]> {
  const data = makeTempDir('cold-compare-');
  let target: RunningTarget | null = null;
  try {
    target = await startTarget(name, { dataDir: data.path });
    const addresses: RoomAddress[] = [];
    for (let i = 0; i < boardsPerCase; i++) addresses.push(await seedRoom(target, `cold ${i}`, update));
    await target.stop();
    progress(`  ${name}: ${boardsPerCase} boards written, restarting`);
    target = await startTarget(name, { dataDir: data.path });
    return await coldOpens(target, addresses, expectedLength);
  } finally {
    await target?.stop();
    data.remove();
  }
}

/** The comparison section: one row per (trace, server). */
export async function coldLoadComparison(progress: (line: string) => void, cases: CompareCase[]): Promise<string> {
  const rows: string[][] = [];
  for (const { shape, operations } of cases) {
    const doc = boardFromTrace(operations, shape, 42);
    const update = Y.encodeStateAsUpdate(doc);
    const expectedLength = storyLength(doc);
    doc.destroy();
    // What any client spends applying the board, whichever server sent it.
    const applies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      Y.applyUpdate(new Y.Doc(), update);
      applies.push(performance.now() - started);
    }
    const byTarget = new Map<TargetName, number>();
    for (const name of ['Common Ground', 'Hocuspocus'] as const) {
      progress(`cold load end to end: ${name}, ${shape}, ${count(operations)} keystrokes`);
      const [first, ...rest] = await measureTarget(name, update, expectedLength, progress);
      const warm = summarize(rest);
      byTarget.set(name, warm.p50);
      rows.push([
        `${shape}, ${count(operations)}`,
        name,
        count(Math.round(update.byteLength / 1024)),
        ms(first!),
        ms(warm.p50),
        ms(warm.max),
        ms(summarize(applies).p50),
      ]);
    }
    const ours = byTarget.get('Common Ground')!;
    const theirs = byTarget.get('Hocuspocus')!;
    rows.push([`${shape}, ${count(operations)}`, 'ratio Hocuspocus ÷ Common Ground', '', '', `${(theirs / ours).toFixed(2)}×`, '', '']);
    rows.push([`${shape}, ${count(operations)}`, 'y-websocket-server', '', '–', 'keeps nothing: no board after a restart', '', '']);
  }
  return [
    `### Cold load end to end — restarted server, board only on disk, one new client (socket open → synced), ${boardsPerCase} boards each`,
    '',
    markdownTable(
      ['trace, keystrokes', 'server', 'board (KiB)', 'first board after restart (ms)', `next ${boardsPerCase - 1} boards p50 (ms)`, 'max (ms)', 'client\'s own apply p50 (ms)'],
      rows,
    ),
    '',
    'Both ends on this machine, so the figure includes the client applying the board (last column), which is the same whichever server sent it.',
  ].join('\n');
}
