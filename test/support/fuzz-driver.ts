/**
 * Drives seeded bad frames at one room over raw authenticated sockets, for the sync fuzz test
 * (server in the test's process) and the fuzz benchmark (server in a child process, RSS read from
 * /proc). Each worker has its own seeded stream, so a seed names a run exactly.
 */
import type { WebSocket } from 'ws';
import { maxMessageBytes } from '../../shared/sync-protocol.ts';
import { FuzzFrames, type FrameKind, type FuzzFrame } from './fuzz-frames.ts';
import { seededRandom } from './seeded-random.ts';
import { cookieWebSocket } from './sync-client.ts';
import { nextEvent } from './wait.ts';

/** Outcomes per frame kind: how many frames, and which close codes they drew ('open' = survived). */
export type Outcomes = Map<FrameKind | 'oversized', Map<string, number>>;

export interface FuzzTarget {
  wsUrl: string;
  boardId: string;
  /** A member's session cookie: the frames must get past admission to reach the room. */
  cookie: string;
}

export interface FuzzRun {
  target: FuzzTarget;
  frames: number;
  seed: number;
  /** Parallel sockets; worker w uses seed + w. */
  workers: number;
  /** Every this many frames a worker sends a 1 MiB frame (legal: under maxMessageBytes). */
  bigEvery: number;
  /** Called after each frame's outcome is known, with the number delivered so far. */
  onFrame?: (delivered: number) => void;
}

const mib = 1024 * 1024;

/** Opens a raw socket on the room and waits for the server's sync step 1, i.e. until it has joined. */
async function openFuzzSocket(target: FuzzTarget): Promise<WebSocket> {
  const Socket = cookieWebSocket(target.cookie);
  const ws = new Socket(`${target.wsUrl}/sync/${target.boardId}`);
  ws.on('error', () => undefined); // a reset after an oversized frame is expected; 'close' reports it
  await nextEvent(ws, 'message', 10_000);
  return ws;
}

/**
 * Sends a frame followed by a ping. The server's `ws` handles frames in order and its handler is
 * synchronous once the room is loaded, so a pong means the frame was processed and the socket
 * survived; a close means the server rejected it (its code is returned).
 */
function deliver(ws: WebSocket, data: Uint8Array | string, seed: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const done = (result: number | null): void => {
      clearTimeout(timer);
      ws.off('pong', onPong);
      ws.off('close', onClose);
      resolve(result);
    };
    const onPong = (): void => done(null);
    const onClose = (code: number): void => done(code);
    const timer = setTimeout(() => {
      ws.off('pong', onPong);
      ws.off('close', onClose);
      reject(new Error(`no pong or close within 20 s (seed ${seed})`));
    }, 20_000);
    ws.on('pong', onPong);
    ws.on('close', onClose);
    ws.send(data);
    ws.ping();
  });
}

function tally(outcomes: Outcomes, kind: FrameKind | 'oversized', result: number | null): void {
  const byResult = outcomes.get(kind) ?? new Map<string, number>();
  const key = result === null ? 'open' : String(result);
  byResult.set(key, (byResult.get(key) ?? 0) + 1);
  outcomes.set(kind, byResult);
}

/** One worker's share of frames; worker 0 also sends the one frame over the limit halfway. */
async function fuzzWorker(run: FuzzRun, index: number, frames: number, outcomes: Outcomes, onFrame: () => void): Promise<void> {
  const maker = new FuzzFrames(seededRandom(run.seed + index));
  let ws = await openFuzzSocket(run.target);
  try {
    for (let i = 0; i < frames; i++) {
      if (ws.readyState !== ws.OPEN) ws = await openFuzzSocket(run.target);
      let frame: FuzzFrame | { kind: 'oversized'; data: Uint8Array } =
        i % run.bigEvery === run.bigEvery / 2 ? maker.big(mib) : maker.next();
      if (index === 0 && i === Math.floor(frames / 2)) frame = { kind: 'oversized', data: new Uint8Array(maxMessageBytes + 1) };
      tally(outcomes, frame.kind, await deliver(ws, frame.data, run.seed));
      onFrame();
    }
  } finally {
    ws.close();
  }
}

/** Sends `frames` bad frames over `workers` sockets; resolves with the outcomes once all are answered. */
export async function runFuzz(run: FuzzRun): Promise<{ delivered: number; outcomes: Outcomes }> {
  const outcomes: Outcomes = new Map();
  const perWorker = Math.ceil(run.frames / run.workers);
  let delivered = 0;
  await Promise.all(
    Array.from({ length: run.workers }, (_, w) =>
      fuzzWorker(run, w, Math.max(0, Math.min(perWorker, run.frames - w * perWorker)), outcomes, () => run.onFrame?.(++delivered)),
    ),
  );
  return { delivered, outcomes };
}

/** `random: open×12 1007×3` lines for reports. */
export function describeOutcomes(outcomes: Outcomes): string[] {
  return [...outcomes].map(([kind, results]) => `${kind}: ${[...results].map(([r, n]) => `${r}×${n}`).join(' ')}`);
}
