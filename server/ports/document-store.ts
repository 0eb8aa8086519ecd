/**
 * Node's store of every board's document in one database: an append-only log of Yjs updates per
 * board plus one merged snapshot, written in batches that span boards (the group commit of
 * sync/document-writer.ts). Rooms never see it: they use one board's {@link BoardLog}, which Node
 * builds on this store and the writer (sync/grouped-board-log.ts).
 */
import type { ClientClaim, StoredDocument } from './board-log.ts';

export type { StoredDocument };

/** One unit of a group commit: appends, compactions and removals of any boards, written together. */
export interface DocumentWrite {
  /** Updates, each with the client ids it is the first to write with on its board (StoredDocument.clientOwners). */
  appends: { boardId: string; update: Uint8Array; claims?: readonly ClientClaim[] }[];
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
