/**
 * The PDF export's method after the map (issue 16), where it is decided and laid out:
 * server/export/method-model.ts (which areas in which order, the funnel in words, the moments as
 * on the curve, names and no names, when there is a review) and server/export/pdf-method.ts (an
 * action's cells with "Overdue" in words, a moment's feelings in a cell, notes and over-long
 * actions never cut by the table, the review's legend kept with its chart).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { feelingStats } from '../../shared/feeling-stats.ts';
import { markDeleted } from '../../shared/recently-deleted.ts';
import { methodTypes, movePriority, newAction, newIdea, newPriority, type ActionOwner, type PriorityStep } from '../../shared/method.ts';
import { readExport } from '../../server/export/export-model.ts';
import { funnelInWords, memberOfTheGroup } from '../../server/export/method-model.ts';
import { actionCells, doneSentence, feelingCell } from '../../server/export/pdf-method.ts';
import { boardDoc, exportBytes } from '../support/export-board.ts';
import { pdfText } from '../support/pdf-tools.ts';

const fay = 'person-fay-0001';
const ed = 'person-ed-0001';
const gone = 'person-gone-0001';
const march = (day: number) => Date.UTC(2027, 2, day);

/** A journey of four moments (numbered 1–4 on the curve) and priority areas made from them. */
function methodDoc(areas: { id: string; title: string; steps: PriorityStep[]; touchpointIds: string[]; group?: string[] }[]): Y.Doc {
  const doc = boardDoc('Outpatients', [
    { id: 'stage-a', title: 'Referral', cards: [{ id: 'touch-1', title: 'The letter arrives', story: 'Late.', scores: [-1, -2] }] },
    {
      id: 'stage-b',
      title: 'Arriving',
      cards: [
        { id: 'touch-2', title: 'Finding somewhere to park', story: 'Forty minutes.', scores: [-2, -1, 0] },
        { id: 'touch-3', title: 'At the front desk', story: 'Nobody looked up.', scores: [-1, 1, -2] },
        { id: 'touch-4', title: 'The waiting room', story: 'Loud.', scores: [0] },
      ],
    },
  ]);
  const { priorities } = methodTypes(doc);
  areas.forEach((area, index) => {
    doc.transact(() => {
      const priority = newPriority({ id: area.id, title: area.title, why: `Why ${area.title}`, touchpointIds: area.touchpointIds, order: `a${index}`, createdBy: fay, createdAt: march(3) });
      priority.set('group', area.group ?? []);
      priorities.set(area.id, priority);
    });
    area.steps.forEach((step, at) => movePriority(doc, area.id, step, fay, march(10 + at * 7), null));
  });
  return doc;
}

const addAction = (doc: Y.Doc, id: string, priorityId: string, what: string, init: { owner?: ActionOwner; due?: string; status?: string; note?: string } = {}) => {
  const action = newAction({ id, priorityId, what, owner: init.owner ?? null, due: init.due ?? null, order: id, createdBy: fay, createdAt: 1 });
  if (init.status) action.set('status', init.status);
  methodTypes(doc).actions.set(id, action);
  if (init.note) (action.get('note') as Y.Text).insert(0, init.note);
};

const choices = (anonymise = false) => ({ anonymise, comments: false, internal: false });
const names = new Map([
  [fay, 'Fay Jones'],
  [ed, 'Ed'],
]);

