/**
 * Storyteller consent (issue 17): "stories are given, not taken". The person who added a
 * touchpoint's story (its `createdBy`) — or a facilitator on their behalf, for a story told in an
 * interview — says how far it may go. A touchpoint's optional `consent` field holds it; a card
 * without one (every card made before issue 17, and a new one until its storyteller says) is
 * "Not yet": nothing leaves the board without a yes.
 *
 * Withdrawing a story is a request to the server (POST /api/boards/:id/touchpoints/:touchpointId/withdraw,
 * body {@link WithdrawRequest}): the story's words — and, if the storyteller chooses, their
 * feelings and comments on that moment — are removed in one server-written change and the board
 * is compacted at once, so the words are gone from the document, "Recently deleted" and the
 * database file when the answer comes.
 */
import * as Y from 'yjs';

export const consentValues = ['not-yet', 'board-only', 'ready'] as const;
export type Consent = (typeof consentValues)[number];

/** The default: until the storyteller says otherwise, a story stays on the board and out of exports. */
export const defaultConsent: Consent = 'not-yet';

export const isConsent = (value: unknown): value is Consent => typeof value === 'string' && (consentValues as readonly string[]).includes(value);

/** What each choice is called, and what it means, in plain words (page and PDF alike). */
export const consentWords: Readonly<Record<Consent, { name: string; meaning: string }>> = {
  'not-yet': { name: 'Not yet', meaning: 'Still being written or thought about. Only people on this board can read it, and it is left out of reports.' },
  'board-only': { name: 'Only for this board', meaning: 'People on this board can read it. It is left out of reports.' },
  ready: { name: 'Ready to share', meaning: 'It may go in reports made from this board.' },
};

/** A touchpoint's consent as stored: anything missing or unknown is "Not yet". */
export function consentOf(touchpoint: Y.Map<unknown> | undefined): Consent {
  const value = touchpoint?.get('consent');
  return isConsent(value) ? value : defaultConsent;
}

/** Whether `userId` (with facilitate access or not) may say how a touchpoint's story is shared, or withdraw it. */
export function maySpeakForStory(touchpoint: Y.Map<unknown>, userId: string, facilitates: boolean): boolean {
  return facilitates || touchpoint.get('createdBy') === userId;
}

/** The body of a withdrawal request: the story always goes; these say what else goes with it. */
export interface WithdrawRequest {
  /** The storyteller's own feelings at this moment (at the start and at the review). */
  feelings: boolean;
  /** The storyteller's own comments on this moment (with their name or without). */
  comments: boolean;
}

/** What the server answers: how much went. */
export interface WithdrawResult {
  feelings: number;
  comments: number;
}

/** In place of a withdrawn story, for everyone who sees the card (page, outline, easy read and PDF alike). */
export const withdrawnStoryWords = 'The person who told this story took it back.';

/** Whether a touchpoint's story was withdrawn (the server set `withdrawnAt`) and no new story has been written since. */
export function storyWithdrawn(touchpoint: Y.Map<unknown> | undefined): boolean {
  const at = touchpoint?.get('withdrawnAt');
  if (typeof at !== 'number') return false;
  const story = touchpoint?.get('story');
  return (story instanceof Y.Text ? story.toString() : typeof story === 'string' ? story : '').trim() === '';
}
