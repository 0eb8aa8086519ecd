/**
 * The plain words of "What's new since I was last here" (issue 13): when the person was last here
 * ("on Tuesday"), the control's name ("What's new (3)"), the feelings line and the start of a
 * comment's words. Pure, so test/unit/news-words.test.ts checks them without a page.
 */

const day = 24 * 60 * 60 * 1000;

/** Midnight before `time`, on this device's clock. */
function startOfDay(time: number): number {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  return date.getTime();
}

/**
 * When the last visit was, to follow "since your last visit": "earlier today", "yesterday",
 * "on Tuesday" (within the last week), "on 3 November", or "on 3 November 2025" (another year).
 */
export function lastVisitWords(since: number, now: number): string {
  const daysAgo = Math.round((startOfDay(now) - startOfDay(since)) / day);
  if (daysAgo <= 0) return 'earlier today';
  if (daysAgo === 1) return 'yesterday';
  const date = new Date(since);
  if (daysAgo < 7) return `on ${date.toLocaleDateString('en-GB', { weekday: 'long' })}`;
  const sameYear = date.getFullYear() === new Date(now).getFullYear();
  return `on ${date.toLocaleDateString('en-GB', sameYear ? { day: 'numeric', month: 'long' } : { day: 'numeric', month: 'long', year: 'numeric' })}`;
}

/** The control's name: "What's new (3)", or "What's new" when there is nothing (or it is not known). */
export const whatsNewLabel = (count: number | null): string => (count === null || count === 0 ? 'What’s new' : `What’s new (${count})`);

/** The list's first line: "3 new things since your last visit on Tuesday." / "Nothing new since …". */
export function newThingsWords(count: number, since: number, now: number): string {
  const when = `since your last visit ${lastVisitWords(since, now)}`;
  if (count === 0) return `Nothing new ${when}.`;
  return `${count} new ${count === 1 ? 'thing' : 'things'} ${when}.`;
}

/** Feelings are only counted, never named: "People gave or changed 4 feelings since your last visit." */
export function feelingsWords(count: number): string {
  return count === 1
    ? 'Someone gave or changed 1 feeling since your last visit.'
    : `People gave or changed ${count} feelings since your last visit.`;
}

/** The start of a comment's words for the list: one line, at most `max` letters, "…" when cut. */
export function startOfWords(body: string, max = 80): string {
  const line = body.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
