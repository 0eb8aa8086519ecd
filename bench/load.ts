/**
 * Load (issue 5, item 5): 1,000 concurrent sync connections over 100 rooms (10 each) to the real
 * server in a child process, all real y-websocket providers in this process. Measures connect
 * time, socket errors (must be 0), server RSS idle / with one connection per room / with all
 * connected (→ memory per idle room and per connection) and a short editing phase whose edits
 * must reach every client of their room. Run with `npm run bench -- --load`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import * as prng from 'lib0/prng';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../shared/board-document.ts';
import { freePort, killableServer, type KillableServer } from '../test/support/killable-server.ts';
import { cookieWebSocket } from '../test/support/sync-client.ts';
import { makeTempDir } from '../test/support/temp-dir.ts';
import { waitUntil } from '../test/support/wait.ts';
import { createBoard, registerAccount } from './account.ts';
import { count, markdownTable, ms } from './stats.ts';

export interface LoadOptions {
  rooms: number;
  perRoom: number;
  /** Edits per room in the editing phase. */
  editsPerRoom: number;
  seed: number;
  stepTimeoutMs: number;
  track?: (server: KillableServer) => void;
  progress: (line: string) => void;
}

interface LoadClient {
  room: number;
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/** Resident memory of a process in KiB, from /proc (VmRSS), or null where /proc is missing. */
function rssKiB(pid: number | undefined): number | null {
  if (pid === undefined) return null;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

/**
 * RSS after the server has been quiet for a moment: read a few times 200 ms apart and keep the
 * last, so lazily freed buffers of the previous step have settled. This is pacing, not waiting
 * for an event: there is no event for "the heap settled".
 */
async function settledRss(server: KillableServer): Promise<number> {
  let last = 0;
  for (let i = 0; i < 5; i++) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    last = rssKiB(server.pid()) ?? 0;
  }
  return last;
}

/** Runs the load measurement and returns its markdown section. Always cleans up. */
export async function runLoad(options: LoadOptions): Promise<string> {
  const { rooms, perRoom, progress } = options;
  const dir = makeTempDir('common-ground-load-');
  const server = killableServer(await freePort(), `file:${dir.path}/load.db`);
  options.track?.(server);
  const clients: LoadClient[] = [];
  let errors = 0;
  let closes = 0;
  const connect = (cookie: string, boardId: string, room: number): LoadClient => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.wsUrl}/sync`, boardId, doc, {
      WebSocketPolyfill: cookieWebSocket(cookie) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    provider.awareness.setLocalStateField('user', { name: `Load ${clients.length}`, color: '#0b57d0' });
    provider.on('connection-error', () => errors++);
    provider.on('connection-close', () => closes++);
    const client = { room, doc, provider };
    clients.push(client);
    return client;
  };
  const synced = (group: LoadClient[], what: string) =>
    waitUntil(() => group.every((client) => client.provider.synced), what, options.stepTimeoutMs);
  try {
    await server.start();
    const startedKiB = await settledRss(server);
    const account = await registerAccount(server, 'Load');
    const boards: string[] = [];
    for (let room = 0; room < rooms; room++) boards.push(await createBoard(server, account, `Load room ${room}`));
    const idleKiB = await settledRss(server);

    progress(`  ${rooms} rooms, one connection each`);
    const firstAt = performance.now();
    const first = boards.map((boardId, room) => connect(account.cookie, boardId, room));
    await synced(first, `one client in each of ${rooms} rooms synced`);
    const firstMs = performance.now() - firstAt;
    const roomsKiB = await settledRss(server);

    progress(`  ${rooms * (perRoom - 1)} more connections (${rooms * perRoom} in all)`);
    const restAt = performance.now();
    const rest: LoadClient[] = [];
    for (let i = 1; i < perRoom; i++) boards.forEach((boardId, room) => rest.push(connect(account.cookie, boardId, room)));
    await synced(rest, `all ${rooms * perRoom} clients synced`);
    const restMs = performance.now() - restAt;
    const allKiB = await settledRss(server);

    progress(`  editing: ${options.editsPerRoom} stages added in each room`);
    const random = prng.create(options.seed);
    const editAt = performance.now();
    for (let room = 0; room < rooms; room++) {
      const members = clients.filter((client) => client.room === room);
      for (let i = 0; i < options.editsPerRoom; i++) {
        const writer = members[prng.uint32(random, 0, members.length - 1)]!;
        boardTypes(writer.doc).stages.push([newStage(`r${room}-e${i}`, `Edit ${i}`)]);
      }
    }
    await waitUntil(
      () => clients.every((client) => boardTypes(client.doc).stages.length === options.editsPerRoom),
      'every client saw every edit of its room',
      options.stepTimeoutMs,
    );
    const editMs = performance.now() - editAt;
    // Edits must stay in their room: every stage id a client holds names its own room.
    const leaked = clients.filter((client) => boardTypes(client.doc).stages.toArray().some((stage) => !String(stage.get('id')).startsWith(`r${client.room}-`))).length;
    const connected = clients.filter((client) => client.provider.wsconnected).length;

    const perRoomKiB = (roomsKiB - idleKiB) / rooms;
    const perConnectionKiB = (allKiB - roomsKiB) / rest.length;
    const rows = [
      ['connections', count(clients.length), `${rooms} rooms × ${perRoom}`],
      ['connected at the end', count(connected), 'must equal connections'],
      ['connection errors / closes', `${errors} / ${closes}`, 'must be 0 / 0'],
      [`connect + sync, 1 per room (${rooms})`, `${ms(firstMs)} ms`, 'loads each room from LibSQL'],
      [`connect + sync, the other ${rest.length}`, `${ms(restMs)} ms`, 'rooms already in memory'],
      ['server RSS just started', `${count(Math.round(startedKiB / 1024))} MiB`, 'before any request'],
      ['server RSS idle (boards created, no room loaded)', `${count(Math.round(idleKiB / 1024))} MiB`, 'after 1 sign-up and 100 boards'],
      [`server RSS with 1 connection per room`, `${count(Math.round(roomsKiB / 1024))} MiB`, ''],
      [`server RSS with all ${clients.length} connected`, `${count(Math.round(allKiB / 1024))} MiB`, ''],
      ['memory per loaded room (with its 1 connection)', `${count(Math.round(perRoomKiB))} KiB`, '(RSS 1/room − idle) / rooms'],
      ['memory per loaded room, its connection taken off', `${count(Math.round(perRoomKiB - perConnectionKiB))} KiB`, 'per loaded room − per connection'],
      ['memory per further connection', `${count(Math.round(perConnectionKiB))} KiB`, '(RSS all − RSS 1/room) / connections added'],
      [`editing: ${rooms * options.editsPerRoom} edits → seen by all ${perRoom} in each room`, `${ms(editMs)} ms`, `${leaked} clients saw another room's edit`],
    ];
    if (errors > 0 || closes > 0 || connected !== clients.length || leaked > 0) {
      progress(`  LOAD FAILED: ${errors} errors, ${closes} closes, ${connected}/${clients.length} connected, ${leaked} leaked`);
      process.exitCode = 1;
    }
    return [`### Load — ${clients.length} connections over ${rooms} rooms`, '', markdownTable(['what', 'value', 'note'], rows)].join('\n');
  } catch (error) {
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nserver output:\n${server.output().slice(-4000)}`, { cause: error });
  } finally {
    for (const client of clients) {
      client.provider.destroy();
      client.doc.destroy();
    }
    await server.kill();
    dir.remove();
  }
}
