/**
 * Load (issue 5, item 5): 100 rooms × 10 concurrent sync connections to one target in a child
 * process, all real y-websocket providers in this process, the same for every target. Measures
 * connect time, socket errors (must be 0), server RSS idle / with one connection per room / with
 * all connected (→ memory per idle room and per connection) and a short editing phase whose
 * edits must reach every client of their room and no other.
 */
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { boardTypes, newStage } from '../shared/board-document.ts';
import { waitUntil } from '../test/support/wait.ts';
import { connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import { startTarget } from './targets/start-target.ts';
import type { RoomAddress, RunningTarget, TargetName } from './targets/types.ts';

export interface LoadOptions {
  rooms: number;
  perRoom: number;
  /** Edits per room in the editing phase. */
  editsPerRoom: number;
  seed: number;
  stepTimeoutMs: number;
  /** Told about the target once it runs, so the caller can kill it on exit. */
  track?: (target: RunningTarget) => void;
  progress: (line: string) => void;
}

/** The figures of one target's load run; KiB figures are server RSS (VmRSS). */
export interface LoadResult {
  target: TargetName;
  durability: string;
  rooms: number;
  perRoom: number;
  connections: number;
  connectedAtEnd: number;
  errors: number;
  closes: number;
  /** Connect + first sync of one client per room (each room loaded or created on the server). */
  firstMs: number;
  /** Connect + sync of the other clients (rooms already loaded). */
  restMs: number;
  startedKiB: number;
  /** After the rooms were created (Common Ground: account and boards), none loaded. */
  idleKiB: number;
  roomsKiB: number;
  allKiB: number;
  /** Every client saw every edit of its room: time from the first edit. */
  editMs: number;
  edits: number;
  /** Clients that saw another room's edit (must be 0). */
  leaked: number;
}

interface LoadClient extends SyncClient {
  room: number;
}

/**
 * RSS after the server has been quiet for a moment: read a few times 200 ms apart and keep the
 * last, so lazily freed buffers of the previous step have settled. This is pacing, not waiting
 * for an event: there is no event for "the heap settled".
 */
async function settledRss(target: RunningTarget): Promise<number> {
  let last = 0;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = target.rssKiB() ?? 0;
  }
  return last;
}

/** Whether a load run passed: every socket up, no error or close, no edit in the wrong room. */
export function loadPassed(result: LoadResult): boolean {
  return result.errors === 0 && result.closes === 0 && result.connectedAtEnd === result.connections && result.leaked === 0;
}

/** Runs the load against a fresh `name` server and stops it again, also on failure. */
export async function runLoad(name: TargetName, options: LoadOptions): Promise<LoadResult> {
  const { rooms, perRoom, progress } = options;
  const target = await startTarget(name);
  options.track?.(target);
  const clients: LoadClient[] = [];
  let errors = 0;
  let closes = 0;
  const connect = (address: RoomAddress, room: number): LoadClient => {
    const client = { ...connectProvider(address, { syncTimeoutMs: options.stepTimeoutMs }), room };
    client.synced.catch(() => undefined); // waited for below, by polling all at once
    client.provider.awareness.setLocalStateField('user', { name: `Load ${clients.length}`, color: '#0b57d0' });
    client.provider.on('connection-error', () => errors++);
    client.provider.on('connection-close', () => closes++);
    clients.push(client);
    return client;
  };
  const synced = (group: LoadClient[], what: string) =>
    waitUntil(() => group.every((client) => client.provider.synced), what, options.stepTimeoutMs);
  try {
    const startedKiB = await settledRss(target);
    const addresses: RoomAddress[] = [];
    for (let room = 0; room < rooms; room++) addresses.push(await target.openRoom(`Load room ${room}`));
    const idleKiB = await settledRss(target);

    progress(`  ${name}: ${rooms} rooms, one connection each`);
    const firstAt = performance.now();
    const first = addresses.map((address, room) => connect(address, room));
    await synced(first, `one client in each of ${rooms} rooms synced`);
    const firstMs = performance.now() - firstAt;
    const roomsKiB = await settledRss(target);

    progress(`  ${name}: ${rooms * (perRoom - 1)} more connections (${rooms * perRoom} in all)`);
    const restAt = performance.now();
    const rest: LoadClient[] = [];
    for (let i = 1; i < perRoom; i++) addresses.forEach((address, room) => rest.push(connect(address, room)));
    await synced(rest, `all ${rooms * perRoom} clients synced`);
    const restMs = performance.now() - restAt;
    const allKiB = await settledRss(target);

    progress(`  ${name}: ${options.editsPerRoom} stages added in each room`);
    const random = prng.create(options.seed);
    const editAt = performance.now();
    for (let room = 0; room < rooms; room++) {
      const members = clients.filter((client) => client.room === room);
      for (let i = 0; i < options.editsPerRoom; i++) {
        const writer = members[prng.uint32(random, 0, members.length - 1)]!;
        boardTypes(writer.doc).stages.push([newStage(`room-${room}-edit-${i}`, `Edit ${i}`)]);
      }
    }
    await waitUntil(
      () => clients.every((client) => boardTypes(client.doc).stages.length === options.editsPerRoom),
      'every client saw every edit of its room',
      options.stepTimeoutMs,
    );
    const editMs = performance.now() - editAt;
    // Edits must stay in their room: every stage id a client holds names its own room.
    const leaked = clients.filter((client) => boardTypes(client.doc).stages.toArray().some((stage) => !String(stage.get('id')).startsWith(`room-${client.room}-`))).length;
    const result: LoadResult = {
      target: name,
      durability: target.durability.summary,
      rooms,
      perRoom,
      connections: clients.length,
      connectedAtEnd: clients.filter((client) => client.provider.wsconnected).length,
      errors,
      closes,
      firstMs,
      restMs,
      startedKiB,
      idleKiB,
      roomsKiB,
      allKiB,
      editMs,
      edits: rooms * options.editsPerRoom,
      leaked,
    };
    if (!loadPassed(result)) {
      progress(`  LOAD FAILED on ${name}: ${errors} errors, ${closes} closes, ${result.connectedAtEnd}/${clients.length} connected, ${leaked} leaked`);
    }
    return result;
  } catch (error) {
    throw new Error(`${name}: ${error instanceof Error ? error.message : String(error)}\nserver output:\n${target.output().slice(-4000)}`, { cause: error });
  } finally {
    clients.forEach((client) => client.destroy());
    await target.stop();
  }
}
