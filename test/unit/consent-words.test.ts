/**
 * Storyteller consent on the page, its pure parts (issue 17): a card's sharing state in words for
 * each choice, the words for a storyteller and for a facilitator speaking on their behalf, what
 * withdrawing did or why it failed, and the export's internal-copy flag in its address.
 */
import { describe, expect, it } from 'vitest';
import { consentValues, consentWords } from '../../shared/consent.ts';
import { ApiError } from '../../client/src/api.ts';
import {
  consentQuestion,
  consentSavedWords,
  consentStateWords,
  onBehalfWords,
  withdrawFailureWords,
  withdrawnWords,
  withdrawWords,
} from '../../client/src/board/consent/consent-words.ts';
import { defaultExportOptions, exportQuery } from '../../client/src/board/export/export-request.ts';

describe('a card’s sharing state', () => {
  it('is said in words for every choice, the default plainly not agreed', () => {
    expect(consentValues.map((value) => consentStateWords[value])).toEqual(['Not yet agreed for sharing', 'Only for this board', 'Ready to share']);
  });
  it('uses the shared names where they say it already', () => {
    expect(consentStateWords.ready).toBe(consentWords.ready.name);
    expect(consentStateWords['board-only']).toBe(consentWords['board-only'].name);
  });
});

describe('whose voice', () => {
  const own = { own: true } as const;
  const forSam = { own: false, storyteller: 'Sam' } as const;
  const forNobodyKnown = { own: false, storyteller: null } as const;
  it('says nothing extra to the storyteller', () => {
    expect(onBehalfWords(own)).toBeNull();
    expect(consentQuestion(own)).toBe('How may your story be shared?');
    expect(consentSavedWords(own, 'ready')).toBe('Your story: Ready to share. Saved.');
  });
  it('tells a facilitator they speak for the storyteller, by name', () => {
    expect(onBehalfWords(forSam)).toBe('You are saying this for Sam, who told this story.');
    expect(consentQuestion(forSam)).toBe('How may Sam’s story be shared?');
    expect(consentSavedWords(forSam, 'board-only')).toBe('Sam’s story: Only for this board. Saved.');
  });
  it('has plain words when the storyteller’s name is not known', () => {
    expect(onBehalfWords(forNobodyKnown)).toBe('You are saying this for the person who told this story.');
    expect(consentQuestion(forNobodyKnown)).toBe('How may this story be shared?');
    expect(consentSavedWords(forNobodyKnown, 'not-yet')).toBe('This story: Not yet. Saved.');
    expect(withdrawWords(forNobodyKnown)).toMatchObject({
      menu: 'Withdraw this story for the person who told it',
      question: 'Withdraw this story?',
      feelings: 'Also remove their feelings about this moment',
    });
  });
  it('words withdrawing as mine, or for Sam, the question and its boxes in one voice', () => {
    expect(withdrawWords(own)).toMatchObject({
      menu: 'Withdraw my story',
      question: 'Withdraw your story?',
      detail: 'The story’s words will be removed for good. This can’t be undone.',
      feelings: 'Also remove your feelings about this moment',
      comments: 'Also remove your comments on this moment',
      yes: 'Withdraw the story',
      no: 'Keep it',
    });
    expect(withdrawWords(forSam)).toMatchObject({
      menu: 'Withdraw this story for Sam',
      question: 'Withdraw Sam’s story?',
      feelings: 'Also remove Sam’s feelings about this moment',
    });
  });
});

describe('after withdrawing', () => {
  it('says it is gone for good, and what went with it', () => {
    expect(withdrawnWords({ own: true }, { feelings: 0, comments: 0 })).toBe('Your story was withdrawn. It is gone for good.');
    expect(withdrawnWords({ own: true }, { feelings: 2, comments: 1 })).toBe(
      'Your story was withdrawn. It is gone for good. 2 feelings and 1 comment went with it.',
    );
    expect(withdrawnWords({ own: false, storyteller: 'Sam' }, { feelings: 1, comments: 0 })).toBe(
      'Sam’s story was withdrawn. It is gone for good. 1 feeling went with it.',
    );
  });
  it('explains a failure in words', () => {
    const error = (status: number, code: 'forbidden' | 'not_found' | 'unavailable' | 'internal', message = 'x') =>
      new ApiError({ status, code, message });
    expect(withdrawFailureWords(error(0, 'unavailable'))).toMatch(/needs a connection/);
    expect(withdrawFailureWords(error(403, 'forbidden'))).toMatch(/Only the person who told this story/);
    expect(withdrawFailureWords(error(404, 'not_found'))).toMatch(/not on the board any more/);
    expect(withdrawFailureWords(error(500, 'internal', 'Something went wrong on our side.'))).toBe(
      'The story could not be withdrawn. Something went wrong on our side.',
    );
  });
});

describe('the export', () => {
  it('asks for an internal copy only when chosen', () => {
    expect(exportQuery(defaultExportOptions)).toBe('paper=a4');
    expect(exportQuery({ ...defaultExportOptions, internal: true })).toBe('paper=a4&internal=1');
  });
});
