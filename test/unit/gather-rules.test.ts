/**
 * "Bring everyone here", what a page does with each call (issue 15,
 * client/src/board/session/gather/gather-rules.ts): once per call id; only for calls that arrive
 * while the page is live (a page opened after a call does not jump; one offline when the call came
 * is told, not moved, when it is back); never the facilitator's own page; told, not moved, for
 * someone who chose "Stay where I am".
 */
import { describe, expect, it } from 'vitest';
import type { Gathered } from '../../shared/session.ts';
import { gatherStep, gatherWords, type GatherMoment } from '../../client/src/board/session/gather/gather-rules.ts';

const call = (id: string, by = 'user-fay'): Gathered => ({ id, target: { type: 'touchpoint', id: 'card-1' }, by, at: 1_000 });
const moment = (change: Partial<GatherMoment>): GatherMoment => ({ seenId: null, call: call('call-1'), live: true, wasLive: true, me: 'user-sam', staying: false, ...change });

describe('what a page does when the facilitator brings everyone somewhere', () => {
  it('moves a live page once per call', () => {
    expect(gatherStep(moment({}))).toBe('move');
    expect(gatherStep(moment({ seenId: 'call-1' }))).toBe('none');
    expect(gatherStep(moment({ seenId: 'call-1', call: call('call-2') }))).toBe('move');
    expect(gatherStep(moment({ call: null }))).toBe('none');
  });

  it('leaves a page that is opening where it is: the call was made before it was here', () => {
    expect(gatherStep(moment({ live: false, wasLive: false }))).toBe('none');
  });

  it('tells a page that was offline when the call came, without moving it', () => {
    expect(gatherStep(moment({ live: false, wasLive: true }))).toBe('tell');
  });

  it('does not move the facilitator’s own page, and tells someone staying where they are', () => {
    expect(gatherStep(moment({ me: 'user-fay' }))).toBe('mine');
    expect(gatherStep(moment({ staying: true }))).toBe('tell');
  });

  it('says who brought everyone where', () => {
    expect(gatherWords('Fay', 'Waiting for results')).toBe('Fay brought everyone to ‘Waiting for results’');
    expect(gatherWords(null, 'Arriving')).toBe('The facilitator brought everyone to ‘Arriving’');
  });
});
