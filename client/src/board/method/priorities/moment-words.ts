/**
 * A moment (touchpoint) as the priorities view says it in short (issue 16): its dots, when a vote
 * has been shown ("3 dots", "No dots"), and how people felt ("4 people: 2 bad, 2 very good.
 * Words: anxious (2), rushed (1)"). Counts only, never names (shared/feeling-summary.ts).
 */
import type { FeelingStats } from '../../../../../shared/feeling-stats.ts';
import { countsSentence, wordsSentence } from '../../../../../shared/feeling-summary.ts';

/** "3 dots" / "1 dot" / "No dots"; '' when no vote's totals are shown. */
export function dotWords(dots: ReadonlyMap<string, number>, touchpointId: string): string {
  if (dots.size === 0) return '';
  const count = dots.get(touchpointId) ?? 0;
  return count === 0 ? 'No dots' : `${count} ${count === 1 ? 'dot' : 'dots'}`;
}

/** How people felt, in one or two short sentences. */
export function feelingWords(stats: FeelingStats | undefined, wordLimit = 3): string {
  if (stats === undefined) return 'No one has said how it felt yet.';
  const words = wordsSentence(stats, wordLimit);
  const counts = stats.count === 0 ? 'No one has said how it felt yet.' : countsSentence(stats);
  return words === '' ? counts : `${counts} Words: ${words}.`;
}
