/**
 * The history's plain words (issue 17): the headings and empty state, what changed since a version
 * (a short list for the top of the page, and a mark on each stage and moment), the list's links (told
 * apart when two were kept in the same minute), how a moment felt
 * then (the card's own count sentence), and what each "Put back" will do, its answer and its
 * refusals. Pure, for the unit tests.
 */
import { stageName, touchpointName } from '../../../../shared/curve-words.ts';
import { feelingStats } from '../../../../shared/feeling-stats.ts';
import { countsSentence } from '../../../../shared/feeling-summary.ts';
import type { HistoryBoard, HistoryTouchpoint, RestoreRequest, RestoreResult } from '../../../../shared/history.ts';
import type { ApiError } from '../../api.ts';
import type { ChangesSince, MomentChange, MomentField, StageChange } from './changes-since.ts';
import { agoInWords, whenInWords } from './history-dates.ts';

export const historyWords = {
  heading: 'History',
  intro: 'Earlier versions of this board, newest first. Look at one to see the map as it was and what changed since. Nothing here changes the board unless you put something back.',
  empty: 'No earlier versions yet. One is kept when everyone leaves the board after changes, and each day it is used.',
  listLabel: 'Earlier versions',
  loading: 'Getting the earlier versions…',
  loadingOne: 'Getting this version…',
  retry: 'Try again',
  back: 'Back to all versions',
  changedHeading: 'What changed since',
  asItWasHeading: 'The map as it was',
  nothingChanged: 'Nothing on the map has changed since.',
  noStages: 'The board had no stages then.',
  noMoments: 'No moments in this stage then.',
  noStory: 'No story.',
  storyLabel: 'Story',
  feelingsLabel: 'Feelings then',
  goToMap: 'Go to the map',
  yes: 'Yes, put it back',
  no: 'Keep it as it is now',
  offline: 'Putting something back needs a connection. Please check your internet connection, then try again.',
  broken: 'The history cannot be shown just now. Reload the page to try again.',
} as const;

/** The link to one version: "Tuesday 1 December, 3:40pm (2 days ago)". */
export const versionLinkWords = (when: string, ago: string): string => `${when} (${ago})`;

/**
 * The links to a list of versions (newest first), each as versionLinkWords says. Versions kept in
 * the same minute (a session that ends, then someone comes back for a moment) would read the same
 * and could not be told apart, least of all by a screen reader's list of links: each of those says
 * which it is in time order, "Tuesday 1 December, 3:40pm, 1 of 2 that minute (2 days ago)".
 */
export function versionLinks(versions: readonly { at: number }[], now: number, timeZone?: string): string[] {
  const whens = versions.map((version) => whenInWords(version.at, now, timeZone));
  return versions.map((version, i) => {
    const when = whens[i]!;
    const same = versions.filter((_, j) => whens[j] === when);
    if (same.length === 1) return versionLinkWords(when, agoInWords(version.at, now));
    const nth = same.filter((other) => other.at < version.at).length + 1;
    return versionLinkWords(`${when}, ${nth} of ${same.length} that minute`, agoInWords(version.at, now));
  });
}

/** "The board on Tuesday 1 December, 3:40pm". */
export const versionHeading = (when: string): string => `The board on ${when}`;

