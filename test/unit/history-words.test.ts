/**
 * The history page's pure parts (issue 17): when a version was kept in words ("Tuesday 1 December,
 * 3:40pm", the year only when it is not this year, "2 days ago"), what changed since a version
 * compared with the board now (stages and moments added, removed, renamed, changed; the marks on
 * each and the sentences at the top), how a moment felt then, and what each "Put back" says.
 * The live side is read with the same reader as the version, from a real Y.Doc.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, initBoardDocument, newStage, newTouchpoint } from '../../shared/board-document.ts';
import { readHistoryBoard, type HistoryBoard } from '../../shared/history.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { changesSince, stageChanged } from '../../client/src/board/history/changes-since.ts';
import { agoInWords, dayAndTime, whenInWords } from '../../client/src/board/history/history-dates.ts';
import { changesInWords, feelingsThen, momentMark, restoreWords, restoredWords, stageMark, versionLinks } from '../../client/src/board/history/history-words.ts';

const london = 'Europe/London';
const hour = 3_600_000;
const day = 24 * hour;

describe('when a version was kept, in words', () => {
  const tuesday = Date.UTC(2026, 11, 1, 15, 40); // Tuesday 1 December 2026, 3:40pm in London (GMT)
  it('says the weekday, the day, the month and the time, without the year this year', () => {
    expect(whenInWords(tuesday, tuesday + 2 * day, london)).toBe('Tuesday 1 December, 3:40pm');
    expect(whenInWords(Date.UTC(2026, 6, 14, 10, 5), tuesday, london)).toBe('Tuesday 14 July, 11:05am'); // summer time
    expect(whenInWords(Date.UTC(2026, 11, 2, 12, 0), tuesday, london)).toBe('Wednesday 2 December, 12:00pm');
  });
  it('adds the year when it was another year', () => {
    expect(whenInWords(tuesday, Date.UTC(2027, 0, 3), london)).toBe('Tuesday 1 December 2026, 3:40pm');
    expect(dayAndTime(tuesday, Date.UTC(2027, 0, 3), london)).toBe('1 December 2026 at 3:40pm');
  });
  it('says how long ago', () => {
    expect(agoInWords(tuesday, tuesday + 2 * day + hour)).toBe('2 days ago');
    expect(agoInWords(tuesday, tuesday + day)).toBe('yesterday');
    expect(agoInWords(tuesday, tuesday + 30_000)).toBe('just now');
    expect(agoInWords(tuesday, tuesday + 3 * hour)).toBe('3 hours ago');
  });
});

describe('the links to the versions', () => {
  const tuesday = Date.UTC(2026, 11, 1, 15, 40, 5);
  const now = Date.UTC(2026, 11, 4, 18, 0); // Friday evening
  it('says when each was kept and how long ago', () => {
    expect(versionLinks([{ at: tuesday + hour }, { at: tuesday }], now, london)).toEqual([
      'Tuesday 1 December, 4:40pm (3 days ago)',
      'Tuesday 1 December, 3:40pm (3 days ago)',
    ]);
  });
  it('tells apart versions kept in the same minute, in time order, so no two links read the same', () => {
    const links = versionLinks([{ at: tuesday + hour }, { at: tuesday + 40_000 }, { at: tuesday + 1_000 }, { at: tuesday }], now, london);
    expect(links).toEqual([
      'Tuesday 1 December, 4:40pm (3 days ago)',
      'Tuesday 1 December, 3:40pm, 3 of 3 that minute (3 days ago)',
      'Tuesday 1 December, 3:40pm, 2 of 3 that minute (3 days ago)',
      'Tuesday 1 December, 3:40pm, 1 of 3 that minute (3 days ago)',
    ]);
    expect(new Set(links).size).toBe(links.length);
  });
});

/** A board document with two stages and three moments. */
function board(): Y.Doc {
  const doc = new Y.Doc();
  initBoardDocument(doc, { title: 'Outpatients', purpose: 'Waiting times' });
  const { stages, touchpoints } = boardTypes(doc);
  doc.transact(() => {
    stages.push([newStage('s1', 'Arriving'), newStage('s2', 'Going home')]);
    const card = (id: string, stageId: string, order: string, title: string, story: string) =>
      touchpoints.set(id, newTouchpoint({ id, stageId, order, title, story, createdBy: 'u1', createdAt: 1 }));
    card('t1', 's1', 'a0', 'Front desk', 'Nobody looked up.');
    card('t2', 's1', 'a1', 'Waiting room', 'Two hours on a hard chair.');
    card('t3', 's2', 'a0', 'Phone call', 'The nurse phoned.');
  });
  return doc;
}

const snapshot = (doc: Y.Doc): HistoryBoard => JSON.parse(JSON.stringify(readHistoryBoard(doc))) as HistoryBoard;

