/**
 * The one socket contract of the sync core. The Node `ws` socket (through Hono's WSContext) and
 * the Durable Object hibernation WebSocket each adapt to it; the core never sees either.
 */
export interface SyncSocket {
  /** Sends one binary frame; ignored by the adapter when the socket is no longer open. */
  send(data: Uint8Array): void;
  /** Closes the socket with a close code from shared/sync-protocol.ts. */
  close(code: number, reason: string): void;
}

/** Who is at the other end of a sync socket, as established when it connected. */
export interface SyncPeer {
  userId: string;
  displayName: string;
  access: 'facilitate' | 'edit' | 'view';
  /** The session the socket was opened with: ending it closes the socket (4401). */
  sessionId: string;
  /** When that session expires unless renewed; the socket re-checks it at its next frame after. */
  sessionExpiresAt: number;
}
