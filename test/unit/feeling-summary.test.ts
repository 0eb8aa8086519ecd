/** The plain-words summaries beside each card and the curve's drawing maths. */
import { describe, expect, it } from 'vitest';
import { feelingStats } from '../../shared/feeling-stats.ts';
import { countsSentence, wordsSentence } from '../../shared/feeling-summary.ts';
import { curvePaths, yOf } from '../../client/src/board/curve/curve-geometry.ts';
import type { CurveRow } from '../../client/src/board/curve/curve-data.ts';

const f = (score: number, words: string[] = []) => ({ score, words, at: 1 });

describe('feeling summary', () => {
  it('counts people worst to best, without names', () => {
    expect(countsSentence(feelingStats([]))).toBe('No one has said yet.');
    expect(countsSentence(feelingStats([f(0)]))).toBe('1 person: 1 okay.');
    expect(countsSentence(feelingStats([f(2), f(-1), f(-1)]))).toBe('3 people: 2 bad, 1 very good.');
  });

  it('lists the most picked words and how many more', () => {
    expect(wordsSentence(feelingStats([]))).toBe('');
    expect(wordsSentence(feelingStats([f(-1, ['anxious', 'rushed']), f(-2, ['anxious'])]))).toBe('anxious (2), rushed (1)');
    expect(wordsSentence(feelingStats([f(0, ['a', 'b', 'c'])]), 2)).toBe('a (1), b (1) and 1 more');
  });
});

describe('curve geometry', () => {
  const row = (position: number, feelings: ReturnType<typeof f>[]): CurveRow => ({
    stageId: 's', stageTitle: 'S', touchpointId: `t${position}`, position, stats: feelingStats(feelings),
  });

  it('puts Very good at the top and Very bad at the bottom', () => {
    expect(yOf(2)).toBeLessThan(yOf(0));
    expect(yOf(0)).toBeLessThan(yOf(-2));
  });

  it('breaks the line where no one has said, and marks wide ranges', () => {
    const paths = curvePaths([row(0, [f(1)]), row(1, [f(-1), f(2)]), row(2, []), row(3, [f(0)])]);
    expect(paths.median.match(/M/g)).toHaveLength(1);
    expect(paths.band.match(/Z/g)).toHaveLength(2);
    expect(paths.points.match(/Z/g)).toHaveLength(3);
    expect(paths.wideMarks.match(/Z/g)).toHaveLength(1);
    expect(paths.ticks.match(/M/g)).toHaveLength(4);
  });
});
