/**
 * One board's Durable Object: its live room and its document, nothing of any other board. It
 * adapts the runtime-free core ({@link BoardHost}) to the WebSocket Hibernation API:
 *
 * - Sockets are accepted with `ctx.acceptWebSocket`, so the object may be evicted from memory
 *   while people are connected and idle; each socket keeps who it is and the presence it speaks
 *   for in its attachment (`serializeAttachment`, via {@link SyncSocket.remember}).
 * - On a wake the constructor rebuilds the room from the object's SQLite and takes every socket
 *   back as it was ({@link BoardHost.resume}); the frames that woke it wait until then.
 * - Nothing keeps it awake: no timers (the room runs without y-protocols' awareness interval), no
 *   promise left pending between messages; pings get `pong` from the runtime without a wake.
 *
 * The Worker entry admits each socket (session, membership) and hands it over with the peer in a
 * header; this object is reachable only through its namespace binding, never from the Internet.
 * Routes reach it by RPC ({@link BoardControl}), each call naming the board.
 */
import type { SessionAction, SessionActionResult, SessionActor } from '../ports/session-action.ts';
import { boardTitleMaxLength } from '../../shared/limits.ts';
import { DurableObject } from 'cloudflare:workers';
import type { DurableObjectState, Request as WorkerRequest, Response as WorkerResponse, WebSocket as WorkerSocket } from '@cloudflare/workers-types';
import { SessionStore } from '../auth/sessions.ts';
import { ActivityStore } from '../boards/activity-store.ts';
import { BoardStore } from '../boards/board-store.ts';
import { readConfig } from '../config.ts';
import { secureRandomBytes, systemClock } from '../ports/clock.ts';
import type { SessionsEnded } from '../ports/sync-control.ts';
import type { CommentAction, CommentActionResult, CommentActor } from '../ports/comment-action.ts';
import type { SocketState, SyncPeer, SyncSocket } from '../ports/sync-socket.ts';
import { CloseCode, closeReasons, keepAlive } from '../../shared/sync-protocol.ts';
import { BoardHost, type SyncConnection } from '../sync/board-host.ts';
import { durableBoardLog } from './worker-board-log.ts';
import { durableCommentRecords } from './worker-comment-records.ts';
import { durableVoteRecords } from './worker-vote-records.ts';
import { durableFeelingRecords } from './worker-feeling-records.ts';
import { durablePerspectiveRecords } from './worker-perspective-records.ts';
import type { PerspectiveAction, PerspectiveActionResult, PerspectiveActor } from '../ports/perspective-action.ts';
import type { FeelingAction, FeelingActionResult, FeelingActor } from '../ports/feeling-action.ts';
import type { VoteAction, VoteActionResult, VoteActor } from '../ports/vote-action.ts';
import type { StoryActor, WithdrawStory, WithdrawStoryResult } from '../ports/story-action.ts';
import { deflateAnswer } from './worker-compression.ts';
import { autoResponse, upgradedResponse, webSocketPair } from './worker-globals.ts';
import { workerDatabase } from './worker-directory.ts';
import type { WorkerEnv } from './worker-env.ts';
import { durableBoardHistory } from './worker-board-history.ts';
import type { HistoryAction, HistoryAnswer } from '../ports/board-history.ts';

/** Headers with which the Worker entry hands an admitted socket to the board's object. */
export const handoverHeaders = { board: 'x-common-ground-board', peer: 'x-common-ground-peer' } as const;

/** The largest attachment the runtime keeps per socket. */
const maxAttachmentBytes = 2048;

/** What the object counts about itself, for the benchmark of an idle board. */
export interface BoardObjectStats {
  /** Times the object was rebuilt while sockets were connected (woken from hibernation). */
  wakes: number;
  /** Sockets connected now. */
  sockets: number;
}

interface Held {
  socket: SyncSocket;
  connection: SyncConnection;
}

export class BoardObject extends DurableObject<WorkerEnv> {
  readonly #state: DurableObjectState;
  readonly #boards: BoardStore;
  readonly #sessions: SessionStore;
  readonly #held = new Map<WorkerSocket, Held>();
  #host: BoardHost | null = null;

