/**
 * What an idle board's Durable Object needs from a y-websocket client in order to sleep, on a `ws`
 * WebSocket class for the benchmark's `--idle` (it needs `ws` for the session cookie). The board
 * page does the same since 7ad7c79 with the browser's WebSocket (client/src/board/keep-alive-socket.ts):
 *
 * - y-websocket 3.1.0 closes and reopens a socket that heard nothing for 30 s
 *   (`messageReconnectTimeout`, a constant), and a sleeping object sends nothing. So every 20 s the
 *   socket sends the text frame `ping` (shared/sync-protocol.ts `keepAlive`), which the Workers
 *   runtime answers with `pong` by itself (`setWebSocketAutoResponse` in worker-board.ts) without
 *   waking the object.
 * - y-websocket would hand that `pong` to its binary decoder and throw, so the class hands it an
 *   awareness update with no entries instead: y-websocket notes that it heard from the server and
 *   changes nothing.
 */
import { WebSocket } from 'ws';
import { keepAlive, MessageType } from '../shared/sync-protocol.ts';
import type { WebSocketClass } from './targets/types.ts';

export const keepAliveIntervalMs = 20_000;

/** An awareness message holding an update with zero entries. */
const noOpFrame = (): ArrayBuffer => new Uint8Array([MessageType.awareness, 1, 0]).buffer;

const onmessage = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onmessage')!;

export function keepAliveSocket(Base: WebSocketClass): WebSocketClass {
  return class KeepAliveSocket extends Base {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      const timer = setInterval(() => {
        if (this.readyState === this.OPEN) this.send(keepAlive.ping);
      }, keepAliveIntervalMs);
      this.once('close', () => clearInterval(timer));
      // y-websocket listens through `onmessage`; put the translation in front of its handler.
      let handler: ((event: { data: unknown }) => void) | null = null;
      Object.defineProperty(this, 'onmessage', {
        get: () => handler,
        set: (next: typeof handler) => {
          handler = next;
          onmessage.set!.call(this, next && ((event: { data: unknown }) => next(event.data === keepAlive.pong ? { data: noOpFrame() } : event)));
        },
      });
    }
  };
}
