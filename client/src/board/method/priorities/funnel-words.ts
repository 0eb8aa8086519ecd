/**
 * The funnel of priority areas in plain words (issue 16): the four lists' headings, how many are
 * in each (and the aim, said when a list is over it: "6 on the shortlist — the aim is 4 or 5"),
 * which moves the facilitator has from each list, what is heard after a move, and an area's
 * history ("Considered 3 March, shortlisted 10 March by Sam."). Plain functions over
 * shared/method.ts's records, so they are tested on their own.
 */
import type { FunnelMove, Priority, PriorityStep } from '../../../../../shared/method.ts';

/** The funnel's lists, in the order the page shows them. */
export const funnelOrder: readonly PriorityStep[] = ['considered', 'shortlisted', 'agreed', 'set-aside'];

export const stepHeading: Record<PriorityStep, string> = {
  considered: 'Being considered',
  shortlisted: 'On the shortlist (aim for 4 or 5)',
  agreed: 'Agreed (aim for 3 or 4)',
  'set-aside': 'Set aside',
};

/** The most each list should hold, and the aim in words. */
const aims: Partial<Record<PriorityStep, { most: number; words: string }>> = {
  shortlisted: { most: 5, words: '4 or 5' },
  agreed: { most: 4, words: '3 or 4' },
};

const areas = (count: number) => `${count} priority ${count === 1 ? 'area' : 'areas'}`;

/** "2 on the shortlist"; over the aim, "6 on the shortlist — the aim is 4 or 5". */
export function countWords(step: PriorityStep, count: number): string {
  if (count === 0) return step === 'set-aside' ? 'Nothing is set aside.' : 'None yet.';
  const said = step === 'considered' ? `${areas(count)} being considered` : step === 'shortlisted' ? `${count} on the shortlist` : step === 'agreed' ? `${count} agreed` : `${count} set aside`;
  const aim = aims[step];
  return aim !== undefined && count > aim.most ? `${said} — the aim is ${aim.words}` : said;
}

/** Whether a list holds more than its aim (said in words by countWords, and marked beside it). */
export const overAim = (step: PriorityStep, count: number): boolean => count > (aims[step]?.most ?? Infinity);

/** One of the facilitator's buttons on an area: its visible words and where it moves the area. */
export interface FunnelChoice {
  to: PriorityStep;
  words: string;
}

/** The step an area set aside goes back to: where it was before it was set aside (else considered). */
export function stepBeforeSetAside(funnel: readonly FunnelMove[]): PriorityStep {
  for (let i = funnel.length - 1; i >= 0; i--) {
    if (funnel[i]!.step === 'set-aside') {
      const before = funnel.slice(0, i).reverse().find((move) => move.step !== 'set-aside');
      return before?.step ?? 'considered';
    }
  }
  return 'considered';
}

/** The moves the facilitator has for an area, by the list it is in. */
export function choicesFor(priority: Pick<Priority, 'step' | 'funnel'>): FunnelChoice[] {
  switch (priority.step) {
    case 'considered':
      return [
        { to: 'shortlisted', words: 'Put on the shortlist' },
        { to: 'set-aside', words: 'Set aside' },
      ];
    case 'shortlisted':
      return [
        { to: 'agreed', words: 'Agree this one' },
        { to: 'considered', words: 'Take off the shortlist' },
        { to: 'set-aside', words: 'Set aside' },
      ];
    case 'agreed':
      return [
        { to: 'shortlisted', words: 'Back to the shortlist' },
        { to: 'set-aside', words: 'Set aside' },
      ];
    case 'set-aside':
      return [{ to: stepBeforeSetAside(priority.funnel), words: 'Bring back' }];
  }
}

/** What is heard after the facilitator moved `title` to `to`, with the list's count when over its aim. */
export function movedWords(title: string, to: PriorityStep, countThere: number): string {
  const where: Record<PriorityStep, string> = {
    considered: 'is being considered',
    shortlisted: 'is on the shortlist',
    agreed: 'is agreed',
    'set-aside': 'is set aside. You can bring it back at any time',
  };
  const over = overAim(to, countThere) ? ` That makes ${countWords(to, countThere)}.` : '';
  return `‘${title}’ ${where[to]}.${over}`;
}

/** How one move reads, knowing the step before it. */
function moveWord(step: PriorityStep, previous: PriorityStep | null): string {
  if (previous === 'set-aside' && step !== 'set-aside') {
    return step === 'considered' ? 'brought back to be considered' : step === 'shortlisted' ? 'brought back to the shortlist' : 'brought back as agreed';
  }
  switch (step) {
    case 'considered':
      return previous === 'shortlisted' ? 'taken off the shortlist' : previous === 'agreed' ? 'taken off the agreed list' : 'considered';
    case 'shortlisted':
      return previous === 'agreed' ? 'moved back to the shortlist' : 'shortlisted';
    case 'agreed':
      return 'agreed';
    case 'set-aside':
      return 'set aside';
  }
}

/** A day in words: "3 March", with the year when it is not this year ("3 March 2025"). */
export function dayWords(at: number, now: number = Date.now()): string {
  const date = new Date(at);
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }) });
}

/**
 * An area's way through the funnel: "Considered 3 March, shortlisted 10 March by Sam." Each run of
 * moves by the same person ends with their name ("…; agreed 12 March by you."); a name not known
 * (`who` gives null) is left out. '' for an area with no moves recorded.
 */
export function historyWords(funnel: readonly FunnelMove[], who: (userId: string) => string | null, now: number = Date.now()): string {
  const runs: string[] = [];
  let run: string[] = [];
  funnel.forEach((move, i) => {
    run.push(`${moveWord(move.step, funnel[i - 1]?.step ?? null)} ${dayWords(move.at, now)}`);
    if (funnel[i + 1]?.by !== move.by) {
      const name = who(move.by);
      runs.push(name === null ? run.join(', ') : `${run.join(', ')} by ${name}`);
      run = [];
    }
  });
  const said = runs.join('; ');
  return said === '' ? '' : `${said.charAt(0).toUpperCase()}${said.slice(1)}.`;
}
