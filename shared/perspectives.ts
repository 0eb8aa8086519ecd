/**
 * "There is more than one reality" (issue 17): patients, carers and staff can feel the same moment
 * very differently. A facilitator may turn on perspectives for a board and name the choices
 * (`meta.perspectives`, in the document for everyone to read); each person may choose one,
 * privately — the server alone keeps who chose what (server/ports/perspective-records.ts) and works
 * out each perspective's line from the feelings, whose owners it alone knows too. A line is shown
 * at a moment only where at least {@link fewestForALine} people of that perspective gave a
 * feeling there, so nobody can be singled out. "Rather not say" never has a line.
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';

/** One choice: a stable id (people's choices keep to it when it is renamed) and its words. */
export interface Perspective {
  id: string;
  label: string;
}

/** The choice for people who would rather not say: it never has a line of its own. */
export const ratherNotSay = 'rather-not-say';

/** What a board offers when the facilitator turns perspectives on without naming them. */
export const defaultPerspectives: readonly Perspective[] = [
  { id: 'uses-this-service', label: 'I use this service' },
  { id: 'cares-for-someone', label: 'I care for someone who does' },
  { id: 'works-here', label: 'I work here' },
  { id: ratherNotSay, label: 'Rather not say' },
];

/** Fewest people of one perspective whose feelings at a moment make a line there. */
export const fewestForALine = 3;
/** Most choices a board offers. */
export const maxPerspectives = 6;
/** Longest words of one choice. */
export const perspectiveLabelMaxLength = 60;
/** Lines are worked out again at most this often (ms), not at each feeling: see docs/board-document.md. */
export const perspectiveLinesEveryMs = 10 * 60_000;

/** What a moment without a line for a perspective says instead. */
export const notShownWords = `Fewer than ${fewestForALine} people — not shown`;

/** The board's choices, or null when perspectives are off (or the value is not a list of choices). */
export function perspectivesOf(doc: Y.Doc): Perspective[] | null {
  return readPerspectives(boardTypes(doc).meta.get('perspectives'));
}

/** `meta.perspectives` as choices; null unless it is a list of `{id, label}` with text. */
export function readPerspectives(value: unknown): Perspective[] | null {
  if (!Array.isArray(value)) return null;
  const choices: Perspective[] = [];
  for (const entry of value) {
    if (typeof entry !== 'object' || entry === null) return null;
    const { id, label } = entry as { id?: unknown; label?: unknown };
    if (typeof id !== 'string' || typeof label !== 'string') return null;
    choices.push({ id, label });
  }
  return choices;
}

/** The choices that may have a line (all but "Rather not say"). */
export const withLines = (choices: readonly Perspective[]): Perspective[] => choices.filter((choice) => choice.id !== ratherNotSay);
