/**
 * Hidden dot voting, the page's pure parts (issue 15): the line in the pinned bar with the right
 * plurals, what is heard after each dot, the news as a vote opens, shows its results or ends, the
 * results ranked by dots with ties in journey order, and requests sent one at a time so quick
 * presses cannot race (an older answer never lands after a newer one).
 */
import { describe, expect, it } from 'vitest';
import type { VoteState } from '../../shared/vote.ts';
import { createOneAtATime } from '../../client/src/board/session/vote/one-at-a-time.ts';
import { cardTotalWords, dotNews, rankResults, resultWords, voteLine, voteNews, votedWords } from '../../client/src/board/session/vote/vote-words.ts';

const open = (over: Partial<VoteState> = {}): VoteState => ({ id: 'v1', status: 'open', dotsEach: 3, voted: 7, of: 12, by: 'fay', at: 1, ...over });

describe('the vote line', () => {
  it('says what is left and how many have voted, singular and plural right', () => {
    expect(voteLine(open(), { kind: 'voter', left: 2 })).toBe('Dot voting: you have 2 of 3 dots left. 7 of 12 people have voted.');
    expect(voteLine(open({ voted: 1 }), { kind: 'voter', left: 1 })).toBe('Dot voting: you have 1 of 3 dots left. 1 of 12 people has voted.');
    expect(voteLine(open({ voted: 0 }), { kind: 'voter', left: 3 })).toBe('Dot voting: you have 3 of 3 dots left. 0 of 12 people have voted.');
    expect(voteLine(open(), { kind: 'voter', left: 0 })).toBe('Dot voting: you have used all your dots. 7 of 12 people have voted.');
    expect(voteLine(open({ dotsEach: 1, voted: 1, of: 1 }), { kind: 'voter', left: 0 })).toBe('Dot voting: you have used your dot. 1 of 1 person has voted.');
    expect(voteLine(open({ dotsEach: 1 }), { kind: 'voter', left: 1 })).toBe('Dot voting: you have 1 of 1 dot left. 7 of 12 people have voted.');
    expect(voteLine(open(), { kind: 'voter-unknown' })).toBe('Dot voting is open: 3 dots each. 7 of 12 people have voted.');
    expect(voteLine(open(), { kind: 'viewer' })).toBe('Dot voting is open: 3 dots each. You can look but not vote on this board. 7 of 12 people have voted.');
    expect(votedWords({ voted: 2, of: 2 })).toBe('2 of 2 people have voted.');
  });

  it('says what is left after each dot', () => {
    expect(dotNews('give', 'Waiting', 1)).toBe('Dot given to ‘Waiting’. You have 1 dot left.');
    expect(dotNews('give', 'Waiting', 0)).toBe('Dot given to ‘Waiting’. You have used all your dots.');
    expect(dotNews('take', 'Waiting', 2)).toBe('Dot taken back from ‘Waiting’. You have 2 dots left.');
  });

  it('tells everyone once as a vote opens, shows its results or ends, and not as people vote', () => {
    const started = voteNews(null, open(), true);
    expect(started).toMatch(/^Dot voting has started. You have 3 dots/);
    expect(voteNews(null, open(), false)).toBe('Dot voting has started. You can look but not vote on this board.');
    expect(voteNews(open(), open({ voted: 8 }), true)).toBeNull();
    expect(voteNews(open(), open({ status: 'revealed' }), true)).toBe('The results of the dot voting are shown at the top of the board.');
    expect(voteNews(open({ status: 'revealed' }), open({ status: 'revealed', of: 13 }), true)).toBeNull();
    expect(voteNews(open(), null, true)).toBe('Dot voting has ended without showing the results.');
    expect(voteNews(open({ status: 'revealed' }), null, true)).toBe('The dot voting results are closed.');
    // A new vote straight after the last one's results: a new id.
    expect(voteNews(open({ status: 'revealed' }), open({ id: 'v2' }), true)).toBe(started);
  });
});

describe('the results', () => {
  it('ranks by dots, ties in journey order, leaving out cards with none or not on the board', () => {
    const journey = ['a', 'b', 'c', 'd', 'e'];
    const totals = new Map([['e', 4], ['b', 9], ['d', 4], ['gone', 20], ['a', 4]]);
    expect(rankResults(totals, journey)).toEqual([
      { touchpointId: 'b', dots: 9 },
      { touchpointId: 'a', dots: 4 },
      { touchpointId: 'd', dots: 4 },
      { touchpointId: 'e', dots: 4 },
    ]);
    expect(resultWords('Waiting for results', 9)).toBe('‘Waiting for results’ — 9 dots');
    expect(resultWords('Waiting for results', 1)).toBe('‘Waiting for results’ — 1 dot');
    expect(cardTotalWords(0)).toBe('No dots');
  });
});

describe('requests one at a time', () => {
  it('starts each only when the one before has settled, failed ones too, so answers come in order', async () => {
    const queue = createOneAtATime();
    let running = 0;
    let most = 0;
    const settledOrder: number[] = [];
    // The first is the slowest: sent together, its answer would come last.
    const task = (n: number, ms: number, fails = false) => () =>
      new Promise<number>((resolve, reject) => {
        running += 1;
        most = Math.max(most, running);
        setTimeout(() => {
          running -= 1;
          settledOrder.push(n);
          if (fails) reject(new Error(`no ${n}`));
          else resolve(n);
        }, ms);
      });
    const first = queue.run(task(1, 30));
    const second = queue.run(task(2, 1, true));
    const third = queue.run(task(3, 1));
    expect(queue.waiting()).toBe(3);
    expect(await first).toBe(1);
    await expect(second).rejects.toThrow('no 2');
    expect(await third).toBe(3);
    expect(settledOrder).toEqual([1, 2, 3]);
    expect(most).toBe(1);
    await Promise.resolve();
    expect(queue.waiting()).toBe(0);
  });
});
