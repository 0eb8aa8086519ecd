/**
 * Whose presence a raised hand is (issue 15). Hands are kept by user id (the session map, written
 * by the server), presence carries no user id — only the display name the server put there and
 * the identity colour each page sends, made from the user id (presence-colors.ts). So an
 * awareness client belongs to a raised hand when its sent colour is that person's identity colour
 * and, when the board's member names are known, its name is theirs too. Pure, for the unit tests.
 */
import type { RaisedHand } from '../../../../../shared/session.ts';

const sameName = (a: string, b: string) => a.trim().replace(/\s+/g, ' ') === b.trim().replace(/\s+/g, ' ');

/**
 * The awareness client ids (of `states`) that belong to someone with a raised hand, each with
 * that person's user id. `colorOf` is the identity colour of a user id; `displayNameOf` the
 * member's display name, or null when not known.
 */
export function handOwners(
  hands: readonly RaisedHand[],
  states: ReadonlyMap<number, Record<string, unknown>>,
  colorOf: (userId: string) => string,
  displayNameOf: (userId: string) => string | null,
): Map<number, string> {
  const byColor = new Map(hands.map((hand) => [colorOf(hand.userId).toLowerCase(), hand.userId]));
  const owners = new Map<number, string>();
  if (byColor.size === 0) return owners;
  for (const [clientId, state] of states) {
    const user = state['user'];
    if (typeof user !== 'object' || user === null) continue;
    const { color, name } = user as Record<string, unknown>;
    const userId = typeof color === 'string' ? byColor.get(color.toLowerCase()) : undefined;
    if (userId === undefined) continue;
    const known = displayNameOf(userId);
    if (known !== null && !(typeof name === 'string' && sameName(known, name))) continue;
    owners.set(clientId, userId);
  }
  return owners;
}