describe('the method in the PDF export’s model', () => {
  it('says the funnel in words, with the year only when it is new', () => {
    const moves = [
      { step: 'considered', at: march(3), by: fay },
      { step: 'shortlisted', at: march(10), by: fay },
      { step: 'agreed', at: march(24), by: fay },
    ] as const;
    expect(funnelInWords(moves, 'agreed')).toBe('Considered 3 March 2027, shortlisted 10 March, agreed at the joint event 24 March.');
    expect(funnelInWords([...moves, { step: 'set-aside', at: Date.UTC(2028, 0, 5), by: fay }, { step: 'agreed', at: Date.UTC(2028, 1, 1), by: fay }], 'agreed')).toBe(
      'Considered 3 March 2027, shortlisted 10 March, agreed at the joint event 24 March, set aside 5 January 2028, agreed at the joint event again 1 February.',
    );
    expect(funnelInWords([], 'shortlisted')).toBe('Shortlisted.');
  });

  it('tells the agreed areas first, then the shortlist, then the rest considered, and only names those set aside', () => {
    const doc = methodDoc([
      { id: 'area-c', title: 'Considered one', steps: [], touchpointIds: [] },
      { id: 'area-x', title: 'Set aside one', steps: ['set-aside'], touchpointIds: ['touch-1'] },
      { id: 'area-s', title: 'Shortlisted one', steps: ['shortlisted'], touchpointIds: [] },
      { id: 'area-a2', title: 'Agreed second', steps: ['shortlisted', 'agreed'], touchpointIds: [] },
      { id: 'area-a1', title: 'Agreed first', steps: ['agreed'], touchpointIds: [] },
    ]);
    // Board order within a step: area-a2 comes before area-a1 on the board.
    const method = readExport(doc, 'board', names, choices()).method!;
    expect(method.areas.map((area) => area.title)).toEqual(['Agreed second', 'Agreed first', 'Shortlisted one', 'Considered one']);
    expect(method.setAside).toEqual(['Set aside one']);
    expect(readExport(boardDoc('Empty', []), 'board', names, choices()).method).toBeNull();
  });

  it('numbers an area’s moments as on the curve, in journey order, leaving out one in Recently deleted', () => {
    const doc = methodDoc([{ id: 'area-a', title: 'Getting in', steps: ['agreed'], touchpointIds: ['touch-4', 'touch-2', 'touch-3'] }]);
    markDeleted(doc, { id: 'touch-3', kind: 'touchpoint', deletedAt: 1, deletedBy: fay }, null);
    const [area] = readExport(doc, 'board', names, choices()).method!.areas;
    // With touch-3 hidden the curve has 3 moments: the letter 1, parking 2, the waiting room 3.
    expect(area!.moments.map((moment) => `${moment.number}. ${moment.title}`)).toEqual(['2. Finding somewhere to park', '3. The waiting room']);
    expect(area!.moments[0]!.before.count).toBe(3);
  });

  it('names the group and members who own actions by first name, and no one with anonymise', () => {
    const doc = methodDoc([{ id: 'area-a', title: 'Getting in', steps: ['agreed'], touchpointIds: [], group: [ed, fay, gone] }]);
    doc.transact(() => {
      addAction(doc, 'action-1', 'area-a', 'Signs', { owner: { userId: fay } });
      addAction(doc, 'action-2', 'area-a', 'A volunteer', { owner: { name: 'Ward 4 nurses' } });
      addAction(doc, 'action-3', 'area-a', 'Parking', { owner: { userId: 'person-cam-0001' } });
      addAction(doc, 'action-4', 'area-a', 'Nobody yet');
    });
    const named = readExport(doc, 'board', names, choices()).method!.areas[0]!;
    expect(named.group).toBe('The co-design group: Ed, Fay and a former member.');
    expect(named.actions.map((action) => action.who)).toEqual(['Fay', 'Ward 4 nurses', 'A former member', null]);

    const anonymous = readExport(doc, 'board', new Map(), choices(true)).method!.areas[0]!;
    expect(anonymous.group).toBe('The co-design group: 3 people.');
    // A member in the group, words kept as written, a member outside the group.
    expect(anonymous.actions.map((action) => action.who)).toEqual([memberOfTheGroup, 'Ward 4 nurses', 'Someone on this board', null]);
  });

  it('has a review when feelings are given again or an area has a before-and-after note, not before', () => {
    const doc = methodDoc([{ id: 'area-a', title: 'Getting in', steps: ['agreed'], touchpointIds: ['touch-2'] }]);
    expect(readExport(doc, 'board', names, choices()).method!.review).toBe(false);
    boardTypes(doc).feelingsAfter.set(participantKey('touch-2', ed), { score: 2, words: [], at: 1 });
    const method = readExport(doc, 'board', names, choices()).method!;
    expect(method.review).toBe(true);
    expect(method.areas[0]!.moments[0]!.now.count).toBe(1);

    const noted = methodDoc([{ id: 'area-a', title: 'Getting in', steps: ['agreed'], touchpointIds: ['touch-2'] }]);
    (methodTypes(noted).priorities.get('area-a')!.get('beforeAfter') as Y.Text).insert(0, 'A bay is kept free now.');
    expect(readExport(noted, 'board', names, choices()).method!.review).toBe(true);
  });
});

