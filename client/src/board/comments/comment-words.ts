/**
 * The plain words comments are shown with: counts ("3 comments, 1 new"), who wrote something (a
 * first name from the members list, never a role; "Someone on this board" when it was posted
 * without a name or the name is not known) and whose comment a button acts on.
 */

/** "No comments yet", "1 comment", "3 comments", "3 comments, 1 new". */
export function commentCountWords(count: number, fresh = 0): string {
  if (count === 0) return 'No comments yet';
  const words = `${count} comment${count === 1 ? '' : 's'}`;
  return fresh > 0 ? `${words}, ${fresh} new` : words;
}

/** "1 sorted conversation", "2 sorted conversations". */
export const sortedWords = (count: number): string => `${count} sorted conversation${count === 1 ? '' : 's'}`;

/** The words shown in place of a comment a facilitator hid (in the card's list and the outline). */
export const hiddenWords = (reason: string): string => `Hidden by a facilitator: ${reason.trim() === '' ? 'no reason given' : reason}`;

/** Said for a comment posted without a name, or while names cannot be read. */
export const someone = 'Someone on this board';

/**
 * Who wrote a comment, to show: "You", "Sam", "Someone who is no longer on this board", or
 * "Someone on this board". `who` is member-names.ts's.
 */
export function authorWords(who: (userId: string) => string | null, authorId: string | null): string {
  const name = authorId === null ? null : who(authorId);
  if (name === null) return someone;
  if (name === 'you') return 'You';
  return name.charAt(0).toUpperCase() + name.slice(1);
}

/** Whose comment, for a button's name: "your comment", "Sam’s comment", "the comment from someone on this board". */
export function whoseComment(who: (userId: string) => string | null, authorId: string | null): string {
  const name = authorId === null ? null : who(authorId);
  if (name === 'you') return 'your comment';
  if (name === null || name.startsWith('someone')) return `the comment from ${name ?? 'someone on this board'}`;
  return `${name}’s comment`;
}
