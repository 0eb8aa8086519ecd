/**
 * The rooms a server holds in memory: loads a board's room when its first socket arrives (snapshot
 * plus log tail, before any sync step is answered), compacts and unloads it when its last socket
 * leaves, and closes sockets when a board is deleted, a membership changes, a session ends or the
 * server shuts down.
 *
 * Every admitted socket is known here from the moment it is admitted, before its room has loaded
 * or its membership been read again, so a removal, a deletion or a sign-out in that window closes
 * it too; and no socket joins a room before its membership has been read again (a change made
 * elsewhere — another process, the database — is caught there).
 */
import { CloseCode, closeReasons } from '../../shared/sync-protocol.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { SyncPeer, SyncSocket } from '../ports/sync-socket.ts';
import type { DocumentWriter } from './document-writer.ts';
import { MalformedMessageError, Room } from './room.ts';

/** A person's standing on a board as read again when their socket joins. */
export type PeerCheck = SyncPeer['access'] | 'not_member' | 'no_board';

export interface RoomRegistryOptions {
  store: DocumentStore;
  writer: DocumentWriter;
  /** Compact a room's log after this many updates (default 500)... */
  compactAfterUpdates?: number;
  /** ...or this many bytes (default 1 MiB). */
  compactAfterBytes?: number;
  /** Keeps the boards table's title in step with the document's. */
  onTitleChange?: (boardId: string, title: string) => void;
  /** Reports failures that are not a client's fault (failed loads, writes, compactions). */
  onError: (error: unknown) => void;
  /**
   * Reads a person's standing on a board again before their socket joins its room, closing the
   * gap between admission and joining (4403 when no longer a member, 4404 when the board is gone,
   * 4501 when their access changed). Without it the admission's reading stands.
   */
  verifyPeer?: (boardId: string, userId: string) => Promise<PeerCheck>;
  /**
   * A session's current expiry, or null once it has ended. Asked at a socket's first frame after
   * the expiry it knows, since HTTP use may have renewed the session meanwhile.
   */
  sessionExpiry?: (sessionId: string) => Promise<number | null>;
  /** Time, to notice expired sessions and "Recently deleted" items (default the system clock). */
  clock?: Clock;
  /**
   * Makes the database file forget freed pages (`SqlDatabase.checkpoint`). Called when a room that
   * removed deleted content for good ({@link Room.contentPurged}) has compacted on its last leave,
   * so the content is gone from the file's bytes and not only from the tables.
   */
  forgetPurged?: () => Promise<void>;
}

/** What a transport adapter holds for one admitted socket. */
export interface SyncConnection {
  /** Passes on one binary frame; frames are queued while the room loads. */
  receive(frame: Uint8Array): void;
  /** Tells the room the socket has closed. */
  close(): void;
}

/** Which sockets to close when sessions end. */
export interface SessionsEnded {
  userId: string;
  /** Only this session's sockets (sign out); without it, all of the person's (sign out everywhere)... */
  sessionId?: string;
  /** ...except this session's (the person's other sessions end, this one stays). */
  exceptSessionId?: string;
}

/** One admitted socket, from admission until it closes. */
interface Admitted {
  boardId: string;
  socket: SyncSocket;
  peer: SyncPeer;
  room: Room | null;
  closed: boolean;
  /** Frames held while the room loads or the session is being checked. */
  queue: Uint8Array[];
  checkingSession: boolean;
}

export class RoomRegistry {
  readonly #options: RoomRegistryOptions;
  readonly #clock: Clock;
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();
  /** Every open admitted socket, joined or not. */
  readonly #admitted = new Map<SyncSocket, Admitted>();
  /** Boards being deleted: no socket may join them. */
  readonly #deleting = new Set<string>();

  constructor(options: RoomRegistryOptions) {
    this.#options = options;
    this.#clock = options.clock ?? systemClock;
  }

  /** Number of rooms in memory. */
  get size(): number {
    return this.#rooms.size;
  }

  /** The loaded room of a board, if any (for tests and metrics). */
  loaded(boardId: string): Room | undefined {
    return this.#rooms.get(boardId);
  }

  /** Admits a socket to a board's room, loading the room when needed. */
  connect(boardId: string, socket: SyncSocket, peer: SyncPeer): SyncConnection {
    const entry: Admitted = { boardId, socket, peer, room: null, closed: false, queue: [], checkingSession: false };
    this.#admitted.set(socket, entry);
    // The membership is read once the room is there, right before joining: a change made while
    // the board loaded is seen.
    const verify = this.#options.verifyPeer ?? (async () => peer.access);
    this.#open(boardId)
      .then(async (room) => [room, entry.closed ? peer.access : await verify(boardId, peer.userId)] as const)
      .then(
        ([room, standing]) => {
          const refusal =
            standing === 'no_board' || this.#deleting.has(boardId) || room.deleted
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
        },
        (error: unknown) => {
          // Never serve an empty document in place of one we could not read: close, let it retry.
          this.#options.onError(error);
          this.#close(entry, CloseCode.serverError);
        },
      );
    return {
      receive: (frame) => {
        if (entry.closed) return;
        entry.queue.push(frame);
        if (entry.room && !entry.checkingSession) this.#drain(entry);
      },
      close: () => {
        entry.closed = true;
        this.#admitted.delete(socket);
        entry.room?.leave(socket);
      },
    };
  }

