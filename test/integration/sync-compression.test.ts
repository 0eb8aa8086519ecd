/**
 * WebSocket compression (permessage-deflate, RFC 7692) on the sync endpoint, on both runtimes:
 * agreed with a client that offers it and only then, so a client that does not still syncs; a big
 * board's first sync crosses the wire compressed (counted by a TCP proxy in front of the server)
 * and arrives whole; a compressed frame that inflates past the 32 MiB limit is refused with 1009
 * and changes nothing. Stock `ws` clients and y-websocket providers throughout.
 */
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { boardTypes, newStage } from '../../shared/board-document.ts';
import { CloseCode, MessageType, maxMessageBytes } from '../../shared/sync-protocol.ts';
import { startCountingProxy, type CountingProxy } from '../support/counting-proxy.ts';
import { fillBoard } from '../support/large-board.ts';
import { connectClient, connectProvider, type SyncClient } from '../support/sync-client.ts';
import { targets, type Target } from '../support/targets.ts';
import { createBoard, signUp, type TestPerson } from '../support/test-server.ts';
import { nextEvent, waitUntil } from '../support/wait.ts';

/** A `ws` WebSocket class through the proxy that offers permessage-deflate or not. */
function socketClass(app: Target, proxy: CountingProxy, cookie: string, offerDeflate: boolean) {
  const host = new URL(app.url).host;
  return class ProxiedWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      // The app's own Host, as a browser on its origin would send.
      super(String(url).replace(host, proxy.host), protocols, { headers: { cookie, host }, perMessageDeflate: offerDeflate });
      this.once('upgrade', (response) => (this.agreed = String(response.headers['sec-websocket-extensions'] ?? '')));
    }
    /** The server's Sec-WebSocket-Extensions answer, once open. */
    agreed = '';
  };
}

/** The `ws` socket under a provider. */
const socketOf = (client: SyncClient): WebSocket => client.provider.ws as unknown as WebSocket;

const bigBoardBytes = 1_100_000;