const list = (items: string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;

const quoted = (text: string): string => `“${text}”`;

const fieldWords: Record<MomentField, string> = { name: 'the name', story: 'the story', stage: 'the stage it is in' };

/** The mark on a moment of the version, or null when it is as it was. */
export function momentMark(change: MomentChange | undefined): string | null {
  if (change === undefined || change.kind === 'same') return null;
  if (change.kind === 'removed') return 'Not on the board now.';
  const fields = change.fields.map((field) => fieldWords[field]);
  const where = change.fields.includes('stage') ? ` It is now in ${quoted(stageName(change.nowInStage))}.` : '';
  return `Changed since: ${list(fields)}.${where}`;
}

/** The mark on a stage of the version, or null when it is as it was. */
export function stageMark(change: StageChange | undefined): string | null {
  if (change === undefined || change.kind === 'same') return null;
  if (change.kind === 'removed') return 'Not on the board now.';
  return `Renamed since: now called ${quoted(stageName(change.now))}.`;
}

const count = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** What changed since, a sentence each, for the top of the version's page; empty when nothing did. */
export function changesInWords(changes: ChangesSince, then: HistoryBoard): string[] {
  const sentences: string[] = [];
  const titleOf = new Map(then.stages.flatMap((stage) => stage.touchpoints.map((moment) => [moment.id, touchpointName(moment.title)] as const)));
  if (changes.boardRenamed) sentences.push('The board’s name changed.');
  if (changes.purposeChanged) sentences.push('What the board is for changed.');
  const renamed = then.stages.filter((stage) => changes.stages.get(stage.id)?.kind === 'renamed');
  for (const stage of renamed) {
    const change = changes.stages.get(stage.id) as Extract<StageChange, { kind: 'renamed' }>;
    sentences.push(`The stage ${quoted(stageName(stage.title))} is now called ${quoted(stageName(change.now))}.`);
  }
  if (changes.addedStages.length > 0) {
    sentences.push(`${count(changes.addedStages.length, 'stage', 'stages')} added since: ${list(changes.addedStages.map((stage) => quoted(stageName(stage.title))))}.`);
  }
  const removedStages = then.stages.filter((stage) => changes.stages.get(stage.id)?.kind === 'removed');
  if (removedStages.length > 0) {
    sentences.push(`${count(removedStages.length, 'stage is', 'stages are')} not on the board now: ${list(removedStages.map((stage) => quoted(stageName(stage.title))))}.`);
  }
  if (changes.addedMoments.length > 0) {
    sentences.push(`${count(changes.addedMoments.length, 'moment', 'moments')} added since: ${list(changes.addedMoments.map((moment) => quoted(touchpointName(moment.title))))}.`);
  }
  const removed = [...changes.moments].filter(([, change]) => change.kind === 'removed').map(([id]) => quoted(titleOf.get(id) ?? ''));
  if (removed.length > 0) sentences.push(`${count(removed.length, 'moment is', 'moments are')} not on the board now: ${list(removed)}.`);
  const changed = [...changes.moments].filter(([, change]) => change.kind === 'changed').map(([id]) => quoted(titleOf.get(id) ?? ''));
  if (changed.length > 0) sentences.push(`${count(changed.length, 'moment has', 'moments have')} changed since: ${list(changed)}.`);
  return sentences;
}

/** How many people had said how a moment felt then, worst to best ("3 people: 2 bad, 1 good."). */
export function feelingsThen(moment: Pick<HistoryTouchpoint, 'feelings'>): string {
  return countsSentence({ ...feelingStats([]), count: moment.feelings.count, scoreCounts: moment.feelings.scoreCounts });
}

export interface RestoreWords {
  /** The button that opens the question. */
  button: string;
  question: string;
  detail: string;
}

/** What a "Put back" says before it is done; `day` is "1 December at 3:40pm". */
export function restoreWords(what: RestoreRequest['what'], name: string, day: string): RestoreWords {
  if (what === 'touchpoint') {
    return {
      button: 'Put back this moment as it was',
      question: `Put back the moment ${quoted(touchpointName(name))} as it was?`,
      detail: `The moment’s name and story will go back to how they were on ${day}. If it is not on the board now, it comes back. Everyone will see the change. Feelings and comments are not changed.`,
    };
  }
  if (what === 'stage') {
    return {
      button: 'Put back this stage as it was',
      question: `Put back the stage ${quoted(stageName(name))} as it was?`,
      detail: `The stage’s name and its moments will go back to how they were on ${day}. Moments added to it since will go to Recently deleted, so nothing is lost. Everyone will see the change. Feelings and comments are not changed.`,
    };
  }
  return {
    button: 'Put back the whole board as it was',
    question: 'Put back the whole board as it was?',
    detail: `The board’s stages and moments will go back to how they were on ${day}. Things added since will go to Recently deleted, so nothing is lost. Everyone will see the change. Feelings and comments are not changed.`,
  };
}

/** Said (and shown) once the server has put it back. */
export function restoredWords(what: RestoreRequest['what'], name: string, result: RestoreResult): string {
  const moved =
    result.movedToRecentlyDeleted > 0 ? ` ${count(result.movedToRecentlyDeleted, 'thing', 'things')} added since went to Recently deleted.` : '';
  if (what === 'touchpoint') return `The moment ${quoted(touchpointName(name))} is back as it was.${moved}`;
  if (what === 'stage') return `The stage ${quoted(stageName(name))} is back as it was.${moved}`;
  return `The whole board is back as it was.${moved}`;
}

/** A refusal in words: the server's own message, except where the page can say more. */
export function restoreFailureWords(error: ApiError): string {
  if (error.serverCode === 'stage_gone') return 'This moment’s stage is not on the board now. Put back the stage first, then this moment.';
  if (error.code === 'forbidden') return 'You cannot put this back: it needs someone who can organise the board, or add and change things for a moment.';
  if (error.code === 'not_found') return 'That is no longer in this version. Go back to all versions and try again.';
  return error.message;
}