describe('the method’s words in the PDF', () => {
  const action = { id: 'a', what: 'Signs to the drop-off bay', who: 'Ed', due: '2027-04-01', status: 'under-way', note: '' } as const;

  it('flags an action past its day in words, unless it is done or stopped', () => {
    expect(actionCells(action, '2027-04-02')).toEqual(['Signs to the drop-off bay', 'Ed', '1 April 2027', 'Under way. Overdue.']);
    expect(actionCells(action, '2027-04-01')[3]).toBe('Under way.');
    expect(actionCells({ ...action, status: 'done' }, '2027-05-01')[3]).toBe('Done.');
    expect(actionCells({ ...action, status: 'stopped' }, '2027-05-01')[3]).toBe('Stopped.');
    expect(actionCells({ ...action, due: null, who: null, status: 'not-started' }, '2027-05-01')).toEqual(['Signs to the drop-off bay', 'No one named yet', 'No date set', 'Not started.']);
  });

  it('says a moment’s feelings with the middle, the counts and the spread, and what is done', () => {
    expect(feelingCell(feelingStats([{ score: -2 }, { score: -1 }, { score: 1 }]))).toBe('Middle feeling: Bad. 3 people: 1 very bad, 1 bad, 1 good. Views differ a lot.');
    expect(feelingCell(feelingStats([]))).toBe('No one has said yet.');
    const done = { ...action, status: 'done' } as const;
    expect(doneSentence([done, { ...done, what: 'Free parking.' }, action])).toBe('2 of 3 actions done: Signs to the drop-off bay; Free parking.');
    expect(doneSentence([action])).toBe('0 of 1 action done so far.');
  });
});

describe('the method’s pages', () => {
  it('never cuts a long note or an action too long for its row, and keeps the review’s legend with its chart', async () => {
    const doc = methodDoc([{ id: 'area-a', title: 'Getting in', steps: ['agreed'], touchpointIds: ['touch-2', 'touch-3'] }]);
    const long = Array.from({ length: 45 }, (_, index) => `Step ${index + 1} of the long action is written out here in full.`).join(' ');
    const note = Array.from({ length: 40 }, (_, index) => `Note line ${index + 1} says what happened with estates.`).join(' ');
    doc.transact(() => {
      addAction(doc, 'action-1', 'area-a', long, { owner: { name: 'Estates' }, due: '2020-01-15', note });
      addAction(doc, 'action-2', 'area-a', 'A short one', { status: 'done' });
      boardTypes(doc).feelingsAfter.set(participantKey('touch-2', ed), { score: 1, words: [], at: 1 });
    });
    for (const largePrint of [false, true]) {
      const text = (await pdfText(await exportBytes(doc, { largePrint }))).replace(/[ \t\n]+/g, ' ');
      // Text flowing on over a page, without the footer and the page's end between.
      const flowing = text.replace(/\s*Outpatients · Page \d+\s*\f\s*/g, ' ');
      expect(flowing, 'the long action, whole').toContain(`Action 1 in full: ${long}`);
      expect(flowing, 'the note, whole').toContain(`Note on action 1: ${note}`);
      // The table shows its start and says where the rest is (pdftotext may read the row's cells interleaved).
      expect(flowing).toContain('(in full below)');
      // The legend and the chart's first label are on one page (pdftotext ends each page with \f).
      const legend = text.indexOf('How to read it: hollow circles');
      const label = text.indexOf('2. Finding somewhere to park', legend);
      expect(legend).toBeGreaterThan(0);
      expect(text.slice(legend, label), `legend with its chart, ${largePrint ? 'large' : 'regular'} print`).not.toContain('\f');
    }
  }, 60_000);
});
