/**
 * The words of "How each group felt" (issue 17) and the rules for the facilitator's list of
 * choices: a group named from its choice, a point or "Fewer than 3 people — not shown", where
 * views differ most as a sentence, when the lines were worked out; and renaming, adding and
 * removing choices only as the server's guard takes them (2 to 6, 1 to 60 letters, "Rather not
 * say" always kept).
 */
import { describe, expect, it } from 'vitest';
import { defaultPerspectives, maxPerspectives, ratherNotSay } from '../../shared/perspectives.ts';
import { differWords, feltWords, groupName, lensSummary, pointWords, savedWords, workedOutWords } from '../../client/src/board/perspectives/perspective-words.ts';
import { added, choiceLabel, mayRemove, removed, renamed } from '../../client/src/board/perspectives/perspective-choices.ts';

describe('a group in words', () => {
  it('turns a choice said as "I …" into "people who …"', () => {
    expect(groupName('I use this service')).toBe('people who use this service');
    expect(groupName('I care for someone who does')).toBe('people who care for someone who does');
    expect(groupName('I work here.')).toBe('people who work here');
    expect(groupName('I am a volunteer')).toBe('people who are a volunteer');
    expect(groupName('I’m a carer')).toBe('people who are a carer');
    expect(groupName('I was a patient here')).toBe('people who were a patient here');
    expect(groupName('I have used it for years')).toBe('people who have used it for years');
    expect(groupName('I look after my mum')).toBe('people who look after their mum');
  });
  it('quotes any other choice', () => {
    expect(groupName('Patient')).toBe('people who chose ‘Patient’');
    expect(groupName('  Staff  member ')).toBe('people who chose ‘Staff member’');
    expect(groupName('Ice cream')).toBe('people who chose ‘Ice cream’');
  });
});

describe('a point in words', () => {
  it('says the middle feeling and how many people', () => {
    expect(pointWords({ count: 3, median: -1 })).toBe('Bad (3 people)');
    expect(pointWords({ count: 4, median: 1.5 })).toBe('Between Good and Very good (4 people)');
  });
  it('says a point that is not shown plainly', () => {
    expect(pointWords(null)).toBe('Fewer than 3 people — not shown');
    expect(pointWords(undefined)).toBe('Fewer than 3 people — not shown');
    // The server never sends fewer than 3; the page does not take it on trust.
    expect(pointWords({ count: 2, median: -2 })).toBe('Fewer than 3 people — not shown');
    expect(pointWords({ count: 5, median: 7 })).toBe('Fewer than 3 people — not shown');
  });
  it('says how a group felt inside a sentence', () => {
    expect(feltWords(-2)).toBe('felt very bad');
    expect(feltWords(-0.5)).toBe('felt between bad and okay');
  });
});

describe('where views differ most', () => {
  it('is a sentence naming the moment and both groups', () => {
    expect(differWords('Waiting for results', { label: 'I use this service', median: -2 }, { label: 'I work here', median: 1 })).toBe(
      'At ‘Waiting for results’: people who use this service felt very bad; people who work here felt good.',
    );
  });
  it('names a moment without a title', () => {
    expect(differWords('  ', { label: 'Patient', median: -1.5 }, { label: 'Staff', median: 2 })).toBe(
      'At ‘Untitled touchpoint’: people who chose ‘Patient’ felt between very bad and bad; people who chose ‘Staff’ felt very good.',
    );
  });
});

describe('when the lines were worked out', () => {
  const tail = 'They are worked out again at most every 10 minutes, so nobody’s feeling can be picked out.';
  it('says the time today', () => {
    expect(workedOutWords(new Date(2026, 11, 2, 14, 5).toISOString(), new Date(2026, 11, 2, 14, 9))).toBe(`Worked out at 14:05. ${tail}`);
    expect(workedOutWords(new Date(2026, 11, 2, 9, 0).toISOString(), new Date(2026, 11, 2, 23, 0))).toBe(`Worked out at 09:00. ${tail}`);
  });
  it('says the day too when it was another day', () => {
    expect(workedOutWords(new Date(2026, 11, 1, 23, 55).toISOString(), new Date(2026, 11, 2, 0, 1))).toBe(`Worked out on Tuesday 1 December at 23:55. ${tail}`);
  });
  it('says nothing for a time it cannot read', () => {
    expect(workedOutWords('not a time')).toBe('');
  });
});

describe('the chooser and the picture', () => {
  it('says the saved answer, or that there is none', () => {
    expect(savedWords('I work here')).toBe('Your saved answer: I work here.');
    expect(savedWords(null)).toBe('You have not chosen. That is fine: nothing is shown about you either way.');
  });
  it('names the picture for a screen reader', () => {
    expect(lensSummary(2, 3)).toBe('Lines for 2 groups across 3 moments of the journey. The table below says every point in words.');
    expect(lensSummary(1, 1)).toBe('Lines for 1 group across 1 moment of the journey. The table below says every point in words.');
  });
});

describe('the facilitator’s choices', () => {
  const defaults = defaultPerspectives.map((choice) => ({ ...choice }));
  it('renames a choice keeping its id, and keeps the old words for blank ones', () => {
    const next = renamed(defaults, 'works-here', '  I work   on this ward ');
    expect(next?.find((choice) => choice.id === 'works-here')?.label).toBe('I work on this ward');
    expect(next?.map((choice) => choice.id)).toEqual(defaults.map((choice) => choice.id));
    expect(renamed(defaults, 'works-here', '   ')).toBeNull();
    expect(choiceLabel('a\u0007b')).toBe('ab');
    expect(choiceLabel('x'.repeat(80))).toHaveLength(60);
  });
  it('adds before "Rather not say", up to 6', () => {
    let choices = defaults;
    choices = added(choices, 'new-1', 'I volunteer')!;
    expect(choices.map((choice) => choice.id)).toEqual(['uses-this-service', 'cares-for-someone', 'works-here', 'new-1', ratherNotSay]);
    choices = added(choices, 'new-2', 'I am a student')!;
    expect(choices).toHaveLength(maxPerspectives);
    expect(added(choices, 'new-3', 'One too many')).toBeNull();
    expect(added(defaults, 'works-here', 'Same id')).toBeNull();
    expect(added(defaults, 'new-4', ' ')).toBeNull();
  });
  it('removes any but "Rather not say", down to 2', () => {
    expect(mayRemove(defaults, ratherNotSay)).toBe(false);
    expect(removed(defaults, ratherNotSay)).toBeNull();
    let choices = removed(defaults, 'cares-for-someone')!;
    choices = removed(choices, 'works-here')!;
    expect(choices.map((choice) => choice.id)).toEqual(['uses-this-service', ratherNotSay]);
    expect(removed(choices, 'uses-this-service')).toBeNull();
  });
});
