/**
 * The rooms a server holds in memory: loads a board's room when its first socket arrives (snapshot
 * plus log tail, before any sync step is answered), compacts and unloads it when its last socket
 * leaves, and closes boards' sockets on deletion, membership changes and shutdown.
 */
import { CloseCode, closeReasons } from '../../shared/sync-protocol.ts';
import type { DocumentStore } from '../ports/document-store.ts';
import type { DocumentWriter } from './document-writer.ts';
import { MalformedMessageError, Room } from './room.ts';
import type { SyncPeer, SyncSocket } from '../ports/sync-socket.ts';

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
   * Reads a person's access again once their socket has joined (null: no longer a member). It
   * closes the gap between admission and joining, in which a removal or an access change would
   * otherwise miss the socket.
   */
  verifyPeer?: (boardId: string, userId: string) => Promise<SyncPeer['access'] | null>;
}

/** What a transport adapter holds for one admitted socket. */
export interface SyncConnection {
  /** Passes on one binary frame; frames are queued while the room loads. */
  receive(frame: Uint8Array): void;
  /** Tells the room the socket has closed. */
  close(): void;
}

export class RoomRegistry {
  readonly #options: RoomRegistryOptions;
  readonly #rooms = new Map<string, Room>();
  readonly #loading = new Map<string, Promise<Room>>();

  constructor(options: RoomRegistryOptions) {
    this.#options = options;
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
    let room: Room | null = null;
    let closed = false;
    const queue: Uint8Array[] = [];
    const deliver = (frame: Uint8Array): void => {
      try {
        room?.receive(socket, frame);
      } catch (error) {
        if (!(error instanceof MalformedMessageError)) this.#options.onError(error);
        room?.leave(socket);
        socket.close(CloseCode.malformedMessage, closeReasons[CloseCode.malformedMessage]!);
        closed = true;
      }
    };
    this.#open(boardId).then(
      (loaded) => {
        if (closed) {
          if (loaded.size === 0) this.#unloadWhenIdle(loaded);
          return;
        }
        room = loaded;
        loaded.join(socket, peer);
        for (const frame of queue.splice(0)) if (!closed) deliver(frame);
        this.#options.verifyPeer?.(boardId, peer.userId).then((access) => {
          if (closed || access === peer.access) return;
          if (access === null) {
            loaded.leave(socket);
            socket.close(CloseCode.forbidden, closeReasons[CloseCode.forbidden]!);
            closed = true;
          } else {
            loaded.setAccess(peer.userId, access);
          }
        }, this.#options.onError);
      },
      (error: unknown) => {
        // Never serve an empty document in place of one we could not read: close, let it retry.
        this.#options.onError(error);
        socket.close(CloseCode.serverError, closeReasons[CloseCode.serverError]!);
      },
    );
    return {
      receive: (frame) => {
        if (closed) return;
        if (room) deliver(frame);
        else queue.push(frame);
      },
      close: () => {
        closed = true;
        room?.leave(socket);
      },
    };
  }

  /** Closes the sockets of a board (or of one person on it) and waits for its writes. */
  async disconnect(boardId: string, code: number, userId?: string): Promise<void> {
    const room = this.#rooms.get(boardId) ?? (await this.#loading.get(boardId)?.catch(() => undefined));
    if (!room) return;
    room.disconnect(code, closeReasons[code] ?? 'closed', userId);
    await room.whenSaved();
  }

  /** Changes one person's access on a board's open sockets (see {@link Room.setAccess}). */
  async setAccess(boardId: string, userId: string, access: SyncPeer['access']): Promise<void> {
    const room = this.#rooms.get(boardId) ?? (await this.#loading.get(boardId)?.catch(() => undefined));
    room?.setAccess(userId, access);
  }

  /** Shows a person's new display name in every loaded room they are in. */
  rename(userId: string, displayName: string): void {
    for (const room of this.#rooms.values()) room.rename(userId, displayName);
  }

  /** Closes every socket with 1001, compacts every room and waits until all is committed. */
  async shutdown(): Promise<void> {
    await Promise.allSettled([...this.#loading.values()]);
    const rooms = [...this.#rooms.values()];
    for (const room of rooms) room.disconnect(CloseCode.goingAway, closeReasons[CloseCode.goingAway]!);
    await Promise.all(rooms.map((room) => (room.hasLogTail ? room.compact() : undefined)));
    await this.#options.writer.flush();
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
      onTitleChange: onTitleChange && ((title) => onTitleChange(boardId, title)),
      onError: this.#options.onError,
    });
    this.#rooms.set(boardId, room);
    return room;
  }

  /** Compacts an empty room, then frees it unless someone joined meanwhile. */
  #unloadWhenIdle(room: Room): void {
    room
      .whenSaved()
      .then(() => (room.hasLogTail ? room.compact() : undefined))
      .then(
        () => {
          if (room.size === 0 && !room.hasUnsavedChanges && this.#rooms.get(room.boardId) === room) {
            this.#rooms.delete(room.boardId);
            room.destroy();
          }
        },
        this.#options.onError,
      );
  }
}
