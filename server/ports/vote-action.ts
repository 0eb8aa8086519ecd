/**
 * Hidden dot voting's requests (issue 15), as routes ask them of one board's live side
 * (BoardControl.voteAction) and the core runs them (server/sync/vote-actions.ts). Plain data, so
 * a request can cross into a Durable Object. `eligible` is how many members may vote (`comment`
 * and up), counted by the route from the members table, for "7 of 12 people have voted".
 */
import type { CommentActor } from './comment-action.ts';

export type VoteActor = CommentActor;

export type VoteAction =
  | { kind: 'open'; id: string; dots: number; eligible: number }
  | { kind: 'give-dot'; touchpointId: string; eligible: number }
  | { kind: 'take-dot'; touchpointId: string; eligible: number }
  | { kind: 'reveal' }
  | { kind: 'end' }
  /** Only reads the caller's own dots. */
  | { kind: 'mine' };

export type VoteRefusal = 'not_found' | 'forbidden' | 'no_vote' | 'vote_open' | 'no_dots_left' | 'too_few_voters';

export type VoteActionResult =
  | { ok: true; mine: Record<string, number>; left: number | null }
  | { ok: false; code: VoteRefusal; message: string };
