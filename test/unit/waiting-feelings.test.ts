/**
 * The rules for a person's own feelings on their way to the server (client waiting-feelings.ts):
 * one waiting choice per card, the newest winning; only the answer to that very choice takes it
 * out; the page shows the waiting choice, then one the server took until its change comes
 * through, then the document's; and the person's own is counted once.
 */
import { describe, expect, it } from 'vitest';
import type { Feeling } from '../../shared/board-document.ts';
import type { WaitingFeeling } from '../../client/src/board/feelings/feeling-outbox.ts';
import {
  cardOf,
  countedFeelings,
  ownShown,
  signature,
  stillArriving,
  waitingOn,
  withChoice,
  withoutAnswered,
  type Arriving,
} from '../../client/src/board/feelings/waiting-feelings.ts';

const choice = (touchpointId: string, score: -2 | -1 | 0 | 1 | 2 | null, version: string, map: 'feelings' | 'feelingsAfter' = 'feelings'): WaitingFeeling => ({
  map,
  touchpointId,
  feeling: score === null ? null : { score, words: [] },
  version,
  at: 5,
});
const inDoc = (score: -2 | -1 | 0 | 1 | 2, words: string[] = []): Feeling => ({ score, words, at: 60_000 });

describe('waiting choices', () => {
  it('keeps one per card and map, the newest', () => {
    let list = withChoice([], choice('desk', 1, 'a'));
    list = withChoice(list, choice('wait', -1, 'b'));
    list = withChoice(list, choice('desk', -2, 'c'));
    list = withChoice(list, choice('desk', 2, 'd', 'feelingsAfter'));
    expect(list.map((entry) => entry.version)).toEqual(['b', 'c', 'd']);
    expect(waitingOn(list, cardOf('feelings', 'desk'))?.feeling).toEqual({ score: -2, words: [] });
    expect(waitingOn(list, cardOf('feelingsAfter', 'desk'))?.version).toBe('d');
    expect(waitingOn(list, cardOf('feelingsAfter', 'wait'))).toBeUndefined();
  });

  it('lets only the answer to that very choice take it out: a newer one stays', () => {
    const older = choice('desk', 1, 'a');
    const newer = choice('desk', -2, 'b');
    const list = withChoice(withChoice([], older), newer);
    expect(withoutAnswered(list, older)).toEqual([newer]);
    expect(withoutAnswered(list, newer)).toEqual([]);
  });
});

describe('what the page shows as the person’s own', () => {
  const arriving = (score: -2 | -1 | 0 | 1 | 2, sent: string[]): Arriving => ({
    map: 'feelings',
    key: 'desk/k',
    feeling: { score, words: [] },
    sent: new Set(sent),
  });

  it('is the waiting choice first, a cleared one included, then the one arriving, then the document’s', () => {
    expect(ownShown(choice('desk', 2, 'a'), arriving(-1, []), inDoc(0))?.score).toBe(2);
    expect(ownShown(choice('desk', null, 'a'), arriving(-1, []), inDoc(0))).toBeNull();
    expect(ownShown(undefined, arriving(-1, []), inDoc(0))?.score).toBe(-1);
    expect(ownShown(undefined, undefined, inDoc(0))?.score).toBe(0);
    expect(ownShown(undefined, undefined, null)).toBeNull();
  });

  it('keeps showing the one arriving while an older choice of the page comes through, not once it is there or another device changed it', () => {
    const coming = arriving(2, [signature({ score: 1, words: [] }), signature({ score: 2, words: [] })]);
    expect(stillArriving(coming, inDoc(1))).toBe(true);
    expect(stillArriving(coming, inDoc(2))).toBe(false);
    expect(stillArriving(coming, inDoc(-2))).toBe(false);
    expect(stillArriving(arriving(2, [signature({ score: 2, words: [] })]), null)).toBe(false);
  });

  it('tells feelings apart by score and words', () => {
    expect(signature({ score: 1, words: ['safe'] })).toBe(signature(inDoc(1, [' safe'])));
    expect(signature({ score: 1, words: ['safe'] })).not.toBe(signature(inDoc(1)));
    expect(signature(null)).not.toBe(signature(inDoc(0)));
  });
});

describe('counting everyone’s feelings', () => {
  const doc: [string, unknown][] = [
    ['desk/mine', inDoc(-1)],
    ['desk/old-mine', inDoc(-2)],
    ['desk/theirs', inDoc(2)],
  ];
  const mine = (key: string) => key === 'desk/mine' || key === 'desk/old-mine';

  it('counts the person’s own once, as they last chose it', () => {
    expect(countedFeelings(doc, mine, inDoc(1))).toEqual([inDoc(2), inDoc(1)]);
    expect(countedFeelings(doc, mine, null)).toEqual([inDoc(2)]);
    expect(countedFeelings(doc, () => false, null)).toHaveLength(3);
  });
});
