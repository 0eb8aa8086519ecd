/**
 * What HTTP routes may ask of the live sync side, always of one board at a time: a board's room
 * may live in this process (Node) or in that board's own Durable Object (Workers), so every call
 * is addressed to one board and asynchronous. Routes (auth, boards, invites) import this port; the
 * runtime passes what implements it, so routes and rooms never import each other.
 */
import type { Access } from '../../shared/access.ts';
import type { CommentAction, CommentActionResult, CommentActor } from './comment-action.ts';
import type { SessionAction, SessionActionResult, SessionActor } from './session-action.ts';
import type { VoteAction, VoteActionResult, VoteActor } from './vote-action.ts';
import type { FeelingAction, FeelingActionResult, FeelingActor } from './feeling-action.ts';
import type { PerspectiveAction, PerspectiveActionResult, PerspectiveActor } from './perspective-action.ts';
import type { StoryActor, WithdrawStory, WithdrawStoryResult } from './story-action.ts';
import type { HistoryAction, HistoryAnswer } from './board-history.ts';

/** Which sockets to close when sessions end. */
export interface SessionsEnded {
  userId: string;
  /** Only this session's sockets (sign out); without it, all of the person's (sign out everywhere)... */
  sessionId?: string;
  /** ...except this session's (the person's other sessions end, this one stays). */
  exceptSessionId?: string;
}

/** One board's live side and stored document. */
export interface BoardControl {
  /** Stores a new board's first state (before its row exists, so a row never points at nothing). */
  create(initialState: Uint8Array): Promise<void>;
  /** The document's `meta.purpose` (the invite preview shows it), from the live room or the store. */
  purpose(): Promise<string>;
  /** Closes the board's sockets (or one person's) with `code` and waits for its pending writes. */
  disconnect(code: number, userId?: string): Promise<void>;
  /** Changes what one person's open sockets on the board may do (they reconnect with 4501). */
  setAccess(userId: string, access: Access): Promise<void>;
  /** Shows a person's new display name in the board's presence. */
  rename(userId: string, displayName: string): Promise<void>;
  /** Closes, with 4401, the board's sockets opened with a session that has ended. */
  endSessions(ended: SessionsEnded): Promise<void>;
  /**
   * The board's document now, as one Yjs update: from the live room when it is loaded (everything
   * anyone has seen), else from the store. For reading it whole (the PDF export); null once the
   * board is deleted.
   */
  documentState(): Promise<Uint8Array | null>;
  /** A comment change the server writes itself (without a name, "Me too", hiding); resolves once durable. */
  commentAction(actor: CommentActor, action: CommentAction): Promise<CommentActionResult>;
  /** A live-session change (timer, paused editing) the server writes itself; resolves once durable. */
  sessionAction(actor: SessionActor, action: SessionAction): Promise<SessionActionResult>;
  /** A dot-voting request; each person's dots are kept by the board's live side, never in the document. */
  voteAction(actor: VoteActor, action: VoteAction): Promise<VoteActionResult>;
  /** Gives, changes or clears the caller's own feeling, written by the server under a key that names nobody; resolves once durable. */
  feelingAction(actor: FeelingActor, action: FeelingAction): Promise<FeelingActionResult>;
  /** A person's own perspective, or every perspective's line (issue 17); nobody's choice leaves the board's live side. */
  perspectiveAction(actor: PerspectiveActor, action: PerspectiveAction): Promise<PerspectiveActionResult>;
  /**
   * Withdraws a story for good (issue 17, server/sync/story-withdrawal.ts): resolves once the words
   * are out of the document and the stored board has been compacted and its freed pages forgotten.
   */
  withdrawStory(actor: StoryActor, request: WithdrawStory): Promise<WithdrawStoryResult>;
  /** The board's history: its versions listed, one read, or a restore written as a new change (shared/history.ts). */
  history(actor: StoryActor, action: HistoryAction): Promise<HistoryAnswer>;
  /**
   * The board was deleted (its rows already gone): closes its sockets with 4404, lets no one join
   * it again, and removes its stored document after every write of it already under way.
   */
  delete(): Promise<void>;
}

export interface SyncControl {
  board(boardId: string): BoardControl;
}
