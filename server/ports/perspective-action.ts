/**
 * Perspectives' requests (issue 17), as routes ask them of one board's live side
 * (BoardControl.perspectiveAction) and the core runs them (server/sync/perspective-actions.ts).
 * Plain data, so a request can cross into a board's Durable Object.
 */
import type { PerspectiveLines } from '../../shared/api.ts';
import type { CommentActor } from './comment-action.ts';

export type PerspectiveActor = CommentActor;

export type PerspectiveAction =
  /** Only reads the caller's own choice. */
  | { kind: 'mine' }
  | { kind: 'choose'; choice: string | null }
  | { kind: 'lines' };

export type PerspectiveActionResult =
  | { ok: true; choice: string | null; lines?: PerspectiveLines }
  | { ok: false; code: 'not_found' | 'invalid_body' | 'no_perspectives'; message: string };
