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
  /**
   * Sessions ended (sign out, sign out everywhere, new credentials): closes, with 4401, every
   * socket opened with one of them — only `sessionId`'s, or all of the person's but
   * `exceptSessionId`'s, or all of the person's.
   */
  endSessions(ended: { userId: string; sessionId?: string; exceptSessionId?: string }): void;
  /**
   * The board was deleted (its rows already gone): closes its sockets with 4404, lets no one join
   * it again, and removes its stored document after every write of it already under way.
   */
  deleteBoard(boardId: string): Promise<void>;
}
