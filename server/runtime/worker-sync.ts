/**
 * The Worker entry's side of sync: it admits a socket (createApp's /sync route has read the
 * session and the membership) and hands it to the board's Durable Object, and it reaches a board's
 * object by RPC for every call routes make ({@link SyncControl}). A refused socket is answered
 * here, as on Node: a y-protocols permission-denied message and a 44xx close.
 */
import type { DurableObjectNamespace } from '@cloudflare/workers-types';
import type { SyncUpgrade } from '../app.ts';
import type { BoardControl, SessionsEnded, SyncControl } from '../ports/sync-control.ts';
import type { SyncPeer } from '../ports/sync-socket.ts';
import { permissionDeniedMessage } from '../sync/messages.ts';
import { handoverHeaders, type BoardObject } from './worker-board.ts';
import type { WorkerEnv } from './worker-env.ts';
import { upgradedResponse, webSocketPair } from './worker-globals.ts';

/** The board object's RPC surface as the entry calls it. */
type BoardRpc = Pick<BoardObject, 'create' | 'purpose' | 'disconnect' | 'setAccess' | 'rename' | 'endSessions' | 'documentState' | 'commentAction' | 'sessionAction' | 'voteAction' | 'feelingAction' | 'perspectiveAction' | 'withdrawStory' | 'history' | 'delete' | 'stats'> & {
  fetch(request: Request): Promise<Response>;
};

export function boardStub(namespace: DurableObjectNamespace, boardId: string): BoardRpc {
  return namespace.get(namespace.idFromName(boardId)) as unknown as BoardRpc;
}

export function workerSync(env: WorkerEnv): { upgrade: SyncUpgrade; control: SyncControl } {
  const upgrade: SyncUpgrade = async (c, admission) => {
    if (!admission.ok) {
      const [client, server] = webSocketPair();
      server.accept();
      server.send(permissionDeniedMessage(admission.reason));
      server.close(admission.code, admission.reason);
      return upgradedResponse(client);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.set(handoverHeaders.board, admission.boardId);
    headers.set(handoverHeaders.peer, JSON.stringify(admission.peer));
    const answer = await boardStub(env.BOARDS, admission.boardId).fetch(new Request(c.req.url, { headers }));
    // A fresh Response, so the app's middleware may add its headers (a stub's are immutable).
    return new Response(answer.body, { status: answer.status, headers: answer.headers, webSocket: (answer as { webSocket?: unknown }).webSocket } as ResponseInit);
  };

  const control: SyncControl = {
    board(boardId: string): BoardControl {
      const stub = () => boardStub(env.BOARDS, boardId);
      return {
        create: async (state) => void (await stub().create(boardId, state)),
        purpose: async () => await stub().purpose(boardId),
        disconnect: async (code, userId) => void (await stub().disconnect(boardId, code, userId)),
        setAccess: async (userId, access: SyncPeer['access']) => void (await stub().setAccess(boardId, userId, access)),
        rename: async (userId, displayName) => void (await stub().rename(boardId, userId, displayName)),
        endSessions: async (ended: SessionsEnded) => void (await stub().endSessions(boardId, ended)),
        documentState: async () => await stub().documentState(boardId),
        commentAction: async (actor, action) => await stub().commentAction(boardId, actor, action),
        sessionAction: async (actor, action) => await stub().sessionAction(boardId, actor, action),
        voteAction: async (actor, action) => await stub().voteAction(boardId, actor, action),
        feelingAction: async (actor, action) => await stub().feelingAction(boardId, actor, action),
        perspectiveAction: async (actor, action) => await stub().perspectiveAction(boardId, actor, action),
        withdrawStory: async (actor, request) => await stub().withdrawStory(boardId, actor, request),
        history: async (actor, action) => await stub().history(boardId, actor, action),
        delete: async () => void (await stub().delete(boardId)),
      };
    },
  };
  return { upgrade, control };
}
