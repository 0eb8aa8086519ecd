/**
 * "Me too" on a comment (issue 13): the count in plain words, and who may say it. In co-design,
 * showing that an experience is shared matters more than who shared it, so the page shows only
 * the count the document holds (`meToo`, written by the server) — never a list of names. Whether
 * this person said it comes from the server (my-comments.ts), never from the shared document.
 */

/** "1 person said me too", "3 people said me too"; "" when nobody has. */
export function meTooWords(count: number): string {
  if (count <= 0) return '';
  return `${count} ${count === 1 ? 'person' : 'people'} said me too`;
}

/** What the button says when the board is not live: the server must be asked. */
export const meTooOffline = 'Me too needs a connection. You can say it when you are back online.';

export interface MeTooRules {
  /** This person may comment (`comment` access and up); `view` may only read the count. */
  canComment: boolean;
  /** The comment's author is this person: by name, or (known to the server alone) without a name. */
  mine: boolean;
  /** A facilitator has hidden the comment. */
  hidden: boolean;
}

/** Whether to offer "Me too": to anyone who may comment, on anyone else's comment that is not hidden. */
export const mayMeToo = (rules: MeTooRules): boolean => rules.canComment && !rules.mine && !rules.hidden;
