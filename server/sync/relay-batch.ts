/**
 * Fan-out batching. The updates of one group commit become durable together; relaying each as
 * its own frame to every socket made one send per update per socket (a third of the server's
 * busy time in a burst). This gathers the updates committed in one turn and sends them as one
 * merged update, encoded once, to every socket.
 *
 * A lone update is relayed to everyone but its sender, as before. A merged one goes to the
 * senders too: each would need its own merge without its own updates, and a Yjs client ignores
 * what it already has (the standard y-websocket server echoes every update the same way).
 */
import * as Y from 'yjs';
import { updateMessage } from './messages.ts';

export interface RelayBatcherOptions<Peer> {
  /** Sends one encoded frame to every peer except `except` (null: to all). */
  broadcast(message: Uint8Array, except: Peer | null): void;
}

export class RelayBatcher<Peer> {
  readonly #options: RelayBatcherOptions<Peer>;
  #updates: Uint8Array[] = [];
  #from: Peer | null = null;
  #scheduled = false;
  #stopped = false;

  constructor(options: RelayBatcherOptions<Peer>) {
    this.#options = options;
  }

  /** Queues a committed update; all queued in this turn go out together after it. */
  add(update: Uint8Array, from: Peer | null): void {
    if (this.#stopped) return;
    if (this.#updates.length === 0) this.#from = from;
    this.#updates.push(update);
    if (!this.#scheduled) {
      this.#scheduled = true;
      queueMicrotask(() => this.#flush());
    }
  }

  /** Drops anything queued; nothing more is sent (the room is gone). */
  stop(): void {
    this.#stopped = true;
    this.#updates = [];
  }

  #flush(): void {
    this.#scheduled = false;
    const updates = this.#updates;
    const from = this.#from;
    this.#updates = [];
    this.#from = null;
    if (this.#stopped || updates.length === 0) return;
    if (updates.length === 1) this.#options.broadcast(updateMessage(updates[0]!), from);
    else this.#options.broadcast(updateMessage(Y.mergeUpdates(updates)), null);
  }
}
