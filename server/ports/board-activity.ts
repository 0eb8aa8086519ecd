/**
 * Where "what's new since I was last here" is kept (issue 13): per board, the latest change to
 * each comment, touchpoint and feeling with who made it and when, and when each person last had
 * the board open. The room's tracker (sync/activity.ts) writes it; the boards list and a board's
 * news read it (boards/activity-store.ts, in the main database). Never in the shared document.
 */

/** What the board list counts. */
export type ActivityKind = 'comment' | 'touchpoint' | 'feeling';

/** One item of a board: a comment or touchpoint id, or a feeling's `touchpointId/userId` key. */
export interface ActivityItem {
  kind: ActivityKind;
  key: string;
}

/** The latest change to an item: by whom (null: nobody in particular) and when (server time, ms). */
export interface ActivityChange extends ActivityItem {
  actorId: string | null;
  at: number;
}

export interface ActivitySink {
  /** Upserts the latest changes and forgets removed items, in one write; a deleted board gets nothing. */
  record(boardId: string, changes: ActivityChange[], removals: ActivityItem[]): Promise<void>;
  /** The person had the board open until `at` (kept only for a member; never moves back). */
  seen(boardId: string, userId: string, at: number): Promise<void>;
}
