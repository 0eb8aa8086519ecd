/**
 * Everyone's feelings at one touchpoint in a short plain sentence ("3 people: 2 bad, 1 very
 * good"). Counts only — never names or roles: people meet here as equals.
 */
import { feelingScores } from './board-document.ts';
import { scoreWords, type FeelingStats } from './feeling-stats.ts';

/** How many people said what, worst to best; "No one has said yet." when no one has. */
export function countsSentence(stats: FeelingStats): string {
  if (stats.count === 0) return 'No one has said yet.';
  const parts = feelingScores
    .filter((score) => stats.scoreCounts[score + 2]! > 0)
    .map((score) => `${stats.scoreCounts[score + 2]} ${scoreWords[score].toLowerCase()}`);
  return `${stats.count} ${stats.count === 1 ? 'person' : 'people'}: ${parts.join(', ')}.`;
}

/** The most picked words with their counts, e.g. "anxious (2), rushed (1)"; '' when none. */
export function wordsSentence(stats: FeelingStats, limit = 6): string {
  if (stats.words.length === 0) return '';
  const shown = stats.words.slice(0, limit).map(({ word, count }) => `${word} (${count})`);
  const more = stats.words.length - limit;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}
