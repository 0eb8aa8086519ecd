/**
 * Withdrawing a story (issue 17), as a route asks it of one board's live side
 * (BoardControl.withdrawStory) and the core runs it (server/sync/story-withdrawal.ts). Plain data,
 * so a request can cross into a board's Durable Object.
 */
import type { WithdrawResult } from '../../shared/consent.ts';
import type { CommentActor } from './comment-action.ts';

export type StoryActor = CommentActor;

export interface WithdrawStory {
  touchpointId: string;
  /** The storyteller's own feelings at this moment go too (at the start and at the review). */
  feelings: boolean;
  /** The storyteller's own comments on this moment go too, with the replies to them. */
  comments: boolean;
}

export type WithdrawStoryResult = ({ ok: true } & WithdrawResult) | { ok: false; code: 'not_found' | 'forbidden'; message: string };
