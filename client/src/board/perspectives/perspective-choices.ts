/**
 * The rules for the facilitator's list of perspectives (issue 17), as the server's guard checks
 * `meta.perspectives` (server/sync/guard/document-values.ts): 2 to 6 choices, each with its own
 * id and plain words of 1 to 60 letters. The page keeps "Rather not say" always on offer (it can
 * be renamed, not removed), and adds new choices before it. Pure: each change gives the new list,
 * or why it cannot be made, so nothing the guard would refuse is ever written.
 */
import { maxPerspectives, perspectiveLabelMaxLength, ratherNotSay, type Perspective } from '../../../../shared/perspectives.ts';
import { plainText } from '../plain-text.ts';

/** Fewest choices a board offers. */
export const fewestPerspectives = 2;

/** A choice's words as the document takes them: plain text, spaces tidied; null when blank. */
export function choiceLabel(words: string): string | null {
  const label = plainText(words).trim().replace(/\s+/g, ' ').slice(0, perspectiveLabelMaxLength).trim();
  return label === '' ? null : label;
}

export const mayAdd = (choices: readonly Perspective[]): boolean => choices.length < maxPerspectives;

export const mayRemove = (choices: readonly Perspective[], id: string): boolean => id !== ratherNotSay && choices.length > fewestPerspectives;

/** The list with one choice's words changed; null when the words are blank (the old ones stay). */
export function renamed(choices: readonly Perspective[], id: string, words: string): Perspective[] | null {
  const label = choiceLabel(words);
  if (label === null) return null;
  return choices.map((choice) => (choice.id === id ? { id, label } : { ...choice }));
}

/** The list with a new choice before "Rather not say" (or last); null when it is full or the words blank. */
export function added(choices: readonly Perspective[], id: string, words: string): Perspective[] | null {
  const label = choiceLabel(words);
  if (label === null || !mayAdd(choices) || choices.some((choice) => choice.id === id)) return null;
  const copy = choices.map((choice) => ({ ...choice }));
  const at = copy.findIndex((choice) => choice.id === ratherNotSay);
  copy.splice(at === -1 ? copy.length : at, 0, { id, label });
  return copy;
}

/** The list without one choice; null when it may not go. */
export function removed(choices: readonly Perspective[], id: string): Perspective[] | null {
  if (!mayRemove(choices, id)) return null;
  return choices.filter((choice) => choice.id !== id).map((choice) => ({ ...choice }));
}
