/**
 * One board's live connection: a Y.Doc kept in sync with the server by the standard y-websocket
 * provider, a plain-words connection state for the status bar, and whether this device keeps a
 * copy (IndexedDB; private windows and locked-down browsers may not). A refusal by the server
 * (4401/4403/4404) stops the retrying for good, so nobody watches "reconnecting" forever. When the
 * server cannot save the board (4503) the page says so rather than "Offline", until it can. When
 * the server refused a change sent from here (4422), the change is in this document and in the
 * device's copy, and either would send it again: the copy is deleted and the page is asked to
 * load the board afresh (`onChangeRefused`).
 */
import { createEffect, createRoot, createSignal, onCleanup, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { clearDocument, IndexeddbPersistence, storeState } from 'y-indexeddb';
import { WebsocketProvider } from 'y-websocket';
import { CloseCode, syncPath, terminalCloseCodes } from '../../../shared/sync-protocol.ts';
import { localCopyName } from '../local-copies.ts';
import { KeepAliveWebSocket, stopPresenceRenewal } from './keep-alive-socket.ts';
import { trackSaves, type SaveState } from './save-tracker.ts';

/**
 * `connecting`: first contact (or connected, not yet synced). `live`: connected and synced.
 * `offline`: lost the connection; the provider keeps retrying. `cannotSave`: the server closed
 * with 4503 (its database refuses this board's writes); the person is online and the provider
 * keeps reconnecting and re-sending, so this lasts until the server has every change made here
 * (see `openBoardConnection`). `refused`: the server closed with a terminal code (see
 * `terminalCloseCodes`); no more retries.
 */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'offline' }
  | { kind: 'cannotSave' }
  | { kind: 'refused'; code: number };

/**
 * After a 4503 with nothing of this person's waiting to be saved, how long the connection must
 * stay synced before the page says "Live" again. Someone else's refused changes close this page's
 * socket too: each time their page reconnects the server retries for about 1.5 s and closes the
 * board again, and without this wait the status would flip between "Live" and "cannot save".
 */
export const cannotSaveSettleMs = 5_000;

/**
 * Whether this device keeps a copy of the board. `pending`: IndexedDB is still opening (or never
 * answers). `ready`: the copy is read and every change is written to it. `unavailable`: the
 * browser refused (Firefox private windows, locked-down browsers, a full or cleared disk) — then
 * nothing made here survives closing the page until the server has it, and the page must say so.
 */
export type LocalCopyState = 'pending' | 'ready' | 'unavailable';

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: Accessor<ConnectionState>;
  /**
   * True once the board is here: synced with the server, or read from this device's copy of it
   * (so a board opened before can be read and edited offline). Before that an empty doc means
   * "not loaded", not "empty".
   */
  loaded: Accessor<boolean>;
  /** Whether this device keeps a copy; only `ready` may be called "saved on this device". */
  localCopy: Accessor<LocalCopyState>;
  /** Whether the server has acknowledged every local change (see save-tracker.ts). */
  saveState: Accessor<SaveState>;
  /** Counts the times the server said this person's access changed (close code 4501). */
  accessChanges: Accessor<number>;
  /**
   * Rewrites this device's copy as the document is now: one stored state, the older stored
   * changes deleted (y-indexeddb's `storeState`). For words removed for good (a withdrawn story),
   * which the older changes still hold. Does nothing when the device keeps no copy.
   */
  rewriteLocalCopy(): Promise<void>;
  /** Stops syncing and frees the document. Call when leaving the board. */
  destroy(): void;
}

export interface BoardConnectionOptions {
  /** ws(s) origin of the sync endpoint; defaults to this page's origin with http→ws. */
  serverOrigin?: string;
  /**
   * The server refused a change sent from here (4422). Called once this connection has stopped
   * and the device's copy of the board is being deleted: throw this connection away and open a
   * new one (a new Y.Doc), which loads the board as the server has it.
   */
  onChangeRefused?: () => void;
  /**
   * This connection was opened because the last one's change was refused. If the server refuses
   * again before anything was changed here, loading again would not help (the change did not come
   * from this page): the connection stops with state `refused` 4422 instead, so there is no loop.
   */
  afterRefusal?: boolean;
}