describe('what changed since', () => {
  it('finds nothing when the board is as it was', () => {
    const doc = board();
    const changes = changesSince(snapshot(doc), readHistoryBoard(doc));
    expect(changes.any).toBe(false);
    expect(changesInWords(changes, snapshot(doc))).toEqual([]);
    expect(momentMark(changes.moments.get('t1'))).toBeNull();
    expect(stageMark(changes.stages.get('s1'))).toBeNull();
    expect(stageChanged(changes, snapshot(doc).stages[0]!)).toBe(false);
  });

  it('finds a changed story and name, a moved card, a renamed stage, a deleted card and stage, and what was added', () => {
    const doc = board();
    const then = snapshot(doc);
    const { stages, touchpoints } = boardTypes(doc);
    const text = (id: string, field: string) => touchpoints.get(id)!.get(field) as Y.Text;
    doc.transact(() => {
      const story = text('t1', 'story');
      story.delete(0, story.length);
      story.insert(0, 'Someone smiled at me.');
      const title = text('t2', 'title');
      title.insert(title.length, ' (ground floor)');
      (stages.get(0) as Y.Map<unknown>).set('title', 'Getting there');
      touchpoints.get('t3')!.set('stageId', 's1');
      touchpoints.set('t4', newTouchpoint({ id: 't4', stageId: 's1', order: 'a2', title: 'Parking', story: '', createdBy: 'u1', createdAt: 2 }));
      stages.push([newStage('s3', 'Afterwards')]);
    });
    markDeleted(doc, { kind: 'touchpoint', id: 't2', deletedBy: 'u1', deletedAt: 3 }, null);
    markDeleted(doc, { kind: 'stage', id: 's2', deletedBy: 'u1', deletedAt: 3 }, null);

    const changes = changesSince(then, readHistoryBoard(doc));
    expect(changes.any).toBe(true);
    expect(momentMark(changes.moments.get('t1'))).toBe('Changed since: the story.');
    expect(momentMark(changes.moments.get('t2'))).toBe('Not on the board now.');
    expect(momentMark(changes.moments.get('t3'))).toBe('Changed since: the stage it is in. It is now in “Getting there”.');
    expect(stageMark(changes.stages.get('s1'))).toBe('Renamed since: now called “Getting there”.');
    expect(stageMark(changes.stages.get('s2'))).toBe('Not on the board now.');
    expect(changes.addedMoments).toEqual([{ id: 't4', title: 'Parking', stageId: 's1', stageTitle: 'Getting there' }]);
    expect(then.stages.map((stage) => stageChanged(changes, stage))).toEqual([true, true]);
    expect(changesInWords(changes, then)).toEqual([
      'The stage “Arriving” is now called “Getting there”.',
      '1 stage added since: “Afterwards”.',
      '1 stage is not on the board now: “Going home”.',
      '1 moment added since: “Parking”.',
      '1 moment is not on the board now: “Waiting room”.',
      '2 moments have changed since: “Front desk” and “Phone call”.',
    ]);
  });

  it('names both the name and the story, and the board’s own name and purpose', () => {
    const doc = board();
    const then = snapshot(doc);
    const { touchpoints, meta } = boardTypes(doc);
    doc.transact(() => {
      (touchpoints.get('t1')!.get('title') as Y.Text).insert(0, 'The ');
      (touchpoints.get('t1')!.get('story') as Y.Text).insert(0, 'Honestly, ');
      meta.set('title', 'Outpatients clinic');
    });
    const changes = changesSince(then, readHistoryBoard(doc));
    expect(momentMark(changes.moments.get('t1'))).toBe('Changed since: the name and the story.');
    expect(changesInWords(changes, then)).toEqual(['The board’s name changed.', '1 moment has changed since: “Front desk”.']);
  });
});

describe('the version in words', () => {
  it('says how a moment felt then, from the counts alone', () => {
    expect(feelingsThen({ feelings: { count: 3, scoreCounts: [1, 1, 0, 0, 1] } })).toBe('3 people: 1 very bad, 1 bad, 1 very good.');
    expect(feelingsThen({ feelings: { count: 0, scoreCounts: [0, 0, 0, 0, 0] } })).toBe('No one has said yet.');
  });

  it('says what each put back will do, and what it did', () => {
    const moment = restoreWords('touchpoint', 'Front desk', '1 December at 3:40pm');
    expect(moment.button).toBe('Put back this moment as it was');
    expect(moment.detail).toContain('The moment’s name and story will go back to how they were on 1 December at 3:40pm.');
    expect(moment.detail).toContain('Everyone will see the change. Feelings and comments are not changed.');
    expect(restoreWords('board', '', '1 December at 3:40pm').detail).toContain('Things added since will go to Recently deleted, so nothing is lost.');
    expect(restoreWords('stage', '', 'x').question).toBe('Put back the stage “Untitled stage” as it was?');
    expect(restoredWords('board', '', { restored: 4, movedToRecentlyDeleted: 2 })).toBe('The whole board is back as it was. 2 things added since went to Recently deleted.');
    expect(restoredWords('touchpoint', 'Front desk', { restored: 1, movedToRecentlyDeleted: 0 })).toBe('The moment “Front desk” is back as it was.');
  });
});
