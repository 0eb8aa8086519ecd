/**
 * One board's live document: the Y.Doc, its presence, and the sockets editing it.
 *
 * Durable before relay: an update a client sends is applied to the document (which validates it
 * and yields the exact change), appended to the log through the group-commit writer, and only
 * once committed relayed to the other sockets. Sync step 2 answers are computed when asked and
 * sent once every update they may contain is committed, so no byte leaves the server before it
 * is on disk.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { canEdit } from '../../shared/access.ts';
import { CloseCode, closeReasons, MessageType } from '../../shared/sync-protocol.ts';
import type { StoredDocument } from '../ports/document-store.ts';
import { encodeAwarenessEntries, filterAwarenessUpdate, type AwarenessEntry, type PresenceState } from './awareness-filter.ts';
import type { DocumentWriter } from './document-writer.ts';
import { awarenessMessage, isEmptyStateVector, syncStep1Message, syncStep2FromUpdate, syncStep2Message } from './messages.ts';
import { RelayBatcher } from './relay-batch.ts';
import type { SyncPeer, SyncSocket } from '../ports/sync-socket.ts';

/** Thrown by {@link Room.receive} for a frame that is not a valid y-websocket message. */
export class MalformedMessageError extends Error {
  constructor(cause: unknown) {
    super('malformed sync message', { cause });
    this.name = 'MalformedMessageError';
  }
}

export interface RoomOptions {
  boardId: string;
  stored: StoredDocument;
  writer: DocumentWriter;
  /** Compact when the log since the last snapshot holds this many updates. */
  compactAfterUpdates: number;
  /** ... or this many bytes. */
  compactAfterBytes: number;
  /** Called when the last socket has left. */
  onEmpty: (room: Room) => void;
  /** Called when the board's title in the document changes. */
  onTitleChange?: (title: string) => void;
  /** Reports failures that are not the client's fault. */
  onError: (error: unknown) => void;
}

/** A socket in a room, with what it may do and the presence ids it speaks for. */
class Connection {
  readonly awarenessIds = new Set<number>();
  readonly socket: SyncSocket;
  readonly peer: SyncPeer;
  constructor(socket: SyncSocket, peer: SyncPeer) {
    this.socket = socket;
    this.peer = peer;
  }
}

const loadOrigin = Symbol('load');

export class Room {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly #options: RoomOptions;
  readonly #connections = new Map<SyncSocket, Connection>();
  readonly #awarenessOwners = new Map<number, Connection>();
  #tailUpdates: number;
  #tailBytes: number;
  #compaction: Promise<void> | null = null;
  #unsaved = 0;
  #lastWrite: Promise<void> = Promise.resolve();
  #destroyed = false;
  /**
   * The whole document as one update, while nothing has changed since it was loaded: the answer
   * to a client that has nothing yet (a new browser, everyone after a restart), sent without
   * encoding the document again. Dropped at the first change.
   */
  #loadedState: Uint8Array | null = null;
  readonly #relay = new RelayBatcher<Connection>({ broadcast: (message, except) => this.#broadcast(message, except) });

