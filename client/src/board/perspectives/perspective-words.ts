/**
 * The words of "How each group felt" (issue 17, shared/perspectives.ts), in one place so the page,
 * its table and its tests say the same: a group named from its choice ("I work here" → "people who
 * work here"), a point ("Bad (3 people)" or "Fewer than 3 people — not shown"), where views differ
 * most as a sentence (never by colour alone), when the lines were worked out, and the plain words
 * of the setting and the chooser. Pure: unit-tested in test/unit/perspective-words.test.ts.
 */
import { fewestForALine, maxPerspectives, notShownWords, perspectiveLabelMaxLength } from '../../../../shared/perspectives.ts';

export { notShownWords };

export const perspectiveWords = {
  heading: 'How each group felt',
  settingLabel: 'Perspectives: ask people which describes them',
  settingHint: `People can say which describes them, privately. The board then shows how each group felt, only where at least ${fewestForALine} people of a group gave a feeling.`,
  choicesLegend: 'The choices people see',
  choicesHint: `Between 2 and ${maxPerspectives} choices, each up to ${perspectiveLabelMaxLength} letters. Changes are saved when you leave a box.`,
  ratherNotSayHint: 'Always offered, so nobody has to say. It never has a line of its own.',
  addChoice: 'Add a choice',
  newChoiceLabel: 'New choice',
  blankChoice: 'A choice needs some words, so we kept the old ones.',
  turnedOn: 'Perspectives are on. People can now say which describes them.',
  turnedOff: 'Perspectives are off.',
  chooserHeading: 'Which describes you?',
  privacy: 'Only you see your answer. Nobody else on this board — not even the organiser — is told it.',
  ratherNotChoose: 'I’d rather not choose',
  save: 'Save my answer',
  saving: 'Saving…',
  asking: 'Getting your answer…',
  linesHeading: 'Each group’s line',
  linesLoading: 'Working out the lines…',
  tableCaption: 'How each group felt at each moment',
  momentColumn: 'Moment',
  differHeading: 'Where views differ most',
  differNone: 'Nowhere yet. A moment is listed here when two groups’ middle feelings are 2 steps or more apart.',
  noLines: noLinesWords,
  off: 'This board does not ask which describes people.',
  offFacilitator: 'You can turn perspectives on under the board’s title on the Journey map.',
  mapPrompt: 'This board can show how each group of people felt. You may say which describes you; only you see your answer.',
  mapLink: 'How each group felt',
  tryAgain: 'Try again',
  broken: 'Something went wrong on this page. Please try again.',
} as const;

/** Words of a choice with the end stop taken off and spaces tidied. */
const tidy = (label: string): string => label.trim().replace(/\s+/g, ' ').replace(/[.!]+$/, '');

/** A group named from its choice, a point, how a group felt and where views differ: the same words as the PDF's. */
export { differWords, feltWords, groupName, pointWords, shownPoint } from '../../../../shared/perspective-words.ts';
import { noLinesWords } from '../../../../shared/perspective-words.ts';

/** One side of a difference: a group's words and its middle feeling there. */
export interface GroupAtMoment {
  label: string;
  median: number;
}

const twoDigits = (n: number): string => String(n).padStart(2, '0');

/**
 * When the lines were worked out, and why not more often: "Worked out at 14:05. They are worked
 * out again at most every 10 minutes, so nobody’s feeling can be picked out." On another day than
 * `now`, the day too ("on Tuesday 3 March at 14:05"). Local time.
 */
export function workedOutWords(workedOutAt: string, now: Date = new Date()): string {
  const at = new Date(workedOutAt);
  if (Number.isNaN(at.getTime())) return '';
  const time = `${twoDigits(at.getHours())}:${twoDigits(at.getMinutes())}`;
  const sameDay = at.getFullYear() === now.getFullYear() && at.getMonth() === now.getMonth() && at.getDate() === now.getDate();
  const day = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long' }).format(at);
  const when = sameDay ? `at ${time}` : `on ${day} at ${time}`;
  return `Worked out ${when}. They are worked out again at most every 10 minutes, so nobody’s feeling can be picked out.`;
}

/** What the chooser says is saved: "Your saved answer: I work here." or that none is. */
export function savedWords(label: string | null): string {
  return label === null ? 'You have not chosen. That is fine: nothing is shown about you either way.' : `Your saved answer: ${tidy(label)}.`;
}

/** The picture's name for a screen reader, which the table then says in full. */
export function lensSummary(groups: number, moments: number): string {
  return `Lines for ${groups} ${groups === 1 ? 'group' : 'groups'} across ${moments} ${moments === 1 ? 'moment' : 'moments'} of the journey. The table below says every point in words.`;
}
