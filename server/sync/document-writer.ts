/**
 * Group commit for board documents. Updates, compactions and removals of every room that arrive in
 * one event-loop turn go to the store in one transaction; while a transaction is in flight the
 * next batch gathers, so under load each commit carries everything that arrived meanwhile.
 *
 * Failures stay with the board that caused them. When a batch for several boards fails, each
 * board's part is written on its own, so the healthy boards commit at once; a board whose part
 * still fails is set aside and retried with backoff, its later writes queued behind it (a board's
 * writes always commit in order), while every other board carries on. After `maxAttempts` the
 * writer gives up on that board: every write it held rejects with {@link BoardWriteFailedError},
 * which the room answers by closing its sockets (4503) and unloading. Nothing is dropped
 * silently: a caller learns of every write's fate from the returned promise, and rooms relay an
 * update only once that promise has resolved.
 */
import { BoardWriteFailedError, type ClientClaim } from '../ports/board-log.ts';
import type { DocumentStore, DocumentWrite } from '../ports/document-store.ts';

export { BoardWriteFailedError };

export interface DocumentWriterOptions {
  store: DocumentStore;
  /** Reports a failed write of `boardId` (attempt 1, 2, ...); the writer retries it. */
  onError: (error: unknown, attempt: number, boardId: string) => void;
  /**
   * Runs `flush` after the current turn's I/O callbacks (Node: setImmediate). The default,
   * setTimeout(0), works on every runtime.
   */
  schedule?: (flush: () => void) => void;
  /** Waits before retry `attempt` (1, 2, ...). Default: 50 ms doubling up to 5 s. */
  backoff?: (attempt: number) => Promise<void>;
  /** Attempts at one board's writes before giving up on them (default 6: ~1.5 s of retries). */
  maxAttempts?: number;
}

interface Waiter {
  boardId: string;
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Pending {
  appends: DocumentWrite['appends'];
  compactions: Map<string, () => Uint8Array>;
  removals: Set<string>;
  waiters: Waiter[];
}

/** A board set aside after a failed write: what it holds, and how often it was tried. */
interface Retrying {
  pending: Pending;
  attempt: number;
  /** Settles when the board is written or given up. */
  done: Promise<void>;
  /** Ends the retry at once, rejecting its writes (removal of the board, closing the writer). */
  cancel: (error: Error) => void;
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
  readonly #maxAttempts: number;
  readonly #retrying = new Map<string, Retrying>();
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
    this.#maxAttempts = options.maxAttempts ?? 6;
  }

  /** Appends one update to a board's log; resolves once it is committed. */
  append(boardId: string, update: Uint8Array, claims?: readonly ClientClaim[]): Promise<void> {
    return this.#enqueue(boardId, (pending) => pending.appends.push(claims?.length ? { boardId, update, claims } : { boardId, update }));
  }

  /**
   * Replaces a board's log by a snapshot taken just before the commit (`snapshot` is called then,
   * so it includes everything applied so far); resolves once committed.
   */
  compact(boardId: string, snapshot: () => Uint8Array): Promise<void> {
    return this.#enqueue(boardId, (pending) => pending.compactions.set(boardId, snapshot));
  }

