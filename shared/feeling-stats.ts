/**
 * Summaries of how a touchpoint felt, and the emotion curve across a whole journey. Pure and
 * defensive: `feelings` entries come from peers, so anything that does not match the contract's
 * shape (`touchpointId/participantId` → `{score: -2..2, words: string[], at}`) is ignored rather
 * than trusted. EBCD asks to show the spread, not an average: every summary keeps min, max, the
 * counts per score and a `wideRange` flag next to the median.
 */
import { feelingScores, type Feeling, type FeelingScore } from './board-document.ts';
import { maxOwnWordLength } from './emotion-words.ts';

/** How many people chose each score, indexed worst to best (`counts[score + 2]`). */
export type ScoreCounts = [number, number, number, number, number];

/** One emotion word and how many people picked it at a touchpoint. */
export interface WordTally {
  word: string;
  count: number;
}

/** Everything the board says about one touchpoint's feelings. */
export interface FeelingStats {
  /** People who recorded a valid feeling. */
  count: number;
  /** The middle score; for an even count the mean of the two middle ones (may end in .5). Null when no one has said. */
  median: number | null;
  min: FeelingScore | null;
  max: FeelingScore | null;
  /** Views differ a lot: see {@link isWideRange}. */
  wideRange: boolean;
  scoreCounts: ScoreCounts;
  /** Most picked first, then A to Z; words compared trimmed and ignoring case, shown as first spelt. */
  words: WordTally[];
}

/** The parts of a `feelings` key; null unless it has exactly one '/' with text on both sides. */
export function parseFeelingKey(key: string): { touchpointId: string; participantId: string } | null {
  const slash = key.indexOf('/');
  if (slash <= 0 || slash === key.length - 1 || key.indexOf('/', slash + 1) !== -1) return null;
  return { touchpointId: key.slice(0, slash), participantId: key.slice(slash + 1) };
}

const isScore = (value: unknown): value is FeelingScore =>
  typeof value === 'number' && (feelingScores as readonly number[]).includes(value);

/** Trims and lower-cases a word so "Anxious " and "anxious" count as one. */
export const normaliseWord = (word: string): string => word.trim().toLowerCase();

/**
 * One stored feeling as a trusted `Feeling`, or null when it is not one: the score must be one
 * of -2..2 and `words` an array of strings (a missing `words` reads as none). Words are
 * trimmed, de-duplicated ignoring case (first spelling kept), and dropped when empty or longer
 * than `maxOwnWordLength`.
 */
export function readFeeling(value: unknown): Feeling | null {
  if (typeof value !== 'object' || value === null) return null;
  const { score, words, at } = value as { score?: unknown; words?: unknown; at?: unknown };
  if (!isScore(score)) return null;
  if (words !== undefined && !(Array.isArray(words) && words.every((w) => typeof w === 'string'))) return null;
  const clean = new Map<string, string>();
  for (const word of (words ?? []) as string[]) {
    const trimmed = word.trim();
    const normal = normaliseWord(trimmed);
    if (normal !== '' && normal.length <= maxOwnWordLength && !clean.has(normal)) clean.set(normal, trimmed);
  }
  return { score, words: [...clean.values()], at: typeof at === 'number' && Number.isFinite(at) ? at : 0 };
}

/**
 * Whether views at a touchpoint differ a lot: at least one person felt bad or very bad (≤ -1)
 * and another felt good or very good (≥ +1). On the 5-point scale this also covers every spread
 * of three points or more (-2..+1, -2..+2, -1..+2), so no separate max − min rule is needed.
 * These are the places EBCD says deserve the most attention.
 */
export const isWideRange = (min: number | null, max: number | null): boolean =>
  min !== null && max !== null && min <= -1 && max >= 1;