  constructor(ctx: DurableObjectState, env: WorkerEnv) {
    super(ctx, env);
    this.#state = ctx;
    const db = workerDatabase(env);
    this.#boards = new BoardStore(db);
    const config = readConfig({ PUBLIC_URL: env.PUBLIC_URL, SESSION_DAYS: env.SESSION_DAYS });
    this.#sessions = new SessionStore({ db, clock: systemClock, random: secureRandomBytes, lifetimeMs: config.sessionLifetimeMs });
    ctx.setWebSocketAutoResponse(autoResponse(keepAlive.ping, keepAlive.pong));
    const sockets = ctx.getWebSockets();
    const boardId = ctx.storage.kv.get<string>('boardId');
    if (sockets.length > 0 && boardId !== undefined) {
      ctx.storage.kv.put('wakes', (ctx.storage.kv.get<number>('wakes') ?? 0) + 1);
      // One line per wake, for the operator (Workers Logs) and the idle-board benchmark.
      console.log(`board object woke: board ${boardId}, ${sockets.length} sockets`);
      const host = this.#hostFor(boardId);
      for (const ws of sockets) {
        const state = ws.deserializeAttachment() as SocketState | null;
        if (!state) {
          ws.close(CloseCode.serverError, closeReasons[CloseCode.serverError]);
          continue;
        }
        const socket = adaptSocket(ws);
        this.#held.set(ws, { socket, connection: host.resume(socket, state) });
      }
    }
  }

