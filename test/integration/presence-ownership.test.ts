/**
 * Presence can't be flooded or taken over: a socket speaks for a few presence ids at most (the
 * rest are dropped and counted), and a presence id belongs to the person who first used it — no
 * other member can claim it, not even while its owner is reconnecting, and the owner gets it back.
 * Stock y-websocket providers for people; a raw socket for the attacker (what a hostile script
 * sends), on a real server.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WebSocket } from 'ws';
import { MessageType } from '../../shared/sync-protocol.ts';
import { encodeAwarenessEntries, type AwarenessEntry } from '../../server/sync/awareness-filter.ts';
import { awarenessMessage } from '../../server/sync/messages.ts';
import { maxPresenceIdsPerSocket } from '../../server/sync/room.ts';
import { joinBoard } from '../support/invites.ts';
import { clientPool, cookieWebSocket, type SyncClient } from '../support/sync-client.ts';
import { createBoard, signUp, startTestServer, type TestPerson, type TestServer } from '../support/test-server.ts';
import { nextEvent, waitUntil } from '../support/wait.ts';

let server: TestServer;
let ann: TestPerson;
let mallory: TestPerson;
let boardId: string;
const pool = clientPool(() => server);
const sockets: WebSocket[] = [];

beforeEach(async () => {
  server = await startTestServer();
  ann = await signUp(server, 'Ann');
  boardId = await createBoard(server, ann);
  mallory = await joinBoard(server, ann, boardId, 'edit', 'Mallory');
});
afterEach(async () => {
  pool.destroyAll();
  for (const socket of sockets.splice(0)) socket.close();
  await server.dispose();
});

function client(person: TestPerson): SyncClient {
  const created = pool.connect(boardId, person);
  created.provider.awareness.setLocalStateField('user', { name: person.displayName, color: '#336699' });
  return created;
}

type Entry = { clientId: number; clock: number; state: { user?: { name?: string } } | null };

/** A raw sync socket: sends awareness frames, and asks the server for everyone's presence. */
async function rawSocket(person: TestPerson) {
  const Socket = cookieWebSocket(person.cookie);
  const ws = new Socket(`${server.wsUrl}/sync/${boardId}`);
  sockets.push(ws);
  const frames: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)));
  await nextEvent(ws, 'open');
  return {
    sendPresence(entries: Entry[]) {
      // Any JSON goes on the wire; the server's own encoder writes the awareness format.
      ws.send(awarenessMessage(encodeAwarenessEntries(entries as AwarenessEntry[])));
    },
    /**
     * Everyone's presence as the server holds it, once it has handled every frame sent before:
     * frames are handled in order, and the sync step 2 answering this step 1 goes to this socket only.
     */
    async presence(): Promise<Map<number, string | undefined>> {
      const before = frames.length;
      ws.send(new Uint8Array([MessageType.sync, 0, 1, 0])); // sync step 1: an empty state vector
      await waitUntil(() => frames.slice(before).some((f) => f[0] === MessageType.sync && f[1] === 1), 'the server answers');
      const states = server.registry.loaded(boardId)!.awareness.getStates();
      return new Map([...states].map(([id, state]) => [id, (state as Entry['state'])?.user?.name]));
    },
  };
}

const namesSeenBy = (observer: SyncClient) =>
  [...observer.provider.awareness.getStates().entries()].map(([id, state]) => [id, (state as Entry['state'])?.user?.name] as const);

describe('presence', () => {
  it('lets one socket speak for a few ids at most: a flood of 2,000 reaches no one and is counted', async () => {
    const observer = client(ann);
    await observer.synced;
    const attacker = await rawSocket(mallory);
    const flood = Array.from({ length: 2000 }, (_, i) => ({ clientId: 1_000_000 + i, clock: 1, state: { user: { name: 'x' } } }));
    attacker.sendPresence(flood);
    const held = await attacker.presence();
    const malloryIds = [...held].filter(([, name]) => name === 'Mallory').map(([id]) => id);
    expect(malloryIds).toHaveLength(maxPresenceIdsPerSocket);
    expect(held.size).toBe(1 + maxPresenceIdsPerSocket);
    await waitUntil(() => observer.provider.awareness.getStates().size === 1 + maxPresenceIdsPerSocket, 'Ann sees Mallory');
    expect(server.registry.loaded(boardId)?.droppedPresenceIds).toBe(2000 - maxPresenceIdsPerSocket);
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
