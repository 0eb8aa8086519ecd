/**
 * Knows when this person's changes are on the server's disk, so the status can say "all changes
 * saved" honestly. The server answers a sync step 1 only after every update it received before it
 * is committed (docs/sync-protocol.md), and a socket is read in order — so after local changes we
 * send a step 1 on the provider's own socket, and its step 2 answer is the acknowledgement.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { createSignal, type Accessor } from 'solid-js';
import * as syncProtocol from 'y-protocols/sync';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { MessageType } from '../../../shared/sync-protocol.ts';

/** `saved`: the server has everything; `saving`: some local change is not yet acknowledged. */
export type SaveState = 'saved' | 'saving';

export interface SaveTracker {
  state: Accessor<SaveState>;
  destroy(): void;
}

/**
 * How long to wait before the next probe. The server's answer always carries the board's whole
 * delete set (Yjs sends it with every sync step 2), which on a big, much-edited board is several
 * KB — about 7 KB for a story with B4's 260k keystrokes — so while someone types, probes on a
 * big board come less often: 200 ms plus 1 ms per 10 bytes of the last answer, at most 2 s.
 * "Saved" then shows up to that much later; nothing is saved later.
 */
export function probeDelayMs(lastAnswerBytes: number, baseMs = 200): number {
  return baseMs + Math.min(1_800, Math.round(lastAnswerBytes / 10));
}

/** Changes that come from the server or the device's own copy are not ours to save. */
export function trackSaves(doc: Y.Doc, provider: WebsocketProvider, notOurs: readonly unknown[], delayMs = 200): SaveTracker {
  const [state, setState] = createSignal<SaveState>('saved');
  let lastAnswerBytes = 0;
  let changesSinceProbe = false;
  let probeInFlight = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let socket: WebSocket | null = null;

  const probe = () => {
    timer = undefined;
    const ws = provider.ws;
    if (!ws || ws.readyState !== WebSocket.OPEN || !provider.synced) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, doc);
    changesSinceProbe = false;
    probeInFlight = true;
    ws.send(encoding.toUint8Array(encoder));
  };
  const schedule = () => {
    if (timer === undefined) timer = setTimeout(probe, probeDelayMs(lastAnswerBytes, delayMs));
  };
  const onMessage = (event: MessageEvent) => {
    if (!probeInFlight || !(event.data instanceof ArrayBuffer)) return;
    const decoder = decoding.createDecoder(new Uint8Array(event.data));
    if (decoding.readVarUint(decoder) !== MessageType.sync) return;
    if (decoding.readVarUint(decoder) !== syncProtocol.messageYjsSyncStep2) return;
    probeInFlight = false;
    lastAnswerBytes = event.data.byteLength;
    if (changesSinceProbe) schedule();
    else setState('saved');
  };
  const watchSocket = () => {
    socket?.removeEventListener('message', onMessage);
    socket = provider.ws;
    socket?.addEventListener('message', onMessage);
  };
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (notOurs.includes(origin) || origin === provider) return;
    changesSinceProbe = true;
    setState('saving');
    if (!probeInFlight) schedule();
  };
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') watchSocket();
    else probeInFlight = false; // the answer will never come; probe again after the next sync
  };
  const onSync = (synced: boolean) => {
    // The first sync uploads whatever was made offline: probe so "saved" waits for its commit.
    if (synced && state() === 'saving') schedule();
  };

  watchSocket();
  doc.on('update', onUpdate);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  return {
    state,
    destroy() {
      clearTimeout(timer);
      socket?.removeEventListener('message', onMessage);
      doc.off('update', onUpdate);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
    },
  };
}
