/**
 * How the PDF export lays the journey out on pages (server/export/board-pdf.ts), read back with
 * pdftotext page by page: a stage's heading is never left at the foot of a page (its first moment
 * is on the same page), a moment that fits on a page is never split (its title and its last line,
 * "How people felt", are on one page), and one longer than a page still comes whole, in order.
 * Moments of many lengths push the page ends to every place a break can fall.
 */
import { describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-tools.ts';
import { boardDoc, exportBytes, type TestStage } from '../support/export-board.ts';

const sentence = 'The nurse explained what would happen next and I felt listened to for the first time that day. ';

/** Stages of moments whose stories run from one line to well past a page. */
function stages(): TestStage[] {
  const lengths = [1, 4, 9, 2, 8, 3, 7, 1, 6, 5, 150, 2, 8, 1, 6, 9, 3, 1, 9, 4];
  const result: TestStage[] = [];
  let number = 0;
  for (let s = 0; s < 6; s++) {
    const cards = lengths.slice((s * 7) % lengths.length, ((s * 7) % lengths.length) + 3 + (s % 3)).map((length) => {
      number++;
      return { id: `touch-${String(number).padStart(4, '0')}`, title: `Moment ${number}`, story: sentence.repeat(length).trim(), scores: [1, -1, 0] };
    });
    result.push({ id: `stage-${String(s).padStart(4, '0')}`, title: `Part ${s + 1} of the day`, cards });
  }
  return result;
}

describe('the PDF export’s pages', () => {
  it.each([
    { name: 'A4', options: {} },
    { name: 'US Letter in large print', options: { paper: 'letter', largePrint: true } as const },
  ])('keeps stages with their first moment and moments whole on $name', async ({ options }) => {
    const journey = stages();
    const text = (await pdfText(await exportBytes(boardDoc('Layout', journey), options))).replace(/[ \t\n]+/g, ' ');
    /** Where `words` first is at or after `from`, and on which page (pdftotext ends each page with a form feed). */
    const find = (words: RegExp, from = 0) => {
      const match = new RegExp(words.source, 'g');
      match.lastIndex = from;
      const found = match.exec(text);
      if (found === null) throw new Error(`${words} is nowhere after ${from}`);
      return { at: found.index, page: text.slice(0, found.index).split('\f').length };
    };
    const momentTitle = (n: number) => new RegExp(`(?<![0-9])${n}\\. Moment ${n}(?![0-9])`);
    let number = 0;
    let longOnes = 0;
    for (const [index, stage] of journey.entries()) {
      const heading = find(new RegExp(`Stage ${index + 1}: ${stage.title}`));
      expect(find(momentTitle(number + 1), heading.at).page, `stage ${index + 1} starts with its first moment`).toBe(heading.page);
      for (const card of stage.cards) {
        number++;
        const start = find(momentTitle(number), heading.at);
        const end = find(/How people felt: 3 people/, start.at);
        if (card.story.length > 10_000) {
          longOnes++;
          expect(end.page, `moment ${number}, longer than a page, flows on`).toBeGreaterThan(start.page);
        } else {
          expect(end.page, `moment ${number} is on one page`).toBe(start.page);
        }
      }
    }
    expect(longOnes).toBeGreaterThan(0);
  });
});
