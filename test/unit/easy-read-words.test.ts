/**
 * Easy read's pure parts (issue 17): where a moment sits in words, counted as the board shows the
 * journey (shared/journey.ts: empty stages count as stages, deleted ones do not); how people felt
 * as short lines worst first; what "Read this to me" reads; and the device setting read back
 * safely whatever is stored.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, newStage, newTouchpoint, participantKey } from '../../shared/board-document.ts';
import { feelingStats } from '../../shared/feeling-stats.ts';
import { readJourney } from '../../shared/journey.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { endWords, feltLines, placeOf, placeWords, readAloudText, spokenPlace } from '../../client/src/board/easy-read/easy-read-words.ts';
import { easyReadStorageKey, readEasyRead } from '../../client/src/board/easy-read/easy-read-setting.ts';

const f = (score: number, words: string[] = []) => ({ score, words, at: 1 });

function journeyDoc(): Y.Doc {
  const doc = new Y.Doc();
  const { stages, touchpoints, feelings } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('s-referral', 'Referral'), newStage('s-empty', 'Waiting list'), newStage('s-clinic', 'Outpatients'), newStage('s-home', '')]);
    const add = (id: string, stageId: string, order: string, title: string) =>
      touchpoints.set(id, newTouchpoint({ id, stageId, order, title, story: '', createdBy: 'u1', createdAt: 1 }));
    add('t-letter', 's-referral', 'a0', 'The letter');
    add('t-desk', 's-clinic', 'a1', 'At the desk');
    add('t-wait', 's-clinic', 'a0', 'Waiting room');
    add('t-home', 's-home', 'a0', 'Going home');
    feelings.set(participantKey('t-wait', 'u1'), { score: -1, words: [], at: 1 });
  });
  return doc;
}

describe('where a moment sits, in words', () => {
  it('counts stages as the board shows them, empty ones too, and moments along the whole journey', () => {
    const journey = readJourney(journeyDoc());
    expect(journey.rows.map((row) => row.touchpointId)).toEqual(['t-letter', 't-wait', 't-desk', 't-home']);
    const place = placeOf(journey.rows, journey.stages, 2)!;
    expect(place).toEqual({ stageNumber: 3, stageCount: 4, stageTitle: 'Outpatients', moment: 3, momentCount: 4 });
    expect(placeWords(place)).toBe('Stage 3 of 4: Outpatients · Moment 3 of 4');
    expect(spokenPlace(place, ' At the desk ')).toBe('Stage 3 of 4: Outpatients. Moment 3 of 4: At the desk.');
    expect(placeWords(placeOf(journey.rows, journey.stages, 0)!)).toBe('Stage 1 of 4: Referral · Moment 1 of 4');
  });

  it('names a stage or moment without a name plainly, and has no place past the ends', () => {
    const journey = readJourney(journeyDoc());
    const last = placeOf(journey.rows, journey.stages, 3)!;
    expect(placeWords(last)).toBe('Stage 4 of 4: no name yet · Moment 4 of 4');
    expect(spokenPlace(last, '  ')).toBe('Stage 4 of 4: no name yet. Moment 4 of 4: no name yet.');
    expect(placeOf(journey.rows, journey.stages, 4)).toBeNull();
    expect(placeOf(journey.rows, journey.stages, -1)).toBeNull();
    expect(placeOf([], [], 0)).toBeNull();
  });

  it('leaves out a stage in Recently deleted, with its moments', () => {
    const doc = journeyDoc();
    markDeleted(doc, { id: 's-referral', kind: 'stage', deletedBy: 'u1', deletedAt: 2 }, null);
    const journey = readJourney(doc);
    expect(placeWords(placeOf(journey.rows, journey.stages, 0)!)).toBe('Stage 2 of 3: Outpatients · Moment 1 of 3');
  });

  it('says why Back and Next do nothing at the ends', () => {
    expect(endWords.first).toBe('This is the first moment. There is nothing before it.');
    expect(endWords.last).toBe('This is the last moment. There is nothing after it.');
  });
});

describe('how people felt, in short lines', () => {
  it('gives one line per feeling chosen, worst first, with its score for the face', () => {
    expect(feltLines(feelingStats([]))).toEqual([]);
    expect(feltLines(feelingStats([f(2), f(-1), f(-1), f(0)]))).toEqual([
      { score: -1, words: '2 people felt bad' },
      { score: 0, words: '1 person felt okay' },
      { score: 2, words: '1 person felt very good' },
    ]);
  });
});

describe('Read this to me', () => {
  const place = { stageNumber: 2, stageCount: 4, stageTitle: 'Outpatients', moment: 3, momentCount: 9 };

  it('reads the place, the name, the story and how people felt, as sentences', () => {
    const stats = feelingStats([f(-2, ['frightened']), f(-1, ['rushed', 'frightened'])]);
    expect(readAloudText({ place, title: 'Waiting room', story: 'Nobody told us how long', stats })).toBe(
      'Stage 2 of 4: Outpatients. Moment 3 of 9. Waiting room. Nobody told us how long. ' +
        'How people felt: 1 person felt very bad. 1 person felt bad. Words people chose: frightened, rushed.',
    );
  });

  it('says when there is no name and no one has said, and adds no second full stop', () => {
    expect(readAloudText({ place, title: ' ', story: 'It was fine!', stats: feelingStats([]) })).toBe(
      'Stage 2 of 4: Outpatients. Moment 3 of 9. This moment has no name yet. It was fine! No one has said how this felt yet.',
    );
    expect(readAloudText({ place, title: 'Desk.', story: '', stats: feelingStats([]) })).toBe(
      'Stage 2 of 4: Outpatients. Moment 3 of 9. Desk. No one has said how this felt yet.',
    );
  });
});

describe('the easy read setting on this device', () => {
  const stored = (value: string | null) => ({ getItem: (key: string) => (key === easyReadStorageKey ? value : null) });

  it('is on only for the value it writes', () => {
    expect(readEasyRead(stored('on'))).toBe(true);
    for (const bad of [null, '', 'true', 'ON', ' on', '1', 'yes', '{"on":true}']) expect(readEasyRead(stored(bad))).toBe(false);
  });

  it('is off when there is no storage or the browser refuses it', () => {
    expect(readEasyRead(null)).toBe(false);
    expect(readEasyRead(undefined)).toBe(false);
    expect(
      readEasyRead({
        getItem: () => {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      }),
    ).toBe(false);
  });
});
