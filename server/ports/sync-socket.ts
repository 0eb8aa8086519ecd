/**
 * The one socket contract of the sync core. The Node `ws` socket (through Hono's WSContext) and
 * the Durable Object hibernation WebSocket each adapt to it; the core never sees either.
 */
import type { Access } from '../../shared/access.ts';

export interface SyncSocket {
  /** Sends one binary frame; ignored by the adapter when the socket is no longer open. */
  send(data: Uint8Array): void;
  /** Closes the socket with a close code from shared/sync-protocol.ts. */
  close(code: number, reason: string): void;
  /**
   * Keeps what the room knows of this socket with the socket itself, called whenever it changes,
   * so a room rebuilt after the runtime let it go (a Durable Object's hibernation) can take the
   * socket back as it was ({@link SocketState}). Node keeps rooms in memory and leaves it out.
   */
  remember?(state: SocketState): void;
}

/** A presence state as the server passes it on (sync/awareness-filter.ts makes them). */
export interface PresenceState {
  user: { name: string; color?: string };
  focus?: string | null;
  cursor?: unknown;
}

/** One presence entry in y-protocols' awareness terms. */
export interface AwarenessEntry {
  clientId: number;
  clock: number;
  /** null: the client went away. */
  state: PresenceState | null;
}

/** What a room knows of one socket: who is there, the presence it speaks for, and the Yjs client ids it wrote with. */
export interface SocketState {
  peer: SyncPeer;
  presence: AwarenessEntry[];
  /** Yjs client ids this socket wrote with (a few, newest last): its person's, for the guard. */
  clientIds?: number[];
}

/** Who is at the other end of a sync socket, as established when it connected. */
export interface SyncPeer {
  userId: string;
  displayName: string;
  access: Access;
  /** The session the socket was opened with: ending it closes the socket (4401). */
  sessionId: string;
  /** When that session expires unless renewed; the socket re-checks it at its next frame after. */
  sessionExpiresAt: number;
}
