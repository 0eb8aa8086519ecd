/**
 * One board's live side, whatever runtime holds it: its room (loaded when the first socket
 * arrives, before any sync step is answered; compacted and freed when the last one leaves), every
 * socket admitted to it, and the calls routes make of that board ({@link BoardControl}). Node keeps
 * one host per board with sockets in a {@link RoomRegistry}; a board's Durable Object holds one.
 *
 * Every admitted socket is known here from the moment it is admitted, before the room has loaded
 * or its membership been read again, so a removal, a deletion or a sign-out in that window closes
 * it too; and no socket joins before its membership has been read again (a change made elsewhere —
 * another process, the database — is caught there).
 */
import * as Y from 'yjs';
import { CloseCode, closeReasons } from '../../shared/sync-protocol.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { ActivitySink } from '../ports/board-activity.ts';
import type { BoardLog } from '../ports/board-log.ts';
import type { CommentRecords } from '../ports/comment-records.ts';
import type { BoardControl, SessionsEnded } from '../ports/sync-control.ts';
import type { SocketState, SyncPeer, SyncSocket } from '../ports/sync-socket.ts';
import { runCommentAction, type CommentAction, type CommentActionResult, type CommentActor } from './comment-actions.ts';
import type { SessionAction, SessionActionResult, SessionActor } from '../ports/session-action.ts';
import { runSessionAction } from './session-actions.ts';
import type { VoteAction, VoteActionResult, VoteActor } from '../ports/vote-action.ts';
import type { VoteRecords } from '../ports/vote-records.ts';
import { runVoteAction } from './vote-actions.ts';
import type { FeelingRecords } from '../ports/feeling-records.ts';
import type { FeelingAction, FeelingActionResult, FeelingActor } from '../ports/feeling-action.ts';
import { feelingKeysIn, nameFeelingsOwners, newFeelingKey, runFeelingAction } from './feeling-actions.ts';
import type { PerspectiveRecords } from '../ports/perspective-records.ts';
import type { PerspectiveAction, PerspectiveActionResult, PerspectiveActor } from '../ports/perspective-action.ts';
import { runPerspectiveAction } from './perspective-actions.ts';
import { eraseStory, withdrawStory, type StoryActor, type WithdrawStory, type WithdrawStoryResult } from './story-withdrawal.ts';
import type { BoardHistory, HistoryAction, HistoryAnswer } from '../ports/board-history.ts';
import { readHistoryBoard } from '../../shared/history.ts';
import { keepVersion, rewriteVersions, versionDoc, versionEvery } from './history-keeping.ts';
import { restoreFrom, restoreRefusal, type RestoreOutcome } from './history-restore.ts';
import { purgeFromVersion } from './purge-deleted.ts';
import { ActivityTracker } from './activity.ts';
import { changedBy, MalformedMessageError, Room } from './room.ts';

/** A person's standing on a board as read again when their socket joins. */
export type PeerCheck = SyncPeer['access'] | 'not_member' | 'no_board';

export interface BoardHostOptions {
  boardId: string;
  log: BoardLog;
  /** Compact the room's log after this many updates (default 500)... */
  compactAfterUpdates?: number;
  /** ...or this many bytes (default 1 MiB). */
  compactAfterBytes?: number;
  /** Keeps the boards table's title in step with the document's. */
  onTitleChange?: (title: string) => void;
  /** Reports failures that are not a client's fault (failed loads, writes, compactions). */
  onError: (error: unknown) => void;
  /**
   * Reads a person's standing on the board again before their socket joins, closing the gap
   * between admission and joining (4403 when no longer a member, 4404 when the board is gone, 4501
   * when their access changed). Without it the admission's reading stands.
   */
  verifyPeer?: (userId: string) => Promise<PeerCheck>;
  /**
   * A session's current expiry, or null once it has ended. Asked at a socket's first frame after
   * the expiry it knows, since HTTP use may have renewed the session meanwhile.
   */
  sessionExpiry?: (sessionId: string) => Promise<number | null>;
  /** Time, to notice expired sessions and "Recently deleted" items (default the system clock). */
  clock?: Clock;
  /**
   * Makes the database forget freed pages. Called when a room that removed deleted content for
   * good ({@link Room.contentPurged}) has compacted on its last leave.
   */
  forgetPurged?: () => Promise<void>;
  /** Where "what's new" on the board is kept (sync/activity.ts); without it nothing is tracked. */
  activity?: ActivitySink;
  /** Wait before a batch of "what's new" is written (default activity.ts's activityFlushMs). */
  activityFlushMs?: number;
  /** What the server alone knows about the board's comments (comment-actions.ts). */
  comments: CommentRecords;
  /** Each person's dots in the board's open vote, kept by the server only (vote-actions.ts). */
  votes: VoteRecords;
  /** Whose each feeling is, kept by the server only (feeling-actions.ts). */
  feelings: FeelingRecords;
  /** Each person's perspective and the lines worked out from them, kept by the server only (perspective-actions.ts). */
  perspectives: PerspectiveRecords;
  /** The board's kept versions, its history (history-keeping.ts). */
  history: BoardHistory;
  /** Called whenever the host may hold nothing any more (no socket, no room): Node forgets it. */
  onIdle?: () => void;
}

