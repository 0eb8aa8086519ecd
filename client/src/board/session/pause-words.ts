/**
 * Paused editing in words (issue 15): the banner everyone sees while the facilitator has paused
 * changes to the map, what is heard when the pause starts and ends, and the note in a card whose
 * editor the pause closed. Facilitators keep every control, so theirs say what the others meet;
 * people who may only look are not told they can still give feelings and comment, which they cannot.
 */

/** The banner, and what is heard as the pause starts. */
export function pauseBannerWords(facilitates: boolean, mayComment: boolean): string {
  if (facilitates) return 'Changes to the map are paused for everyone but the facilitators. People can still say how they feel and comment.';
  const paused = 'The facilitator has paused changes to the map while you talk.';
  return mayComment ? `${paused} You can still say how you feel and comment.` : paused;
}

/** What is heard as the pause ends. */
export function pauseEndedWords(facilitates: boolean): string {
  return facilitates ? 'People can change the map again.' : 'The facilitator has let people change the map again.';
}

/** In a card whose editor or menu the pause closed while the person was in it. */
export const cardPausedWords =
  'Changes to the map are paused, so this card’s editor closed. What you had typed is saved. You can still say how it felt and comment.';