  /**
   * Deletes a board's snapshot and log, after every write of it enqueued before, in the same
   * ordered path. A compaction of the board not yet started is dropped (its snapshot would only be
   * deleted again); a board set aside for retries is given up, its writes rejected.
   */
  async remove(boardId: string): Promise<void> {
    const retrying = this.#retrying.get(boardId);
    if (retrying) {
      retrying.cancel(new BoardWriteFailedError(boardId, retrying.attempt, new Error('the board was deleted')));
      await retrying.done; // a retry already writing must land before the removal
    }
    return this.#enqueue(boardId, (pending) => {
      pending.compactions.delete(boardId);
      pending.removals.add(boardId);
    });
  }

  /** Resolves when everything enqueued before this call is committed or given up. */
  async flush(): Promise<void> {
    while (this.#running || this.#next.waiters.length > 0 || this.#retrying.size > 0) {
      if (!this.#running && this.#next.waiters.length > 0) this.#start();
      await Promise.all([this.#running, ...[...this.#retrying.values()].map((entry) => entry.done)]);
    }
  }

  /** Stops retrying; pending writes reject with {@link WriterClosedError}. Call after flush(). */
  close(): void {
    this.#closed = true;
    const pending = this.#next;
    this.#next = emptyPending();
    for (const waiter of pending.waiters) waiter.reject(new WriterClosedError());
    for (const entry of this.#retrying.values()) entry.cancel(new WriterClosedError());
  }

  #enqueue(boardId: string, add: (pending: Pending) => void): Promise<void> {
    if (this.#closed) return Promise.reject(new WriterClosedError());
    return new Promise<void>((resolve, reject) => {
      const waiter = { boardId, resolve, reject };
      // A board being retried keeps its order: its new writes wait behind the failed ones.
      const retrying = this.#retrying.get(boardId);
      const pending = retrying ? retrying.pending : this.#next;
      add(pending);
      pending.waiters.push(waiter);
      if (retrying) return;
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
    // Writes gathered before a board was set aside follow it into its retry queue (nothing to
    // sort out in the usual case, when no board is being retried).
    let rest = batch;
    if (this.#retrying.size > 0) {
      for (const boardId of boardsOf(batch)) {
        const retrying = this.#retrying.get(boardId);
        if (retrying) moveInto(retrying.pending, partOf(batch, boardId));
      }
      rest = withoutBoards(batch, this.#retrying);
    }
    if (rest.waiters.length === 0) return;
    try {
      await this.#options.store.write(toWrite(rest));
      settle(rest.waiters);
      return;
    } catch (error) {
      const boards = boardsOf(rest);
      if (boards.length === 1) return this.#setAside(boards[0]!, rest, error);
    }
    // Several boards failed together: find out which, so the others commit now.
    for (const boardId of boardsOf(rest)) {
      const part = partOf(rest, boardId);
      try {
        await this.#options.store.write(toWrite(part));
        settle(part.waiters);
      } catch (error) {
        this.#setAside(boardId, part, error);
      }
    }
  }

  /** Retries one board's writes with backoff, apart from the group commit, until stored or given up. */
  #setAside(boardId: string, pending: Pending, firstError: unknown): void {
    this.#options.onError(firstError, 1, boardId);
    let finished = false;
    let wake: () => void = () => undefined;
    /** Ends the retry: the board leaves the retry set and every write it held rejects. */
    const giveUp = (error: Error): void => {
      if (finished) return;
      finished = true;
      this.#retrying.delete(boardId);
      for (const waiter of entry.pending.waiters) waiter.reject(error);
      wake();
    };
    const entry: Retrying = { pending, attempt: 1, done: Promise.resolve(), cancel: giveUp };
    this.#retrying.set(boardId, entry);
    entry.done = (async () => {
      let lastError = firstError;
      while (entry.attempt < this.#maxAttempts) {
        await Promise.race([this.#backoff(entry.attempt), new Promise<void>((resolve) => (wake = resolve))]);
        if (finished) return;
        entry.attempt++;
        try {
          await this.#options.store.write(toWrite(entry.pending));
          if (finished) return;
          finished = true;
          this.#retrying.delete(boardId);
          settle(entry.pending.waiters);
          return;
        } catch (error) {
          if (finished) return;
          lastError = error;
          this.#options.onError(error, entry.attempt, boardId);
        }
      }
      giveUp(new BoardWriteFailedError(boardId, entry.attempt, lastError));
    })();
  }
}

function emptyPending(): Pending {
  return { appends: [], compactions: new Map(), removals: new Set(), waiters: [] };
}

function toWrite(pending: Pending): DocumentWrite {
  return {
    appends: pending.appends,
    compactions: [...pending.compactions].map(([boardId, snapshot]) => ({ boardId, snapshot: snapshot() })),
    removals: [...pending.removals],
  };
}

function settle(waiters: Waiter[]): void {
  for (const waiter of waiters) waiter.resolve();
}

function boardsOf(pending: Pending): string[] {
  return [...new Set(pending.waiters.map((waiter) => waiter.boardId))];
}

/** The writes of one board, in their order. */
function partOf(pending: Pending, boardId: string): Pending {
  return {
    appends: pending.appends.filter((append) => append.boardId === boardId),
    compactions: new Map([...pending.compactions].filter(([id]) => id === boardId)),
    removals: new Set([...pending.removals].filter((id) => id === boardId)),
    waiters: pending.waiters.filter((waiter) => waiter.boardId === boardId),
  };
}

function withoutBoards(pending: Pending, boards: ReadonlyMap<string, unknown>): Pending {
  return {
    appends: pending.appends.filter((append) => !boards.has(append.boardId)),
    compactions: new Map([...pending.compactions].filter(([id]) => !boards.has(id))),
    removals: new Set([...pending.removals].filter((id) => !boards.has(id))),
    waiters: pending.waiters.filter((waiter) => !boards.has(waiter.boardId)),
  };
}

/** Adds `part` after what `into` holds (a later compaction or removal replaces an earlier one). */
function moveInto(into: Pending, part: Pending): void {
  into.appends.push(...part.appends);
  for (const [id, snapshot] of part.compactions) into.compactions.set(id, snapshot);
  for (const id of part.removals) {
    into.compactions.delete(id);
    into.removals.add(id);
  }
  into.waiters.push(...part.waiters);
}
