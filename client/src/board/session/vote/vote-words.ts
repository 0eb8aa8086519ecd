/**
 * Hidden dot voting in words (issue 15): the calm line everyone sees while a vote is open ("Dot
 * voting: you have 2 of 3 dots left. 7 of 12 people have voted."), what is heard after each dot
 * ("Dot given to ‘Waiting’. You have 1 dot left."), why a dot button cannot be used, the news as a
 * vote opens, shows its results or ends, and the results ranked by dots. Plain and short, never a
 * name: nobody's dots are ever shown, only how many people voted and, after the reveal, the totals.
 * Pure, for the unit tests.
 */
import type { VoteState } from '../../../../../shared/vote.ts';

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** "1 dot", "9 dots". */
export const dotsWords = (n: number): string => `${n} ${plural(n, 'dot', 'dots')}`;

/** On a card after the reveal: "9 dots", "1 dot", "No dots". */
export const cardTotalWords = (n: number): string => (n === 0 ? 'No dots' : dotsWords(n));

/** "7 of 12 people have voted.", "1 of 12 people has voted.", "1 of 1 person has voted." */
export const votedWords = (vote: Pick<VoteState, 'voted' | 'of'>): string =>
  `${vote.voted} of ${vote.of} ${plural(vote.of, 'person', 'people')} ${plural(vote.voted, 'has', 'have')} voted.`;

/** What a person may do in the vote, as the line says it. */
export type VoterKind =
  /** May vote, and the server has said how many dots they have left. */
  | { kind: 'voter'; left: number }
  /** May vote; their dots are not known yet (still asking, or the server could not say). */
  | { kind: 'voter-unknown' }
  /** May only look at the board. */
  | { kind: 'viewer' };

/** You can look but not vote: said to people who may only look. */
export const viewOnlyWords = 'You can look but not vote on this board.';

/** The line in the pinned bar while a vote is open. */
export function voteLine(vote: Pick<VoteState, 'dotsEach' | 'voted' | 'of'>, who: VoterKind): string {
  const counted = votedWords(vote);
  if (who.kind === 'viewer') return `Dot voting is open: ${dotsWords(vote.dotsEach)} each. ${viewOnlyWords} ${counted}`;
  if (who.kind === 'voter-unknown') return `Dot voting is open: ${dotsWords(vote.dotsEach)} each. ${counted}`;
  return `Dot voting: ${leftWords(who.left, vote.dotsEach)} ${counted}`;
}

/** "you have 2 of 3 dots left.", "you have used all your dots." */
function leftWords(left: number, dotsEach: number): string {
  if (left <= 0) return dotsEach === 1 ? 'you have used your dot.' : 'you have used all your dots.';
  return `you have ${left} of ${dotsWords(dotsEach)} left.`;
}

/** What is left, said after each dot: "You have 1 dot left." or "You have used all your dots." */
export const dotsLeftNews = (left: number): string => (left <= 0 ? 'You have used all your dots.' : `You have ${dotsWords(left)} left.`);

/** Heard after a dot was given or taken back, as the server answered. */
export function dotNews(action: 'give' | 'take', cardTitle: string, left: number): string {
  const what = action === 'give' ? `Dot given to ‘${cardTitle}’.` : `Dot taken back from ‘${cardTitle}’.`;
  return `${what} ${dotsLeftNews(left)}`;
}

/** The dot buttons' names: the visible words first (WCAG 2.5.3), then the card. */
export const giveWords = { shown: 'Give a dot', hidden: (cardTitle: string) => ` to ‘${cardTitle}’` };
export const takeWords = { shown: 'Take a dot back', hidden: (cardTitle: string) => ` from ‘${cardTitle}’` };

/** Why "Give a dot" cannot be used now. */
export const giveBlockedWords = 'You have used all your dots. Take one back from another card to give it here.';
/** Why "Take a dot back" cannot be used now. */
export const takeBlockedWords = 'You have not given this card a dot.';
/** The dots need the server: said offline, and nothing is sent. */
export const votingOffline = 'Giving and taking back dots needs a connection. You can do it when you are back online.';

/** Under the results: nobody's dots are shown. */
export const onlyTotalsWords = 'Nobody’s dots are shown, only the totals.';

/** News for everyone as the vote changes (null: nothing to say). Told only while the board is live. */
export function voteNews(before: VoteState | null, after: VoteState | null, mayVote: boolean): string | null {
  if (after !== null && after.id !== before?.id && after.status === 'open') {
    return mayVote
      ? `Dot voting has started. You have ${dotsWords(after.dotsEach)} to give to the cards that matter most to you. Nobody will see who gave them.`
      : `Dot voting has started. ${viewOnlyWords}`;
  }
  if (after !== null && after.status === 'revealed' && !(before?.id === after.id && before.status === 'revealed')) {
    return 'The results of the dot voting are shown at the top of the board.';
  }
  if (after === null && before !== null) {
    return before.status === 'open' ? 'Dot voting has ended without showing the results.' : 'The dot voting results are closed.';
  }
  return null;
}

/** One line of the results. */
export interface RankedCard {
  touchpointId: string;
  dots: number;
}

/**
 * The revealed totals ranked: most dots first, ties in journey order. Only cards on the board
 * (`journey`, the touchpoint ids in journey order) and with at least one dot.
 */
export function rankResults(totals: ReadonlyMap<string, number>, journey: readonly string[]): RankedCard[] {
  return journey
    .map((touchpointId, place) => ({ touchpointId, dots: totals.get(touchpointId) ?? 0, place }))
    .filter((row) => row.dots > 0)
    .sort((a, b) => b.dots - a.dots || a.place - b.place)
    .map(({ touchpointId, dots }) => ({ touchpointId, dots }));
}

/** One result as it is shown and named: "‘Waiting for results’ — 9 dots". */
export const resultWords = (cardTitle: string, dots: number): string => `‘${cardTitle}’ — ${dotsWords(dots)}`;
