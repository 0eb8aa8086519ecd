/**
 * The plain words of "What's new" (client/src/board/news/news-words.ts): since when ("on
 * Tuesday"), the control's name with its count, feelings as a number only, and the start of a
 * comment's words cut at a word.
 */
import { describe, expect, it } from 'vitest';
import { feelingsWords, lastVisitWords, newThingsWords, startOfWords, whatsNewLabel } from '../../client/src/board/news/news-words.ts';

// Thursday 12 March 2026, mid-afternoon on this machine's clock.
const now = new Date(2026, 2, 12, 15, 30).getTime();
const at = (month: number, date: number, hours = 10, year = 2026) => new Date(year, month, date, hours).getTime();

describe('what’s new in words', () => {
  it('says when the last visit was as a person would', () => {
    expect(lastVisitWords(at(2, 12, 9), now)).toBe('earlier today');
    expect(lastVisitWords(at(2, 11, 23), now)).toBe('yesterday');
    expect(lastVisitWords(at(2, 10), now)).toBe('on Tuesday');
    expect(lastVisitWords(at(2, 6), now)).toBe('on Friday');
    expect(lastVisitWords(at(2, 5), now)).toBe('on 5 March');
    expect(lastVisitWords(at(10, 3, 10, 2025), now)).toBe('on 3 November 2025');
    // A clock a little behind the server's is still today.
    expect(lastVisitWords(now + 60_000, now)).toBe('earlier today');
  });

  it('names the control with how many, and none without a number', () => {
    expect(whatsNewLabel(3)).toBe('What’s new (3)');
    expect(whatsNewLabel(0)).toBe('What’s new');
    expect(whatsNewLabel(null)).toBe('What’s new');
    expect(newThingsWords(0, at(2, 10), now)).toBe('Nothing new since your last visit on Tuesday.');
    expect(newThingsWords(1, at(2, 12, 9), now)).toBe('1 new thing since your last visit earlier today.');
    expect(newThingsWords(2, at(2, 11), now)).toBe('2 new things since your last visit yesterday.');
  });

  it('counts feelings without naming anyone', () => {
    expect(feelingsWords(1)).toBe('Someone gave or changed 1 feeling since your last visit.');
    expect(feelingsWords(4)).toBe('People gave or changed 4 feelings since your last visit.');
  });

  it('gives the start of a comment’s words on one line, cut at a word', () => {
    expect(startOfWords('Nobody told me\n\nwhere to go')).toBe('Nobody told me where to go');
    const long = 'The receptionist was kind but the waiting room was so cold that my mother kept her coat on for the whole two hours';
    const start = startOfWords(long);
    expect(start.length).toBeLessThanOrEqual(81);
    expect(start).toBe('The receptionist was kind but the waiting room was so cold that my mother kept…');
    expect(startOfWords('x'.repeat(100))).toBe(`${'x'.repeat(80)}…`);
  });
});
