/**
 * One board's live connection: a Y.Doc kept in sync with the server by the standard y-websocket
 * provider, and a plain-words connection state for the status bar. A refusal by the server
 * (4401/4403/4404) stops the retrying for good, so nobody watches "reconnecting" forever.
 */
import { createSignal, type Accessor } from 'solid-js';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { syncPath, terminalCloseCodes } from '../../../shared/sync-protocol.ts';

/**
 * `connecting`: first contact (or connected, not yet synced). `live`: connected and synced.
 * `offline`: lost the connection; the provider keeps retrying. `refused`: the server closed with
 * a terminal code (see `terminalCloseCodes`); no more retries.
 */
export type ConnectionState =
  | { kind: 'connecting' }
  | { kind: 'live' }
  | { kind: 'offline' }
  | { kind: 'refused'; code: number };

export interface BoardConnection {
  doc: Y.Doc;
  provider: WebsocketProvider;
  state: Accessor<ConnectionState>;
  /** True once the first full sync arrived: before that an empty doc means "not loaded", not "empty". */
  loaded: Accessor<boolean>;
  /** Stops syncing and frees the document. Call when leaving the board. */
  destroy(): void;
}

export interface BoardConnectionOptions {
  /** ws(s) origin of the sync endpoint; defaults to this page's origin with http→ws. */
  serverOrigin?: string;
}

/** The page's origin as a WebSocket origin: http→ws, https→wss. */
export function pageSyncOrigin(): string {
  return location.origin.replace(/^http/, 'ws');
}

/** Opens `ws(s)://…/sync/:boardId` for a fresh Y.Doc and tracks its state. */
export function openBoardConnection(boardId: string, options: BoardConnectionOptions = {}): BoardConnection {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider((options.serverOrigin ?? pageSyncOrigin()) + syncPath, boardId, doc);
  const [state, setState] = createSignal<ConnectionState>({ kind: 'connecting' });
  const [loaded, setLoaded] = createSignal(false);
  const refused = () => state().kind === 'refused';

  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    // Retries announce 'connecting' every few seconds; staying "offline" until synced again keeps
    // the status (and screen readers) from flickering between two messages.
    if (refused() || status !== 'disconnected') return;
    setState({ kind: 'offline' });
  };
  const onSync = (synced: boolean) => {
    if (refused() || !synced || !provider.wsconnected) return;
    setLoaded(true);
    setState({ kind: 'live' });
  };
  const onClose = (event: CloseEvent | null) => {
    if (refused()) return;
    if (event !== null && terminalCloseCodes.has(event.code)) {
      setState({ kind: 'refused', code: event.code });
      // Deferred: we are inside the provider's own close handling, which must finish first.
      queueMicrotask(() => provider.disconnect());
      return;
    }
    setState({ kind: 'offline' });
  };

  provider.on('status', onStatus);
  provider.on('sync', onSync);
  provider.on('connection-close', onClose);

  return {
    doc,
    provider,
    state,
    loaded,
    destroy() {
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onClose);
      provider.destroy();
      doc.destroy();
    },
  };
}
