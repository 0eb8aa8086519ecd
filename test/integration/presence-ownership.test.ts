/**
 * Presence can't be flooded or taken over: a socket speaks for a few presence ids at most (the
 * rest are dropped and counted), and a presence id belongs to the person who first used it — no
 * other member can claim it, not even while its owner is reconnecting, and the owner gets it back.
 * Stock y-websocket providers for people; a raw socket for the attacker (what a hostile script
 * sends). One suite against both targets (test/support/targets.ts), the Node server and the
 * Workers build in `wrangler dev`: what the server holds is read from what it tells that socket
 * (every presence change goes to every socket, its sender included, and a presence query answers
 * with all of it); the count of dropped ids is read from the Node server's room, on Node.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { WebSocket } from 'ws';
import { MessageType } from '../../shared/sync-protocol.ts';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../server/sync/awareness-filter.ts';
import { awarenessMessage } from '../../server/sync/messages.ts';
import { maxPresenceIdsPerSocket } from '../../server/sync/room.ts';
import { joinBoard } from '../support/invites.ts';
import { clientPool, cookieWebSocket, type SyncClient } from '../support/sync-client.ts';
import { targets } from '../support/targets.ts';
import { createBoard, signUp, startTestServer, type AppAddress, type TestPerson, type TestServer } from '../support/test-server.ts';
import { nextEvent, waitUntil } from '../support/wait.ts';

/** The app the running describe block tests. */
let server: AppAddress & { wsUrl: string; dispose(): Promise<void> };
let ann: TestPerson;
let mallory: TestPerson;
let boardId: string;
const pool = clientPool(() => server);
const sockets: WebSocket[] = [];
const mirrors: awarenessProtocol.Awareness[] = [];

/** Each test on a board of its own, with Mallory a member who edits. */
beforeEach(async () => {
  boardId = await createBoard(server, ann);
  mallory = await joinBoard(server, ann, boardId, 'edit', 'Mallory');
});
afterEach(() => {
  pool.destroyAll();
  for (const socket of sockets.splice(0)) socket.close();
  for (const mirror of mirrors.splice(0)) mirror.destroy();
});

function client(person: TestPerson): SyncClient {
  const created = pool.connect(boardId, person);
  created.provider.awareness.setLocalStateField('user', { name: person.displayName, color: '#336699' });
  return created;
}

type Entry = { clientId: number; clock: number; state: { user?: { name?: string } } | null };

/**
 * A raw sync socket: sends awareness frames, and tells everyone's presence as the server holds it.
 * It keeps a copy of the server's presence from what the server sends it: everything the room
 * holds when the socket joins, every change after (to every socket, the sender's own included),
 * and the whole of it again when asked with a presence query.
 */
async function rawSocket(person: TestPerson) {
  const Socket = cookieWebSocket(person.cookie);
  const ws = new Socket(`${server.wsUrl}/sync/${boardId}`);
  sockets.push(ws);
  const mirror = new awarenessProtocol.Awareness(new Y.Doc());
  mirror.setLocalState(null);
  mirrors.push(mirror);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => {
    const frame = new Uint8Array(data);
    frames.push(frame);
    const decoder = decoding.createDecoder(frame);
    if (decoding.readVarUint(decoder) === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(mirror, decoding.readVarUint8Array(decoder), 'server');
    }
  });
  await nextEvent(ws, 'open');
  return {
    sendPresence(entries: Entry[]) {
      // Any JSON goes on the wire; the server's own encoder writes the awareness format.
      ws.send(awarenessMessage(encodeAwarenessEntries(entries as AwarenessEntry[])));
    },
    /**
     * Everyone's presence as the server holds it, once it has handled every frame sent before:
     * frames are handled in order, so the answer to the query and then the sync step 2 answering
     * a step 1 (to this socket only) come after everything the earlier frames caused.
     */
    async presence(): Promise<Map<number, string | undefined>> {
      const before = frames.length;
      ws.send(new Uint8Array([MessageType.queryAwareness]));
      ws.send(new Uint8Array([MessageType.sync, 0, 1, 0])); // sync step 1: an empty state vector
      await waitUntil(() => frames.slice(before).some((f) => f[0] === MessageType.sync && f[1] === 1), 'the server answers');
      const states = mirror.getStates();
      return new Map([...states].map(([id, state]) => [id, (state as Entry['state'])?.user?.name]));
    },
  };
}