/** What a transport adapter holds for one admitted socket. */
export interface SyncConnection {
  /** Passes on one binary frame; frames are queued while the room loads. */
  receive(frame: Uint8Array): void;
  /** Tells the room the socket has closed. */
  close(): void;
}

/** One admitted socket, from admission until it closes. */
interface Admitted {
  socket: SyncSocket;
  peer: SyncPeer;
  room: Room | null;
  closed: boolean;
  /** Frames held while the room loads or the session is being checked. */
  queue: Uint8Array[];
  checkingSession: boolean;
}

export class BoardHost implements BoardControl {
  readonly boardId: string;
  readonly #options: BoardHostOptions;
  readonly #clock: Clock;
  #room: Room | null = null;
  #loading: Promise<Room> | null = null;
  /** Each loaded room's "what's new" tracker. */
  readonly #trackers = new WeakMap<Room, ActivityTracker>();
  /** Every open admitted socket, joined or not. */
  readonly #admitted = new Map<SyncSocket, Admitted>();
  /** Set while the board is being deleted and after: no socket may join. */
  #deleting = false;
  /** Changes the server writes itself run one after another (a "Me too" count read after another's write). */
  #serverActions: Promise<unknown> = Promise.resolve();
  /** Server-written changes under way: the room stays loaded for them. */
  #acting = 0;
  /** Keeping a version and taking a withdrawn story out of the kept ones run one after another. */
  #historyQueue: Promise<unknown> = Promise.resolve();

  constructor(options: BoardHostOptions) {
    this.#options = options;
    this.boardId = options.boardId;
    this.#clock = options.clock ?? systemClock;
  }

  /** The loaded room, if any (for tests and metrics). */
  get room(): Room | undefined {
    return this.#room ?? undefined;
  }

  /** True when the host holds no socket, no room, nothing loading and no comment action: it may be forgotten. */
  get idle(): boolean {
    return this.#admitted.size === 0 && this.#room === null && this.#loading === null && this.#acting === 0;
  }

  /** Admits a socket to the board's room, loading the room when needed. */
  connect(socket: SyncSocket, peer: SyncPeer): SyncConnection {
    const entry = this.#admit(socket, peer);
    // The membership is read once the room is there, right before joining: a change made while
    // the board loaded is seen.
    const verify = this.#options.verifyPeer ?? (async () => peer.access);
    this.#open()
      .then(async (room) => [room, entry.closed ? peer.access : await verify(peer.userId)] as const)
      .then(
        ([room, standing]) => {
          const refusal =
            standing === 'no_board' || this.#deleting || room.deleted
              ? CloseCode.notFound
              : standing === 'not_member'
                ? CloseCode.forbidden
                : standing !== peer.access
                  ? CloseCode.accessChanged
                  : room.cannotSave
                    ? CloseCode.cannotSave
                    : null;
          if (entry.closed || refusal !== null) {
            if (refusal !== null) this.#close(entry, refusal);
            if (room.size === 0) this.#unloadWhenIdle(room);
            return;
          }
          entry.room = room;
          room.join(socket, peer);
          this.#drain(entry);
          // A board open for days keeps a version a day, when someone arrives.
          this.#keepVersion(room, versionEvery).catch((error: unknown) => this.#options.onError(error));
        },
        (error: unknown) => this.#failedToLoad(entry, error),
      );
    return this.#connectionOf(entry);
  }

