/**
 * The method's words on the page (issue 16), pure parts: the phase's step and moves, which part
 * each phase puts first (every part always there), the funnel's counts with the aim said only when
 * a list is over it, the facilitator's moves from each list (Bring back returns an area to where it
 * was), what is heard after a move, and an area's history in words with each person's name after
 * their run of moves.
 */
import { describe, expect, it } from 'vitest';
import { phases } from '../../shared/board-document.ts';
import type { FunnelMove } from '../../shared/method.ts';
import { confirmWords, moveWords, movedWords as phaseMovedWords, partsInPhase, phaseBeside, readPhase, whatHappensNow } from '../../client/src/board/method/phase-guide.ts';
import { choicesFor, countWords, dayWords, historyWords, movedWords, stepBeforeSetAside } from '../../client/src/board/method/priorities/funnel-words.ts';
import { groupWords } from '../../client/src/board/method/priorities/group-words.ts';

const day = (d: number) => new Date(2026, 2, d, 10).getTime();
const now = day(20);
const names: Record<string, string> = { sam: 'Sam', fay: 'Fay', me: 'you' };
const who = (id: string) => names[id] ?? null;

describe('the phases', () => {
  it('steps on and back, and reads anything else as the first', () => {
    expect(phaseBeside('gather', 1)).toBe('joint-event');
    expect(phaseBeside('gather', -1)).toBe('prepare');
    expect(phaseBeside('prepare', -1)).toBeNull();
    expect(phaseBeside('review', 1)).toBeNull();
    expect(readPhase('co-design')).toBe('co-design');
    expect(readPhase('launch')).toBe('prepare');
    expect(readPhase(undefined)).toBe('prepare');
  });

  it('says the moves in words', () => {
    expect(moveWords('joint-event', 1)).toBe('Move on to step 3: Agreeing what matters most, together');
    expect(moveWords('prepare', -1)).toBe('Go back to step 1: Getting ready');
    expect(confirmWords('joint-event')).toMatchObject({ question: 'Move the board to step 3 of 5: Agreeing what matters most, together?', yes: 'Yes, move to step 3' });
    expect(phaseMovedWords('gather')).toBe('The board has moved to step 2 of 5: Sharing experiences.');
  });

  it('puts each phase’s tools first and keeps every part in every phase', () => {
    for (const phase of phases) {
      expect([...partsInPhase[phase]].sort()).toEqual(['areas', 'map', 'priorities', 'review']);
      expect(whatHappensNow[phase].length).toBeGreaterThan(50);
    }
    expect(partsInPhase['gather'][0]).toBe('map');
    expect(partsInPhase['joint-event'][0]).toBe('priorities');
    expect(partsInPhase['co-design'][0]).toBe('areas');
    expect(partsInPhase['review'][0]).toBe('review');
  });
});

describe('the funnel', () => {
  it('counts each list and says the aim only when over it', () => {
    expect(countWords('considered', 0)).toBe('None yet.');
    expect(countWords('considered', 1)).toBe('1 priority area being considered');
    expect(countWords('shortlisted', 5)).toBe('5 on the shortlist');
    expect(countWords('shortlisted', 6)).toBe('6 on the shortlist — the aim is 4 or 5');
    expect(countWords('agreed', 4)).toBe('4 agreed');
    expect(countWords('agreed', 5)).toBe('5 agreed — the aim is 3 or 4');
    expect(countWords('set-aside', 0)).toBe('Nothing is set aside.');
    expect(countWords('set-aside', 9)).toBe('9 set aside');
  });

  it('offers the moves that apply, and brings an area back to where it was', () => {
    const words = (step: 'considered' | 'shortlisted' | 'agreed', funnel: FunnelMove[] = []) => choicesFor({ step, funnel }).map((choice) => choice.words);
    expect(words('considered')).toEqual(['Put on the shortlist', 'Set aside']);
    expect(words('shortlisted')).toEqual(['Agree this one', 'Take off the shortlist', 'Set aside']);
    expect(words('agreed')).toEqual(['Back to the shortlist', 'Set aside']);
    const agreedThenAside: FunnelMove[] = [
      { step: 'considered', at: day(1), by: 'fay' },
      { step: 'shortlisted', at: day(2), by: 'fay' },
      { step: 'agreed', at: day(3), by: 'fay' },
      { step: 'set-aside', at: day(4), by: 'fay' },
    ];
    expect(choicesFor({ step: 'set-aside', funnel: agreedThenAside })).toEqual([{ to: 'agreed', words: 'Bring back' }]);
    expect(stepBeforeSetAside([{ step: 'set-aside', at: 1, by: 'fay' }])).toBe('considered');
    expect(stepBeforeSetAside([])).toBe('considered');
  });

  it('says a move, with the count when the list is now over its aim', () => {
    expect(movedWords('Waiting', 'shortlisted', 3)).toBe('‘Waiting’ is on the shortlist.');
    expect(movedWords('Waiting', 'shortlisted', 6)).toBe('‘Waiting’ is on the shortlist. That makes 6 on the shortlist — the aim is 4 or 5.');
    expect(movedWords('Waiting', 'set-aside', 1)).toBe('‘Waiting’ is set aside. You can bring it back at any time.');
  });

  it('tells an area’s history, each name after its run of moves', () => {
    const funnel: FunnelMove[] = [
      { step: 'considered', at: day(3), by: 'sam' },
      { step: 'shortlisted', at: day(10), by: 'sam' },
      { step: 'agreed', at: day(12), by: 'fay' },
      { step: 'set-aside', at: day(13), by: 'me' },
      { step: 'agreed', at: day(14), by: 'me' },
      { step: 'shortlisted', at: day(15), by: 'gone' },
      { step: 'considered', at: day(16), by: 'gone' },
    ];
    expect(historyWords(funnel.slice(0, 2), who, now)).toBe('Considered 3 March, shortlisted 10 March by Sam.');
    expect(historyWords(funnel, who, now)).toBe(
      'Considered 3 March, shortlisted 10 March by Sam; agreed 12 March by Fay; set aside 13 March, brought back as agreed 14 March by you; moved back to the shortlist 15 March, taken off the shortlist 16 March.',
    );
    expect(historyWords([], who, now)).toBe('');
    expect(dayWords(new Date(2025, 11, 1).getTime(), now)).toBe('1 December 2025');
  });

  it('names a group by first names', () => {
    expect(groupWords([], who)).toBe('No one is in this group yet.');
    expect(groupWords(['sam'], who)).toBe('Sam');
    expect(groupWords(['sam', 'fay', 'me'], who)).toBe('Sam, Fay and you');
    expect(groupWords(['nobody'], who)).toBe('someone');
  });
});