const namesSeenBy = (observer: SyncClient) =>
  [...observer.provider.awareness.getStates().entries()].map(([id, state]) => [id, (state as Entry['state'])?.user?.name] as const);

const flood = Array.from({ length: 2000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: 'x' } } }));

describe.each(targets)('presence on %s', (target) => {
  beforeAll(async () => {
    server = await target.start();
    ann = await signUp(server, 'Ann');
  });
  afterAll(() => server?.dispose());

  it('lets one socket speak for a few ids at most: a flood of 2,000 reaches no one', async () => {
    const observer = client(ann);
    await observer.synced;
    const attacker = await rawSocket(mallory);
    attacker.sendPresence(flood);
    const held = await attacker.presence();
    const malloryIds = [...held].filter(([, name]) => name === 'Mallory').map(([id]) => id);
    expect(malloryIds).toHaveLength(maxPresenceIdsPerSocket);
    expect(held.size).toBe(1 + maxPresenceIdsPerSocket);
    await waitUntil(() => observer.provider.awareness.getStates().size === 1 + maxPresenceIdsPerSocket, 'Ann sees Mallory');
  });

  it("never lets another member speak for someone's presence id while they are connected", async () => {
    const annClient = client(ann);
    await annClient.synced;
    const annId = annClient.doc.clientID;
    const attacker = await rawSocket(mallory);
    await waitUntil(async () => (await attacker.presence()).get(annId) === 'Ann', 'the server holds Ann’s presence');
    attacker.sendPresence([{ clientId: annId, clock: 1_000, state: { user: { name: 'Mallory as Ann' } } }]);
    expect((await attacker.presence()).get(annId)).toBe('Ann');
  });

  it('keeps a presence id with its person while they reconnect: nobody can take it, and they get it back', async () => {
    const observer = client(mallory); // a third party's view: Mallory's own stock client
    const annClient = client(ann);
    await Promise.all([observer.synced, annClient.synced]);
    const annId = annClient.doc.clientID;
    await waitUntil(() => namesSeenBy(observer).some(([id, name]) => id === annId && name === 'Ann'), 'Ann is seen');

    annClient.provider.disconnect();
    await waitUntil(() => !observer.provider.awareness.getStates().has(annId), 'Ann has gone');
    const attacker = await rawSocket(mallory);
    attacker.sendPresence([{ clientId: annId, clock: 1_000, state: { user: { name: 'taken' } } }]);
    expect((await attacker.presence()).has(annId)).toBe(false);

    annClient.provider.connect();
    await waitUntil(() => namesSeenBy(observer).some(([id, name]) => id === annId && name === 'Ann'), 'Ann is back under her own id');
    expect((await attacker.presence()).get(annId)).toBe('Ann');
  });
});

describe('presence on node: its room', () => {
  beforeAll(async () => {
    server = await startTestServer();
    ann = await signUp(server, 'Ann');
  });
  afterAll(() => server?.dispose());

  it('counts the ids a flood names beyond the few a socket may speak for, and holds only those', async () => {
    const attacker = await rawSocket(mallory);
    attacker.sendPresence(flood);
    await attacker.presence();
    const room = (server as TestServer).registry.loaded(boardId)!;
    expect(room.droppedPresenceIds).toBe(2000 - maxPresenceIdsPerSocket);
    expect(room.awareness.getStates().size).toBe(maxPresenceIdsPerSocket);
  });
});
