/**
 * N people in one room of any target: unmodified y-websocket providers (test/support/sync-client.ts)
 * with presence set as the app sets it, touchpoints whose stories they type into (written as the
 * board's schema wants them, so Common Ground's guard takes every word), and a probe that learns
 * when the server has answered (Common Ground: committed) everything a client sent.
 */
import { generateNKeysBetween } from 'fractional-indexing';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint } from '../shared/board-document.ts';
import { MessageType } from '../shared/sync-protocol.ts';
import { waitUntil } from '../test/support/wait.ts';
import { connectProvider, type SyncClient } from '../test/support/sync-client.ts';
import type { RoomAddress } from './targets/types.ts';

/** Touchpoint ids the two measurements type into, so their words never mix. */
export const latencyCard = 'bench-latency';
/**
 * The throughput burst's words go to these in turn: a full-size burst (2,000 words, ~12,000
 * characters) would not fit one story (10,000 at most; the server refuses more).
 */
export const throughputCards = ['bench-throughput-1', 'bench-throughput-2', 'bench-throughput-3', 'bench-throughput-4'] as const;

/** One connected person. */
export interface BenchClient extends SyncClient {
  /**
   * Resolves when the server has answered a sync step 1 sent after everything this client sent
   * before the call, on the provider's own socket. Common Ground answers step 2 only once every
   * update it applied so far is on disk (server/sync/room.ts), so there it is a durable ack; the
   * peers answer at once (a round trip through the server, nothing more).
   */
  committed(): Promise<void>;
  /** The story text of a touchpoint, once it has arrived. */
  story(card: string): Y.Text;
}

/** The clients of one run, with what is needed to check and end it. */
export interface ClientGroup {
  clients: BenchClient[];
  /** How many sockets have closed under the clients; any close during a measurement spoils it. */
  disconnects(): number;
  /** Closes every socket and frees the documents. */
  destroy(): void;
}

export interface ConnectOptions {
  address: RoomAddress;
  displayName: string;
  count: number;
  /** Cap on connecting, syncing and seeing the touchpoints. */
  timeoutMs: number;
}

/** Opens `count` providers at once, waits until every one has synced and sees every touchpoint. */
export async function connectGroup(options: ConnectOptions): Promise<ClientGroup> {
  let disconnects = 0;
  const clients: BenchClient[] = [];
  const group: ClientGroup = {
    clients,
    disconnects: () => disconnects,
    destroy: () => clients.forEach((client) => client.destroy()),
  };
  try {
    for (let i = 0; i < options.count; i++) {
      const client = benchClient(connectProvider(options.address, { syncTimeoutMs: options.timeoutMs }));
      client.provider.on('connection-close', () => disconnects++);
      client.provider.awareness.setLocalStateField('user', { name: options.displayName, color: '#0b57d0' });
      clients.push(client);
    }
    await withTimeout(Promise.all(clients.map((client) => client.synced)), options.timeoutMs, `${options.count} clients to sync`);
    const first = clients[0]!;
    const types = boardTypes(first.doc);
    const cards = [latencyCard, ...throughputCards];
    first.doc.transact(() => {
      types.stages.push([newStage('bench-stage', 'Waiting room')]);
      const orders = generateNKeysBetween(null, null, cards.length);
      cards.forEach((id, i) => {
        const card = { id, stageId: 'bench-stage', order: orders[i]!, title: id, createdBy: options.address.userId, createdAt: Date.now() };
        types.touchpoints.set(id, newTouchpoint(card));
      });
    });
    await waitUntil(
      () => clients.every((client) => cards.every((card) => boardTypes(client.doc).touchpoints.has(card))),
      'every client sees the touchpoints',
      options.timeoutMs,
    );
    return group;
  } catch (error) {
    group.destroy();
    throw error;
  }
}

/** Adds the commit probe and story lookup to a connected provider. */
function benchClient(client: SyncClient): BenchClient {
  const waiting: (() => void)[] = [];
  let listening: WebSocket | null = null;
  const onMessage = (event: MessageEvent): void => {
    const data: unknown = event.data;
    if (!(data instanceof ArrayBuffer)) return;
    const decoder = decoding.createDecoder(new Uint8Array(data));
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
    waiting.shift()?.();
  };
  return {
    ...client,
    committed() {
      const ws = client.provider.ws;
      if (!ws || ws.readyState !== ws.OPEN) return Promise.reject(new Error('the client is not connected'));
      if (listening !== ws) {
        ws.addEventListener('message', onMessage);
        listening = ws;
      }
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeSyncStep1(encoder, client.doc);
      const acked = new Promise<void>((resolve) => waiting.push(resolve));
      ws.send(encoding.toUint8Array(encoder));
      return acked;
    },
    story(card) {
      const story = boardTypes(client.doc).touchpoints.get(card)?.get('story');
      if (!(story instanceof Y.Text)) throw new Error(`touchpoint ${card} has no story yet`);
      return story;
    },
  };
}

/** Waits until every client's story of `card` has `length` characters and all read the same. */
export async function waitConverged(clients: BenchClient[], card: string, length: number, timeoutMs: number): Promise<void> {
  await waitUntil(() => clients.every((client) => client.story(card).length === length), `all clients hold ${length} characters`, timeoutMs);
  const reference = clients[0]!.story(card).toString();
  const differing = clients.filter((client) => client.story(card).toString() !== reference).length;
  if (differing > 0) throw new Error(`${differing} of ${clients.length} clients did not converge on ${card}`);
}

/** Rejects with a message naming what we waited for when `promise` takes longer than `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