/** The page's origin as a WebSocket origin: http→ws, https→wss. */
export function pageSyncOrigin(): string {
  return location.origin.replace(/^http/, 'ws');
}

/** Opens `ws(s)://…/sync/:boardId` for a fresh Y.Doc and tracks its state. */
export function openBoardConnection(boardId: string, options: BoardConnectionOptions = {}): BoardConnection {
  const doc = new Y.Doc();
  // This device's copy: edits made offline survive closing the tab and merge on reconnect.
  const local = new IndexeddbPersistence(localCopyName(boardId), doc);
  const provider = new WebsocketProvider((options.serverOrigin ?? pageSyncOrigin()) + syncPath, boardId, doc, {
    WebSocketPolyfill: KeepAliveWebSocket,
  });
  stopPresenceRenewal(provider.awareness);
  const saves = trackSaves(doc, provider, [local]);
  const localCopy = watchLocalCopy(local);
  const [state, setState] = createSignal<ConnectionState>({ kind: 'connecting' });
  const [loaded, setLoaded] = createSignal(false);
  const [accessChanges, setAccessChanges] = createSignal(0);
  // Stopped for good: refused by the server, or replaced after a refused change (see onClose).
  let changeRefused = false;
  const refused = () => changeRefused || state().kind === 'refused';
  const cannotSave = () => state().kind === 'cannotSave';
  // Connected and synced on the current socket.
  const [synced, setSynced] = createSignal(false);

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status !== 'connected') setSynced(false);
    // Retries announce 'connecting' every few seconds; staying "offline" (or "cannot save") until
    // synced again keeps the status (and screen readers) from flickering between two messages.
    // A close has already said which of the two it is (see onClose).
    if (refused() || cannotSave() || status !== 'disconnected') return;
    setState({ kind: 'offline' });
  };
  const onSync = (isSynced: boolean) => {
    if (refused()) return;
    setSynced(isSynced && provider.wsconnected);
    if (!isSynced || !provider.wsconnected) return;
    setLoaded(true);
    // Synced is not saved: the server answers before it tries to store what this page re-sends.
    if (!cannotSave()) setState({ kind: 'live' });
  };

  // "Cannot save" ends once the server has shown it saves again: every change made here is
  // acknowledged (save-tracker.ts), or, with nothing of ours to save, the connection stayed synced
  // for `cannotSaveSettleMs`. Each 4503 closes the socket, so `synced` drops and the wait restarts.
  let unsavedWhileCannotSave = false;
  const stopWatchingSaves = createRoot((dispose) => {
    createEffect(() => {
      if (!cannotSave()) return;
      if (saves.state() === 'saving') {
        unsavedWhileCannotSave = true;
        return;
      }
      if (!synced()) return;
      if (unsavedWhileCannotSave) {
        setState({ kind: 'live' });
        return;
      }
      const settle = setTimeout(() => {
        if (cannotSave() && synced() && saves.state() === 'saved') setState({ kind: 'live' });
      }, cannotSaveSettleMs);
      onCleanup(() => clearTimeout(settle));
    });
    return dispose;
  });

  // Whether anything was changed here (not from the server, the device's copy or another tab).
  let changedHere = false;
  const onUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider && origin !== local) changedHere = true;
  };
  doc.on('update', onUpdate);

  const onClose = (event: CloseEvent | null) => {
    if (refused()) return;
    setSynced(false);
    if (event !== null && event.code === CloseCode.changeRefused) {
      // y-websocket does not reconnect after 44xx. The refused change is in this document and in
      // the device's copy: the copy goes, and a new document loads the board as the server has it.
      // The deletion is asked for now, before the new copy is opened: IndexedDB handles requests
      // for one database in order, so the new copy starts empty.
      const loadAgain = options.onChangeRefused !== undefined && (!options.afterRefusal || changedHere);
      if (loadAgain) changeRefused = true;
      else setState({ kind: 'refused', code: event.code });
      void local.destroy().catch(localCopy.closeFailed);
      void clearDocument(localCopyName(boardId)).catch((reason: unknown) =>
        console.warn('This device\'s copy of the board could not be deleted.', reason),
      );
      // Deferred: we are inside the provider's own close handling, which must finish first.
      queueMicrotask(() => {
        provider.disconnect();
        if (loadAgain) options.onChangeRefused?.();
      });
      return;
    }
    if (event !== null && event.code === CloseCode.cannotSave) {
      // Online, but the server could not store what was sent; the provider re-sends it on
      // reconnecting. Kept through the 4503s that follow until the server saves again (above).
      if (!cannotSave()) unsavedWhileCannotSave = false;
      setState({ kind: 'cannotSave' });
      return;
    }
    if (event !== null && terminalCloseCodes.has(event.code)) {
      setState({ kind: 'refused', code: event.code });
      // Removed from the board, or it was deleted: its stories must not stay on this device.
      // (Signed out keeps the copy, so offline edits can still be saved after signing in.)
      if (event.code !== CloseCode.unauthenticated) void local.clearData().catch(localCopy.closeFailed);
      // Deferred: we are inside the provider's own close handling, which must finish first.
      queueMicrotask(() => provider.disconnect());
      return;
    }
    if (event !== null && event.code === CloseCode.accessChanged) {
      // Not an outage: the provider reconnects at once with the new access; re-read it.
      setState({ kind: 'connecting' });
      setAccessChanges((n) => n + 1);
      return;
    }
    setState({ kind: 'offline' });
  };

  // Never rejects: when IndexedDB fails it stays pending, and `localCopy` says "unavailable".
  void local.whenSynced.then(() => {
    // Only a copy that has been synced before holds a board (its meta says so).
    if (!refused() && doc.getMap('meta').has('schemaVersion')) setLoaded(true);
  });
  // The browser knows at once when the network goes; the socket may not notice for 30 s. Close it
  // so edits stay on this device (and say so), and reconnect when the network is back.
  const onOffline = () => {
    if (!refused()) provider.disconnect();
  };
  const onOnline = () => {
    if (!refused()) provider.connect();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);
  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);

  return {
    doc,
    provider,
    state,
    loaded,
    localCopy: localCopy.state,
    saveState: saves.state,
    accessChanges,
    async rewriteLocalCopy() {
      // Once the copy is read (before that it has no database to write to); not after it closed.
      await local.whenSynced;
      if (refused() || local._destroyed) return;
      await storeState(local, true);
    },
    destroy() {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      stopWatchingSaves();
      saves.destroy();
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      doc.off('update', onUpdate);
      provider.destroy();
      void local.destroy().catch(localCopy.closeFailed);
      localCopy.destroy();
      doc.destroy();
    },
  };
}

