/**
 * Cold load end to end, on every server that keeps boards: a restarted server, a board it holds
 * only on disk, and one new y-websocket client — from opening the socket to `synced` (the whole
 * board arrived and applied). The same boards (bench/editing-trace.ts, B4-sized) are written by a
 * client into Common Ground and into Hocuspocus, both servers are stopped (both store what they
 * hold on SIGTERM) and started again on their data folders, and then each board is opened once,
 * the two servers taking turns, so every sample is a board no process has in memory and a slow
 * spell of the machine falls on neither in particular. The first board opened after the restart
 * also pays for a cold process (JIT); it is reported apart. y-websocket-server keeps
 * nothing, so after a restart it has no board to load.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { waitUntil } from '../test/support/wait.ts';
import { boardFromTrace, storyLength, type TraceShape } from './editing-trace.ts';
import { count, markdownTable, ms, summarize } from './stats.ts';
import { connectProvider } from '../test/support/sync-client.ts';
import { startTarget } from './targets/start-target.ts';
import { peerUserId, type RoomAddress, type RunningTarget, type TargetName } from './targets/types.ts';

const syncTimeoutMs = 60_000;

interface CompareCase {
  shape: TraceShape;
  operations: number;
  /** Boards opened on each server: the first pays for the cold process, the rest are cold rooms. */
  boards: number;
}

/** `ws://127.0.0.1:PORT` of an address, so a board's address can follow its server to a new port. */
const wsOrigin = (address: RoomAddress): string => /^wss?:\/\/[^/]+/.exec(address.serverUrl)![0];

/**
 * A trace's board as one update, written in the name of the room's user (Common Ground's guard
 * takes touchpoints only in their adder's name); built once and given to the peers as it is,
 * since they check no names.
 */
type TraceBoard = (userId: string) => Uint8Array;

function traceBoard(operations: number, shape: TraceShape): TraceBoard {
  const built = new Map<string, Uint8Array>();
  return (userId) => {
    const ready = built.get(userId) ?? (userId === peerUserId ? built.values().next().value : undefined);
    if (ready) return ready;
    const doc = boardFromTrace(operations, shape, 42, userId);
    const update = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    built.set(userId, update);
    return update;
  };
}

/** Writes the board into a new room through one client, and returns the room's address. */
async function seedRoom(target: RunningTarget, label: string, board: TraceBoard): Promise<RoomAddress> {
  const address = await target.openRoom(label);
  const doc = new Y.Doc();
  Y.applyUpdate(doc, board(address.userId));
  const client = connectProvider(address, { doc, syncTimeoutMs });
  try {
    await client.synced;
    // The server has the board once another client receives it whole: `synced` only says the
    // server's answer arrived, not that the upload was applied (Hocuspocus has no durable ack;
    // its store on SIGTERM is what puts it on disk).
    const check = connectProvider(address, { syncTimeoutMs });
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

/** One server of the comparison: its data folder, the boards it holds and what opening them took. */
interface Side {
  name: TargetName;
  data: ReturnType<typeof makeTempDir>;
  target: RunningTarget | null;
  /** `ws://127.0.0.1:PORT` of the running process (the port changes on every start). */
  origin: string;
  addresses: RoomAddress[];
  samples: number[];
}

/** Opens one stored board as a new client would; ms from socket opening to synced. */
async function openCold(side: Side, address: RoomAddress, expectedLength: number): Promise<number> {
  const moved = { ...address, serverUrl: address.serverUrl.replace(wsOrigin(address), side.origin) };
  const started = performance.now();
  const client = connectProvider(moved, { syncTimeoutMs });
  try {
    await client.synced;
    const elapsed = performance.now() - started;
    const length = storyLength(client.doc);
    if (length !== expectedLength) throw new Error(`${side.name} loaded ${length} of ${expectedLength} characters after a restart`);
    return elapsed;
  } finally {
    client.destroy();
  }
}

/**
 * Both servers get the same boards, both are restarted, then the boards are opened taking turns
 * (board i on one, then on the other, the order swapping each time), so a slow spell of the
 * machine lands on neither in particular.
 */
async function measurePair(board: TraceBoard, expectedLength: number, boards: number, progress: (line: string) => void): Promise<Side[]> {
  const sides: Side[] = (['Common Ground', 'Hocuspocus'] as const).map((name) => ({
    name,
    data: makeTempDir('cold-compare-'),
    target: null,
    origin: '',
    addresses: [],
    samples: [],
  }));
  try {
    for (const side of sides) {
      side.target = await startTarget(side.name, { dataDir: side.data.path });
      for (let i = 0; i < boards; i++) side.addresses.push(await seedRoom(side.target, `cold ${i}`, board));
      await side.target.stop();
      side.target = null;
    }
    progress(`  both servers hold ${boards} boards; restarting both`);
    for (const side of sides) {
      side.target = await startTarget(side.name, { dataDir: side.data.path });
      side.origin = wsOrigin(await side.target.openRoom('where-is-the-server'));
    }
    for (let i = 0; i < boards; i++) {
      for (const side of i % 2 === 0 ? sides : [...sides].reverse()) side.samples.push(await openCold(side, side.addresses[i]!, expectedLength));
    }
    return sides;
  } finally {
    for (const side of sides) {
      await side.target?.stop();
      side.data.remove();
    }
  }
}

/** The comparison section: one row per (trace, server). */
export async function coldLoadComparison(progress: (line: string) => void, cases: CompareCase[]): Promise<string> {
  const rows: string[][] = [];
  for (const { shape, operations, boards } of cases) {
    const board = traceBoard(operations, shape);
    const update = board(peerUserId);
    const expected = new Y.Doc();
    Y.applyUpdate(expected, update);
    const expectedLength = storyLength(expected);
    expected.destroy();
    // What any client spends applying the board, whichever server sent it.
    const applies: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      Y.applyUpdate(new Y.Doc(), update);
      applies.push(performance.now() - started);
    }
    const byTarget = new Map<TargetName, number>();
    progress(`cold load end to end: ${shape}, ${count(operations)} keystrokes, ${boards} boards on each server`);
    for (const side of await measurePair(board, expectedLength, boards, progress)) {
      const [first, ...rest] = side.samples;
      const warm = summarize(rest);
      byTarget.set(side.name, warm.p50);
      rows.push([
        `${shape}, ${count(operations)}`,
        side.name,
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
    '### Cold load end to end — restarted server, board only on disk, one new client (socket open → synced), servers taking turns',
    '',
    markdownTable(
      ['trace, keystrokes', 'server', 'board (KiB)', 'first board after restart (ms)', 'the other boards p50 (ms)', 'max (ms)', 'client\'s own apply p50 (ms)'],
      rows,
    ),
    '',
    'Both ends on this machine, so the figure includes the client applying the board (last column), which is the same whichever server sent it.',
  ].join('\n');
}