  /**
   * Takes back a socket that was joined before the room was let go (a Durable Object woken from
   * hibernation): it joins as it was, without being read again or sent anything, and its frames
   * wait until the room has loaded.
   */
  resume(socket: SyncSocket, state: SocketState): SyncConnection {
    const entry = this.#admit(socket, state.peer);
    this.#open().then(
      (room) => {
        if (entry.closed) {
          if (room.size === 0) this.#unloadWhenIdle(room);
          return;
        }
        if (this.#deleting || room.deleted) return this.#close(entry, CloseCode.notFound);
        entry.room = room;
        room.rejoin(socket, state);
        this.#drain(entry);
      },
      (error: unknown) => this.#failedToLoad(entry, error),
    );
    return this.#connectionOf(entry);
  }

  async create(initialState: Uint8Array): Promise<void> {
    await this.#options.log.append(initialState);
  }

  async purpose(): Promise<string> {
    const room = this.#room ?? (await this.#loading?.catch(() => null));
    if (room) return purposeOf(room.doc);
    const stored = await this.#options.log.load();
    const doc = new Y.Doc();
    try {
      for (const update of stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates) Y.applyUpdate(doc, update);
      return purposeOf(doc);
    } finally {
      doc.destroy();
    }
  }

  async documentState(): Promise<Uint8Array | null> {
    if (this.#deleting) return null;
    const room = this.#room ?? (await this.#loading?.catch(() => null));
    if (room) return room.deleted ? null : Y.encodeStateAsUpdate(room.doc);
    const stored = await this.#options.log.load();
    const updates = stored.snapshot ? [stored.snapshot, ...stored.updates] : stored.updates;
    if (updates.length === 0 || this.#deleting) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  /**
   * Runs a comment change the server writes itself (comment-actions.ts), loading the room when
   * nobody has it open and letting it go again after. Resolves once the change is durable.
   */
  commentAction(actor: CommentActor, action: CommentAction): Promise<CommentActionResult> {
    return this.#serverAction((room) =>
      runCommentAction(room.doc, (change) => room.writeAsServer(change, actor.userId), this.#options.comments, actor, action, this.#clock.now()),
    );
  }

  /** Runs a live-session change the server writes itself (session-actions.ts), as {@link commentAction}. */
  sessionAction(actor: SessionActor, action: SessionAction): Promise<SessionActionResult> {
    return this.#serverAction((room) => runSessionAction(room.doc, (change) => room.writeAsServer(change, actor.userId), actor, action, this.#clock.now()));
  }

  /** Runs a dot-voting request (vote-actions.ts), as {@link commentAction}: each person's dots stay on the server. */
  voteAction(actor: VoteActor, action: VoteAction): Promise<VoteActionResult> {
    return this.#serverAction((room) => runVoteAction(room.doc, (change) => room.writeAsServer(change, actor.userId), this.#options.votes, actor, action, this.#clock.now()));
  }

  /** Gives, changes or clears a person's own feeling (feeling-actions.ts), as {@link commentAction}: whose it is stays on the server. */
  feelingAction(actor: FeelingActor, action: FeelingAction): Promise<FeelingActionResult> {
    // The records alone: nothing of the document is needed, so no room is loaded for it.
    if (action.kind === 'owners') return this.#options.feelings.all().then((owners) => ({ ok: true, key: null, owners }));
    return this.#serverAction((room) =>
      runFeelingAction(room.doc, (change) => room.writeAsServer(change, actor.userId), this.#options.feelings, actor, action, this.#clock.now(), newFeelingKey),
    );
  }

  /** A person's own perspective, or the lines (perspective-actions.ts): nobody's choice is told to anyone else. */
  perspectiveAction(actor: PerspectiveActor, action: PerspectiveAction): Promise<PerspectiveActionResult> {
    return this.#serverAction((room) => runPerspectiveAction(room.doc, this.#options.perspectives, this.#options.feelings, actor, action, this.#clock.now()));
  }

  /**
   * Withdraws a story (story-withdrawal.ts), then at once compacts the board and has the database
   * forget freed pages, so the words are in no table and no file when the answer comes — not only
   * after the last person leaves, as other removals are.
   */
  withdrawStory(actor: StoryActor, request: WithdrawStory): Promise<WithdrawStoryResult> {
    return this.#serverAction(async (room) => {
      const { erasure, ...result } = await withdrawStory(room.doc, (change) => room.writeAsServer(change, actor.userId), this.#options.comments, this.#options.feelings, actor, request, this.#clock.now());
      if (!result.ok || erasure === undefined) return result;
      await this.#inHistoryQueue(() => rewriteVersions(this.#options.history, (doc) => void eraseStory(doc, erasure)));
      await room.whenSaved();
      await room.compact();
      await this.#options.forgetPurged?.();
      return result;
    });
  }

  /**
   * The board's history (shared/history.ts): its kept versions listed, one read as the map showed
   * it, or a restore from one written into the live document as a new change (history-restore.ts).
   */
  history(actor: StoryActor, action: HistoryAction): Promise<HistoryAnswer> {
    const history = this.#options.history;
    const missing = { ok: false, code: 'not_found', message: 'That version of the board is not kept any more.' } as const;
    if (action.kind === 'list') return history.list().then((versions) => ({ ok: true, kind: 'list', list: { versions } }));
    if (action.kind === 'get') {
      return history.get(action.versionId).then((version) => {
        if (version === null) return missing;
        const doc = versionDoc(version.state);
        try {
          return { ok: true, kind: 'get', version: { id: version.id, at: version.at, board: readHistoryBoard(doc) } };
        } finally {
          doc.destroy();
        }
      });
    }
    return this.#serverAction(async (room): Promise<HistoryAnswer> => {
      const refusal = restoreRefusal(room.doc, actor, action.request);
      if (refusal !== null) return refusal as HistoryAnswer;
      const version = await history.get(action.versionId);
      if (version === null) return missing;
      const then = versionDoc(version.state);
      let outcome = missing as RestoreOutcome;
      try {
        await room.writeAsServer((doc) => {
          outcome = restoreFrom(doc, then, action.request, actor, this.#clock.now());
        }, actor.userId);
      } finally {
        then.destroy();
      }
      if (!outcome.ok) return outcome;
      return { ok: true, kind: 'restore', restored: { restored: outcome.restored, movedToRecentlyDeleted: outcome.movedToRecentlyDeleted } };
    });
  }

  /** Keeps a version of the room's document when it changed since the newest (history-keeping.ts). */
  #keepVersion(room: Room, olderThan = 0): Promise<unknown> {
    return this.#inHistoryQueue(() => (room.deleted || room.cannotSave ? false : keepVersion(room.doc, this.#options.history, this.#clock.now(), () => crypto.randomUUID(), olderThan)));
  }

