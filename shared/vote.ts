/**
 * Hidden dot voting (issue 15), as the board document shows it. The server alone keeps who gave
 * which dots (server/sync/vote-actions.ts); the document holds only:
 *
 * - `session.vote`: `{id, status: 'open'|'revealed', dotsEach, voted, of, by, at}` — how many dots
 *   each person has, how many people have given at least one (`voted`) of the `of` members who may
 *   vote, who opened it and when (server time). Absent when no vote is open or shown.
 * - `votes`: touchpoint id → total dots, written once, when the facilitator reveals the vote, and
 *   cleared when the next vote opens. Nothing in it, before or after, says who gave a dot.
 *
 * Read defensively: anything not of this shape reads as none.
 */
import type * as Y from 'yjs';
import { boardTypes } from './board-document.ts';
import { SessionKey, sessionValue } from './session.ts';

export interface VoteState {
  id: string;
  status: 'open' | 'revealed';
  dotsEach: number;
  /** People who have given at least one dot. */
  voted: number;
  /** Members who may vote (`comment` and up) when it was last counted. */
  of: number;
  by: string;
  at: number;
}

const count = (value: unknown): value is number => typeof value === 'number' && Number.isInteger(value) && value >= 0;

export function readVote(value: unknown): VoteState | null {
  if (typeof value !== 'object' || value === null) return null;
  const { id, status, dotsEach, voted, of, by, at } = value as Record<string, unknown>;
  if (typeof id !== 'string' || (status !== 'open' && status !== 'revealed') || typeof by !== 'string') return null;
  if (!count(dotsEach) || !count(voted) || !count(of) || !count(at)) return null;
  return { id, status, dotsEach, voted, of, by, at };
}

/** The board's vote now, or null. */
export const voteOf = (doc: Y.Doc): VoteState | null => readVote(sessionValue(doc, SessionKey.vote));

/** The revealed totals: touchpoint id → dots, for every touchpoint that got at least one. */
export function dotTotals(doc: Y.Doc): Map<string, number> {
  const totals = new Map<string, number>();
  for (const [key, value] of boardTypes(doc).votes) {
    if (!key.includes('/') && count(value) && value > 0) totals.set(key, value);
  }
  return totals;
}
