/** Plain words for the members panel's expected failures. */
import type { ApiError } from '../../api.ts';

/**
 * A board always keeps someone who can organise it (409 `last_facilitator`). `leaving` says
 * whether the person was leaving (or lowering their own access) rather than changing someone else.
 */
export function lastFacilitatorWords(error: ApiError, leaving: boolean): string | null {
  if (error.serverCode !== 'last_facilitator') return null;
  return leaving
    ? 'You are the only person who can organise this board, so you cannot do that yet. First choose someone else and give them “Can organise”.'
    : 'A board always needs someone who can organise it. First give “Can organise” to someone else, then try again.';
}
