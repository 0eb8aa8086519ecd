/**
 * Node's boards in memory: one {@link BoardHost} per board that has sockets or a loaded room, made
 * on first use and forgotten when idle, each writing through the process's group-commit writer.
 * It is Node's implementation of the {@link SyncControl} port; on Workers each board's Durable
 * Object holds its host instead, and nothing keeps a map of every board.
 */
import type { ActivitySink } from '../ports/board-activity.ts';
import type { Clock } from '../ports/clock.ts';
import type { CommentRecords } from '../ports/comment-records.ts';
import type { CommentAction, CommentActor } from './comment-actions.ts';
import type { SessionAction, SessionActor } from '../ports/session-action.ts';
import type { VoteAction, VoteActor } from '../ports/vote-action.ts';
import type { VoteRecords } from '../ports/vote-records.ts';
import type { FeelingRecords } from '../ports/feeling-records.ts';
import type { FeelingAction, FeelingActor } from '../ports/feeling-action.ts';
import type { PerspectiveRecords } from '../ports/perspective-records.ts';
import type { PerspectiveAction, PerspectiveActor } from '../ports/perspective-action.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { BoardControl, SessionsEnded, SyncControl } from '../ports/sync-control.ts';
import type { SyncPeer, SyncSocket } from '../ports/sync-socket.ts';
import { BoardHost, type BoardHostOptions, type PeerCheck, type SyncConnection } from './board-host.ts';
import type { DocumentWriter } from './document-writer.ts';
import { groupedBoardLog } from './grouped-board-log.ts';
import type { Room } from './room.ts';
import type { StoryActor, WithdrawStory } from '../ports/story-action.ts';
import type { BoardHistory, HistoryAction } from '../ports/board-history.ts';

export type { PeerCheck, SyncConnection };

export interface RoomRegistryOptions {
  store: DocumentStore;
  writer: DocumentWriter;
  /** A board's comment records (what the server alone knows about its comments). */
  comments: (boardId: string) => CommentRecords;
  votes: (boardId: string) => VoteRecords;
  /** Whose each feeling on a board is (feeling-actions.ts). */
  feelings: (boardId: string) => FeelingRecords;
  /** Each person's perspective on a board and the lines (perspective-actions.ts). */
  perspectives: (boardId: string) => PerspectiveRecords;
  /** Each board's kept versions (its history). */
  history: (boardId: string) => BoardHistory;
  /** Compact a room's log after this many updates (default 500)... */
  compactAfterUpdates?: number;
  /** ...or this many bytes (default 1 MiB). */
  compactAfterBytes?: number;
  /** Keeps the boards table's title in step with the document's. */
  onTitleChange?: (boardId: string, title: string) => void;
  /** Reports failures that are not a client's fault (failed loads, writes, compactions). */
  onError: (error: unknown) => void;
  /** See {@link BoardHostOptions.verifyPeer}. */
  verifyPeer?: (boardId: string, userId: string) => Promise<PeerCheck>;
  /** See {@link BoardHostOptions.sessionExpiry}. */
  sessionExpiry?: (sessionId: string) => Promise<number | null>;
  clock?: Clock;
  /** See {@link BoardHostOptions.forgetPurged}. */
  forgetPurged?: () => Promise<void>;
  /** See {@link BoardHostOptions.activity}. */
  activity?: ActivitySink;
  /** See {@link BoardHostOptions.activityFlushMs}. */
  activityFlushMs?: number;
}

export class RoomRegistry implements SyncControl {
  readonly #options: RoomRegistryOptions;
  readonly #hosts = new Map<string, BoardHost>();

  constructor(options: RoomRegistryOptions) {
    this.#options = options;
  }

  /** Number of rooms in memory. */
  get size(): number {
    let loaded = 0;
    for (const host of this.#hosts.values()) if (host.room) loaded++;
    return loaded;
  }

  /** The loaded room of a board, if any (for tests and metrics). */
  loaded(boardId: string): Room | undefined {
    return this.#hosts.get(boardId)?.room;
  }

  /** Admits a socket to a board's room, loading the room when needed. */
  connect(boardId: string, socket: SyncSocket, peer: SyncPeer): SyncConnection {
    return this.#host(boardId).connect(socket, peer);
  }

  /**
   * The calls routes make of one board. A board with no host here (nobody connected, nothing
   * loaded) gets one for the call, forgotten again after it unless a socket came meanwhile.
   */
  board(boardId: string): BoardControl {
    const call =
      <A extends unknown[], R>(method: (host: BoardHost, ...args: A) => Promise<R>) =>
      async (...args: A): Promise<R> => {
        const host = this.#host(boardId);
        try {
          return await method(host, ...args);
        } finally {
          if (host.idle && this.#hosts.get(boardId) === host) this.#hosts.delete(boardId);
        }
      };
    return {
      create: call((host, state: Uint8Array) => host.create(state)),
      purpose: call((host) => host.purpose()),
      disconnect: call((host, code: number, userId?: string) => host.disconnect(code, userId)),
      setAccess: call((host, userId: string, access: SyncPeer['access']) => host.setAccess(userId, access)),
      rename: call((host, userId: string, displayName: string) => host.rename(userId, displayName)),
      endSessions: call((host, ended: SessionsEnded) => host.endSessions(ended)),
      documentState: call((host) => host.documentState()),
      commentAction: call((host, actor: CommentActor, action: CommentAction) => host.commentAction(actor, action)),
      sessionAction: call((host, actor: SessionActor, action: SessionAction) => host.sessionAction(actor, action)),
      voteAction: call((host, actor: VoteActor, action: VoteAction) => host.voteAction(actor, action)),
      feelingAction: call((host, actor: FeelingActor, action: FeelingAction) => host.feelingAction(actor, action)),
      perspectiveAction: call((host, actor: PerspectiveActor, action: PerspectiveAction) => host.perspectiveAction(actor, action)),
      withdrawStory: call((host, actor: StoryActor, request: WithdrawStory) => host.withdrawStory(actor, request)),
      history: call((host, actor: StoryActor, action: HistoryAction) => host.history(actor, action)),
      delete: call((host) => host.delete()),
    };
  }

  #host(boardId: string): BoardHost {
    let host = this.#hosts.get(boardId);
    if (!host) {
      const options = this.#options;
      host = new BoardHost({
        boardId,
        log: groupedBoardLog(boardId, options.store, options.writer),
        comments: options.comments(boardId),
        votes: options.votes(boardId),
        feelings: options.feelings(boardId),
        perspectives: options.perspectives(boardId),
        history: options.history(boardId),
        compactAfterUpdates: options.compactAfterUpdates,
        compactAfterBytes: options.compactAfterBytes,
        onTitleChange: options.onTitleChange && ((title) => options.onTitleChange!(boardId, title)),
        onError: options.onError,
        verifyPeer: options.verifyPeer && ((userId) => options.verifyPeer!(boardId, userId)),
        sessionExpiry: options.sessionExpiry,
        clock: options.clock,
        forgetPurged: options.forgetPurged,
        activity: options.activity,
        activityFlushMs: options.activityFlushMs,
        onIdle: () => {
          if (this.#hosts.get(boardId) === created && created.idle) this.#hosts.delete(boardId);
        },
      });
      const created = host;
      this.#hosts.set(boardId, host);
    }
    return host;
  }

  /** Closes every socket with 1001, compacts every room and waits until all is committed. */
  async shutdown(): Promise<void> {
    await Promise.all([...this.#hosts.values()].map((host) => host.shutdown()));
    await this.#options.writer.flush();
  }
}
