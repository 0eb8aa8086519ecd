/**
 * Lets the unmodified y-websocket `WebsocketProvider` talk to Hocuspocus, so all three servers
 * are measured with the same client doing the same Y.Doc work. Hocuspocus wraps the y-protocols
 * messages (packages/server/src: MessageReceiver.ts, ClientConnection.ts, OutgoingMessage.ts):
 *
 * - every frame, both ways, starts with the document name as a lib0 varString;
 * - a document is only set up after an Auth frame `[name, 2 (Auth), 0 (Token), token]`
 *   (frames before it are queued); the server answers Auth/Authenticated, which we drop;
 * - Sync (0) and Awareness (1) carry exactly the y-protocols encoding (readSyncStep1/2,
 *   readUpdate, encodeAwarenessUpdate), so after the prefix the bytes are what y-websocket speaks;
 * - a client's sync step 1 is answered with SyncReply (4) holding the server's step 1 — "a sync
 *   message that asks for no further step 1" — then Sync step 2. We hand SyncReply on as Sync, so
 *   the provider answers with its step 2, as Hocuspocus's own provider does;
 * - SyncStatus (8) acks every update the server applied (not a disk ack); it and every other
 *   type (QueryAwareness, Stateless, Close, Ping/Pong) are dropped: y-websocket has no use for them.
 *
 * The cost is the name prefix on each frame (a few bytes) and one extra frame back per update.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { WebSocket } from 'ws';
import type { WebSocketClass } from './types.ts';

/** Hocuspocus's MessageType values this shim deals with (packages/server/src/types.ts). */
const wire = { sync: 0, awareness: 1, auth: 2, syncReply: 4 } as const;
/** AuthMessageType.Token (packages/common/src/auth.ts). */
const authToken = 0;

/** The frame that opens `documentName`; Hocuspocus without an onAuthenticate hook accepts any token. */
function authFrame(documentName: string, token: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, documentName);
  encoding.writeVarUint(encoder, wire.auth);
  encoding.writeVarUint(encoder, authToken);
  encoding.writeVarString(encoder, token);
  return encoding.toUint8Array(encoder);
}

/** The y-websocket message inside a Hocuspocus frame, or null for frames the provider must not see. */
export function unwrapFrame(frame: Uint8Array): Uint8Array | null {
  const decoder = decoding.createDecoder(frame);
  decoding.readVarString(decoder);
  const start = decoder.pos;
  const type = decoding.readVarUint(decoder);
  if (type === wire.sync || type === wire.awareness) return frame.subarray(start);
  if (type !== wire.syncReply) return null;
  const message = frame.slice(start);
  message[0] = wire.sync; // both are one-byte varUints
  return message;
}

function asBytes(data: unknown): Uint8Array | null {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  return null;
}

/** A WebSocket class, for the provider's WebSocketPolyfill, that speaks Hocuspocus's wire for one document. */
export function hocuspocusWebSocket(documentName: string, token = 'bench'): WebSocketClass {
  const prefixEncoder = encoding.createEncoder();
  encoding.writeVarString(prefixEncoder, documentName);
  const prefix = encoding.toUint8Array(prefixEncoder);
  const auth = authFrame(documentName, token);

  return class HocuspocusWireSocket extends WebSocket {
    /** Every frame out gets the document name in front. */
    override send(
      data: Parameters<WebSocket['send']>[0],
      optionsOrCallback?: { binary?: boolean; compress?: boolean; fin?: boolean; mask?: boolean } | ((error?: Error) => void),
      callback?: (error?: Error) => void,
    ): void {
      const bytes = asBytes(data);
      if (!bytes) throw new Error('the Hocuspocus wire carries binary frames only');
      const framed = new Uint8Array(prefix.length + bytes.length);
      framed.set(prefix);
      framed.set(bytes, prefix.length);
      if (typeof optionsOrCallback === 'function') super.send(framed, optionsOrCallback);
      else if (optionsOrCallback) super.send(framed, optionsOrCallback, callback);
      else super.send(framed, callback);
    }

    /**
     * ws turns every socket event into emit(): 'open' sends the Auth frame before any listener
     * (the provider's step 1 must come after it), 'message' is unwrapped or dropped, so
     * onmessage and addEventListener('message') alike see plain y-websocket messages.
     */
    override emit(event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'open') {
        super.send(auth);
        return super.emit(event, ...args);
      }
      if (event !== 'message') return super.emit(event, ...args);
      const bytes = asBytes(args[0]);
      const message = bytes && unwrapFrame(bytes);
      if (!message) return false;
      const data = this.binaryType === 'arraybuffer'
        ? message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength)
        : Buffer.from(message);
      return super.emit('message', data, args[1]);
    }
  };
}
