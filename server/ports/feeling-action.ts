/**
 * Giving, changing and clearing one's own feeling, as routes ask them of one board's live side
 * (BoardControl.feelingAction) and the core runs them (server/sync/feeling-actions.ts). Plain
 * data, so a request can cross into a board's Durable Object.
 */
import type { FeelingMapName, MyFeelings } from '../../shared/api.ts';
import type { CommentActor } from './comment-action.ts';
import type { FeelingOwner } from './feeling-records.ts';

export type FeelingActor = CommentActor;

export type FeelingAction =
  | { kind: 'put'; map: FeelingMapName; touchpointId: string; feeling: { score: number; words: string[] } | null }
  /** Only reads where the caller's own feelings are. */
  | { kind: 'mine' }
  /**
   * Whose each feeling is, for the server's own use only (the PDF's count of the people who took
   * part): never put in any answer.
   */
  | { kind: 'owners' };

export type FeelingActionResult =
  | { ok: true; key: string | null; mine?: MyFeelings; owners?: FeelingOwner[] }
  | { ok: false; code: 'not_found' | 'forbidden' | 'invalid_body'; message: string };
