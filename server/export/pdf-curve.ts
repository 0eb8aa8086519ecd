/**
 * The emotion curve in the PDF: vector drawing, one chart per run of moments (12 a chart, 8 in
 * large print, so every label stays readable), each a tagged Figure whose alternative text is the
 * curve's spoken summary for those moments (shared/curve-words.ts, as the page says it), followed
 * by its data table with header cells. Meaning never rests on colour: the middle feeling is a
 * dot on a line, the spread a bar from the lowest to the highest feeling, "views differ a lot" a
 * diamond — each named in the legend and said in the table.
 */
import { feelingScores } from '../../shared/board-document.ts';
import { curveSummary, rangeInWords } from '../../shared/curve-words.ts';
import { medianInWords, scoreWords } from '../../shared/feeling-stats.ts';
import type { JourneyRow, JourneySpan } from '../../shared/journey.ts';
import { ink, quietInk, type PdfWriter, type Struct } from './pdf-writer.ts';

/** Moments in one chart. */
export const momentsPerChart = (large: boolean): number => (large ? 8 : 12);

const spread = '#6b6b6b';

/** The rows in runs of `size`, each with the stage spans it crosses. */
export function chartRuns(rows: readonly JourneyRow[], spans: readonly JourneySpan[], size: number): { rows: JourneyRow[]; spans: JourneySpan[] }[] {
  const runs: { rows: JourneyRow[]; spans: JourneySpan[] }[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    const end = start + part.length;
    const crossed = spans
      .filter((span) => span.start < end && span.start + span.count > start)
      .map((span) => ({ ...span, start: Math.max(span.start, start), count: Math.min(span.start + span.count, end) - Math.max(span.start, start) }));
    runs.push({ rows: part, spans: crossed });
  }
  return runs;
}

/** What a chart says to a screen reader: which moments, then the spoken summary of them. */
export function chartAlt(run: { rows: readonly JourneyRow[]; spans: readonly JourneySpan[] }, total: number): string {
  const first = run.rows[0]!.position + 1;
  const last = run.rows[run.rows.length - 1]!.position + 1;
  const which = total > run.rows.length ? `Moments ${first} to ${last} of ${total}. ` : '';
  return which + curveSummary(run);
}

