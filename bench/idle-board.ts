/**
 * `npm run bench -- --idle`: does an idle board's Durable Object sleep? On the Workers build in
 * local workerd (bench/wrangler-dev.ts), three boards at once, each its own object:
 *
  * - **presence**: 10 stock y-websocket providers with presence set (a user name and colour) and
 *   y-protocols renewing it every ~15 s, as the board page did before 7ad7c79 — all joining at
 *   once (their renewals fall together), and on a second board joining 1.5 s apart (spread out, as
 *   people arriving at a session would);
 * - **no presence**: 10 stock providers whose presence is null before they connect, so they send
 *   nothing when idle (y-websocket then reconnects after 30 s without hearing from the server);
  * - **quiet**: what 0 wakes needs, as the board page does since 7ad7c79: presence set once and
 *   y-protocols' renewal timer cleared (the server drops a closed socket's presence itself), plus the
 *   keep-alive of keepalive-socket.ts (`ping` every 20 s, answered by the runtime without the object);
 * - **probe**: one raw socket that syncs, stays silent for 70 s, then sends one sync step 1 — the
 *   control: if local workerd hibernates an idle object at all, this one must wake for that frame.
 *
 * For 60 s nobody edits. Counted: the board object's `board object woke: board <id>, <n> sockets`
 * lines (one per rebuild from hibernation with sockets connected, worker-board.ts), and on the client
 * side every frame each socket sent (= what the object received) and received, and reconnects.
 */
import { performance } from 'node:perf_hooks';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { buildClientIfStale } from '../scripts/build-client.ts';
import { MessageType } from '../shared/sync-protocol.ts';
import { connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import { waitUntil } from '../test/support/wait.ts';
import { withTimeout } from './clients.ts';
import { keepAliveIntervalMs, keepAliveSocket } from './keepalive-socket.ts';
import { markdownTable } from './stats.ts';
import { startCommonGroundWorkers } from './targets/common-ground-workers.ts';
import type { RoomAddress, WebSocketClass } from './targets/types.ts';

const idleMs = 60_000;
const probeSilenceMs = 70_000;
const clientsPerBoard = 10;
const stepTimeoutMs = 60_000;

/** What the sockets of one board sent and received, by y-websocket message type. */
interface Tally {
  sockets: number;
  sent: Map<string, number>;
  /** performance.now() of every frame sent while counting. */
  sentAt: number[];
  received: number;
  counting: boolean;
}

const messageKinds: Record<number, string> = { [MessageType.sync]: 'sync', [MessageType.awareness]: 'awareness' };
const pings = 'ping';

function newTally(): Tally {
  return { sockets: 0, sent: new Map(), sentAt: [], received: 0, counting: false };
}

/** The address's WebSocket class, counting every frame its sockets send and receive into `tally`. */
function counted(address: RoomAddress, tally: Tally): RoomAddress {
  const Base = address.WebSocketPolyfill;
  const Counting = class extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      tally.sockets++;
      const send = this.send.bind(this) as (data: unknown, ...rest: unknown[]) => void;
      this.send = ((data: unknown, ...rest: unknown[]) => {
        if (tally.counting && typeof data === 'string') {
          // A text keep-alive: answered by the runtime, never delivered to the object.
          tally.sent.set(pings, (tally.sent.get(pings) ?? 0) + 1);
        } else if (tally.counting) {
          const bytes = data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer);
          const kind = messageKinds[bytes[0] ?? -1] ?? `type ${bytes[0]}`;
          tally.sent.set(kind, (tally.sent.get(kind) ?? 0) + 1);
          tally.sentAt.push(performance.now());
        }
        send(data, ...rest);
      }) as typeof this.send;
      this.on('message', () => void (tally.counting && tally.received++));
    }
  };
  return { ...address, WebSocketPolyfill: Counting as WebSocketClass };
}

interface Board {
  label: string;
  id: string;
  tally: Tally;
  clients: SyncClient[];
  reconnects: number;
}

/** Longest time in [start, end] with no frame sent to the object, in ms (from performance.now() stamps). */
function longestQuiet(times: number[], start: number, end: number): number {
  const edges = [start, ...times.filter((t) => t >= start && t <= end).sort((a, b) => a - b), end];
  return Math.max(...edges.slice(1).map((t, i) => t - edges[i]!));
}

