/**
 * The live session's changes the server writes itself (issue 15), as routes ask them of one
 * board's live side (BoardControl.sessionAction) and the core runs them
 * (server/sync/session-actions.ts). Plain data, so a request can cross into a Durable Object.
 */
import type { CommentActor } from './comment-action.ts';

export type SessionActor = CommentActor;

export type SessionAction =
  | { kind: 'start-timer'; minutes: number }
  | { kind: 'pause-timer' }
  | { kind: 'resume-timer' }
  | { kind: 'add-minute' }
  | { kind: 'stop-timer' }
  | { kind: 'pause-editing' }
  | { kind: 'resume-editing' }
  | { kind: 'raise-hand' }
  | { kind: 'lower-hand'; userId: string }
  | { kind: 'gather'; id: string; target: { type: 'stage' | 'touchpoint'; id: string } };

export type SessionActionResult = { ok: true; now: number } | { ok: false; code: 'not_found' | 'forbidden' | 'conflict'; message: string };
