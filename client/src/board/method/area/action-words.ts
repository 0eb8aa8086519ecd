/**
 * The plain words an action plan is shown with (issue 16): its status, who will do it, its day
 * ("By 3 March"), and an overdue action flagged in words ("Overdue: was due 3 March") so it is
 * never told by colour alone. Pure, so the wording is tested without a browser.
 */
import type { Action, ActionOwner, ActionStatus } from '../../../../../shared/method.ts';
import { isOverdue } from '../../../../../shared/method.ts';

export const statusWords: Readonly<Record<ActionStatus, string>> = {
  'not-started': 'Not started',
  'under-way': 'Under way',
  done: 'Done',
  stopped: 'Stopped',
};

/** Today on this device, `YYYY-MM-DD` (the reader's own day: an action is late from the day after it was due). */
export function today(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "3 March", or "3 March 2027" when it is not this year (`today` says which year that is). */
export function dayWords(day: string, todayDay: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  const sameYear = day.slice(0, 4) === todayDay.slice(0, 4);
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' });
}

/** When it is due, in words: "No date set", "By 3 March", or "Overdue: was due 3 March". */
export function dueWords(action: Pick<Action, 'due' | 'status'>, todayDay: string): { words: string; overdue: boolean } {
  if (action.due === null) return { words: 'No date set', overdue: false };
  const when = dayWords(action.due, todayDay);
  if (isOverdue(action as Action, todayDay)) return { words: `Overdue: was due ${when}`, overdue: true };
  return { words: `By ${when}`, overdue: false };
}

/**
 * Who will do it: "Nobody chosen yet", the member's first name ("You" for oneself), or the words
 * given ("Ward 4 nurses"). `who` is member-names.ts's (null while names are not known).
 */
export function ownerWords(owner: ActionOwner | null, who: (userId: string) => string | null): string {
  if (owner === null) return 'Nobody chosen yet';
  if ('name' in owner) return owner.name;
  const name = who(owner.userId);
  if (name === null) return 'Someone on this board';
  if (name === 'you') return 'You';
  return capitalise(name.startsWith('someone') ? name : firstWord(name));
}

const firstWord = (name: string) => name.trim().split(/\s+/)[0] ?? '';
const capitalise = (words: string) => words.charAt(0).toUpperCase() + words.slice(1);

/** A short count for an action plan: "3 actions: 1 done, 1 overdue". */
export function planCountWords(actions: readonly Pick<Action, 'due' | 'status'>[], todayDay: string): string {
  if (actions.length === 0) return 'No actions yet';
  const done = actions.filter((action) => action.status === 'done').length;
  const late = actions.filter((action) => isOverdue(action as Action, todayDay)).length;
  const parts = [done > 0 ? `${done} done` : '', late > 0 ? `${late} overdue` : ''].filter(Boolean);
  const count = `${actions.length} ${actions.length === 1 ? 'action' : 'actions'}`;
  return parts.length === 0 ? count : `${count}: ${parts.join(', ')}`;
}

/** People's names as a list: "Sam", "Sam and Cy", "Sam, Cy and you". */
export const listWords = (names: readonly string[]): string => new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
