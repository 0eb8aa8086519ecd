/**
 * The port through which sync rooms keep board documents: an append-only log of Yjs updates per
 * board plus one merged snapshot. The core owns this interface; each backend (LibSQL here,
 * Durable Object SQLite for Workers) implements it and passes the same contract test suite.
 */

export interface StoredDocument {
  /** The merged state at the last compaction, or null for a board never compacted. */
  snapshot: Uint8Array | null;
  /** Updates appended since that snapshot, oldest first. */
  updates: Uint8Array[];
  /** Total bytes of `updates`, to decide when to compact. */
  updateBytes: number;
}

/** One unit of a group commit: appends, compactions and removals of any boards, written together. */
export interface DocumentWrite {
  appends: { boardId: string; update: Uint8Array }[];
  /**
   * Compactions: replace the board's snapshot and delete every logged update of that board
   * written before this transaction. The snapshot must contain all of them.
   */
  compactions: { boardId: string; snapshot: Uint8Array }[];
  /**
   * Boards deleted: their snapshot and every logged update go, after this batch's own appends
   * and compactions (so nothing of them survives the transaction).
   */
  removals?: string[];
}

export interface DocumentStore {
  /** Loads a board's snapshot and the updates logged since it. */
  load(boardId: string): Promise<StoredDocument>;
  /** Writes appends and compactions in one transaction: all or nothing. */
  write(batch: DocumentWrite): Promise<void>;
  /** Deletes a board's snapshot and log: `write({ appends: [], compactions: [], removals: [boardId] })`. */
  remove(boardId: string): Promise<void>;
}
