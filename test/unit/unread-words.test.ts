/** The boards list's "what's new" in words (client/src/pages/unread-words.ts): counts with the right plural, nothing when none. */
import { describe, expect, it } from 'vitest';
import { unreadWords } from '../../client/src/pages/unread-words.ts';

describe("a board's unread counts in words", () => {
  it('names each kind with something new, in the order comments, cards, feelings', () => {
    expect(unreadWords({ comments: 2, touchpoints: 1, feelings: 0 })).toBe('2 new comments, 1 new card');
    expect(unreadWords({ comments: 1, touchpoints: 3, feelings: 1 })).toBe('1 new comment, 3 new cards, 1 new feeling');
    expect(unreadWords({ comments: 0, touchpoints: 0, feelings: 4 })).toBe('4 new feelings');
  });

  it('says nothing when nothing is new', () => {
    expect(unreadWords({ comments: 0, touchpoints: 0, feelings: 0 })).toBe('');
    expect(unreadWords(undefined)).toBe('');
  });
});