  /** Closes the sockets of a board (or of one person on it), joined or not, and waits for its writes. */
  async disconnect(boardId: string, code: number, userId?: string): Promise<void> {
    for (const entry of this.#admittedTo(boardId)) {
      if (userId === undefined || entry.peer.userId === userId) this.#close(entry, code);
    }
    const room = this.#rooms.get(boardId) ?? (await this.#loading.get(boardId)?.catch(() => undefined));
    await room?.whenSaved();
  }

  /** Changes one person's access on a board's open sockets (see {@link Room.setAccess}). */
  async setAccess(boardId: string, userId: string, access: SyncPeer['access']): Promise<void> {
    // Not yet joined: they join with the access read again then, or are told it changed.
    for (const entry of this.#admittedTo(boardId)) if (!entry.room && entry.peer.userId === userId) this.#close(entry, CloseCode.accessChanged);
    const room = this.#rooms.get(boardId) ?? (await this.#loading.get(boardId)?.catch(() => undefined));
    room?.setAccess(userId, access);
  }

  /** Shows a person's new display name in every loaded room they are in. */
  rename(userId: string, displayName: string): void {
    for (const room of this.#rooms.values()) room.rename(userId, displayName);
  }

  /** Closes, with 4401, every socket opened with a session that has ended. */
  endSessions({ userId, sessionId, exceptSessionId }: SessionsEnded): void {
    for (const entry of [...this.#admitted.values()]) {
      const { peer } = entry;
      if (peer.userId !== userId) continue;
      if (sessionId !== undefined && peer.sessionId !== sessionId) continue;
      if (exceptSessionId !== undefined && peer.sessionId === exceptSessionId) continue;
      this.#close(entry, CloseCode.unauthenticated);
    }
  }

  /**
   * Deletes a board's live and stored document: its sockets close with 4404, no one joins it
   * again, no further update or compaction of it is written, and its snapshot and log are removed
   * through the writer, after every write of it already enqueued. Resolves once removed.
   */
  async deleteBoard(boardId: string): Promise<void> {
    this.#deleting.add(boardId);
    try {
      for (const entry of this.#admittedTo(boardId)) this.#close(entry, CloseCode.notFound);
      const room = this.#rooms.get(boardId) ?? (await this.#loading.get(boardId)?.catch(() => undefined));
      room?.markDeleted();
      await this.#options.writer.remove(boardId);
    } finally {
      this.#deleting.delete(boardId);
    }
  }

  /** Closes every socket with 1001, compacts every room and waits until all is committed. */
  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.#loading.values()]);
    for (const entry of [...this.#admitted.values()]) if (!entry.room) this.#close(entry, CloseCode.goingAway);
    const rooms = [...this.#rooms.values()];
    for (const room of rooms) room.disconnect(CloseCode.goingAway, closeReasons[CloseCode.goingAway]!);
    await Promise.all(rooms.map((room) => (room.hasLogTail ? room.compact().catch(() => undefined) : undefined)));
    await this.#options.writer.flush();
  }

  #admittedTo(boardId: string): Admitted[] {
    return [...this.#admitted.values()].filter((entry) => entry.boardId === boardId);
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

  #open(boardId: string): Promise<Room> {
    const room = this.#rooms.get(boardId);
    if (room) return Promise.resolve(room);
    let loading = this.#loading.get(boardId);
    if (!loading) {
      loading = this.#load(boardId).finally(() => this.#loading.delete(boardId));
      this.#loading.set(boardId, loading);
    }
    return loading;
  }

  async #load(boardId: string): Promise<Room> {
    const stored = await this.#options.store.load(boardId);
    const { onTitleChange } = this.#options;
    const room = new Room({
      boardId,
      stored,
      writer: this.#options.writer,
      compactAfterUpdates: this.#options.compactAfterUpdates ?? 500,
      compactAfterBytes: this.#options.compactAfterBytes ?? 1024 * 1024,
      onEmpty: (empty) => this.#unloadWhenIdle(empty),
      // Forgotten at once, so the next visitor loads what is really stored; freed once empty.
      onCannotSave: (failed) => {
        if (this.#rooms.get(boardId) === failed) this.#rooms.delete(boardId);
      },
      onTitleChange: onTitleChange && ((title) => onTitleChange(boardId, title)),
      onError: this.#options.onError,
      clock: this.#clock,
    });
    this.#rooms.set(boardId, room);
    return room;
  }

  /** Compacts an empty room, then frees it unless someone joined meanwhile. */
  #unloadWhenIdle(room: Room): void {
    room
      .whenSaved()
      .then(() => (room.hasLogTail ? room.compact() : undefined))
      .then(() => (room.contentPurged && !room.deleted ? this.#options.forgetPurged?.() : undefined))
      .catch((error: unknown) => {
        if (!room.cannotSave) this.#options.onError(error);
      })
      .then(() => {
        // Someone admitted is still joining (their membership being read): they unload it later.
        const joining = this.#admittedTo(room.boardId).some((entry) => entry.room === null);
        if (room.size !== 0 || room.hasUnsavedChanges || (joining && !room.deleted && !room.cannotSave)) return;
        const current = this.#rooms.get(room.boardId) === room;
        if (current) this.#rooms.delete(room.boardId);
        // A room the registry no longer holds (deleted, or given up) is freed all the same.
        if (current || room.deleted || room.cannotSave) room.destroy();
      });
  }
}