/** Draws one chart as a Figure under `parent`, on the current page from the current y. */
export function drawChart(w: PdfWriter, parent: Struct, run: { rows: JourneyRow[]; spans: JourneySpan[] }, total: number, titles: ReadonlyMap<string, string>, height: number): void {
  const { doc, type } = w;
  const left = doc.page.margins.left;
  const top = doc.y;
  const axis = type.small * 6.5;
  // Large print keeps every word at 18 pt or more, the chart's labels too.
  const label = type.small >= 18 ? type.small : Math.max(type.small * 0.8, 8);
  const plotLeft = left + axis;
  const plotWidth = w.width - axis;
  const stageBand = label * 2.4;
  const labelLines = 3;
  const labelsHeight = label * (labelLines + 1) * 1.25;
  // Room between the stage names and the top level for the diamonds drawn above a bar.
  const diamondRoom = 18;
  const plotTop = top + stageBand + diamondRoom;
  const plotHeight = height - stageBand - diamondRoom - labelsHeight;
  const slot = plotWidth / Math.max(run.rows.length, 1);
  const xOf = (index: number) => plotLeft + slot * (index + 0.5);
  const yOf = (score: number) => plotTop + ((2 - score) / 4) * plotHeight;
  const first = run.rows[0]!.position;

  // pdfkit takes bbox and placement (PDF/UA wants a figure's box); its typings do not know them yet.
  const options = { alt: chartAlt(run, total), bbox: [left, top, left + w.width, top + height], placement: 'Block' };
  const figure = doc.struct('Figure', options as Parameters<PDFKit.PDFDocument['struct']>[1]);
  parent.add(figure);
  figure.add(() => {
    doc.save();
    // The five levels: a faint rule and the word for each.
    for (const score of feelingScores) {
      const y = yOf(score);
      doc.moveTo(plotLeft, y).lineTo(plotLeft + plotWidth, y).lineWidth(0.5).strokeColor('#c8c8c8').stroke();
      doc.font('body').fontSize(type.small).fillColor(ink).text(scoreWords[score], left, y - type.small * 0.6, { width: axis - 6, align: 'right', lineBreak: false });
    }
    // Stages: a rule between them and the stage's name above its moments.
    for (const span of run.spans) {
      const x0 = plotLeft + slot * (span.start - first);
      if (span.start > first) doc.moveTo(x0, top).lineTo(x0, plotTop + plotHeight).lineWidth(0.75).strokeColor(spread).stroke();
      const name = w.printable(span.stageTitle.trim() || 'Untitled stage').shown;
      doc.font('body-bold').fontSize(label).fillColor(ink).text(name, x0 + 3, top, { width: slot * span.count - 6, height: stageBand - 2, ellipsis: true });
    }
    // The spread at each moment, then the middle feelings joined where neighbours both have one.
    run.rows.forEach((row, index) => {
      const { stats } = row;
      if (stats.min === null || stats.max === null) return;
      const x = xOf(index);
      doc.moveTo(x, yOf(stats.min)).lineTo(x, yOf(stats.max)).lineWidth(Math.min(slot * 0.25, 8)).lineCap('round').strokeColor(spread).stroke();
      if (stats.wideRange) {
        const y = yOf(stats.max) - 10;
        doc.polygon([x, y - 5], [x + 5, y], [x, y + 5], [x - 5, y]).lineWidth(1.5).strokeColor(ink).stroke();
      }
    });
    doc.lineCap('butt');
    for (let index = 1; index < run.rows.length; index++) {
      const [a, b] = [run.rows[index - 1]!.stats.median, run.rows[index]!.stats.median];
      if (a === null || b === null) continue;
      doc.moveTo(xOf(index - 1), yOf(a)).lineTo(xOf(index), yOf(b)).lineWidth(2).strokeColor(ink).stroke();
    }
    run.rows.forEach((row, index) => {
      if (row.stats.median === null) return;
      doc.circle(xOf(index), yOf(row.stats.median), 4).fillColor(ink).fill();
    });
    // Each moment's number and title under the plot.
    run.rows.forEach((row, index) => {
      const title = w.printable(titles.get(row.touchpointId) ?? '').shown;
      doc.font('body').fontSize(label).fillColor(ink).text(`${row.position + 1}. ${title}`, xOf(index) - slot / 2 + 2, plotTop + plotHeight + label * 0.6, {
        width: slot - 4,
        height: label * labelLines * 1.25,
        align: 'center',
        ellipsis: true,
      });
    });
    doc.restore();
  });
  figure.end();
  doc.x = left;
  doc.y = top + height;
}

/** The legend under a chart, in words (shapes named, no colour needed). */
export function legend(w: PdfWriter, parent: Struct): void {
  w.paragraph(parent, 'How to read it: the dot is the middle feeling at each moment, joined by a line; the grey bar runs from the lowest to the highest feeling anyone gave; a diamond above a bar means views differ a lot there. The table after each picture gives the same figures.', { color: quietInk, size: w.type.small });
}

/** The chart's figures as a table: one row a moment, header cells for the columns and each moment. */
export function chartTable(w: PdfWriter, parent: Struct, rows: readonly JourneyRow[], titles: ReadonlyMap<string, string>): void {
  const { doc, type } = w;
  const head = (text: string) => ({ text, type: 'TH' as const, scope: 'Column', font: { family: 'body-bold' } });
  const data: unknown[][] = [[head('No.'), head('Moment'), head('Stage'), head('Middle feeling'), head('Range'), head('People'), head('Views differ a lot')]];
  for (const row of rows) {
    const { stats } = row;
    data.push([
      String(row.position + 1),
      { text: w.printable(titles.get(row.touchpointId) ?? '').shown, type: 'TH', scope: 'Row' },
      w.printable(row.stageTitle.trim() || 'Untitled stage').shown,
      medianInWords(stats.median) ?? 'No one has said yet',
      rangeInWords(stats),
      String(stats.count),
      stats.wideRange ? 'Yes' : 'No',
    ]);
  }
  doc.font('body').fontSize(type.small).fillColor(ink);
  const table = (doc as unknown as { table(options: unknown): PDFKit.PDFDocument }).table;
  table.call(doc, {
    structParent: parent,
    columnStyles: [type.small * 3, '*', '*', type.small * 8, type.small * 9, type.small * 4.5, type.small * 6.5],
    defaultStyle: { padding: 3, border: 0.5, borderColor: '#8a8a8a' },
    data,
  });
  doc.x = doc.page.margins.left;
  doc.y += type.gap;
}
