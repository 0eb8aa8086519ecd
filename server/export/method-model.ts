/**
 * What the PDF says about the EBCD method after the map (issue 16; shared/method.ts): the priority
 * areas in the order the report tells them — agreed at the joint event first, then the shortlist,
 * then the rest considered, with set-aside ones only named — each with why it matters, the
 * moments it comes from (numbered as on the curve), its way through the funnel in words, its
 * co-design group, ideas and action plan; and whether there is a review to show (feelings
 * recorded again, or a before-and-after note).
 *
 * Names, decided here like the rest of the export's (export-model.ts): the group and members who
 * own an action by first name, "A former member" for someone no longer on the board. With
 * `anonymise` no name is read: the group is "3 people", a member who owns an action is "A member
 * of the group" (or "Someone on this board" when not in the area's group). An owner written as
 * words ("Ward 4 nurses") is kept as written, like a story: it is what people typed, not who they
 * are on the board.
 */
import type * as Y from 'yjs';
import { touchpointName } from '../../shared/curve-words.ts';
import type { FeelingStats } from '../../shared/feeling-stats.ts';
import type { Journey, JourneyRow } from '../../shared/journey.ts';
import { actionsOf, ideasOf, prioritiesOf, type Action, type FunnelMove, type PriorityStep } from '../../shared/method.ts';

/** A moment a priority area comes from, with how it felt at the start and how it feels now. */
export interface ExportMoment {
  /** 1-based place in the whole journey (the curve's numbering). */
  number: number;
  title: string;
  before: FeelingStats;
  now: FeelingStats;
}

/** An action as the plan's table says it; `who` already in words (null when no one is named). */
export type ExportAction = Omit<Action, 'owner' | 'priorityId' | 'order' | 'createdBy' | 'createdAt'> & { who: string | null };

export interface ExportArea {
  id: string;
  title: string;
  step: Exclude<PriorityStep, 'set-aside'>;
  why: string;
  /** Its way through the funnel: "Considered 3 March 2027, shortlisted 10 March, agreed at the joint event 24 March." */
  history: string;
  /** The moments on the map it comes from, in journey order (those in "Recently deleted" left out). */
  moments: ExportMoment[];
  /** "The co-design group: Ed and Cam." or, without names, "The co-design group: 2 people." */
  group: string;
  ideas: string[];
  actions: ExportAction[];
  /** The group's before-and-after note at the review ('' when none). */
  beforeAfter: string;
}

export interface ExportMethod {
  /** Agreed, then shortlisted, then considered; each in the board's order. */
  areas: ExportArea[];
  /** Titles of the areas set aside, in the board's order. */
  setAside: string[];
  /** Whether to show the review: feelings were recorded again, or an area has a before-and-after note. */
  review: boolean;
  /** Who wrote an action or an idea (for the cover's count of people who took part). */
  writers: string[];
}

/** Said for a member who owns an action when names are left out and they are in the area's group. */
export const memberOfTheGroup = 'A member of the group';

const shownOrder: readonly PriorityStep[] = ['agreed', 'shortlisted', 'considered'];

/** A display name's first word, as the board shows people ("Sam Jones" → "Sam"). */
export const firstName = (displayName: string): string => displayName.trim().split(/\s+/)[0] ?? '';

/** "Ed", "Ed and Cam", "Ed, Cam and Sam". */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const dayMonth = (at: number, withYear: boolean) =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(at);

const stepWords: Record<PriorityStep, string> = {
  considered: 'considered',
  shortlisted: 'shortlisted',
  agreed: 'agreed at the joint event',
  'set-aside': 'set aside',
};

/**
 * An area's moves through the funnel in one sentence: "Considered 3 March 2027, shortlisted
 * 10 March, agreed at the joint event 24 March." The year is said when it is the first or
 * changes; a step taken a second time says "again". `step` is said alone when there are no moves.
 */
