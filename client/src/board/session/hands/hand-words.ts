/**
 * Raised hands in words (issue 15): the toggle's words and hint, what it says without a
 * connection, the facilitator's queue ("Hands up: 1. Sam 2. Ana"), its "Lower Sam’s hand"
 * buttons, and what is heard as hands go up and down. Plain and short: many people in the room
 * are new to computers, and a screen reader says all of it.
 */

/** The toggle's hint: what raising a hand means. */
export const raiseHandHint = 'I’d like to say something';

/** Under the toggle when the board is not live: the server must be asked, so nothing is sent. */
export const handsOffline = 'Raising or lowering your hand needs a connection. You can do it when you are back online.';

/** The toggle's words: what pressing it does. */
export const handToggleWords = (up: boolean): string => (up ? 'Lower my hand' : 'Raise my hand');

/** What this person hears after pressing the toggle. */
export const ownHandNews = (up: boolean): string => (up ? 'Your hand is up. The facilitator can see it.' : 'Your hand is down.');

/** What this person hears when their hand went down without their pressing (a facilitator lowered it). */
export const handLoweredForYou = 'Your hand was lowered.';

/** A name as the queue shows it: "You" for this person. */
export interface QueuedName {
  name: string;
  isYou: boolean;
}

/** "Hands up: 1. Sam 2. Ana", the queue in one line (empty when no hand is up). */
export function queueWords(queue: readonly QueuedName[]): string {
  if (queue.length === 0) return '';
  return `Hands up: ${queue.map((hand, i) => `${i + 1}. ${hand.name}`).join(' ')}`;
}

/** The facilitator's button beside one raised hand: "Lower Sam’s hand", or "Lower your hand". */
export const lowerHandWords = (hand: QueuedName): string => (hand.isYou ? 'Lower your hand' : `Lower ${hand.name}’s hand`);

/** "1 hand up", "3 hands up"; "" when none. */
export function handsUpWords(count: number): string {
  if (count <= 0) return '';
  return `${count} hand${count === 1 ? '' : 's'} up`;
}

/**
 * What the facilitator hears when hands go up: who raised one and, when others are waiting too,
 * who is first in the queue, e.g. "Ana raised a hand. First in the queue: Sam (2 hands up)." With
 * one hand up it is only "Sam raised a hand." (the hand that went up is the queue: saying he is
 * first would say his name twice).
 */
export function handUpNews(raised: readonly string[], queue: readonly QueuedName[]): string {
  const first = queue[0];
  const who = raised.length === 1 ? `${raised[0]} raised a hand.` : `${raised.slice(0, -1).join(', ')} and ${raised.at(-1)} raised their hands.`;
  if (first === undefined || queue.length === 1) return who;
  return `${who} First in the queue: ${first.name} (${handsUpWords(queue.length)}).`;
}
