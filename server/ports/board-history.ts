/**
 * A board's kept versions (issue 17, shared/history.ts): each the whole document as one Yjs update
 * at a moment, kept beside the board's log and never in the document. Node keeps them in the
 * database's `board_versions` table with a board id (removed with the board); a board's Durable
 * Object in its own SQLite (`storage.deleteAll()` removes them). How many are kept and when is the
 * core's (server/sync/history-keeping.ts).
 */
import type { HistoryEntry, HistoryList, HistoryVersion, RestoreRequest, RestoreResult } from '../../shared/history.ts';

export interface StoredVersion extends HistoryEntry {
  /** The whole document then, as one Yjs update. */
  state: Uint8Array;
}

export interface BoardHistory {
  /** Every kept version's id and time, newest first. */
  list(): Promise<HistoryEntry[]>;
  /** One version with its state; null when it is not kept. */
  get(id: string): Promise<StoredVersion | null>;
  /** The newest version, or null. */
  latest(): Promise<StoredVersion | null>;
  /** When the newest version was kept, without its state (asked at every join); null when none. */
  newestAt(): Promise<number | null>;
  add(version: StoredVersion): Promise<void>;
  /** Writes a version's state again (a withdrawn story taken out of it). */
  replace(id: string, state: Uint8Array): Promise<void>;
  remove(ids: readonly string[]): Promise<void>;
}

/** What a route asks of a board's history, through its live side (BoardControl.history). Plain data. */
export type HistoryAction =
  | { kind: 'list' }
  | { kind: 'get'; versionId: string }
  | { kind: 'restore'; versionId: string; request: RestoreRequest };

export type HistoryAnswer =
  | { ok: true; kind: 'list'; list: HistoryList }
  | { ok: true; kind: 'get'; version: HistoryVersion }
  | { ok: true; kind: 'restore'; restored: RestoreResult }
  | { ok: false; code: 'not_found' | 'forbidden' | 'stage_gone'; message: string };
