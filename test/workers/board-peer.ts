/**
 * A y-websocket peer inside workerd for the board-object tests: signs people up and opens boards
 * through the Worker's own routes (the real entry, the real directory object), and speaks the
 * y-websocket protocol with y-protocols over the Worker's WebSocket — what the stock provider
 * does, without its browser WebSocket (workerd hands sockets back on a fetch response).
 */
import { exports } from 'cloudflare:workers';
import type { WebSocket as WorkerSocket } from '@cloudflare/workers-types';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../../shared/sync-protocol.ts';
import { waitUntil } from '../support/wait.ts';

/** The Worker's public origin in wrangler.toml (the CSRF check compares with it). */
export const origin = 'http://127.0.0.1:8787';

const worker = (exports as unknown as { default: { fetch(request: Request): Promise<Response> } }).default;

export function call(path: string, init: { method?: string; body?: unknown; cookie?: string } = {}): Promise<Response> {
  const headers: Record<string, string> = { origin };
  if (init.cookie) headers['cookie'] = init.cookie;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  return worker.fetch(
    new Request(`${origin}${path}`, {
      method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    }),
  );
}

export interface Person {
  id: string;
  cookie: string;
}

export async function signUp(displayName: string): Promise<Person> {
  const response = await call('/api/auth/register', {
    body: { email: `${crypto.randomUUID()}@example.org`, password: 'a long enough password', displayName },
  });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${await response.text()}`);
  const cookie = response.headers.getSetCookie().find((line) => line.startsWith('session='))!.split(';')[0]!;
  return { id: ((await response.json()) as { user: { id: string } }).user.id, cookie };
}

export async function createBoard(person: Person, title = 'Outpatients journey'): Promise<string> {
  const response = await call('/api/boards', { body: { title }, cookie: person.cookie });
  if (response.status !== 201) throw new Error(`create board failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { board: { id: string } }).board.id;
}

/** One connected peer: its document, its presence, and what the server did to its socket. */
export class BoardPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly socket: WorkerSocket;
  synced = false;
  closeCode: number | null = null;
  /** Every update the server sent, in order. */
  readonly received: Uint8Array[] = [];

  private constructor(socket: WorkerSocket) {
    this.socket = socket;
    clearInterval((this.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
    socket.addEventListener('message', (event) => this.#receive(new Uint8Array(event.data as ArrayBuffer)));
    socket.addEventListener('close', (event) => {
      this.closeCode = event.code;
    });
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== this) this.#send(MessageType.sync, (encoder) => syncProtocol.writeUpdate(encoder, update));
    });
    this.awareness.on('update', ({ added, updated, removed }: Record<string, number[]>, origin: unknown) => {
      if (origin === this) return;
      const changed = [...added!, ...updated!, ...removed!];
      this.#send(MessageType.awareness, (encoder) =>
        encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)),
      );
    });
  }

  /** Opens a board's sync socket as `person` and waits for the first sync. */
  static async open(boardId: string, person: Person): Promise<BoardPeer> {
    const response = await worker.fetch(
      new Request(`${origin}/sync/${boardId}`, { headers: { upgrade: 'websocket', origin, cookie: person.cookie } }),
    );
    const socket = (response as unknown as { webSocket: WorkerSocket | null }).webSocket;
    if (response.status !== 101 || !socket) throw new Error(`no socket: ${response.status}`);
    // Binary frames as ArrayBuffers, in order (this compatibility date's default is Blob).
    (socket as unknown as { binaryType: string }).binaryType = 'arraybuffer';
    socket.accept();
    const peer = new BoardPeer(socket);
    peer.#send(MessageType.sync, (encoder) => syncProtocol.writeSyncStep1(encoder, peer.doc));
    await waitUntil(() => peer.synced || peer.closeCode !== null, 'first sync');
    return peer;
  }

  /** Sets this peer's presence, as the board page does. */
  present(name: string): void {
    this.awareness.setLocalState({ user: { name, color: '#1f6feb' }, focus: null });
  }

  /** Presence states this peer knows of others, by client id. */
  othersPresence(): Map<number, { user?: { name?: string } }> {
    const states = new Map(this.awareness.getStates() as Map<number, { user?: { name?: string } }>);
    states.delete(this.doc.clientID);
    return states;
  }

  /** Sends raw bytes (a crafted frame). */
  sendRaw(frame: Uint8Array): void {
    this.socket.send(frame);
  }

  close(): void {
    this.awareness.destroy();
    try {
      this.socket.close(1000, 'done');
    } catch {
      // already closed
    }
  }

  #send(type: number, write: (encoder: encoding.Encoder) => void): void {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, type);
    write(encoder);
    if (this.closeCode === null) this.socket.send(encoding.toUint8Array(encoder));
  }

  #receive(frame: Uint8Array): void {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      const before = decoding.clone(decoder);
      const step = syncProtocol.readSyncMessage(decoder, encoder, this.doc, this);
      if (step === syncProtocol.messageYjsSyncStep2 || step === syncProtocol.messageYjsUpdate) {
        decoding.readVarUint(before);
        this.received.push(decoding.readVarUint8Array(before));
      }
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(encoder) > 1) this.socket.send(encoding.toUint8Array(encoder));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), this);
    }
  }
}
