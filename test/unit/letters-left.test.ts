/** The "… letters left" words of a text box near the document's limit (client/src/board/letters-left.ts). */
import { describe, expect, it } from 'vitest';
import { lettersLeftWords } from '../../client/src/board/letters-left.ts';
import { storyMaxLength } from '../../shared/limits.ts';

describe('lettersLeftWords', () => {
  it('says nothing while there is plenty of room, then counts the last tenth', () => {
    expect(lettersLeftWords(0, storyMaxLength, 'story')).toBe('');
    expect(lettersLeftWords(8_999, storyMaxLength, 'story')).toBe('');
    expect(lettersLeftWords(9_000, storyMaxLength, 'story')).toBe('1,000 letters left.');
    expect(lettersLeftWords(9_688, storyMaxLength, 'story')).toBe('312 letters left.');
    expect(lettersLeftWords(9_999, storyMaxLength, 'story')).toBe('1 letter left.');
  });

  it('says the text is full at the limit (and past it, when two people typed at once)', () => {
    expect(lettersLeftWords(storyMaxLength, storyMaxLength, 'story')).toBe('The story is as long as it can be.');
    expect(lettersLeftWords(storyMaxLength + 5, storyMaxLength, 'story')).toBe('The story is as long as it can be.');
    expect(lettersLeftWords(195, 200, 'name')).toBe('5 letters left.');
  });
});