interface IdleClients {
  presence: boolean;
  /** Time between two joins; 0: all at once. */
  joinGapMs?: number;
  /** No presence renewal, and the keep-alive of keepalive-socket.ts. */
  quiet?: boolean;
}

async function idleBoard(address: RoomAddress, label: string, how: IdleClients): Promise<Board> {
  const board: Board = { label, id: address.room, tally: newTally(), clients: [], reconnects: 0 };
  const at = counted(how.quiet ? { ...address, WebSocketPolyfill: keepAliveSocket(address.WebSocketPolyfill) } : address, board.tally);
  for (let i = 0; i < clientsPerBoard; i++) {
    const client = connectProvider(at, { connect: false, syncTimeoutMs: stepTimeoutMs });
    const { awareness } = client.provider;
    // As the board page does (client/src/board/presence.ts), or no presence at all.
    if (how.presence) awareness.setLocalStateField('user', { name: `Idle ${i}`, color: '#0b57d0' });
    else awareness.setLocalState(null);
    // y-protocols' 3 s timer renews the local state every 15 s and expires remote ones after 30 s.
    if (how.quiet) clearInterval((awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
    client.provider.on('connection-close', () => void (board.tally.counting && board.reconnects++));
    client.provider.connect();
    board.clients.push(client);
    if (how.joinGapMs && i < clientsPerBoard - 1) await sleep(how.joinGapMs);
  }
  await Promise.all(board.clients.map((client) => client.synced));
  return board;
}

/** One raw socket: sync, silence, one frame; poke() resolves once the frame is answered. */
function probe(address: RoomAddress, tally: Tally): { synced: Promise<void>; poke(): Promise<void>; closed(): string | null; close(): void } {
  const ws = new (counted(address, tally).WebSocketPolyfill)(`${address.serverUrl}/${address.room}`);
  ws.binaryType = 'arraybuffer';
  const doc = new Y.Doc();
  let closed: string | null = null;
  ws.once('close', (code: number, reason: Buffer) => void (closed = `${code} ${reason.toString()}`));
  let answered: (() => void) | null = null;
  ws.on('message', (data: ArrayBuffer) => {
    const bytes = new Uint8Array(data);
    if (bytes[0] === MessageType.sync && bytes[1] === syncProtocol.messageYjsSyncStep2) answered?.();
  });
  const step1 = (): Promise<void> => {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    const answer = new Promise<void>((resolve) => (answered = resolve));
    ws.send(encoding.toUint8Array(encoder));
    return answer;
  };
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  return { synced: opened.then(step1), poke: step1, closed: () => closed, close: () => ws.close() };
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the section and returns its markdown. */
export async function idleSection(progress: (line: string) => void, track: (server: { killNow(): void }) => void): Promise<string> {
  // The Workers build serves the built client as Static Assets: it must exist.
  await buildClientIfStale(progress);
  progress('idle board: starting wrangler dev');
  const target = await startCommonGroundWorkers();
  track(target);
  const wakes: { board: string; sockets: number; atMs: number }[] = [];
  let windowStart = performance.now();
  target.wrangler.onLine((line) => {
    const woke = /board object woke: board (\S+), (\d+) sockets/.exec(line);
    if (woke) wakes.push({ board: woke[1]!, sockets: Number(woke[2]), atMs: performance.now() - windowStart });
  });
  const boards: Board[] = [];
  let prober: ReturnType<typeof probe> | null = null;
  try {
    const probeTally = newTally();
    const probeAddress = await target.openRoom('Idle probe');
    prober = probe(probeAddress, probeTally);
    await prober.synced;
    boards.push(
      ...(await Promise.all([
        target.openRoom('Idle with presence').then((address) => idleBoard(address, 'presence renewed every 15 s (stock), all joined at once', { presence: true })),
        target.openRoom('Idle with presence, spread').then((address) => idleBoard(address, 'presence renewed every 15 s (stock), joined 1.5 s apart', { presence: true, joinGapMs: 1_500 })),
        target.openRoom('Idle without presence').then((address) => idleBoard(address, 'no presence', { presence: false })),
        target.openRoom('Idle, quiet clients').then((address) =>
          idleBoard(address, `presence sent once, \`ping\` every ${keepAliveIntervalMs / 1000} s (the board page since 7ad7c79)`, { presence: true, quiet: true }),
        ),
      ])),
    );
    progress(`idle board: ${boards.length} × ${clientsPerBoard} clients and 1 probe synced; idle for ${idleMs / 1000} s (probe silent for ${probeSilenceMs / 1000} s)`);
    // The window opens now: wakes and frames are counted from here.
    windowStart = performance.now();
    wakes.length = 0;
    for (const board of boards) board.tally.counting = true;
    probeTally.counting = true;
    await sleep(idleMs);
    for (const board of boards) board.tally.counting = false;
    const idleWakes = wakes.slice();
    const windowEnd = performance.now();
    progress(`idle board: window closed; the probe speaks at ${probeSilenceMs / 1000} s`);
    const probeSent = [...probeTally.sent.values()].reduce((a, b) => a + b, 0);
    await sleep(probeSilenceMs - idleMs);
    const pokedAt = performance.now() - windowStart;
    const answered = await withTimeout(prober.poke(), 10_000, 'the probe to be answered').then(
      () => true,
      () => false,
    );
    // The wake line is printed before the frame is handled, but travels through wrangler's pipe.
    await waitUntil(() => wakes.some((w) => w.board === probeAddress.room && w.atMs >= pokedAt), 'the probe board wakes', 3_000).catch(() => undefined);
    const probeWake = wakes.find((w) => w.board === probeAddress.room && w.atMs >= pokedAt);

    const rows = boards.map((board) => {
      const mine = idleWakes.filter((w) => w.board === board.id);
      const kinds = [...board.tally.sent.entries()].filter(([kind]) => kind !== pings);
      const sent = kinds.map(([kind, n]) => `${n} ${kind}`).join(', ');
      const total = kinds.reduce((sum, [, n]) => sum + n, 0);
      const pinged = board.tally.sent.get(pings);
      return [
        board.label,
        String(clientsPerBoard),
        String(mine.length),
        mine.map((w) => `${(w.atMs / 1000).toFixed(1)} s`).join(', ') || '–',
        `${total}${sent ? ` (${sent})` : ''}${pinged ? `; ${pinged} \`ping\` answered by the runtime` : ''}`,
        String(board.tally.received),
        String(board.reconnects),
        (longestQuiet(board.tally.sentAt, windowStart, windowEnd) / 1000).toFixed(1),
      ];
    });
    const verdict = !answered
      ? `got no answer within 10 s (socket ${prober.closed() === null ? 'still open' : `closed: ${prober.closed()}`})`
      : probeWake
      ? `woke ${((probeWake.atMs - pokedAt) / 1000).toFixed(2)} s after its frame (${probeWake.sockets} socket): local workerd does hibernate an idle object, so a board that never logs a wake was never asleep`
      : 'did not log a wake: local workerd did not hibernate the object in 70 s, so wake counts here say nothing about sleep';
    return [
      `### Idle board on Workers (local workerd) — ${clientsPerBoard} y-websocket 3.1.0 clients per board, ${idleMs / 1000} s without edits`,
      '',
      markdownTable(
        ['board', 'clients', `wakes in ${idleMs / 1000} s`, 'when (s into the window)', 'frames the object received (sent by the clients)', 'frames the clients received', 'reconnects', 'longest spell with no frame to the object (s)'],
        rows,
        2,
      ),
      '',
      `Control: one raw socket on a board of its own sent nothing for ${probeSilenceMs / 1000} s (${probeSent} frames in the ${idleMs / 1000} s window, then one frame at ${(pokedAt / 1000).toFixed(1)} s) and ${verdict}.`,
      `Wakes are the object's own \`board object woke\` lines (rebuilt from hibernation with sockets connected); frames are counted on the client side, by y-websocket message type, reconnects as y-websocket's connection-close events. workerd evicts an object after about 10 s without events, so a board whose longest spell with no frame is under 10 s never slept at all, whatever its wake count.`,
    ].join('\n');
  } finally {
    prober?.close();
    for (const board of boards) board.clients.forEach((client) => client.destroy());
    await target.stop();
  }
}