describe.each(targets)('sync compression on %s', (target) => {
  let app: Target;
  let proxy: CountingProxy;
  let ann: TestPerson;
  const open: SyncClient[] = [];
  const provider = (boardId: string, offerDeflate: boolean): SyncClient => {
    const client = connectProvider(
      { serverUrl: `${app.wsUrl}/sync`, room: boardId, WebSocketPolyfill: socketClass(app, proxy, ann.cookie, offerDeflate) },
      { syncTimeoutMs: 60_000 },
    );
    open.push(client);
    return client;
  };

  beforeAll(async () => {
    app = await target.start();
    proxy = await startCountingProxy(app.url);
    ann = await signUp(app, 'Ann');
  });
  afterAll(async () => {
    for (const client of open.splice(0)) client.destroy();
    await proxy?.close();
    await app?.dispose();
  });

  it('agrees permessage-deflate with a client that offers it, and still syncs one that does not', async () => {
    const boardId = await createBoard(app, ann);
    const offering = provider(boardId, true);
    const plain = provider(boardId, false);
    await Promise.all([offering.synced, plain.synced]);
    expect(socketOf(offering).extensions).toMatch(/^permessage-deflate/);
    expect(socketOf(plain).extensions).toBe('');
    // Each message on its own, both ways: the server keeps no window per socket between messages.
    const agreed = (socketOf(offering) as unknown as { agreed: string }).agreed.split(';').map((part) => part.trim());
    expect(agreed).toEqual(expect.arrayContaining(['permessage-deflate', 'server_no_context_takeover', 'client_no_context_takeover']));
    expect((socketOf(plain) as unknown as { agreed: string }).agreed).toBe('');
    boardTypes(offering.doc).stages.push([newStage('stage-compressed', 'From the compressing client')]);
    boardTypes(plain.doc).stages.push([newStage('stage-plain', 'From the plain client')]);
    const titles = (doc: Y.Doc) => new Set(boardTypes(doc).stages.toArray().map((stage) => stage.get('title')));
    await waitUntil(() => titles(offering.doc).size === 2 && titles(plain.doc).size === 2, 'both see both stages', 20_000);
  });

  it('sends a big board\'s first sync compressed, and it arrives whole', async () => {
    const boardId = await createBoard(app, ann);
    const writer = connectClient(app, boardId, ann.cookie, { syncTimeoutMs: 60_000 });
    open.push(writer);
    await writer.synced;
    const bytes = fillBoard(writer.doc, ann.id, bigBoardBytes);
    expect(bytes).toBeGreaterThan(1_000_000);
    const cards = boardTypes(writer.doc).touchpoints.size;
    // Stored and relayed: a watcher has every card.
    const watcher = connectClient(app, boardId, ann.cookie, { syncTimeoutMs: 60_000 });
    open.push(watcher);
    await watcher.synced;
    await waitUntil(() => boardTypes(watcher.doc).touchpoints.size === cards, 'the server has the whole board', 60_000);

    const firstSync = async (offerDeflate: boolean): Promise<{ wire: number; client: SyncClient }> => {
      const before = proxy.toClient;
      const client = provider(boardId, offerDeflate);
      await client.synced;
      await waitUntil(() => boardTypes(client.doc).touchpoints.size === cards, 'the first sync brought every card', 60_000);
      return { wire: proxy.toClient - before, client };
    };
    const compressed = await firstSync(true);
    const plain = await firstSync(false);
    for (const { client } of [compressed, plain]) {
      expect(Y.encodeStateVector(client.doc)).toEqual(Y.encodeStateVector(writer.doc));
      expect(boardTypes(client.doc).touchpoints.get('card-large-0007')?.get('story')?.toString()).toBe(boardTypes(writer.doc).touchpoints.get('card-large-0007')?.get('story')?.toString());
    }
    // The plain first sync carries the whole document; the compressed one well under half of it
    // (this board's sentences compress about 3.4 times at level 1).
    expect(plain.wire).toBeGreaterThan(bytes);
    expect(compressed.wire).toBeLessThan(bytes / 2);
  });

  it('refuses a compressed frame that inflates past 32 MiB with 1009, and nothing of it is taken', async () => {
    const boardId = await createBoard(app, ann);
    const watcher = connectClient(app, boardId, ann.cookie);
    open.push(watcher);
    await watcher.synced;
    // A change the guard would take (a stage), padded with zeros to one byte over the limit: the
    // server reads one message per frame and ignores what follows it, so only the limit stops it.
    const change = new Y.Doc();
    Y.applyUpdate(change, Y.encodeStateAsUpdate(watcher.doc));
    const before = Y.encodeStateVector(change);
    boardTypes(change).stages.push([newStage('stage-bomb', 'Must never arrive')]);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeUpdate(encoder, Y.encodeStateAsUpdate(change, before));
    const message = encoding.toUint8Array(encoder);
    const bomb = new Uint8Array(maxMessageBytes + 1);
    bomb.set(message);

    const Socket = socketClass(app, proxy, ann.cookie, true);
    const ws = new Socket(`${app.wsUrl}/sync/${boardId}`);
    await nextEvent(ws, 'open', 20_000);
    expect(ws.extensions).toMatch(/^permessage-deflate/);
    const sentBefore = proxy.toServer;
    const closed = nextEvent<[number]>(ws, 'close', 30_000);
    ws.send(bomb);
    // See sync.test.ts: workerd ends the connection ~10 s after its close frame; the code is the frame's.
    await waitUntil(() => ws.readyState !== ws.OPEN, 'the server closes the socket', 30_000);
    ws.terminate();
    const [code] = await closed;
    expect(code).toBe(CloseCode.messageTooBig);
    // It crossed the wire compressed (about a thousandth of its size).
    expect(proxy.toServer - sentBefore).toBeLessThan(1_000_000);

    // Nothing of it was taken: a change sent after it arrives, the stage in the bomb never does.
    boardTypes(watcher.doc).stages.push([newStage('stage-after', 'Sent after')]);
    const check = connectClient(app, boardId, ann.cookie);
    open.push(check);
    await check.synced;
    await waitUntil(() => boardTypes(check.doc).stages.length === 1, 'the later change is on the server', 20_000);
    expect(boardTypes(check.doc).stages.toArray().map((stage) => stage.get('id'))).toEqual(['stage-after']);
    expect(boardTypes(watcher.doc).stages.toArray().map((stage) => stage.get('id'))).toEqual(['stage-after']);
  });
});
