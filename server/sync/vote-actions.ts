/**
 * Hidden dot voting (issue 15) as the server runs it. Who gave which dots is kept by the server
 * alone ({@link VoteRecords}); the board document (shared/vote.ts) gets `session.vote` — how many
 * dots each, and how many people have voted of how many may — and, only when the facilitator
 * reveals the vote, the totals in `votes`. So no client can learn how another person voted, nor
 * the totals before the reveal: it is not in anything the server sends. A vote is revealed only
 * once {@link fewestVotersToReveal} people have voted, as with two each could take their own dots
 * from the totals and read the other's. Transport-free: both runtimes run it through the board's
 * host, one server change at a time.
 */
import type * as Y from 'yjs';
import { canComment, canFacilitate } from '../../shared/access.ts';
import { boardTypes } from '../../shared/board-document.ts';
import { fewestVotersToReveal } from '../../shared/limits.ts';
import { hiddenIds, touchpointOnBoard } from '../../shared/recently-deleted.ts';
import { SessionKey } from '../../shared/session.ts';
import { voteOf, type VoteState } from '../../shared/vote.ts';
import type { VoteAction, VoteActionResult, VoteActor } from '../ports/vote-action.ts';
import type { VoteRecords } from '../ports/vote-records.ts';

/** Runs `action` for `actor` on `doc` through `write` (the room's server write) at the server's time `now`. */
export async function runVoteAction(
  doc: Y.Doc,
  write: (change: (doc: Y.Doc) => void) => Promise<void>,
  records: VoteRecords,
  actor: VoteActor,
  action: VoteAction,
  now: number,
): Promise<VoteActionResult> {
  const vote = voteOf(doc);
  const open = vote?.status === 'open' ? vote : null;
  const setVote = (next: VoteState | null) =>
    write((d) => {
      const { session } = boardTypes(d);
      if (next === null) session.delete(SessionKey.vote);
      else session.set(SessionKey.vote, next);
    });
  /** The caller's dots on touchpoints still on the board, and how many they have left. */
  const mineNow = async (): Promise<{ ok: true; mine: Record<string, number>; left: number | null }> => {
    if (open === null) return { ok: true, mine: {}, left: null };
    const hidden = hiddenIds(doc);
    const mine = Object.fromEntries(Object.entries(await records.dotsOf(actor.userId)).filter(([id]) => touchpointOnBoard(doc, id, hidden)));
    const used = Object.values(mine).reduce((sum, dots) => sum + dots, 0);
    return { ok: true, mine, left: Math.max(0, open.dotsEach - used) };
  };
  const noVote = { ok: false, code: 'no_vote', message: 'There is no vote open just now.' } as const;

  if (action.kind === 'mine') return mineNow();
  if (action.kind === 'give-dot' || action.kind === 'take-dot') {
    if (!canComment(actor.access)) return { ok: false, code: 'forbidden', message: 'You can look at this board but not vote on it.' };
    if (open === null) return noVote;
    const before = await mineNow();
    const current = before.mine[action.touchpointId] ?? 0;
    if (action.kind === 'give-dot') {
      if (!touchpointOnBoard(doc, action.touchpointId, hiddenIds(doc))) return { ok: false, code: 'not_found', message: 'That card is not on the board any more.' };
      if (before.left === 0) return { ok: false, code: 'no_dots_left', message: `You have used all ${open.dotsEach} of your dots. Take one back to give it somewhere else.` };
      await records.setDots(actor.userId, action.touchpointId, current + 1);
    } else {
      // Taken back from wherever it is, even a card deleted since (its dot would be stuck otherwise).
      const stored = current || ((await records.dotsOf(actor.userId))[action.touchpointId] ?? 0);
      if (stored > 0) await records.setDots(actor.userId, action.touchpointId, stored - 1);
    }
    const { voters } = await records.totals();
    if (voters !== open.voted || action.eligible !== open.of) await setVote({ ...open, voted: voters, of: action.eligible });
    return mineNow();
  }

  if (!canFacilitate(actor.access)) return { ok: false, code: 'forbidden', message: 'Only a facilitator can open, show or end a vote.' };
  switch (action.kind) {
    case 'open': {
      if (open !== null) return { ok: false, code: 'vote_open', message: 'A vote is already open. Show its results or end it first.' };
      await records.clear();
      const next: VoteState = { id: action.id, status: 'open', dotsEach: action.dots, voted: 0, of: action.eligible, by: actor.userId, at: now };
      await write((d) => {
        const { session, votes } = boardTypes(d);
        for (const key of [...votes.keys()]) votes.delete(key);
        session.set(SessionKey.vote, next);
      });
      return { ok: true, mine: {}, left: action.dots };
    }
    case 'reveal': {
      if (open === null) return noVote;
      const { totals, voters } = await records.totals();
      if (voters < fewestVotersToReveal) {
        const who = voters === 1 ? '1 person has' : `${voters} people have`;
        return { ok: false, code: 'too_few_voters', message: `Only ${who} voted. The results show once at least ${fewestVotersToReveal} people have voted, so nobody’s dots can be worked out.` };
      }
      const hidden = hiddenIds(doc);
      await write((d) => {
        const { session, votes } = boardTypes(d);
        for (const key of [...votes.keys()]) votes.delete(key);
        for (const [touchpointId, dots] of totals) if (dots > 0 && touchpointOnBoard(d, touchpointId, hidden)) votes.set(touchpointId, dots);
        session.set(SessionKey.vote, { ...open, status: 'revealed', voted: voters });
      });
      // Once the totals are written, nobody's own dots are needed any more: they go.
      await records.clear();
      return { ok: true, mine: {}, left: null };
    }
    case 'end': {
      if (vote === null) return { ok: true, mine: {}, left: null };
      await setVote(null);
      await records.clear();
      return { ok: true, mine: {}, left: null };
    }
  }
}
