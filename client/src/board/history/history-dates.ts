/**
 * When a version of the board was kept, in plain words (issue 17): "Tuesday 1 December, 3:40pm",
 * the year added only when it is not this year, and how long ago ("2 days ago", the same words
 * "Recently deleted" uses). British English through Intl; the person's own time zone unless a test
 * names one. Pure, for the unit tests.
 */
import { timeAgo } from '../recently-deleted/time-words.ts';

const part = (parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';

const yearOf = (at: number, timeZone: string | undefined): string => new Intl.DateTimeFormat('en-GB', { year: 'numeric', timeZone }).format(at);

/** "1 December", or "1 December 2025" when it was not this year. */
export function dayInWords(at: number, now: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone }).formatToParts(at);
  const day = `${part(parts, 'day')} ${part(parts, 'month')}`;
  return yearOf(at, timeZone) === yearOf(now, timeZone) ? day : `${day} ${part(parts, 'year')}`;
}

/** "3:40pm", "11:05am", "12:00pm" (midday). */
export function timeInWords(at: number, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', hour12: true, timeZone }).formatToParts(at);
  const period = part(parts, 'dayPeriod').replace(/[\s.]/g, '').toLowerCase();
  return `${part(parts, 'hour')}:${part(parts, 'minute')}${period}`;
}

/** "Tuesday 1 December, 3:40pm" (with the year when it was not this year). */
export function whenInWords(at: number, now: number, timeZone?: string): string {
  const weekday = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone }).format(at);
  return `${weekday} ${dayInWords(at, now, timeZone)}, ${timeInWords(at, timeZone)}`;
}

/** "1 December at 3:40pm": for "how they were on …". */
export function dayAndTime(at: number, now: number, timeZone?: string): string {
  return `${dayInWords(at, now, timeZone)} at ${timeInWords(at, timeZone)}`;
}

/** "just now", "5 minutes ago", "yesterday", "2 days ago". */
export const agoInWords = (at: number, now: number): string => timeAgo(at, now);
