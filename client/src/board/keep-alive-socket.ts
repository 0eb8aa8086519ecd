/**
 * What keeps a quiet board's connection open without costing anything while nobody does anything.
 *
 * The stock y-websocket provider drops a socket that has heard nothing for 30 s, and y-protocols
 * renews this page's presence every 15 s so that it hears something: on Workers each renewal
 * wakes the board's Durable Object, so a board left open in a tab would keep it awake (and billed)
 * all night. Instead the page sends the sync endpoint's text keep-alive, `ping`, every 20 s, which
 * the Workers runtime answers `pong` without waking the object (Node answers it too), and presence
 * is sent only when it changes. The provider is unchanged: it gets this class as its
 * `WebSocketPolyfill`, which hands each `pong` on to it as an empty presence message — a valid
 * y-websocket frame that changes nothing — so it counts as "heard from the server".
 */
import type { Awareness } from 'y-protocols/awareness';
import { keepAlive, MessageType } from '../../../shared/sync-protocol.ts';

/** How often a connected page says it is still there (the provider gives up after 30 s of silence). */
export const keepAliveIntervalMs = 20_000;

/** An awareness message with no entries: `[awareness, length 1, 0 entries]`. */
const emptyPresence = new Uint8Array([MessageType.awareness, 1, 0]);

export class KeepAliveWebSocket extends WebSocket {
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    this.addEventListener('open', () => {
      this.#timer = setInterval(() => {
        if (this.readyState === WebSocket.OPEN) this.send(keepAlive.ping);
      }, keepAliveIntervalMs);
    });
    this.addEventListener('close', () => clearInterval(this.#timer));
  }

  override get onmessage(): WebSocket['onmessage'] {
    return super.onmessage;
  }

  override set onmessage(handler: WebSocket['onmessage']) {
    super.onmessage =
      handler &&
      ((event: MessageEvent) =>
        handler.call(this, event.data === keepAlive.pong ? new MessageEvent('message', { data: emptyPresence.slice().buffer }) : event));
  }
}

/**
 * Stops y-protocols' 3 s timer on this page's presence: it re-sends an unchanged state every 15 s
 * and drops other people's states not renewed for 30 s. Both sides now leave that to the server,
 * which removes a person's presence when their socket closes.
 */
export function stopPresenceRenewal(awareness: Awareness): void {
  clearInterval((awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
}