export function funnelInWords(moves: readonly FunnelMove[], step: PriorityStep): string {
  if (moves.length === 0) return `${stepWords[step][0]!.toUpperCase()}${stepWords[step].slice(1)}.`;
  const seen = new Set<PriorityStep>();
  let year: number | null = null;
  const parts = moves.map((move) => {
    const thisYear = new Date(move.at).getUTCFullYear();
    const words = `${stepWords[move.step]}${seen.has(move.step) ? ' again' : ''} ${dayMonth(move.at, thisYear !== year)}`;
    seen.add(move.step);
    year = thisYear;
    return words;
  });
  const sentence = parts.join(', ');
  return `${sentence[0]!.toUpperCase()}${sentence.slice(1)}.`;
}

/** The method's records in `doc`, for the export; null when the board has no priority areas. */
export function readMethod(
  doc: Y.Doc,
  journeys: { before: Journey; now: Journey; titles: ReadonlyMap<string, string> },
  names: ReadonlyMap<string, string>,
  anonymise: boolean,
): ExportMethod | null {
  const priorities = prioritiesOf(doc);
  if (priorities.length === 0) return null;
  const rowsOf = (journey: Journey) => new Map<string, JourneyRow>(journey.rows.map((row) => [row.touchpointId, row]));
  const [before, now] = [rowsOf(journeys.before), rowsOf(journeys.now)];
  const nameOf = (userId: string) => {
    const name = names.get(userId);
    return name === undefined ? 'A former member' : firstName(name) || 'A former member';
  };
  const writers = new Set<string>();

  const areas: ExportArea[] = [];
  for (const step of shownOrder) {
    for (const priority of priorities.filter((each) => each.step === step)) {
      const moments = [...new Set(priority.touchpointIds)]
        .flatMap((id) => {
          const start = before.get(id);
          const then = now.get(id);
          return start === undefined || then === undefined ? [] : [{ row: start, stats: then.stats }];
        })
        .sort((a, b) => a.row.position - b.row.position)
        .map(({ row, stats }) => ({ number: row.position + 1, title: journeys.titles.get(row.touchpointId) ?? touchpointName(''), before: row.stats, now: stats }));
      const group = [...new Set(priority.group)];
      const actions = actionsOf(doc, priority.id);
      const ideas = ideasOf(doc, priority.id);
      for (const record of [...actions, ...ideas]) if (record.createdBy !== '') writers.add(record.createdBy);
      areas.push({
        id: priority.id,
        title: priority.title.trim() || 'Untitled priority area',
        step: step as ExportArea['step'],
        why: priority.why.trim(),
        history: funnelInWords(priority.funnel, priority.step),
        moments,
        group:
          group.length === 0
            ? 'No one is in the co-design group yet.'
            : `The co-design group: ${anonymise ? `${group.length} ${group.length === 1 ? 'person' : 'people'}` : andList(group.map((userId) => (names.has(userId) ? nameOf(userId) : 'a former member')))}.`,
        ideas: ideas.map((idea) => idea.body.trim()).filter((body) => body !== ''),
        actions: actions.map((action) => ({
          id: action.id,
          what: action.what.trim() || 'Not written yet',
          who:
            action.owner === null
              ? null
              : 'name' in action.owner
                ? action.owner.name.trim()
                : anonymise
                  ? group.includes(action.owner.userId)
                    ? memberOfTheGroup
                    : 'Someone on this board'
                  : nameOf(action.owner.userId),
          due: action.due,
          status: action.status,
          note: action.note.trim(),
        })),
        beforeAfter: priority.beforeAfter.trim(),
      });
    }
  }
  const setAside = priorities.filter((each) => each.step === 'set-aside').map((each) => each.title.trim() || 'Untitled priority area');
  const review = journeys.now.rows.some((row) => row.stats.count > 0) || areas.some((area) => area.beforeAfter !== '');
  return { areas, setAside, review, writers: [...writers] };
}
