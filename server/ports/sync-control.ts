/**
 * What HTTP routes may ask of the live sync side: close sockets, change what a person's open
 * sockets may do, show a new name. Routes (auth, boards, invites) import this port; the runtime
 * passes the room registry that implements it, so routes and rooms never import each other.
 */
import type { Access } from '../../shared/access.ts';

export interface SyncControl {
  /** Closes a board's sockets (or one person's) with `code` and waits for its pending writes. */
  disconnect(boardId: string, code: number, userId?: string): Promise<void>;
  /** Changes what one person's open sockets on a board may do, without reconnecting them. */
  setAccess(boardId: string, userId: string, access: Access): Promise<void>;
  /** Shows a person's new display name in the presence of every board they have open. */
  rename(userId: string, displayName: string): void;
}
