/**
 * One board's live document: the Y.Doc, its presence, and the sockets editing it.
 *
 * Durable before relay: an update a client sends is applied to the document (which validates it
 * and yields the exact change), appended to the board's log (the BoardLog port: Node's group-commit
 * writer, or the board's Durable Object SQLite), and only once durable relayed to the other
 * sockets. Sync step 2 answers are computed when asked and
 * sent once every update they may contain is committed, so no byte leaves the server before it
 * is on disk.
 */
import * as decoding from 'lib0/decoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { canComment } from '../../shared/access.ts';
import { CloseCode, closeReasons, MessageType } from '../../shared/sync-protocol.ts';
import { systemClock, type Clock } from '../ports/clock.ts';
import { encodeAwarenessEntries, filterAwarenessUpdate, type AwarenessEntry, type PresenceState } from './awareness-filter.ts';
import { BoardWriteFailedError, type BoardLog, type ClientClaim, type StoredDocument } from '../ports/board-log.ts';
import { awarenessMessage, isEmptyStateVector, syncStep1Message, syncStep2FromUpdate, syncStep2Message } from './messages.ts';
import { purgeExpiredDeletions, stampDeletionTimes, watchPurges } from './purge-deleted.ts';
import { dropPersonalDots } from './personal-dots.ts';
import { RelayBatcher } from './relay-batch.ts';
import { checkUpdate, MissingContent, RefusedChange, type Accepted } from './guard/update-guard.ts';
import type { SocketState, SyncPeer, SyncSocket } from '../ports/sync-socket.ts';

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
  /** Where the board's updates are made durable before they are relayed. */
  log: BoardLog;
  /** Compact when the log since the last snapshot holds this many updates. */
  compactAfterUpdates: number;
  /** ... or this many bytes. */
  compactAfterBytes: number;
  /** Called when the last socket has left. */
  onEmpty: (room: Room) => void;
  /**
   * Called once when the room can no longer save (its writes were given up): its sockets are
   * closed with 4503 and it takes no more updates; its host forgets it so the next visitor
   * loads the board afresh from what is stored.
   */
  onCannotSave?: (room: Room) => void;
  /** Called when the board's title in the document changes. */
  onTitleChange?: (title: string) => void;
  /** Called when a person's last socket on the board has gone ("what's new" since then: sync/activity.ts). */
  onPersonLeft?: (userId: string) => void;
  /** Reports failures that are not the client's fault. */
  onError: (error: unknown) => void;
  /** Told of each update the guard refused (its sender's socket is closed with 4422). */
  onRefused?: (refusal: { boardId: string; userId: string; reason: string }) => void;
  /** Time, for "Recently deleted" items that expire when the board loads (default the system clock). */
  clock?: Clock;
}

/**
 * Presence ids one socket may speak for. A y-websocket provider uses one per document; a few more
 * leave room for a page that reopens its document without reconnecting. Beyond this, new ids a
 * socket names are dropped and counted ({@link Room.droppedPresenceIds}).
 */
export const maxPresenceIdsPerSocket = 4;

/**
 * Presence ids remembered per person after their socket has gone, so they get theirs back when
 * they reconnect and nobody else can take it meanwhile. Oldest forgotten first.
 */
const rememberedPresenceIdsPerPerson = 16;

/** A socket in a room, with what it may do and the presence ids it speaks for. */
class Connection {
  readonly awarenessIds = new Set<number>();
  /** Yjs client ids this socket wrote with, newest last (at most {@link rememberedClientIdsPerSocket}). */
  clientIds: number[] = [];
  readonly socket: SyncSocket;
  readonly peer: SyncPeer;
  constructor(socket: SyncSocket, peer: SyncPeer) {
    this.socket = socket;
    this.peer = peer;
  }
}

/** Yjs client ids a socket remembers having written with (a page writes with one; offline copies bring a few more). */
const rememberedClientIdsPerSocket = 8;

const loadOrigin = Symbol('load');
/** Presence taken back after the room was rebuilt: every client has it already, so it is not sent. */
const resumeOrigin = Symbol('resume');
const purgeOrigin = Symbol('purge expired deletions');