/** Summarises the valid feelings among `values` (one touchpoint's stored values, any shape). */
export function feelingStats(values: Iterable<unknown>): FeelingStats {
  const scores: FeelingScore[] = [];
  const scoreCounts: ScoreCounts = [0, 0, 0, 0, 0];
  // Keyed by the normalised word; shown in the first spelling met ("NHS", not "nhs").
  const tallies = new Map<string, WordTally>();
  for (const value of values) {
    const feeling = readFeeling(value);
    if (feeling === null) continue;
    scores.push(feeling.score);
    scoreCounts[feeling.score + 2]! += 1;
    for (const word of feeling.words) {
      const tally = tallies.get(normaliseWord(word));
      if (tally === undefined) tallies.set(normaliseWord(word), { word, count: 1 });
      else tally.count += 1;
    }
  }
  scores.sort((a, b) => a - b);
  const count = scores.length;
  const min = count > 0 ? scores[0]! : null;
  const max = count > 0 ? scores[count - 1]! : null;
  let median: number | null = null;
  if (count > 0) {
    const mid = Math.floor(count / 2);
    median = count % 2 === 1 ? scores[mid]! : (scores[mid - 1]! + scores[mid]!) / 2;
  }
  const byWord = (a: WordTally, b: WordTally) => {
    const [x, y] = [normaliseWord(a.word), normaliseWord(b.word)];
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const words = [...tallies.values()].sort((a, b) => b.count - a.count || byWord(a, b));
  return { count, median, min, max, wideRange: isWideRange(min, max), scoreCounts, words };
}

/**
 * Groups a `feelings` map's entries by touchpoint id, dropping entries whose key is not
 * `touchpointId/participantId`. Values are left as they are: {@link feelingStats} checks them.
 */
export function groupFeelingsByTouchpoint(entries: Iterable<readonly [string, unknown]>): Map<string, unknown[]> {
  const groups = new Map<string, unknown[]>();
  for (const [key, value] of entries) {
    const parts = parseFeelingKey(key);
    if (parts === null) continue;
    let group = groups.get(parts.touchpointId);
    if (group === undefined) groups.set(parts.touchpointId, (group = []));
    group.push(value);
  }
  return groups;
}

/** A stage and its touchpoint ids, both already in journey order. */
export interface JourneyStage {
  id: string;
  touchpointIds: readonly string[];
}

/** One touchpoint on the emotion curve. */
export interface CurvePoint {
  stageId: string;
  touchpointId: string;
  /** 0-based place in the whole journey. */
  position: number;
  stats: FeelingStats;
}

/**
 * The emotion curve: every touchpoint in journey order with its stats, in one pass over the
 * feelings. Touchpoints no one has felt about yet are kept with `count: 0` so a table can say
 * "no one yet"; feelings for touchpoints not in `stages` are ignored.
 */
export function journeyCurve(
  stages: readonly JourneyStage[],
  feelings: Iterable<readonly [string, unknown]>,
): CurvePoint[] {
  const groups = groupFeelingsByTouchpoint(feelings);
  const points: CurvePoint[] = [];
  for (const stage of stages) {
    for (const touchpointId of stage.touchpointIds) {
      points.push({
        stageId: stage.id,
        touchpointId,
        position: points.length,
        stats: feelingStats(groups.get(touchpointId) ?? []),
      });
    }
  }
  return points;
}

/** The plain word for a score, worst to best. */
export const scoreWords: Record<FeelingScore, string> = {
  [-2]: 'Very bad',
  [-1]: 'Bad',
  0: 'Okay',
  1: 'Good',
  2: 'Very good',
};

/**
 * A median in plain words: a whole score is its word ("Bad"), a half one sits between two
 * ("Between Bad and Okay"), none is null.
 */
export function medianInWords(median: number | null): string | null {
  if (median === null) return null;
  const low = Math.floor(median);
  const high = Math.ceil(median);
  if (!isScore(low) || !isScore(high)) return null;
  return low === high ? scoreWords[low] : `Between ${scoreWords[low]} and ${scoreWords[high]}`;
}