/**
 * Follows y-indexeddb's copy: `ready` once it is read, `unavailable` as soon as opening it fails
 * or a later write is aborted. y-indexeddb reports neither: `whenSynced` just never resolves and
 * the failed open surfaces as an unhandled rejection, which is taken here and logged once.
 */
function watchLocalCopy(local: IndexeddbPersistence) {
  const [state, setState] = createSignal<LocalCopyState>('pending');
  let failure: unknown;
  const fail = (reason: unknown) => {
    if (state() === 'unavailable') return;
    failure = reason;
    setState('unavailable');
    console.warn('This device cannot keep a copy of the board; changes are kept only on the server.', reason);
  };
  // y-indexeddb chains on the failed open without a rejection handler: that is this failure.
  const onUnhandled = (event: PromiseRejectionEvent) => {
    if (failure !== undefined && event.reason === failure) event.preventDefault();
  };
  window.addEventListener('unhandledrejection', onUnhandled);
  void local._db.then((db) => {
    // Failed writes (quota, storage cleared) abort their transaction; error and abort bubble here.
    db.addEventListener('error', () => fail(new Error('a write to this device failed')));
    db.addEventListener('abort', () => fail(new Error('a write to this device was aborted')));
    db.addEventListener('close', () => fail(new Error('the browser closed this device\'s copy')));
    // Deleted elsewhere (signed out in another tab): y-indexeddb closes it; stop writing to it.
    db.addEventListener('versionchange', () => {
      fail(new Error('this device\'s copy was deleted'));
      void local.destroy();
    });
  }, fail);
  void local.whenSynced.then(() => {
    if (state() === 'pending') setState('ready');
  });
  return {
    state,
    /** For closing or deleting the copy: failing because it never opened is already reported. */
    closeFailed: (reason: unknown) => {
      if (reason !== failure) fail(reason);
    },
    destroy: () => window.removeEventListener('unhandledrejection', onUnhandled),
  };
}
