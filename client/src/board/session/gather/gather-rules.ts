/**
 * What a page does when the facilitator's "Bring everyone here" changes (issue 15), and its
 * words. Pure, for the unit tests; gathering.ts does it.
 *
 * Each call has a new id (the server makes it), so a page acts once per call. Only calls made
 * while this page is live count: what the sync brings on opening (a call made before the page was
 * here) moves nothing and says nothing; one made while the page was offline is told when it comes
 * back, never acted on late. The facilitator's own pages do not move. Someone who chose "Stay
 * where I am" is told, with "Go there", and not moved.
 */
import type { Gathered } from '../../../../../shared/session.ts';

/** `none`: nothing to do; `move`: take the view and focus there; `tell`: say where, with Go there; `mine`: confirm to the facilitator. */
export type GatherStep = 'none' | 'move' | 'tell' | 'mine';

export interface GatherMoment {
  /** The id of the last call this page has already taken in (null: none). */
  seenId: string | null;
  /** The call the document holds now. */
  call: Gathered | null;
  /** The board is live (connected and synced) as the change arrives. */
  live: boolean;
  /** The board has been live on this page before (false while it first opens). */
  wasLive: boolean;
  /** This person's user id. */
  me: string;
  /** This person chose "Stay where I am". */
  staying: boolean;
}

export function gatherStep(moment: GatherMoment): GatherStep {
  const { call } = moment;
  if (call === null || call.id === moment.seenId) return 'none';
  if (!moment.live) return moment.wasLive ? 'tell' : 'none';
  if (call.by === moment.me) return 'mine';
  return moment.staying ? 'tell' : 'move';
}

/** "Fay brought everyone to ‘Waiting for results’"; "The facilitator …" when the name is not known. */
export function gatherWords(by: string | null, target: string): string {
  return `${by ?? 'The facilitator'} brought everyone to ‘${target}’`;
}

/** What the facilitator's own page says once everyone has been brought. */
export const gatheredByYouWords = (target: string): string => `You brought everyone to ‘${target}’.`;

/** When the facilitator is offline. */
export const gatherOffline = 'Bringing everyone here needs a connection. You can do it when you are back online.';

/** Heard by someone staying where they are when a call comes. */
export const toldWhileStaying = (words: string): string =>
  `${words}. You chose to stay where you are. “Go there” at the top of the page takes you there.`;

/** Beside the place after "Stay where I am". */
export const stayingWords = 'You will stay where you are for the rest of this session. When the facilitator brings everyone somewhere, the top of the page will say where, with “Go there”.';
