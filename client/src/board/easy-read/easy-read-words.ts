/**
 * The words easy read (issue 17) shows and says, kept pure so they can be tested: where a moment
 * sits on the journey ("Stage 2 of 4: Outpatients · Moment 3 of 9"), how people felt as short
 * sentences ("2 people felt bad"), the reasons "Back" and "Next" do nothing at the ends, and
 * what "Read this to me" reads. Short sentences, common words.
 */
import { feelingScores, type FeelingScore } from '../../../../shared/board-document.ts';
import { scoreWords, type FeelingStats } from '../../../../shared/feeling-stats.ts';

/** Where one moment sits: its stage among all stages shown, and its place on the whole journey. */
export interface MomentPlace {
  stageNumber: number;
  stageCount: number;
  /** The stage's title as stored ('' when it has none). */
  stageTitle: string;
  moment: number;
  momentCount: number;
}

/**
 * The place of the moment at `index` (0-based) of `rows` (the journey's touchpoints in order), its
 * stage counted among `stages` (every stage shown, empty ones too); null when there is no such moment.
 */
export function placeOf(
  rows: readonly { stageId: string; stageTitle: string }[],
  stages: readonly { id: string }[],
  index: number,
): MomentPlace | null {
  const row = rows[index];
  if (row === undefined) return null;
  const stageIndex = stages.findIndex((stage) => stage.id === row.stageId);
  return {
    stageNumber: stageIndex + 1,
    stageCount: stages.length,
    stageTitle: row.stageTitle,
    moment: index + 1,
    momentCount: rows.length,
  };
}

const stageName = (title: string): string => title.trim() || 'no name yet';

/** The stage part alone: "Stage 2 of 4: Outpatients" (without a number while the stage is not known yet). */
export function stageWords(place: MomentPlace): string {
  return place.stageNumber > 0 ? `Stage ${place.stageNumber} of ${place.stageCount}: ${stageName(place.stageTitle)}` : `Stage: ${stageName(place.stageTitle)}`;
}

/** As shown above the card: "Stage 2 of 4: Outpatients · Moment 3 of 9". */
export function placeWords(place: MomentPlace): string {
  return `${stageWords(place)} · Moment ${place.moment} of ${place.momentCount}`;
}

/** As said after "Next" or "Back": "Stage 2 of 4: Outpatients. Moment 3 of 9: Waiting room." */
export function spokenPlace(place: MomentPlace, title: string): string {
  return `${stageWords(place)}. Moment ${place.moment} of ${place.momentCount}: ${title.trim() || 'no name yet'}.`;
}

/** Why "Back" or "Next" does nothing here. */
export const endWords = {
  first: 'This is the first moment. There is nothing before it.',
  last: 'This is the last moment. There is nothing after it.',
} as const;

/** One line of how people felt, worst first: its score (for the face) and its words. */
export interface FeltLine {
  score: FeelingScore;
  words: string;
}

/** "2 people felt bad", one line per score someone chose, worst first; none when no one has said. */
export function feltLines(stats: FeelingStats): FeltLine[] {
  return feelingScores
    .filter((score) => (stats.scoreCounts[score + 2] ?? 0) > 0)
    .map((score) => {
      const count = stats.scoreCounts[score + 2]!;
      return { score, words: `${count} ${count === 1 ? 'person' : 'people'} felt ${scoreWords[score].toLowerCase()}` };
    });
}

/** Ends `text` as a sentence: trimmed, with a full stop unless it already ends one. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed === '' || /[.!?…]["”’)]*$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** What "Read this to me" reads for one moment: where it is, its name, its story, and how people felt. */
export function readAloudText(moment: { place: MomentPlace; title: string; story: string; stats: FeelingStats }): string {
  const felt = feltLines(moment.stats);
  const words = moment.stats.words.slice(0, 6).map((tally) => tally.word);
  return [
    sentence(stageWords(moment.place)),
    sentence(`Moment ${moment.place.moment} of ${moment.place.momentCount}`),
    sentence(moment.title.trim() || 'This moment has no name yet'),
    sentence(moment.story),
    felt.length === 0 ? 'No one has said how this felt yet.' : `How people felt: ${felt.map((line) => sentence(line.words)).join(' ')}`,
    words.length === 0 ? '' : sentence(`Words people chose: ${words.join(', ')}`),
  ]
    .filter((part) => part !== '')
    .join(' ');
}
