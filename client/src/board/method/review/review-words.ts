/**
 * The review's plain words (issue 16): how a moment felt at the start and how it feels now, in one
 * phrase each with its spread ("Bad, from Very bad to Okay — 4 people, views differ a lot"),
 * whether it got better, and the areas in the order a review reads them (agreed ones first). Pure,
 * so the wording is tested without a browser.
 */
import { medianInWords, type FeelingStats } from '../../../../../shared/feeling-stats.ts';
import { rangeInWords } from '../../../../../shared/curve-words.ts';
import type { Priority, PriorityStep } from '../../../../../shared/method.ts';

const people = (count: number) => `${count} ${count === 1 ? 'person' : 'people'}`;

/** "No one has said yet", "Good — 1 person", "Bad, from Very bad to Okay — 4 people, views differ a lot". */
export function feltWords(stats: FeelingStats): string {
  if (stats.count === 0 || stats.min === null || stats.max === null) return 'No one has said yet';
  const middle = medianInWords(stats.median) ?? '';
  const spread = stats.min === stats.max ? '' : `, from ${rangeInWords(stats)}`;
  return `${middle}${spread} — ${people(stats.count)}${stats.wideRange ? ', views differ a lot' : ''}`;
}

/** How the middle feeling moved: "Better", "Worse", "About the same", or "Not known yet". */
export function changeWords(before: FeelingStats, after: FeelingStats): string {
  if (before.median === null || after.median === null) return 'Not known yet';
  if (after.median > before.median) return 'Better';
  if (after.median < before.median) return 'Worse';
  return 'About the same';
}

const stepRank: Readonly<Record<PriorityStep, number>> = { agreed: 0, shortlisted: 1, considered: 2, 'set-aside': 3 };

/** The areas as the review lists them: agreed first, then the shortlist, the rest, and those set aside; each group in the facilitator's order. */
export function reviewOrder(priorities: readonly Priority[]): Priority[] {
  return priorities.map((priority, index) => ({ priority, index })).sort((a, b) => stepRank[a.priority.step] - stepRank[b.priority.step] || a.index - b.index).map(({ priority }) => priority);
}
