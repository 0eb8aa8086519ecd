/**
 * Perspectives' lines in plain words (issue 17, shared/perspectives.ts) for the PDF, in the page's
 * own words (client/src/board/perspectives/perspective-words.ts says the same, and could import
 * these): a group named from its choice ("I work here" → "people who work here"), a point ("Bad
 * (3 people)" or "Fewer than 3 people — not shown"), where views differ most as a sentence, and
 * when the lines were worked out. Pure. Nothing here is about one person: a point is only ever a
 * group's count and middle feeling.
 */
import type { PerspectivePoint } from './api.ts';
import { touchpointName } from './curve-words.ts';
import { medianInWords } from './feeling-stats.ts';
import { fewestForALine, notShownWords, perspectiveLinesEveryMs } from './perspectives.ts';

/** A point worth showing: at least {@link fewestForALine} people (the server never sends fewer; this does not trust it). */
export const shownPoint = (point: PerspectivePoint | null | undefined): PerspectivePoint | null =>
  point != null && point.count >= fewestForALine && medianInWords(point.median) !== null ? point : null;

/** One group's point at a moment: "Bad (3 people)", "Between Bad and Okay (4 people)", or "Fewer than 3 people — not shown". */
export function pointWords(point: PerspectivePoint | null | undefined): string {
  const shown = shownPoint(point);
  return shown === null ? notShownWords : `${medianInWords(shown.median)} (${shown.count} people)`;
}

/** Words of a choice with the end stop taken off and spaces tidied. */
const tidy = (label: string): string => label.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');

/** "my" → "their" and the like, so "I care for my mum" reads "people who care for their mum". */
const ownWords: [RegExp, string][] = [
  [/\bmyself\b/gi, 'themselves'],
  [/\bmy\b/gi, 'their'],
  [/\bmine\b/gi, 'theirs'],
  [/\bme\b/gi, 'them'],
];

/** "I am …", "I’m …", "I was …", "I have …", "I’ve …", then any "I …". */
const firstPerson: [RegExp, string][] = [
  [/^I(?:\s+am|['’]m)\s+/i, 'people who are '],
  [/^I\s+was\s+/i, 'people who were '],
  [/^I(?:\s+have|['’]ve)\s+/i, 'people who have '],
  [/^I\s+/, 'people who '],
];

/** A group in words from its choice: "I use this service" → "people who use this service"; any other → "people who chose ‘Patient’". */
export function groupName(label: string): string {
  const words = tidy(label);
  for (const [start, group] of firstPerson) {
    if (start.test(words)) return ownWords.reduce((text, [own, their]) => text.replace(own, their), words.replace(start, group));
  }
  return `people who chose ‘${words}’`;
}

/** How a group felt, inside a sentence: "felt very bad", "felt between bad and okay". */
export function feltWords(median: number): string {
  const words = medianInWords(median);
  return words === null ? 'felt something we cannot say' : `felt ${words.toLowerCase()}`;
}

/** Where views differ, in words: "At ‘Waiting for results’: people who use this service felt very bad; people who work here felt good." */
export function differWords(momentTitle: string, lowest: { label: string; median: number }, highest: { label: string; median: number }): string {
  return `At ‘${touchpointName(momentTitle)}’: ${groupName(lowest.label)} ${feltWords(lowest.median)}; ${groupName(highest.label)} ${feltWords(highest.median)}.`;
}

/** What the section is, said before the lines. */
export const perspectivesIntro = `People could say which group they belong to — for example, people who use the service, people who care for someone who does, and staff. Each group’s line shows the middle of its people’s feelings at each moment. A group’s line is shown at a moment only where at least ${fewestForALine} of its people gave a feeling there, so nobody’s feeling can be picked out. People who would rather not say have no line.`;

/** When no group has a line anywhere. */
export const noLinesWords = `When the lines were last worked out, no group had ${fewestForALine} or more people who had said how a moment felt, so no line is shown.`;

/** When no moment is listed under "Where views differ most". */
export const differNoneWords = 'Nowhere yet. A moment is listed here when two groups’ middle feelings are 2 steps or more apart.';

/** "Worked out at 14:05. They are worked out again at most every 10 minutes, so nobody’s feeling can be picked out." */
export function workedOutSentence(when: string): string {
  return `Worked out ${when}. They are worked out again at most every ${perspectiveLinesEveryMs / 60_000} minutes, so nobody’s feeling can be picked out.`;
}
