/**
 * The emotion curve in plain words: the picture's spoken summary, what each point says when it
 * has focus, and the lines of its tooltip. Pure, so the wording is tested without a browser.
 */
import { medianInWords, scoreWords, type FeelingStats } from './feeling-stats.ts';
import type { Journey } from './journey.ts';

/** A touchpoint's title as shown: "Untitled touchpoint" when it has none. */
export const touchpointName = (title: string): string => (title.trim() === '' ? 'Untitled touchpoint' : title.trim());

/** A stage's title as shown: "Untitled stage" when it has none. */
export const stageName = (title: string): string => (title.trim() === '' ? 'Untitled stage' : title.trim());

const people = (count: number): string => `${count} ${count === 1 ? 'person' : 'people'}`;

/** "Very bad to Good", or one word when everyone said the same. */
export function rangeInWords(stats: FeelingStats): string {
  if (stats.min === null || stats.max === null) return 'None yet';
  return stats.min === stats.max ? scoreWords[stats.min] : `${scoreWords[stats.min]} to ${scoreWords[stats.max]}`;
}

/**
 * What a point says when it has focus: its full title, middle feeling, spread and count, e.g.
 * "At the desk: middle feeling Bad, from Very bad to Good, 5 people, views differ a lot".
 */
export function pointName(title: string, stats: FeelingStats): string {
  const name = touchpointName(title);
  if (stats.count === 0 || stats.min === null || stats.max === null) return `${name}: no one has said yet`;
  const middle = medianInWords(stats.median) ?? '';
  if (stats.count === 1) return `${name}: ${middle}, 1 person`;
  if (stats.min === stats.max) return `${name}: everyone said ${middle}, ${people(stats.count)}`;
  const wide = stats.wideRange ? ', views differ a lot' : '';
  return `${name}: middle feeling ${middle}, from ${scoreWords[stats.min]} to ${scoreWords[stats.max]}, ${people(stats.count)}${wide}`;
}

/** The tooltip's lines under the title, in the table's words. */
export function pointDetails(stats: FeelingStats): string[] {
  if (stats.count === 0) return ['No one has said yet'];
  const lines = [`Middle feeling: ${medianInWords(stats.median) ?? 'None yet'}`, `Range: ${rangeInWords(stats)}`, `People: ${stats.count}`];
  if (stats.wideRange) lines.push('◆ Views differ a lot');
  return lines;
}

/** What the picture shows, in one or two plain sentences for screen readers. */
export function curveSummary(data: Pick<Journey, 'rows' | 'spans'>): string {
  const rows = data.rows;
  if (rows.length === 0) return 'Emotion curve: the journey has no moments yet.';
  const felt = rows.filter((row) => row.stats.count > 0);
  const moments = `${rows.length} ${rows.length === 1 ? 'moment' : 'moments'}`;
  const stages = `${data.spans.length} ${data.spans.length === 1 ? 'stage' : 'stages'}`;
  const parts = [`Emotion curve across ${moments} in ${stages}.`];
  if (felt.length === 0) {
    parts.push('No one has said how any moment felt yet.');
  } else {
    const medians = felt.map((row) => row.stats.median ?? 0);
    const low = medianInWords(Math.min(...medians));
    const high = medianInWords(Math.max(...medians));
    parts.push(
      `${felt.length} of them have feelings.`,
      low === high ? `The middle feeling is ${low} everywhere.` : `Middle feelings go from ${low} to ${high}.`,
    );
    const wide = felt.filter((row) => row.stats.wideRange).length;
    parts.push(wide === 0 ? 'Views do not differ a lot anywhere.' : `Views differ a lot at ${wide} ${wide === 1 ? 'moment' : 'moments'}.`);
  }
  parts.push('Each moment follows with its own figures, and the table below has them all.');
  return parts.join(' ');
}
