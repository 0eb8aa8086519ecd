/**
 * The outline's plain words (issue 17): how a moment felt to everyone in one sentence ("4 people:
 * 1 very bad, 3 bad; words: frightened (2), rushed (1)."), built from the card's own counts and
 * word tally (shared/feeling-summary.ts) so the map, the card and the outline never say it
 * differently, and the empty states. Pure, for the unit tests.
 */
import { countsSentence, wordsSentence } from '../../../../shared/feeling-summary.ts';
import type { FeelingStats } from '../../../../shared/feeling-stats.ts';

/**
 * Everyone's feelings at a moment: the counts worst to best, every word picked with how many
 * picked it, and "Views differ a lot." where they do; "No one has said yet." when no one has.
 */
export function feelingsInWords(stats: FeelingStats): string {
  const counts = countsSentence(stats);
  if (stats.count === 0) return counts;
  const words = wordsSentence(stats, Infinity);
  const sentence = `${counts.replace(/\.$/, '')}${words === '' ? '' : `; words: ${words}`}.`;
  return stats.wideRange ? `${sentence} Views differ a lot.` : sentence;
}

export const outlineWords = {
  heading: 'Outline',
  intro: 'The whole board as a document: each stage with its moments, their stories, how they felt and what people said.',
  noStages: 'This board has no stages yet.',
  noMoments: 'No moments in this stage yet.',
  noStory: 'No story yet.',
  /** In a copy, in place of a story not agreed for sharing. */
  storyLeftOut: 'Left out of copies: the person who told it has not said it is ready to share.',
  noComments: 'No comments yet.',
  storyLabel: 'Story',
  feelingsLabel: 'Feelings',
  dotsLabel: 'Dot voting',
  commentsLabel: 'Comments',
  stageComments: 'Comments on this stage',
  boardComments: 'Comments on the whole board',
  sorted: '(sorted)',
  copy: 'Copy the outline',
  copied: 'Outline copied.',
  /** When the browser will not copy for the page: the text is shown, selected, to copy by hand. */
  copyByHand: 'This browser did not let the page copy. The outline is in the box below and selected: press Ctrl+C (Cmd+C on a Mac) to copy it, or choose Copy from the menu.',
  textLabel: 'The outline as text',
} as const;
