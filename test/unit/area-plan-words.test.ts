/**
 * A co-design group's workspace and the review, the page's pure parts (issue 16): an action's day
 * and its overdue flag in words, who will do it, the plan's count, who the page offers changes to
 * (as the guard allows), an area's curve cut from the journey, and the review's words for how a
 * moment felt then and now, with the areas agreed ones first.
 */
import { describe, expect, it } from 'vitest';
import { feelingStats } from '../../shared/feeling-stats.ts';
import type { JourneyRow } from '../../shared/journey.ts';
import type { Priority } from '../../shared/method.ts';
import { dayWords, dueWords, listWords, ownerWords, planCountWords, today } from '../../client/src/board/method/area/action-words.ts';
import { areaCurve } from '../../client/src/board/method/area/area-curve.ts';
import { mayTouchOwn, mayWork } from '../../client/src/board/method/area/may-work.ts';
import { changeWords, feltWords, reviewOrder } from '../../client/src/board/method/review/review-words.ts';

const stats = (...scores: number[]) => feelingStats(scores.map((score) => ({ score, words: [], at: 1 })));

describe('an action’s day', () => {
  it('is today on this device, to the day', () => {
    expect(today(new Date(2026, 2, 4, 23, 59))).toBe('2026-03-04');
    expect(today(new Date(2026, 11, 31, 0, 1))).toBe('2026-12-31');
  });
  it('says the year only when it is not this year', () => {
    expect(dayWords('2026-03-03', '2026-12-02')).toBe('3 March');
    expect(dayWords('2027-06-01', '2026-12-02')).toBe('1 June 2027');
  });
  it('flags an overdue action in words, and not one done, stopped or due today', () => {
    const on = '2026-03-04';
    expect(dueWords({ due: '2026-03-03', status: 'not-started' }, on)).toEqual({ words: 'Overdue: was due 3 March', overdue: true });
    expect(dueWords({ due: '2026-03-03', status: 'under-way' }, on).overdue).toBe(true);
    expect(dueWords({ due: '2026-03-03', status: 'done' }, on)).toEqual({ words: 'By 3 March', overdue: false });
    expect(dueWords({ due: '2026-03-03', status: 'stopped' }, on).overdue).toBe(false);
    expect(dueWords({ due: '2026-03-04', status: 'not-started' }, on)).toEqual({ words: 'By 4 March', overdue: false });
    expect(dueWords({ due: null, status: 'not-started' }, on)).toEqual({ words: 'No date set', overdue: false });
  });
  it('counts the plan', () => {
    const on = '2026-03-04';
    expect(planCountWords([], on)).toBe('No actions yet');
    expect(planCountWords([{ due: null, status: 'not-started' }], on)).toBe('1 action');
    expect(planCountWords([{ due: '2026-01-01', status: 'done' }, { due: '2026-01-01', status: 'under-way' }, { due: null, status: 'stopped' }], on)).toBe('3 actions: 1 done, 1 overdue');
  });
});

describe('who will do it', () => {
  const who = (userId: string) => ({ me: 'you', sam: 'Sam Okoro', gone: 'someone who is no longer on this board' })[userId] ?? null;
  it('is a first name, "You", words given, or nobody yet', () => {
    expect(ownerWords({ userId: 'sam' }, who)).toBe('Sam');
    expect(ownerWords({ userId: 'me' }, who)).toBe('You');
    expect(ownerWords({ userId: 'gone' }, who)).toBe('Someone who is no longer on this board');
    expect(ownerWords({ userId: 'unknown' }, who)).toBe('Someone on this board');
    expect(ownerWords({ name: 'Ward 4 nurses' }, who)).toBe('Ward 4 nurses');
    expect(ownerWords(null, who)).toBe('Nobody chosen yet');
    expect(listWords(['You', 'Bo', 'Cy'])).toBe('You, Bo and Cy');
  });
});

describe('who the page offers changes to', () => {
  const area = { group: ['sam', 'bo'] };
  it('is facilitators, and the group’s members who can edit; removing is their own', () => {
    expect(mayWork(area, { userId: 'sam', canEdit: true, canFacilitate: false })).toBe(true);
    expect(mayWork(area, { userId: 'bo', canEdit: false, canFacilitate: false })).toBe(false);
    expect(mayWork(area, { userId: 'cy', canEdit: true, canFacilitate: false })).toBe(false);
    expect(mayWork(area, { userId: 'fay', canEdit: true, canFacilitate: true })).toBe(true);
    expect(mayTouchOwn(area, 'sam', { userId: 'sam', canEdit: true, canFacilitate: false })).toBe(true);
    expect(mayTouchOwn(area, 'bo', { userId: 'sam', canEdit: true, canFacilitate: false })).toBe(false);
    expect(mayTouchOwn(area, 'bo', { userId: 'fay', canEdit: true, canFacilitate: true })).toBe(true);
  });
});

describe('an area’s curve', () => {
  const row = (touchpointId: string, stageId: string, position: number): JourneyRow => ({ touchpointId, stageId, stageTitle: stageId.toUpperCase(), position, stats: stats(0) });
  it('keeps the area’s moments in journey order, numbered from 0, with the stages they are in', () => {
    const rows = [row('a', 's1', 0), row('b', 's1', 1), row('c', 's2', 2), row('d', 's3', 3), row('e', 's3', 4)];
    const curve = areaCurve(rows, new Set(['e', 'b', 'd']));
    expect(curve.rows.map((r) => [r.touchpointId, r.position])).toEqual([['b', 0], ['d', 1], ['e', 2]]);
    expect(curve.spans).toEqual([
      { stageId: 's1', stageTitle: 'S1', start: 0, count: 1 },
      { stageId: 's3', stageTitle: 'S3', start: 1, count: 2 },
    ]);
    expect(curve.stageCount).toBe(2);
    expect(areaCurve(rows, new Set(['gone'])).rows).toEqual([]);
  });
});

describe('the review’s words', () => {
  it('say how a moment felt with its spread, and whether it got better', () => {
    expect(feltWords(stats())).toBe('No one has said yet');
    expect(feltWords(stats(1))).toBe('Good — 1 person');
    expect(feltWords(stats(-2, -1, 0))).toBe('Bad, from Very bad to Okay — 3 people');
    expect(feltWords(stats(-2, 2))).toBe('Okay, from Very bad to Very good — 2 people, views differ a lot');
    expect(changeWords(stats(-1), stats(1))).toBe('Better');
    expect(changeWords(stats(1), stats(-1))).toBe('Worse');
    expect(changeWords(stats(0), stats(-1, 1))).toBe('About the same');
    expect(changeWords(stats(0), stats())).toBe('Not known yet');
  });
  it('list agreed areas first, each step in the facilitator’s order', () => {
    const area = (id: string, step: Priority['step']) => ({ id, step }) as Priority;
    expect(reviewOrder([area('a', 'considered'), area('b', 'agreed'), area('c', 'set-aside'), area('d', 'shortlisted'), area('e', 'agreed')]).map((p) => p.id)).toEqual(['b', 'e', 'd', 'a', 'c']);
  });
});
