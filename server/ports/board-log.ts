/**
 * The port through which one board's room keeps its document: an append-only log of Yjs updates
 * plus one merged snapshot, for that board alone. Node implements it on the group-commit writer
 * (many boards' appends in one LibSQL transaction, sync/grouped-board-log.ts); a board's Durable
 * Object implements it on its own SQLite (runtime/worker-board-log.ts). The room relays an update
 * only after `append` has resolved: that is "durable before relay" on both runtimes.
 */

/** A Yjs client id and the person who first wrote with it on this board (the guard's record). */
export interface ClientClaim {
  clientId: number;
  userId: string;
}

export interface StoredDocument {
  /** The merged state at the last compaction, or null for a board never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended since that snapshot, oldest first. */
  updates: Uint8Array[];
  /** Total bytes of `updates`, to decide when to compact. */
  updateBytes: number;
  /**
   * Who wrote with each Yjs client id on this board (kept across compactions, gone with the
   * board), so after a restart nobody can write with another person's id. Absent: none recorded.
   */
  clientOwners?: ClientClaim[];
}

export interface BoardLog {
  /** The board's snapshot and the updates logged since it. */
  load(): Promise<StoredDocument>;
  /**
   * Appends one update, with the client ids it is the first to write with (`claims`), in one
   * write; resolves once durable, rejects with {@link BoardWriteFailedError} if it never will be.
   */
  append(update: Uint8Array, claims?: readonly ClientClaim[]): Promise<void>;
  /**
   * Replaces the log by a snapshot taken at the moment of the commit (`snapshot` is called then,
   * so it holds every update appended before); resolves once durable.
   */
  compact(snapshot: () => Uint8Array): Promise<void>;
  /** Removes the snapshot and every logged update, after every write already under way. */
  destroy(): Promise<void>;
}

/** Raised to every write of a board whose writes kept failing; nothing of them was stored. */
export class BoardWriteFailedError extends Error {
  readonly boardId: string;
  constructor(boardId: string, attempts: number, cause: unknown) {
    super(`saving board ${boardId} failed ${attempts} times; its unsaved changes were refused`, { cause });
    this.name = 'BoardWriteFailedError';
    this.boardId = boardId;
  }
}
