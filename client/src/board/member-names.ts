/**
 * First names of the people on this board, for saying who did something ("Added by Sam") —
 * never a role. Read once when the board opens and again when asked (the "Recently deleted" panel
 * asks each time it opens); where the server cannot be reached the page simply names nobody.
 */
import { createSignal } from 'solid-js';
import { ApiError, type Api } from '../api.ts';

export interface MemberNames {
  /**
   * "you", the person's first name, or "someone who is no longer on this board"; null while the
   * names are not known (not read yet, or the server could not be reached).
   */
  who(userId: string): string | null;
  /** Reads the names again. */
  refresh(): Promise<void>;
}

/** Names for `boardId`, read at once; `me` is the signed-in person's id (said as "you"). */
export function createMemberNames(api: Api, boardId: string, me: string): MemberNames {
  const [names, setNames] = createSignal<ReadonlyMap<string, string> | null>(null);
  const refresh = async () => {
    try {
      const members = await api.listMembers(boardId);
      setNames(new Map(members.map((member) => [member.id, member.displayName])));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      // Offline, or no longer a member: keep what was known; the sync says why if it matters.
    }
  };
  void refresh();
  return {
    who(userId) {
      if (userId === me) return 'you';
      const known = names();
      if (known === null) return null;
      return known.get(userId) ?? 'someone who is no longer on this board';
    },
    refresh,
  };
}
