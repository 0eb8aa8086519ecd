/**
 * Group commit for board documents. Updates and compactions of every room that arrive in one
 * event-loop turn go to the store in one transaction; while a transaction is in flight the next
 * batch gathers, so under load each commit carries everything that arrived meanwhile.
 *
 * A failed write is never dropped: the batch is kept, the failure reported, and the write retried
 * with backoff until it succeeds or the writer is closed. Callers learn of durability by the
 * returned promise, which the sync rooms await before relaying anything.
 */
import type { DocumentStore, DocumentWrite } from '../ports/document-store.ts';

export interface DocumentWriterOptions {
  store: DocumentStore;
  /** Reports a failed write; the writer keeps the batch and retries it. */
  onError: (error: unknown, attempt: number) => void;
  /**
   * Runs `flush` after the current turn's I/O callbacks (Node: setImmediate). The default,
   * setTimeout(0), works on every runtime.
   */
  schedule?: (flush: () => void) => void;
  /** Waits before retry `attempt` (1, 2, ...). Default: 50 ms doubling up to 5 s. */
  backoff?: (attempt: number) => Promise<void>;
}

interface Pending {
  appends: DocumentWrite['appends'];
  compactions: Map<string, () => Uint8Array>;
  waiters: { resolve: () => void; reject: (error: Error) => void }[];
}

/** Raised to waiters when the writer is closed before their write could succeed. */
export class WriterClosedError extends Error {
  constructor() {
    super('the document writer was closed before this write was stored');
    this.name = 'WriterClosedError';
  }
}

export class DocumentWriter {
  readonly #options: DocumentWriterOptions;
  readonly #schedule: (flush: () => void) => void;
  readonly #backoff: (attempt: number) => Promise<void>;
  #next: Pending = emptyPending();
  #scheduled = false;
  #running: Promise<void> | null = null;
  #closed = false;

  constructor(options: DocumentWriterOptions) {
    this.#options = options;
    this.#schedule = options.schedule ?? ((flush) => void setTimeout(flush, 0));
    this.#backoff =
      options.backoff ??
      ((attempt) => new Promise((resolve) => setTimeout(resolve, Math.min(5000, 50 * 2 ** (attempt - 1)))));
  }

  /** Appends one update to a board's log; resolves once it is committed. */
  append(boardId: string, update: Uint8Array): Promise<void> {
    return this.#enqueue((pending) => pending.appends.push({ boardId, update }));
  }

  /**
   * Replaces a board's log by a snapshot taken just before the commit (`snapshot` is called then,
   * so it includes everything applied so far); resolves once committed.
   */
  compact(boardId: string, snapshot: () => Uint8Array): Promise<void> {
    return this.#enqueue((pending) => pending.compactions.set(boardId, snapshot));
  }

  /** Resolves when everything enqueued before this call is committed. */
  async flush(): Promise<void> {
    while (this.#running || this.#next.waiters.length > 0) {
      if (!this.#running) this.#start();
      await this.#running;
    }
  }

  /** Stops retrying; pending writes reject with {@link WriterClosedError}. Call after flush(). */
  close(): void {
    this.#closed = true;
    const pending = this.#next;
    this.#next = emptyPending();
    for (const waiter of pending.waiters) waiter.reject(new WriterClosedError());
  }

  #enqueue(add: (pending: Pending) => void): Promise<void> {
    if (this.#closed) return Promise.reject(new WriterClosedError());
    return new Promise<void>((resolve, reject) => {
      add(this.#next);
      this.#next.waiters.push({ resolve, reject });
      if (!this.#running && !this.#scheduled) {
        this.#scheduled = true;
        this.#schedule(() => {
          this.#scheduled = false;
          if (!this.#running && this.#next.waiters.length > 0) this.#start();
        });
      }
    });
  }

  #start(): void {
    const batch = this.#next;
    this.#next = emptyPending();
    this.#running = this.#commit(batch).finally(() => {
      this.#running = null;
      if (this.#next.waiters.length > 0 && !this.#closed) this.#start();
    });
  }

  async #commit(batch: Pending): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.#options.store.write({
          appends: batch.appends,
          compactions: [...batch.compactions].map(([boardId, snapshot]) => ({ boardId, snapshot: snapshot() })),
        });
        for (const waiter of batch.waiters) waiter.resolve();
        return;
      } catch (error) {
        this.#options.onError(error, attempt);
        if (this.#closed) {
          for (const waiter of batch.waiters) waiter.reject(new WriterClosedError());
          return;
        }
        await this.#backoff(attempt);
      }
    }
  }
}

function emptyPending(): Pending {
  return { appends: [], compactions: new Map(), waiters: [] };
}
