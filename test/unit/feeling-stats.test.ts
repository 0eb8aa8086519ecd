/** The emotion-curve maths: medians, spread, the wide-range rule and defence against bad peer data. */
import { describe, expect, it } from 'vitest';
import { maxOwnWordLength } from '../../shared/emotion-words.ts';
import {
  feelingStats,
  groupFeelingsByTouchpoint,
  isWideRange,
  journeyCurve,
  medianInWords,
  parseFeelingKey,
  readFeeling,
} from '../../shared/feeling-stats.ts';

const f = (score: unknown, words: unknown = [], at: unknown = 1) => ({ score, words, at });

describe('feelingStats', () => {
  it('says nothing when no one has said', () => {
    expect(feelingStats([])).toEqual({
      count: 0, median: null, min: null, max: null, wideRange: false, scoreCounts: [0, 0, 0, 0, 0], words: [],
    });
  });

  it('takes the middle score for an odd count', () => {
    const stats = feelingStats([f(2), f(-2), f(1)]);
    expect(stats).toMatchObject({ count: 3, median: 1, min: -2, max: 2, scoreCounts: [1, 0, 0, 1, 1] });
  });

  it('takes the mean of the two middle scores for an even count', () => {
    expect(feelingStats([f(-1), f(0)]).median).toBe(-0.5);
    expect(feelingStats([f(2), f(-2), f(-1), f(1)]).median).toBe(0);
    expect(feelingStats([f(1), f(1), f(2), f(-2)]).median).toBe(1);
  });

  it('handles a single feeling', () => {
    expect(feelingStats([f(-2)])).toMatchObject({ count: 1, median: -2, min: -2, max: -2, wideRange: false });
  });

  it('ignores invalid entries from peers', () => {
    const stats = feelingStats([
      f(3), f(-3), f(0.5), f('1'), f(Number.NaN), null, 'good', 7, {}, { words: [] },
      f(1, 'safe'), f(1, [1, 'safe']), f(1, [null]), f(1, { 0: 'safe' }),
      f(-1, ['anxious']),
    ]);
    expect(stats).toMatchObject({ count: 1, median: -1, min: -1, max: -1 });
    expect(stats.words).toEqual([{ word: 'anxious', count: 1 }]);
  });

  it('reads a missing words list as none', () => {
    expect(feelingStats([{ score: 0, at: 1 }])).toMatchObject({ count: 1, words: [] });
  });

  it('tallies words trimmed, ignoring case, once per person, most picked first', () => {
    const stats = feelingStats([
      f(-1, ['anxious', 'rushed ', 'anxious']),
      f(-2, [' ANXIOUS', 'angry', '', '   ', 'x'.repeat(maxOwnWordLength + 1)]),
      f(1, ['safe', 'Rushed']),
    ]);
    expect(stats.words).toEqual([
      { word: 'anxious', count: 2 },
      { word: 'rushed', count: 2 },
      { word: 'angry', count: 1 },
      { word: 'safe', count: 1 },
    ]);
  });
});

describe('wide range', () => {
  it('marks someone feeling bad while another feels good', () => {
    expect(feelingStats([f(-1), f(1)]).wideRange).toBe(true);
    expect(feelingStats([f(-2), f(0), f(2)]).wideRange).toBe(true);
    expect(feelingStats([f(-2), f(1)]).wideRange).toBe(true);
  });

  it('does not mark views on one side, or next to each other', () => {
    expect(feelingStats([f(-2), f(0)]).wideRange).toBe(false);
    expect(feelingStats([f(0), f(2)]).wideRange).toBe(false);
    expect(feelingStats([f(-2), f(-1), f(-2)]).wideRange).toBe(false);
    expect(feelingStats([f(2), f(2)]).wideRange).toBe(false);
  });

  it('covers every spread of three points or more', () => {
    for (let min = -2; min <= 2; min++) {
      for (let max = min; max <= 2; max++) {
        if (max - min >= 3) expect(isWideRange(min, max)).toBe(true);
      }
    }
    expect(isWideRange(null, null)).toBe(false);
  });
});

describe('feelings keys and values', () => {
  it('accepts only keys with exactly one slash and text on both sides', () => {
    expect(parseFeelingKey('tp1/u1')).toEqual({ touchpointId: 'tp1', participantId: 'u1' });
    for (const bad of ['tp1', 'tp1/u1/x', '/u1', 'tp1/', '/', '']) expect(parseFeelingKey(bad)).toBeNull();
  });

  it('groups entries by touchpoint, dropping bad keys', () => {
    const groups = groupFeelingsByTouchpoint([
      ['a/u1', f(1)], ['a/u2', f(2)], ['b/u1', f(0)], ['a', f(-2)], ['a/u1/x', f(-2)],
    ]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')).toHaveLength(2);
  });

  it('reads a valid feeling and keeps its time', () => {
    expect(readFeeling(f(2, [' Safe', 'safe'], 42))).toEqual({ score: 2, words: ['Safe'], at: 42 });
    expect(readFeeling(f(2, [], 'soon'))).toEqual({ score: 2, words: [], at: 0 });
  });
});

describe('journeyCurve', () => {
  it('lists every touchpoint in journey order, with no-one-yet ones at count 0', () => {
    const curve = journeyCurve(
      [
        { id: 's1', touchpointIds: ['t1', 't2'] },
        { id: 's2', touchpointIds: [] },
        { id: 's3', touchpointIds: ['t3'] },
      ],
      [['t3/u1', f(-2)], ['t1/u1', f(1)], ['t1/u2', f(-1)], ['gone/u1', f(2)], ['bad-key', f(2)]],
    );
    expect(curve.map((p) => [p.stageId, p.touchpointId, p.position, p.stats.count])).toEqual([
      ['s1', 't1', 0, 2],
      ['s1', 't2', 1, 0],
      ['s3', 't3', 2, 1],
    ]);
    expect(curve[0]!.stats).toMatchObject({ median: 0, wideRange: true });
    expect(curve[1]!.stats.median).toBeNull();
  });

  it('handles a large journey in one pass', () => {
    const stages = Array.from({ length: 30 }, (_, s) => ({
      id: `s${s}`,
      touchpointIds: Array.from({ length: 17 }, (_, t) => `t${s}-${t}`),
    }));
    const feelings: [string, unknown][] = [];
    for (const stage of stages) {
      for (const id of stage.touchpointIds) for (let u = 0; u < 20; u++) feelings.push([`${id}/u${u}`, f((u % 5) - 2)]);
    }
    const started = performance.now();
    const curve = journeyCurve(stages, feelings);
    expect(curve).toHaveLength(510);
    expect(curve[509]!.stats).toMatchObject({ count: 20, median: 0, wideRange: true });
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('medianInWords', () => {
  it('names whole and half scores', () => {
    expect(medianInWords(null)).toBeNull();
    expect(medianInWords(-2)).toBe('Very bad');
    expect(medianInWords(2)).toBe('Very good');
    expect(medianInWords(-0.5)).toBe('Between Bad and Okay');
    expect(medianInWords(1.5)).toBe('Between Good and Very good');
  });
});