  /** Builds the room from stored state; throws if the stored state cannot be read. */
  constructor(options: RoomOptions) {
    this.#options = options;
    this.boardId = options.boardId;
    this.doc = new Y.Doc({ gc: true });
    const { snapshot, updates } = options.stored;
    const parts = snapshot ? [snapshot, ...updates] : updates;
    if (parts.length > 0) {
      this.#loadedState = parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
      Y.applyUpdate(this.doc, this.#loadedState, loadOrigin);
    }
    this.#tailUpdates = updates.length;
    this.#tailBytes = options.stored.updateBytes;
    this.doc.on('update', this.#onDocumentUpdate);
    const meta = this.doc.getMap<unknown>('meta');
    meta.observe((event) => {
      const title = meta.get('title');
      if (event.keysChanged.has('title') && typeof title === 'string') options.onTitleChange?.(title);
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.#onAwarenessUpdate);
  }

  /** Number of open sockets. */
  get size(): number {
    return this.#connections.size;
  }

  /** True when the log holds updates not yet merged into the snapshot. */
  get hasLogTail(): boolean {
    return this.#tailUpdates > 0;
  }

  /** True while some applied update is not yet committed. */
  get hasUnsavedChanges(): boolean {
    return this.#unsaved > 0;
  }

  /** Adds a socket: sends the server's sync step 1 (so the client uploads what it has) and presence. */
  join(socket: SyncSocket, peer: SyncPeer): void {
    this.#connections.set(socket, new Connection(socket, peer));
    socket.send(syncStep1Message(this.doc));
    if (this.awareness.getStates().size > 0) {
      const ids = [...this.awareness.getStates().keys()];
      socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
    }
  }

  /** Handles one frame from a socket. Throws {@link MalformedMessageError} for a bad frame. */
  receive(socket: SyncSocket, frame: Uint8Array): void {
    const connection = this.#connections.get(socket);
    if (!connection) return;
    try {
      const decoder = decoding.createDecoder(frame);
      const type = decoding.readVarUint(decoder);
      switch (type) {
        case MessageType.sync:
          this.#receiveSync(connection, decoder);
          break;
        case MessageType.awareness:
          this.#receiveAwareness(connection, decoding.readVarUint8Array(decoder));
          break;
        case MessageType.queryAwareness:
          socket.send(
            awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [...this.awareness.getStates().keys()])),
          );
          break;
        case MessageType.auth:
          break; // clients have nothing to say in the auth sub-protocol
        default:
          throw new RangeError(`unknown message type ${type}`);
      }
    } catch (error) {
      throw error instanceof MalformedMessageError ? error : new MalformedMessageError(error);
    }
  }

  /** Removes a socket and the presence it spoke for. Safe to call twice. */
  leave(socket: SyncSocket): void {
    const connection = this.#connections.get(socket);
    if (!connection) return;
    this.#connections.delete(socket);
    const ids = [...connection.awarenessIds];
    for (const id of ids) this.#awarenessOwners.delete(id);
    if (ids.length > 0 && !this.#destroyed) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    if (this.#connections.size === 0) this.#options.onEmpty(this);
  }

  /** Closes every socket of one person (or all, without userId), e.g. when removed from the board. */
  disconnect(code: number, reason: string, userId?: string): void {
    for (const connection of [...this.#connections.values()]) {
      if (userId === undefined || connection.peer.userId === userId) {
        this.leave(connection.socket);
        connection.socket.close(code, reason);
      }
    }
  }

  /**
   * Changes what one person's open sockets may do, at once: frames already on their way are
   * judged by the new access, and the sockets are closed with 4501 so the page reconnects (with
   * the new access) and shows the right controls.
   */
  setAccess(userId: string, access: SyncPeer['access']): void {
    for (const connection of this.#connections.values()) {
      if (connection.peer.userId === userId) connection.peer.access = access;
    }
    // Frames still in flight are judged by the new access; the close tells the page to re-read
    // it (its controls), and the reconnect is admitted with it.
    this.disconnect(CloseCode.accessChanged, closeReasons[CloseCode.accessChanged]!, userId);
  }

  /**
   * Shows one person's new display name at once: their connections speak under it from now on,
   * and their current presence states are re-issued with it (a higher awareness clock, so every
   * client, the owner included, takes the renamed state).
   */
  rename(userId: string, displayName: string): void {
    for (const connection of this.#connections.values()) {
      if (connection.peer.userId !== userId) continue;
      connection.peer.displayName = displayName;
      const entries: AwarenessEntry[] = [];
      for (const clientId of connection.awarenessIds) {
        const state = this.awareness.getStates().get(clientId) as PresenceState | undefined;
        const clock = this.awareness.meta.get(clientId)?.clock;
        if (!state || clock === undefined) continue;
        entries.push({ clientId, clock: clock + 1, state: { ...state, user: { ...state.user, name: displayName } } });
      }
      if (entries.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), connection);
    }
  }

  /** Replaces the log by a snapshot; concurrent calls share one compaction. */
  compact(): Promise<void> {
    if (this.#compaction) return this.#compaction;
    this.#tailUpdates = 0;
    this.#tailBytes = 0;
    this.#compaction = this.#options.writer
      .compact(this.boardId, () => Y.encodeStateAsUpdate(this.doc))
      .finally(() => {
        this.#compaction = null;
      });
    return this.#compaction;
  }

  /** Resolves when every update applied so far is committed. */
  whenSaved(): Promise<void> {
    return this.#lastWrite;
  }

  /** Frees the document and presence. The room must be empty. */
  destroy(): void {
    this.#destroyed = true;
    this.#relay.stop();
    this.awareness.destroy();
    this.doc.destroy();
  }

  #receiveSync(connection: Connection, decoder: decoding.Decoder): void {
    const step = decoding.readVarUint(decoder);
    switch (step) {
      case syncProtocol.messageYjsSyncStep1: {
        const stateVector = decoding.readVarUint8Array(decoder);
        const reply =
          this.#loadedState && isEmptyStateVector(stateVector)
            ? syncStep2FromUpdate(this.#loadedState)
            : syncStep2Message(this.doc, stateVector);
        if (this.#unsaved === 0) connection.socket.send(reply);
        else this.#lastWrite.then(() => connection.socket.send(reply), () => undefined);
        break;
      }
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        // View members receive the document but their changes are dropped, never stored.
        if (!canEdit(connection.peer.access)) return;
        Y.applyUpdate(this.doc, update, connection);
        break;
      }
      default:
        throw new RangeError(`unknown sync step ${step}`);
    }
  }

  #receiveAwareness(connection: Connection, update: Uint8Array): void {
    const entries = filterAwarenessUpdate(update, {
      displayName: connection.peer.displayName,
      mayControl: (id) => {
        const owner = this.#awarenessOwners.get(id);
        return owner === undefined || owner === connection;
      },
    });
    if (entries.length === 0) return;
    for (const entry of entries) {
      if (entry.state !== null) {
        this.#awarenessOwners.set(entry.clientId, connection);
        connection.awarenessIds.add(entry.clientId);
      }
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), connection);
    for (const entry of entries) {
      if (entry.state === null) {
        this.#awarenessOwners.delete(entry.clientId);
        connection.awarenessIds.delete(entry.clientId);
      }
    }
  }

  #onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === loadOrigin) return;
    this.#loadedState = null;
    const from = origin instanceof Connection ? origin : null;
    this.#unsaved++;
    this.#tailUpdates++;
    this.#tailBytes += update.byteLength;
    const written = this.#options.writer.append(this.boardId, update);
    this.#lastWrite = written;
    written.then(
      () => {
        this.#unsaved--;
        this.#relay.add(update, from);
        if (this.#tailUpdates >= this.#options.compactAfterUpdates || this.#tailBytes >= this.#options.compactAfterBytes) {
          this.compact().catch(this.#options.onError);
        }
      },
      // Only a closed writer rejects (the server is stopping): nothing is relayed.
      () => undefined,
    );
  };

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    _origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.#destroyed) return;
    // Echoed to the sender too, so a lone client keeps hearing from the server and stays live.
    this.#broadcast(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null);
  };

  #broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.#connections.values()) {
      if (connection !== except) connection.socket.send(message);
    }
  }
}
