/**
 * Who may open a board's sync socket. Decided from the upgrade request before any document byte
 * is sent: no session → 4401, unknown board → 4404, not a member → 4403. A request from another
 * site's page (an Origin other than the app's) is treated as carrying no session.
 */
import { idPattern, type User } from '../../shared/api.ts';
import { CloseCode, closeReasons } from '../../shared/sync-protocol.ts';
import type { BoardStore } from '../boards/board-store.ts';
import type { SyncPeer } from '../ports/sync-socket.ts';

export type SyncAdmission =
  | { ok: true; boardId: string; peer: SyncPeer }
  | { ok: false; code: CloseCode; reason: string };

export interface AdmitOptions {
  boardId: string;
  user: User | null;
  /** The session the request came with (its id and expiry go with the socket). */
  session: { id: string; expiresAt: number } | null;
  origin: string | undefined;
  publicOrigin: string;
  boards: BoardStore;
}

export async function admitSync({ boardId, user, session, origin, publicOrigin, boards }: AdmitOptions): Promise<SyncAdmission> {
  if (!user || !session || (origin !== undefined && origin !== publicOrigin)) return refuse(CloseCode.unauthenticated);
  const board = idPattern.test(boardId) ? await boards.getFor(boardId, user.id) : undefined;
  if (board === undefined) return refuse(CloseCode.notFound);
  if (board === null) return refuse(CloseCode.forbidden);
  return {
    ok: true,
    boardId,
    peer: {
      userId: user.id,
      displayName: user.displayName,
      access: board.access,
      sessionId: session.id,
      sessionExpiresAt: session.expiresAt,
    },
  };
}

function refuse(code: CloseCode): SyncAdmission {
  return { ok: false, code, reason: closeReasons[code]! };
}
