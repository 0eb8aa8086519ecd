/**
 * The comment changes the server writes itself, as routes ask them of one board's live side
 * (BoardControl.commentAction) and the core runs them (server/sync/comment-actions.ts). Plain
 * data, so a request can cross into a board's Durable Object.
 */
import type { CommentTarget } from '../../shared/comment-read.ts';
import type { Access } from '../../shared/access.ts';

/** Who asks, with their access on the board as the route read it. */
export interface CommentActor {
  userId: string;
  access: Access;
}

/** A new comment as the route checked its shape (shared/api.ts). */
export interface NewComment {
  id: string;
  target: CommentTarget;
  parentId: string | null;
  body: string;
  anonymous: boolean;
}

export type CommentAction =
  | { kind: 'post'; comment: NewComment }
  | { kind: 'edit'; commentId: string; body: string }
  | { kind: 'resolve'; commentId: string; resolved: boolean }
  | { kind: 'delete'; commentId: string }
  | { kind: 'me-too'; commentId: string; on: boolean }
  | { kind: 'hide'; commentId: string; reason: string }
  | { kind: 'show'; commentId: string }
  | { kind: 'mine' };

/** What the person may know of their own: the comments they posted without a name, their "Me too"s. */
export interface MyComments {
  anonymous: string[];
  meToo: string[];
}

export type CommentActionResult =
  | { ok: true; meToo?: number; mine?: MyComments }
  | { ok: false; code: 'not_found' | 'forbidden' | 'conflict'; message: string };