  /** Takes what the room removed for good out of every kept version (purge-deleted.ts). */
  #purgeFromHistory(room: Room): Promise<unknown> {
    const ids = room.takePurgedIds();
    if (ids.size === 0) return Promise.resolve();
    return this.#inHistoryQueue(() => rewriteVersions(this.#options.history, (doc) => purgeFromVersion(doc, ids)));
  }

  #inHistoryQueue<T>(work: () => Promise<T> | T): Promise<T> {
    const run = async () => await work();
    const result = this.#historyQueue.then(run, run);
    this.#historyQueue = result.catch(() => undefined);
    return result;
  }

  /**
   * Runs a change the server writes itself, one after another on this board, loading the room when
   * nobody has it open and letting it go again after.
   */
  #serverAction<R extends { ok: true } | { ok: false; code: string; message: string }>(act: (room: Room) => Promise<R>): Promise<R> {
    this.#acting++;
    const gone = { ok: false, code: 'not_found', message: 'That board is not there any more.' } as R;
    const run = async (): Promise<R> => {
      if (this.#deleting) return gone;
      const room = await this.#open();
      try {
        if (room.deleted) return gone;
        return await act(room);
      } finally {
        if (room.size === 0) this.#unloadWhenIdle(room);
      }
    };
    const result = this.#serverActions.then(run, run);
    this.#serverActions = result.catch(() => undefined);
    return result.finally(() => {
      this.#acting--;
      this.#forgetIfIdle();
    });
  }

  async disconnect(code: number, userId?: string): Promise<void> {
    for (const entry of [...this.#admitted.values()]) {
      if (userId === undefined || entry.peer.userId === userId) this.#close(entry, code);
    }
    const room = this.#room ?? (await this.#loading?.catch(() => null));
    await room?.whenSaved();
  }

  /** Changes one person's access on the board's open sockets (see {@link Room.setAccess}). */
  async setAccess(userId: string, access: SyncPeer['access']): Promise<void> {
    // Not yet joined: they join with the access read again then, or are told it changed.
    for (const entry of [...this.#admitted.values()]) if (!entry.room && entry.peer.userId === userId) this.#close(entry, CloseCode.accessChanged);
    const room = this.#room ?? (await this.#loading?.catch(() => null));
    room?.setAccess(userId, access);
  }

  async rename(userId: string, displayName: string): Promise<void> {
    for (const entry of this.#admitted.values()) if (entry.peer.userId === userId) entry.peer.displayName = displayName;
    this.#room?.rename(userId, displayName);
  }

  async endSessions({ userId, sessionId, exceptSessionId }: SessionsEnded): Promise<void> {
    for (const entry of [...this.#admitted.values()]) {
      const { peer } = entry;
      if (peer.userId !== userId) continue;
      if (sessionId !== undefined && peer.sessionId !== sessionId) continue;
      if (exceptSessionId !== undefined && peer.sessionId === exceptSessionId) continue;
      this.#close(entry, CloseCode.unauthenticated);
    }
  }

  /**
   * Deletes the board's live and stored document: its sockets close with 4404, no one joins it
   * again, no further update or compaction of it is written, and its snapshot and log are removed
   * after every write of it already under way. Resolves once removed.
   */
  async delete(): Promise<void> {
    this.#deleting = true;
    for (const entry of [...this.#admitted.values()]) this.#close(entry, CloseCode.notFound);
    const room = this.#room ?? (await this.#loading?.catch(() => null));
    if (room) this.#trackers.get(room)?.stop(); // nothing more of a deleted board is written
    room?.markDeleted();
    await this.#options.log.destroy();
    this.#forgetIfIdle();
  }

  /** Closes every socket with 1001, compacts the room and waits until all of it is durable. */
  async shutdown(): Promise<void> {
    await this.#loading?.catch(() => undefined);
    for (const entry of [...this.#admitted.values()]) if (!entry.room) this.#close(entry, CloseCode.goingAway);
    const room = this.#room;
    if (!room) return;
    room.disconnect(CloseCode.goingAway, closeReasons[CloseCode.goingAway]!);
    await room.whenSaved().catch(() => undefined);
    if (room.hasLogTail) await room.compact().catch(() => undefined);
    await this.#trackers.get(room)?.flush();
  }

  #admit(socket: SyncSocket, peer: SyncPeer): Admitted {
    const entry: Admitted = { socket, peer, room: null, closed: false, queue: [], checkingSession: false };
    this.#admitted.set(socket, entry);
    return entry;
  }

  #connectionOf(entry: Admitted): SyncConnection {
    return {
      receive: (frame) => {
        if (entry.closed) return;
        entry.queue.push(frame);
        if (entry.room && !entry.checkingSession) this.#drain(entry);
      },
      close: () => {
        entry.closed = true;
        this.#admitted.delete(entry.socket);
        entry.room?.leave(entry.socket);
        this.#forgetIfIdle();
      },
    };
  }

  /** Never serve an empty document in place of one we could not read: close, let it retry. */
  #failedToLoad(entry: Admitted, error: unknown): void {
    this.#options.onError(error);
    this.#close(entry, CloseCode.serverError);
    this.#forgetIfIdle();
  }

  #close(entry: Admitted, code: number): void {
    if (entry.closed) return;
    entry.closed = true;
    this.#admitted.delete(entry.socket);
    entry.room?.leave(entry.socket);
    entry.socket.close(code, closeReasons[code] ?? 'closed');
  }

  /**
   * Passes queued frames to the room. A frame that arrives after the session's known expiry
   * waits until the session is read again: ended → 4401 and the frame is never seen; renewed →
   * on with the new expiry.
   */
  #drain(entry: Admitted): void {
    const room = entry.room!;
    while (entry.queue.length > 0 && !entry.closed) {
      if (this.#options.sessionExpiry && this.#clock.now() >= entry.peer.sessionExpiresAt) {
        entry.checkingSession = true;
        this.#options.sessionExpiry(entry.peer.sessionId).then(
          (expiresAt) => {
            entry.checkingSession = false;
            if (expiresAt === null || this.#clock.now() >= expiresAt) return this.#close(entry, CloseCode.unauthenticated);
            entry.peer.sessionExpiresAt = expiresAt;
            this.#drain(entry);
          },
          (error: unknown) => {
            this.#options.onError(error);
            this.#close(entry, CloseCode.serverError);
          },
        );
        return;
      }
      const frame = entry.queue.shift()!;
      try {
        room.receive(entry.socket, frame);
      } catch (error) {
        if (!(error instanceof MalformedMessageError)) this.#options.onError(error);
        this.#close(entry, CloseCode.malformedMessage);
      }
    }
  }

  #open(): Promise<Room> {
    if (this.#room) return Promise.resolve(this.#room);
    this.#loading ??= this.#load().finally(() => {
      this.#loading = null;
    });
    return this.#loading;
  }

  async #load(): Promise<Room> {
    const stored = await this.#options.log.load();
    const { onTitleChange, activity } = this.#options;
    let tracker: ActivityTracker | undefined;
    const room = new Room({
      boardId: this.boardId,
      stored,
      log: this.#options.log,
      compactAfterUpdates: this.#options.compactAfterUpdates ?? 500,
      compactAfterBytes: this.#options.compactAfterBytes ?? 1024 * 1024,
      onEmpty: (empty) => this.#unloadWhenIdle(empty),
      // Forgotten at once, so the next visitor loads what is really stored; freed once empty.
      onCannotSave: (failed) => {
        if (this.#room === failed) this.#room = null;
      },
      onTitleChange,
      onPersonLeft: (userId) => tracker?.seen(userId),
      onError: this.#options.onError,
      onRefused: ({ userId, reason }) => console.warn(`change refused on board ${this.boardId} from user ${userId}: ${reason}`),
      clock: this.#clock,
    });
    // Feelings of a board from before, under `touchpointId/userId`, move under the server's keys
    // before anyone joins (feeling-actions.ts) — and before "what's new" watches, as nothing is new.
    try {
      const move = await nameFeelingsOwners(room.doc, this.#options.feelings, newFeelingKey);
      if (move !== null) await room.rewriteOnLoad(move);
    } catch (error) {
      await room.whenSaved().catch(() => undefined);
      room.destroy();
      throw error;
    }
    if (activity) {
      tracker = new ActivityTracker({ boardId: this.boardId, doc: room.doc, sink: activity, clock: this.#clock, changedBy, flushAfterMs: this.#options.activityFlushMs, onError: this.#options.onError });
      this.#trackers.set(room, tracker);
    }
    this.#room = room;
    return room;
  }

  /** Compacts an empty room, then frees it unless someone joined meanwhile. */
  #unloadWhenIdle(room: Room): void {
    room
      .whenSaved()
      .then(() => (room.hasLogTail ? room.compact() : undefined))
      .then(() => (room.deleted || room.cannotSave ? undefined : this.#options.comments.keepOnly(new Set(room.doc.getMap('comments').keys()))))
      .then(() => (room.deleted || room.cannotSave ? undefined : this.#options.feelings.keepOnly(feelingKeysIn(room.doc))))
      // The end of a live session: the board as everyone left it is kept in its history; what was
      // removed for good meanwhile goes from the versions kept before.
      .then(() => this.#keepVersion(room))
      .then(() => this.#purgeFromHistory(room))
      .then(() => (room.contentPurged && !room.deleted ? this.#options.forgetPurged?.() : undefined))
      .catch((error: unknown) => {
        if (!room.cannotSave) this.#options.onError(error);
      })
      .then(() => {
        // Someone admitted is still joining (their membership being read): they unload it later.
        const joining = [...this.#admitted.values()].some((entry) => entry.room === null);
        if (room.size !== 0 || room.hasUnsavedChanges || (this.#acting > 0 && !room.deleted) || (joining && !room.deleted && !room.cannotSave)) return;
        const current = this.#room === room;
        if (current) this.#room = null;
        // A room the host no longer holds (deleted, or given up) is freed all the same.
        if (current || room.deleted || room.cannotSave) {
          const tracker = this.#trackers.get(room);
          void tracker?.flush();
          tracker?.stop();
          room.destroy();
        }
        this.#forgetIfIdle();
      });
  }

  #forgetIfIdle(): void {
    if (this.idle) this.#options.onIdle?.();
  }
}

function purposeOf(doc: Y.Doc): string {
  const purpose = doc.getMap<unknown>('meta').get('purpose');
  return typeof purpose === 'string' ? purpose : '';
}
