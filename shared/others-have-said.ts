/**
 * Whether people other than one person have said something on a touchpoint: a feeling, dots or a
 * comment. Removing such a touchpoint for good would take their words with it, which only a
 * facilitator may do: the server's guard refuses it from anyone else (server/sync/guard), and the
 * page checks the same rule first so an honest page never sends what the server refuses.
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';

/** Whether anyone other than `me` has a feeling, dots or a comment on the touchpoint. */
export function othersHaveSaid(doc: Y.Doc, touchpointId: string, me: string): boolean {
  const { feelings, feelingsAfter, votes, comments } = boardTypes(doc);
  const prefix = `${touchpointId}/`;
  // Feelings are under keys that name nobody (the server writes them): whose they are no page can
  // tell, so every one counts as someone's.
  for (const map of [feelings, feelingsAfter]) for (const key of map.keys()) if (key.startsWith(prefix)) return true;
  // Revealed dot totals: whose dots they are nobody may know, so they count as others' (and a
  // board from before issue 15 had each person's dots under `touchpointId/userId`).
  for (const key of votes.keys()) if (key === touchpointId || (key.startsWith(prefix) && key !== `${prefix}${me}`)) return true;
  for (const comment of comments.values()) {
    if (!(comment instanceof Y.Map)) continue;
    const target = comment.get('target') as { type?: unknown; id?: unknown } | undefined;
    if (target?.type === 'touchpoint' && target.id === touchpointId && comment.get('authorId') !== me) return true;
  }
  return false;
}
