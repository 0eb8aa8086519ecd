/**
 * "How each group felt" in the PDF export (issue 17, "more than one reality"): the server's real
 * lines (server/sync/perspective-lines.ts) for a board where, at one moment, 3 people who use the
 * service and 2 who work here gave a feeling; the real export (model and writer) read back with
 * poppler.
 * - The 3 people's point is there in words ("Very bad (3 people)"); the 2 people's is "Fewer than
 *   3 people — not shown", and nothing of it (no "(2 people)") is anywhere in the file's text.
 * - Where views differ most is said in words; the section says what it is and the rule of 3.
 * - The chart is a Figure whose alternative text says each line in words, told apart by its kind
 *   of line (no colour); the table has header cells; the section has a bookmark and its headings
 *   keep their order.
 * - With names left out the section is word for word the same (there is nobody in it to name).
 * - No section at all when perspectives are off.
 * - The model does not trust a point of fewer than 3 people, should one ever come.
 */
import { describe, expect, it } from 'vitest';
import { notShownWords } from '../../shared/perspectives.ts';
import { pointWords } from '../../shared/perspective-words.ts';
import { readExport } from '../../server/export/export-model.ts';
import { boardDoc, exportBytes, perspectiveLinesOf } from '../support/export-board.ts';
import { findAll, headingOrderProblems, headingsInOrder, pdfStructure, pdfText } from '../support/pdf-tools.ts';

const uses = 'uses-this-service';
const works = 'works-here';
const person = (n: number) => `person-p${n}-0001`;
/** p0–p2 use the service; p3–p5 work here; p6 would rather not say. */
const choices = { [person(0)]: uses, [person(1)]: uses, [person(2)]: uses, [person(3)]: works, [person(4)]: works, [person(5)]: works, [person(6)]: 'rather-not-say' };

/** At the corridor 3 who use the service and 2 who work here; at the desk 3 of each. */
const doc = () =>
  boardDoc('Perspectives', [
    {
      id: 'stage-0001',
      title: 'Arriving',
      cards: [
        { id: 'touch-corridor', title: 'In the corridor', story: 'Long.', scores: [-2, -2, -1, 2, 2] },
        { id: 'touch-desk', title: 'At the desk', story: 'Busy.', scores: [-2, -1, -2, 2, 1, 2, 0] },
      ],
    },
  ]);
const flat = (text: string) => text.replace(/\s+/g, ' ');
const count = (text: string, words: string) => text.split(words).length - 1;

describe('how each group felt, in the PDF', () => {
  it('shows a group’s line only where 3 of its people gave a feeling, says why, and where views differ most', async () => {
    const board = doc();
    const lines = perspectiveLinesOf(board, choices);
    const text = flat(await pdfText(await exportBytes(board, { lines })));
    expect(text).toContain('How each group felt');
    expect(text).toContain('A group’s line is shown at a moment only where at least 3 of its people gave a feeling there');
    expect(text).toContain('Worked out at 14:05 UTC on 2 December 2026. They are worked out again at most every 10 minutes');
    // The table, columns in the board's order ("Rather not say" has none): uses, cares for someone, works here.
    expect(text).toContain(`1 In the corridor Very bad (3 people) ${notShownWords} ${notShownWords}`);
    expect(text).toContain(`2 At the desk Very bad (3 people) ${notShownWords} Very good (3 people)`);
    expect(count(text, notShownWords)).toBe(3);
    expect(text).not.toContain('(2 people)');
    expect(text).not.toContain('Rather not say');
    // The legend in words: lines told apart without colour.
    expect(text).toContain('I use this service: a solid line with filled circles.');
    expect(text).toContain('I work here: a dotted line with filled triangles.');
    expect(text).toContain('Where views differ most');
    expect(text).toContain('2. At ‘At the desk’: people who use this service felt very bad; people who work here felt very good.');
  }, 60_000);

  it('is tagged: the chart a Figure saying each line in words, the table with header cells, a bookmark', async () => {
    const board = doc();
    const structure = await pdfStructure(await exportBytes(board, { lines: perspectiveLinesOf(board, choices) }));
    const figures = findAll(structure.structure, 'Figure').map((figure) => figure.alt ?? '');
    expect(figures.filter((alt) => alt.startsWith('How each group felt'))).toEqual([
      'How each group felt. “I use this service”, a solid line with filled circles: 1. In the corridor: Very bad; 2. At the desk: Very bad. ' +
        '“I care for someone who does”, a dashed line with hollow squares: not shown at any of these moments (fewer than 3 people at each). ' +
        '“I work here”, a dotted line with filled triangles: 2. At the desk: Very good. Not shown at the other moment (fewer than 3 people). ' +
        'The table below says the same in words.',
    ]);
    // The curve's table (7 column headers, a row header a moment), then this one (No., Moment and 3 groups; a row header a moment).
    expect(findAll(structure.structure, 'Table').length).toBe(2);
    expect(findAll(structure.structure, 'TH').length).toBe(7 + 2 + 5 + 2);
    expect(structure.outlineTitles).toContain('How each group felt');
    expect(headingOrderProblems(headingsInOrder(structure.structure))).toEqual([]);
  }, 60_000);

  it('is word for word the same with names left out: there is nobody in it to name', async () => {
    const board = doc();
    const lines = perspectiveLinesOf(board, choices);
    const section = async (anonymise: boolean) => {
      const text = flat(await pdfText(await exportBytes(board, { lines, anonymise })));
      return text.slice(text.indexOf('People could say which group'));
    };
    const named = await section(false);
    expect(named).toContain('Very bad (3 people)');
    expect(await section(true)).toBe(named);
  }, 60_000);

  it('has no section when perspectives are off', async () => {
    const off = { workedOutAt: null, perspectives: [], moments: [], differMost: [] };
    for (const lines of [off, null]) {
      const text = flat(await pdfText(await exportBytes(doc(), { lines })));
      expect(text).toContain('How it felt across the journey');
      expect(text).not.toContain('How each group felt');
      expect(text).not.toContain('how each group felt');
      expect(text).not.toContain(notShownWords);
    }
  }, 60_000);

  it('does not trust a point of fewer than 3 people, should one ever come', () => {
    const board = doc();
    const lines = perspectiveLinesOf(board, choices);
    lines.moments[0]!.points[works] = { count: 2, median: 2 };
    const model = readExport(board, 'board', new Map(), { anonymise: false, comments: false, internal: false }, lines);
    expect(model.perspectives!.moments[0]!.points[works]).toBeNull();
    expect(pointWords({ count: 2, median: 2 })).toBe(notShownWords);
    expect(pointWords({ count: 4, median: -0.5 })).toBe('Between Bad and Okay (4 people)');
  });
});