/** The origin of a change the server makes on a person's behalf ({@link Room.writeAsServer}); never sent to clients. */
export class ServerWrite {
  readonly userId: string;
  constructor(userId: string) {
    this.userId = userId;
  }
}

/** Who made a document change, by its transaction origin: a socket's person or a server write's; undefined for the room's own (load, purge). */
export function changedBy(origin: unknown): string | undefined {
  return origin instanceof Connection ? origin.peer.userId : origin instanceof ServerWrite ? origin.userId : undefined;
}

export class Room {
  readonly boardId: string;
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly #options: RoomOptions;
  readonly #clock: Clock;
  readonly #connections = new Map<SyncSocket, Connection>();
  /** Which person each presence id belongs to, for as long as the room is loaded. */
  readonly #awarenessOwners = new Map<number, string>();
  /** Presence ids per person, oldest first, to forget the oldest beyond the bound. */
  readonly #idsOfPerson = new Map<string, number[]>();
  #droppedPresenceIds = 0;
  #refusedUpdates = 0;
  #resyncs = 0;
  /**
   * Which person each Yjs client id written with (while the room is loaded) belongs to: nobody may
   * write with another's client id (it would take the clocks of that person's next changes).
   */
  readonly #clientOwners = new Map<number, string>();
  /** Client ids the update being applied is the first to write with, for its log append. */
  #claims: ClientClaim[] = [];
  #deleted = false;
  #cannotSave = false;
  #contentPurged = false;
  /** Stages and touchpoints removed for good while loaded, to take out of the board's kept versions too. */
  readonly #purgedIds = new Set<string>();
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
    for (const { clientId, userId } of options.stored.clientOwners ?? []) this.#clientOwners.set(clientId, userId);
    this.#tailUpdates = updates.length;
    this.#tailBytes = options.stored.updateBytes;
    this.doc.on('update', this.#onDocumentUpdate);
    // What was deleted 30 days ago goes for good now, written and relayed like any change.
    watchPurges(this.doc, (id) => {
      this.#contentPurged = true;
      this.#purgedIds.add(id);
    });
    this.#clock = options.clock ?? systemClock;
    purgeExpiredDeletions(this.doc, this.#clock.now(), purgeOrigin);
    if (dropPersonalDots(this.doc, purgeOrigin) > 0) this.#contentPurged = true;
    const meta = this.doc.getMap<unknown>('meta');
    meta.observe((event) => {
      const title = meta.get('title');
      if (event.keysChanged.has('title') && typeof title === 'string') options.onTitleChange?.(title);
    });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    // y-protocols starts a 3 s timer per Awareness to renew its own state (the server has none)
    // and to drop states not renewed for 30 s. A timer keeps a Durable Object awake, so the room
    // runs without it on every runtime: a state goes when its socket leaves (Node's heartbeat and
    // the runtime's close events end dead sockets) or when its client says so.
    clearInterval((this.awareness as unknown as { _checkInterval: ReturnType<typeof setInterval> })._checkInterval);
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

  /** True while some applied update is not yet durable (nor refused by the log). */
  get hasUnsavedChanges(): boolean {
    return this.#unsaved > 0;
  }

  /** Presence ids sockets tried to speak for beyond {@link maxPresenceIdsPerSocket}, dropped. */
  get droppedPresenceIds(): number {
    return this.#droppedPresenceIds;
  }

  /** Updates the guard refused since the room was loaded. */
  get refusedUpdates(): number {
    return this.#refusedUpdates;
  }

  /** Updates set aside because they built on changes the room had not seen (the client was asked for everything instead). */
  get resyncs(): number {
    return this.#resyncs;
  }

  /** True once the board was deleted: the room takes no one and writes nothing more. */
  get deleted(): boolean {
    return this.#deleted;
  }

  /**
   * True once deleted content was removed for good while loaded (expired on load, or emptied by
   * a facilitator): after the next compaction the database should forget its freed pages.
   */
  get contentPurged(): boolean {
    return this.#contentPurged;
  }

  /**
   * Writes a change the room makes of itself before anyone has joined (feelings of a board from
   * before moved under the server's keys, feeling-actions.ts): stored and relayed like any change,
   * and, as it takes something out, followed by the compaction that drops it from the file.
   */
  async rewriteOnLoad(change: (doc: Y.Doc) => void): Promise<void> {
    this.doc.transact(() => change(this.doc), purgeOrigin);
    this.#contentPurged = true;
    await this.#lastWrite;
  }

  /** Takes the ids of stages and touchpoints removed for good since last asked. */
  takePurgedIds(): Set<string> {
    const ids = new Set(this.#purgedIds);
    this.#purgedIds.clear();
    return ids;
  }

  /** True once the room could not save and was given up (see {@link RoomOptions.onCannotSave}). */
  get cannotSave(): boolean {
    return this.#cannotSave;
  }

  /**
   * The board was deleted: closes every socket with 4404, takes no further update and starts no
   * compaction. Its host then destroys the board's log (BoardLog.destroy).
   */
  markDeleted(): void {
    this.#deleted = true;
    this.disconnect(CloseCode.notFound, closeReasons[CloseCode.notFound]!);
  }

  /** Adds a socket: sends the server's sync step 1 (so the client uploads what it has) and presence. */
  join(socket: SyncSocket, peer: SyncPeer): void {
    const connection = new Connection(socket, peer);
    this.#connections.set(socket, connection);
    this.#remember(connection);
    socket.send(syncStep1Message(this.doc));
    if (this.awareness.getStates().size > 0) {
      const ids = [...this.awareness.getStates().keys()];
      socket.send(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
    }
  }

  /**
   * Takes back a socket that was in the room before it was rebuilt (a Durable Object woken from
   * hibernation): with the presence it spoke for, and without sending it anything, since it is
   * up to date.
   */
  rejoin(socket: SyncSocket, { peer, presence, clientIds = [] }: SocketState): void {
    const connection = new Connection(socket, peer);
    this.#connections.set(socket, connection);
    connection.clientIds = clientIds.slice(-rememberedClientIdsPerSocket);
    for (const clientId of connection.clientIds) this.#clientOwners.set(clientId, peer.userId);
    const states = presence.filter((entry) => entry.state !== null);
    for (const entry of states) {
      connection.awarenessIds.add(entry.clientId);
      this.#claimPresenceId(peer.userId, entry.clientId);
    }
    if (states.length > 0) awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(states), resumeOrigin);
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
    // The ids stay the person's (#awarenessOwners), so a reconnect gets them back; their states go.
    const ids = [...connection.awarenessIds];
    if (ids.length > 0 && !this.#destroyed) awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    const { userId } = connection.peer;
    if (![...this.#connections.values()].some((other) => other.peer.userId === userId)) this.#options.onPersonLeft?.(userId);
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
      this.#remember(connection);
    }
  }

  /** Replaces the log by a snapshot; concurrent calls share one compaction. */
  compact(): Promise<void> {
    if (this.#deleted || this.#cannotSave) return Promise.resolve();
    if (this.#compaction) return this.#compaction;
    this.#tailUpdates = 0;
    this.#tailBytes = 0;
    this.#compaction = this.#options.log
      .compact(() => Y.encodeStateAsUpdate(this.doc))
      .catch((error: unknown) => {
        if (error instanceof BoardWriteFailedError) this.#giveUpSaving(error);
        throw error;
      })
      .finally(() => {
        this.#compaction = null;
      });
    return this.#compaction;
  }

  /**
   * Makes a change as the server (its own Yjs client id), on behalf of `by` — comments posted
   * without a name, "Me too" counts, hiding (comment-actions.ts). Stored and relayed like any
   * update; resolves once it is durable, rejects if it never will be.
   */
  async writeAsServer(change: (doc: Y.Doc) => void, by: string): Promise<void> {
    if (this.#deleted || this.#cannotSave) throw new Error(`board ${this.boardId} is not taking changes`);
    this.doc.transact(() => change(this.doc), new ServerWrite(by));
    await this.#lastWrite;
    if (this.#deleted || this.#cannotSave) throw new Error(`board ${this.boardId} could not save a change the server made`);
  }

  /** Resolves when every update applied so far is committed. */
  whenSaved(): Promise<void> {
    return this.#lastWrite;
  }

  /** Frees the document and presence. The room must be empty. */
  destroy(): void {
    if (this.#destroyed) return;
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
        // View members receive the document but their changes are dropped, never stored; so are
        // updates for a deleted board or one that cannot save.
        if (!canComment(connection.peer.access) || this.#deleted || this.#cannotSave) return;
        // Checked before anything of it is applied, stored or relayed (guard/update-guard.ts).
        let accepted: Accepted;
        try {
          accepted = checkUpdate(this.doc, update, connection.peer, (clientId) => this.#clientOwners.get(clientId));
        } catch (error) {
          if (error instanceof MissingContent) {
            // Builds on changes this room has not seen (another tab of the same browser passed them
            // on first): not applied; the client's answer to a sync step 1 brings it all at once.
            this.#resyncs++;
            connection.socket.send(syncStep1Message(this.doc));
            return;
          }
          if (!(error instanceof RefusedChange)) throw error;
          this.#refuse(connection, error);
          return;
        }
        // The client ids it is first to write with are stored with it, in the same write.
        this.#claims = [...accepted.clients].filter((clientId) => !this.#clientOwners.has(clientId)).map((clientId) => ({ clientId, userId: connection.peer.userId }));
        try {
          Y.applyUpdate(this.doc, update, connection);
        } finally {
          this.#claims = [];
        }
        this.#ownClientIds(connection, accepted.clients);
        // "Recently deleted" counts its 30 days by the server's clock, not the deleting device's.
        if (accepted.deletions.length > 0) stampDeletionTimes(this.doc, accepted.deletions, this.#clock.now(), purgeOrigin);
        break;
      }
      default:
        throw new RangeError(`unknown sync step ${step}`);
    }
  }

  /** Records the Yjs client ids an accepted update wrote with as its sender's (and lets the socket keep them). */
  #ownClientIds(connection: Connection, clients: ReadonlySet<number>): void {
    let added = false;
    for (const clientId of clients) {
      this.#clientOwners.set(clientId, connection.peer.userId);
      if (!connection.clientIds.includes(clientId)) {
        connection.clientIds.push(clientId);
        added = true;
      }
    }
    if (!added) return;
    connection.clientIds = connection.clientIds.slice(-rememberedClientIdsPerSocket);
    this.#remember(connection);
  }

  /** Refuses a socket's update: nothing of it is kept; the socket is closed with 4422 (its page reloads the board). */
  #refuse(connection: Connection, refusal: RefusedChange): void {
    this.#refusedUpdates++;
    this.#options.onRefused?.({ boardId: this.boardId, userId: connection.peer.userId, reason: refusal.message });
    this.leave(connection.socket);
    connection.socket.close(CloseCode.changeRefused, closeReasons[CloseCode.changeRefused]!);
  }

  #receiveAwareness(connection: Connection, update: Uint8Array): void {
    const userId = connection.peer.userId;
    const taken = new Set(connection.awarenessIds);
    const entries = filterAwarenessUpdate(update, {
      displayName: connection.peer.displayName,
      // A presence id belongs to the person who first spoke for it, across their reconnects;
      // a socket speaks for a few ids at most.
      mayControl: (id) => {
        const owner = this.#awarenessOwners.get(id);
        if (owner !== undefined && owner !== userId) return false;
        if (taken.has(id)) return true;
        if (taken.size < maxPresenceIdsPerSocket) return taken.add(id), true;
        this.#droppedPresenceIds++;
        return false;
      },
    });
    if (entries.length === 0) return;
    for (const entry of entries) {
      if (entry.state === null) continue;
      // Back after a reconnect: the state was removed at a higher clock than the client's own, so
      // it is taken at the next clock (as y-protocols would only do ~30 s later, at its renewal).
      const known = this.awareness.meta.get(entry.clientId);
      if (known && !this.awareness.getStates().has(entry.clientId) && entry.clock <= known.clock) entry.clock = known.clock + 1;
      if (!connection.awarenessIds.has(entry.clientId)) {
        // The person's other socket (an older tab, a connection not yet closed) lets go of it.
        for (const other of this.#connections.values()) other.awarenessIds.delete(entry.clientId);
        connection.awarenessIds.add(entry.clientId);
      }
      this.#claimPresenceId(userId, entry.clientId);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encodeAwarenessEntries(entries), connection);
    for (const entry of entries) {
      if (entry.state === null) connection.awarenessIds.delete(entry.clientId);
    }
    this.#remember(connection);
  }

  /** Lets the socket keep who it is and the presence it speaks for (see {@link SyncSocket.remember}). */
  #remember(connection: Connection): void {
    if (!connection.socket.remember) return;
    const presence: AwarenessEntry[] = [];
    for (const clientId of connection.awarenessIds) {
      const state = this.awareness.getStates().get(clientId) as PresenceState | undefined;
      const clock = this.awareness.meta.get(clientId)?.clock;
      if (state && clock !== undefined) presence.push({ clientId, clock, state });
    }
    connection.socket.remember({ peer: { ...connection.peer }, presence, clientIds: [...connection.clientIds] });
  }

  /** Records that `clientId` is `userId`'s, forgetting that person's oldest ids beyond the bound. */
  #claimPresenceId(userId: string, clientId: number): void {
    if (this.#awarenessOwners.get(clientId) === userId) return;
    this.#awarenessOwners.set(clientId, userId);
    const ids = this.#idsOfPerson.get(userId) ?? [];
    ids.push(clientId);
    this.#idsOfPerson.set(userId, ids);
    while (ids.length > rememberedPresenceIdsPerPerson) {
      const index = ids.findIndex((id) => ![...this.#connections.values()].some((c) => c.awarenessIds.has(id)));
      if (index === -1) break;
      this.#awarenessOwners.delete(ids.splice(index, 1)[0]!);
    }
  }

  #onDocumentUpdate = (update: Uint8Array, origin: unknown): void => {
    if (origin === loadOrigin || this.#deleted || this.#cannotSave) return;
    this.#loadedState = null;
    const from = origin instanceof Connection ? origin : null;
    this.#unsaved++;
    this.#tailUpdates++;
    this.#tailBytes += update.byteLength;
    const claims = this.#claims;
    this.#claims = [];
    const written = this.#options.log.append(update, claims.length > 0 ? claims : undefined).then(
      () => {
        this.#unsaved--;
        if (this.#deleted || this.#cannotSave) return;
        this.#relay.add(update, from);
        if (this.#tailUpdates >= this.#options.compactAfterUpdates || this.#tailBytes >= this.#options.compactAfterBytes) {
          this.compact().catch((error: unknown) => {
            if (!(error instanceof BoardWriteFailedError)) this.#options.onError(error);
          });
        }
      },
      // Refused by the log: its writer was closed (the server is stopping) or gave up on this
      // board. Either way nothing of it is relayed, and it no longer counts as unsaved.
      (error: unknown) => {
        this.#unsaved--;
        if (error instanceof BoardWriteFailedError) this.#giveUpSaving(error);
      },
    );
    this.#lastWrite = written;
  };

  /**
   * The log gave up on this board's writes: nothing more is taken, every socket is closed with 4503
   * (their clients keep the refused changes and send them again on reconnect), and its host
   * forgets the room, so the next visitor loads what is really stored.
   */
  #giveUpSaving(error: BoardWriteFailedError): void {
    if (this.#cannotSave || this.#deleted) return;
    this.#cannotSave = true;
    this.#loadedState = null;
    this.#options.onError(
      new Error(`board ${this.boardId} cannot save: closing its sockets with 4503 and refusing updates until it can`, {
        cause: error,
      }),
    );
    this.#options.onCannotSave?.(this);
    this.disconnect(CloseCode.cannotSave, closeReasons[CloseCode.cannotSave]!);
  }

  #onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0 || this.#destroyed || origin === resumeOrigin) return;
    // Echoed to the sender too, so a lone client keeps hearing from the server and stays live.
    this.#broadcast(awarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null);
  };

  #broadcast(message: Uint8Array, except: Connection | null): void {
    for (const connection of this.#connections.values()) {
      if (connection !== except) connection.socket.send(message);
    }
  }
}