  /** A socket handed over by the Worker entry, already admitted. */
  override async fetch(request: WorkerRequest): Promise<WorkerResponse> {
    const boardId = request.headers.get(handoverHeaders.board);
    const peerHeader = request.headers.get(handoverHeaders.peer);
    if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket' || !boardId || !peerHeader) {
      return new Response('expected an admitted WebSocket', { status: 400 }) as unknown as WorkerResponse;
    }
    const peer = JSON.parse(peerHeader) as SyncPeer;
    const [client, server] = webSocketPair();
    this.#state.acceptWebSocket(server);
    const socket = adaptSocket(server);
    this.#held.set(server, { socket, connection: this.#hostFor(boardId).connect(socket, peer) });
    // Compression as the client offered it, without a window kept per socket (worker-compression.ts).
    const extensions = deflateAnswer(request.headers.get('sec-websocket-extensions'));
    return upgradedResponse(client, extensions ? { 'sec-websocket-extensions': extensions } : undefined) as unknown as WorkerResponse;
  }

  override webSocketMessage(ws: WorkerSocket, message: string | ArrayBuffer): void {
    const held = this.#held.get(ws);
    if (!held) return void ws.close(CloseCode.serverError, closeReasons[CloseCode.serverError]);
    if (typeof message === 'string') return void ws.close(CloseCode.malformedMessage, closeReasons[CloseCode.malformedMessage]);
    held.connection.receive(new Uint8Array(message));
  }

  override webSocketClose(ws: WorkerSocket, code: number): void {
    this.#release(ws);
    try {
      ws.close(code === 1005 || code === 1006 ? 1000 : code, 'closed');
    } catch {
      // already closed
    }
  }

  override webSocketError(ws: WorkerSocket): void {
    this.#release(ws);
  }

  // RPC from the Worker entry: the BoardControl port, each call naming the board.

  async create(boardId: string, initialState: Uint8Array): Promise<void> {
    await this.#hostFor(boardId).create(initialState);
  }

  purpose(boardId: string): Promise<string> {
    return this.#hostFor(boardId).purpose();
  }

  disconnect(boardId: string, code: number, userId?: string): Promise<void> {
    return this.#hostFor(boardId).disconnect(code, userId);
  }

  setAccess(boardId: string, userId: string, access: SyncPeer['access']): Promise<void> {
    return this.#hostFor(boardId).setAccess(userId, access);
  }

  rename(boardId: string, userId: string, displayName: string): Promise<void> {
    return this.#hostFor(boardId).rename(userId, displayName);
  }

  endSessions(boardId: string, ended: SessionsEnded): Promise<void> {
    return this.#hostFor(boardId).endSessions(ended);
  }

  documentState(boardId: string): Promise<Uint8Array | null> {
    return this.#hostFor(boardId).documentState();
  }

  sessionAction(boardId: string, actor: SessionActor, action: SessionAction): Promise<SessionActionResult> {
    return this.#hostFor(boardId).sessionAction(actor, action);
  }

  voteAction(boardId: string, actor: VoteActor, action: VoteAction): Promise<VoteActionResult> {
    return this.#hostFor(boardId).voteAction(actor, action);
  }

  feelingAction(boardId: string, actor: FeelingActor, action: FeelingAction): Promise<FeelingActionResult> {
    return this.#hostFor(boardId).feelingAction(actor, action);
  }

  perspectiveAction(boardId: string, actor: PerspectiveActor, action: PerspectiveAction): Promise<PerspectiveActionResult> {
    return this.#hostFor(boardId).perspectiveAction(actor, action);
  }

  history(boardId: string, actor: StoryActor, action: HistoryAction): Promise<HistoryAnswer> {
    return this.#hostFor(boardId).history(actor, action);
  }

  withdrawStory(boardId: string, actor: StoryActor, request: WithdrawStory): Promise<WithdrawStoryResult> {
    return this.#hostFor(boardId).withdrawStory(actor, request);
  }

  commentAction(boardId: string, actor: CommentActor, action: CommentAction): Promise<CommentActionResult> {
    return this.#hostFor(boardId).commentAction(actor, action);
  }

  async delete(boardId: string): Promise<void> {
    await this.#hostFor(boardId).delete();
    this.#host = null;
  }

  stats(): BoardObjectStats {
    return { wakes: this.#state.storage.kv.get<number>('wakes') ?? 0, sockets: this.#state.getWebSockets().length };
  }

  #release(ws: WorkerSocket): void {
    const held = this.#held.get(ws);
    this.#held.delete(ws);
    held?.connection.close();
  }

  /** The board's host, made at the first call; the object remembers which board it is. */
  #hostFor(boardId: string): BoardHost {
    if (this.#host) {
      if (this.#host.boardId !== boardId) throw new Error(`board object for ${this.#host.boardId} was asked about ${boardId}`);
      return this.#host;
    }
    const { storage } = this.#state;
    if (storage.kv.get<string>('boardId') !== boardId) storage.kv.put('boardId', boardId);
    this.#host = new BoardHost({
      boardId,
      log: durableBoardLog(storage),
      // "What's new" is kept in the main database, beside the boards list that reads it.
      activity: new ActivityStore(workerDatabase(this.env)),
      comments: durableCommentRecords(storage),
      votes: durableVoteRecords(storage),
      feelings: durableFeelingRecords(storage),
      perspectives: durablePerspectiveRecords(storage),
      history: durableBoardHistory(storage),
      verifyPeer: async (userId) => {
        const board = await this.#boards.getFor(boardId, userId);
        return board === undefined ? 'no_board' : board === null ? 'not_member' : board.access;
      },
      sessionExpiry: (sessionId) => this.#sessions.expiryOf(sessionId),
      // After the response, not in its way; the title is mirrored for the boards list only.
      onTitleChange: (title) => this.#state.waitUntil(this.#boards.setTitle(boardId, title.slice(0, boardTitleMaxLength)).catch(report)),
      onError: report,
    });
    return this.#host;
  }
}

function report(error: unknown): void {
  console.error(error);
}

/** The core's socket on a hibernatable WebSocket. */
function adaptSocket(ws: WorkerSocket): SyncSocket {
  return {
    send(data) {
      if (ws.readyState !== 1) return;
      try {
        ws.send(data);
      } catch {
        // closing meanwhile: the close event follows
      }
    },
    close(code, reason) {
      try {
        ws.close(code, reason);
      } catch {
        // already closed
      }
    },
    remember(state) {
      // Presence with its cursor when it fits the runtime's bound, without cursors otherwise.
      const full = JSON.stringify(state);
      const kept =
        full.length <= maxAttachmentBytes
          ? state
          : { peer: state.peer, clientIds: state.clientIds, presence: state.presence.map(({ clientId, clock, state: s }) => ({ clientId, clock, state: s && { user: s.user, focus: s.focus } })) };
      try {
        ws.serializeAttachment(kept);
      } catch (error) {
        report(error);
      }
    },
  };
}
