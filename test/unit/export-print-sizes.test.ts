/**
 * Type sizes in the PDF export (server/export/), read back with pdftotext -bbox: a word's box is as
 * tall as its size times the font's height (ascent to descent), measured on the cover's title,
 * whose size is known.
 * - Large print: every word on every page is 18 pt or more — the journey, a story that flows over
 *   pages, the curve's labels, tables that run over a page, the priority areas and their action
 *   plans, the review's chart and table, how each group felt (issue 17: its legend, charts, table
 *   and where views differ most), the comments and the footer.
 * - Text that flows on to a new page keeps its own size there, not the footer's (in regular print
 *   the footer is smaller than the text).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { boardTypes, participantKey } from '../../shared/board-document.ts';
import { methodTypes, movePriority, newAction, newIdea, newPriority } from '../../shared/method.ts';
import { largePrint, regularPrint } from '../../server/export/pdf-writer.ts';
import { boardDoc, exportBytes, perspectiveLinesOf } from '../support/export-board.ts';
import { newComment } from '../support/guard-board.ts';

interface Word {
  page: number;
  text: string;
  height: number;
}

/** Every word with its page and its size in points, from the height of its box and the cover's title at `titleSize`. */
async function words(bytes: Uint8Array, titleSize: number): Promise<(Word & { size: number })[]> {
  const dir = await mkdtemp(join(tmpdir(), 'large-print-'));
  try {
    const file = join(dir, 'export.pdf');
    await writeFile(file, bytes);
    const { stdout } = await promisify(execFile)('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
    const found: Word[] = [];
    let page = 0;
    for (const line of stdout.split('\n')) {
      if (line.includes('<page ')) page++;
      const match = /yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
      if (match) found.push({ page, text: match[3]!, height: Number(match[2]) - Number(match[1]) });
    }
    // The cover's title gives the height of one point of type.
    const title = found.find((word) => word.page === 1 && word.text === 'Largeprint');
    if (title === undefined) throw new Error('the cover has no title');
    const perPoint = title.height / titleSize;
    return found.map((word) => ({ ...word, size: Math.round((word.height / perPoint) * 10) / 10 }));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const fay = 'person-fay-0001';
const sentence = 'The nurse explained what would happen next and I felt listened to for the first time that day. ';

/** A board with something of every kind the export writes, some of it longer than a page. */
function everything(): Y.Doc {
  const cards = Array.from({ length: 10 }, (_, index) => ({
    id: `touch-${index}`,
    title: `Moment number ${index + 1} of the day`,
    story: sentence.repeat(index === 2 ? 60 : 2).trim(),
    scores: [-2, 0, 1],
  }));
  const doc = boardDoc('Largeprint', [
    { id: 'stage-a', title: 'Arriving', cards: cards.slice(0, 5) },
    { id: 'stage-b', title: 'Going home', cards: cards.slice(5) },
  ]);
  const { priorities, actions, ideas } = methodTypes(doc);
  doc.transact(() => {
    for (const [index, step] of (['agreed', 'shortlisted', 'set-aside'] as const).entries()) {
      const id = `area-${index}`;
      const priority = newPriority({ id, title: `Area ${index + 1}`, why: sentence, touchpointIds: cards.slice(0, 6).map((card) => card.id), order: `a${index}`, createdBy: fay, createdAt: Date.UTC(2027, 2, 3) });
      priority.set('group', [fay]);
      priorities.set(id, priority);
      (priority.get('beforeAfter') as Y.Text).insert(0, sentence.repeat(3));
      if (step !== 'set-aside') {
        for (let n = 0; n < 12; n++) {
          const actionId = `${id}-action-${n}`;
          const action = newAction({ id: actionId, priorityId: id, what: sentence.repeat((n % 3) + 1).trim(), owner: n % 2 ? { userId: fay } : { name: 'Ward 4 nurses' }, due: '2020-01-15', order: `a${String(n).padStart(2, '0')}`, createdBy: fay, createdAt: 1 });
          action.set('status', n % 4 === 0 ? 'done' : 'under-way');
          actions.set(actionId, action);
        }
        ideas.set(`${id}-idea`, newIdea({ id: `${id}-idea`, priorityId: id, body: sentence, createdBy: fay, createdAt: 1 }));
      }
    }
    for (const card of cards) boardTypes(doc).feelingsAfter.set(participantKey(card.id, fay), { score: 1, words: [], at: 1 });
    // Three more at the first moment, who work here: two groups' lines there, 2 points apart.
    for (const n of [3, 4, 5]) boardTypes(doc).feelings.set(participantKey('touch-0', `person-p${n}-0001`), { score: 2, words: [], at: 1 });
    boardTypes(doc).comments.set('comment-1', newComment({ id: 'comment-1', authorId: fay, body: sentence, touchpointId: 'touch-1' }));
  });
  movePriority(doc, 'area-0', 'agreed', fay, Date.UTC(2027, 2, 24), null);
  movePriority(doc, 'area-1', 'shortlisted', fay, Date.UTC(2027, 2, 10), null);
  movePriority(doc, 'area-2', 'set-aside', fay, Date.UTC(2027, 2, 10), null);
  return doc;
}

describe('type sizes in the PDF', () => {
  it('has every word at 18 pt or more, across page breaks, in charts, tables and the footer', async () => {
    const doc = everything();
    const lines = perspectiveLinesOf(doc, Object.fromEntries([0, 1, 2, 3, 4, 5].map((n) => [`person-p${n}-0001`, n < 3 ? 'uses-this-service' : 'works-here'])));
    const found = await words(await exportBytes(doc, { largePrint: true, comments: true, lines }), largePrint.h1);
    // Everything is there: the method, the review, how each group felt and the comments were written.
    for (const heading of ['Priority', 'Review:', 'Comments', 'Overdue.', 'Middle', 'group', 'Fewer', 'differ', 'steps', 'triangles.']) expect(found.some((word) => word.text === heading), heading).toBe(true);
    const small = found.filter((word) => word.size < 18).map((word) => `page ${word.page}: “${word.text}” at ${word.size} pt`);
    expect(small.slice(0, 20)).toEqual([]);
    expect(new Set(found.map((word) => word.page)).size).toBeGreaterThan(10);
  }, 60_000);

  it('keeps a story’s size where it flows on to the next page', async () => {
    const found = await words(await exportBytes(everything()), regularPrint.h1);
    // Moment 3's story is 60 sentences, over more than one page; every word of it is body text.
    // (Later the same words are in tables, in the small size: only the journey's pages count.)
    const curvePage = found.find((word) => word.text === 'across' && word.size === regularPrint.h2)!.page;
    const story = found.filter((word) => word.page < curvePage && ['nurse', 'listened'].includes(word.text));
    expect(new Set(story.map((word) => word.page)).size).toBeGreaterThan(1);
    expect(story.filter((word) => word.size !== regularPrint.body).map((word) => `page ${word.page}: “${word.text}” at ${word.size} pt`).slice(0, 10)).toEqual([]);
  }, 60_000);
});
