/**
 * Moving focus at once (not on the next frame, as focusSoon does) to an element that is there now.
 * Posting without a name closes the form that has focus; were focus lost with it, even for a frame,
 * the card would tell the others this person left it and came back just as a comment appeared
 * there (presence, focus.ts) — a hint at who wrote it. So focus goes to a part of the same card
 * before the form goes, and to where it belongs once it has.
 */
export function moveFocusWithin(id: string): void {
  document.getElementById(id)?.focus();
}
