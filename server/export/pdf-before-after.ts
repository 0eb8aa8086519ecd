/**
 * The review's picture in the PDF (issue 16): for one priority area's moments, how each felt at
 * the start beside how it feels now, as vector drawing in a tagged Figure whose alternative text
 * says both in words. Meaning never rests on colour: "at the start" is a hollow circle on a dashed
 * line, "now" a filled dot on a solid line, and each has its own grey bar for the spread (left of
 * the moment for the start, right for now) — named in the legend and said again in the table
 * that follows. Charts hold 8 moments (4 in large print, where labels are 18 pt too).
 */
import { feelingScores } from '../../shared/board-document.ts';
import { medianInWords, scoreWords, type FeelingStats } from '../../shared/feeling-stats.ts';
import type { ExportMoment } from './method-model.ts';
import { ink, quietInk, type PdfWriter, type Struct } from './pdf-writer.ts';

/** Moments in one before-and-after chart. */
export const momentsPerComparison = (large: boolean): number => (large ? 4 : 8);

const spread = '#6b6b6b';

const middle = (stats: FeelingStats) => medianInWords(stats.median)?.toLowerCase() ?? 'no one has said';

/** What a chart says to a screen reader: each moment's middle feeling at the start and now. */
export function comparisonAlt(moments: readonly ExportMoment[]): string {
  const each = moments.map((moment) => `${moment.number}. ${moment.title}: at the start ${middle(moment.before)}, now ${middle(moment.now)}.`);
  const count = `${moments.length} ${moments.length === 1 ? 'moment' : 'moments'}`;
  return `How it felt at the start and how it feels now, at ${count}. ${each.join(' ')} The table below gives the figures.`;
}

const legendWords =
  'How to read it: hollow circles joined by a dashed line are how each moment felt at the start; filled dots joined by a solid line are how it feels now. The grey bar left of each moment runs from the lowest to the highest feeling at the start, the one on the right the same for now.';

/** The legend before the charts, in words (shapes named, no colour needed), under `parent`; its height. With no parent, only measured. */
export function comparisonLegend(w: PdfWriter, parent: Struct | null): number {
  const style = { color: quietInk, size: w.type.small };
  if (parent !== null) w.paragraph(parent, legendWords, style);
  return w.measure(legendWords, style);
}

/** Draws one chart of `moments` as a Figure under `parent`, on the current page from the current y. */
export function drawComparison(w: PdfWriter, parent: Struct, moments: readonly ExportMoment[], height: number): void {
  const { doc, type } = w;
  const left = doc.page.margins.left;
  const top = doc.y;
  // Large print keeps every word at 18 pt or more, the chart's labels too.
  const label = type.small >= 18 ? type.small : Math.max(type.small * 0.85, 8);
  const axis = label * 6.2;
  const plotLeft = left + axis;
  const plotWidth = w.width - axis;
  const labelLines = 3;
  const labelsHeight = label * (labelLines + 0.6) * 1.2;
  const plotTop = top + label;
  const plotHeight = height - label - labelsHeight;
  const slot = plotWidth / Math.max(moments.length, 1);
  const xOf = (index: number) => plotLeft + slot * (index + 0.5);
  const yOf = (score: number) => plotTop + ((2 - score) / 4) * plotHeight;
  const offset = Math.min(slot * 0.18, 14);
  const bar = Math.min(slot * 0.12, 7);

  const options = { alt: comparisonAlt(moments), bbox: [left, top, left + w.width, top + height], placement: 'Block' };
  const figure = doc.struct('Figure', options as Parameters<PDFKit.PDFDocument['struct']>[1]);
  parent.add(figure);
  figure.add(() => {
    doc.save();
    for (const score of feelingScores) {
      const y = yOf(score);
      doc.moveTo(plotLeft, y).lineTo(plotLeft + plotWidth, y).lineWidth(0.5).strokeColor('#c8c8c8').stroke();
      doc.font('body').fontSize(label).fillColor(ink).text(scoreWords[score], left, y - label * 0.6, { width: axis - 6, align: 'right', lineBreak: false });
    }
    // The spread then and now, either side of each moment.
    moments.forEach((moment, index) => {
      for (const [stats, dx] of [[moment.before, -offset], [moment.now, offset]] as const) {
        if (stats.min === null || stats.max === null) continue;
        const x = xOf(index) + dx;
        doc.moveTo(x, yOf(stats.min)).lineTo(x, yOf(stats.max)).lineWidth(bar).lineCap('round').strokeColor(spread).stroke();
      }
    });
    doc.lineCap('butt');
    // The two lines: dashed for the start, solid for now, joined where neighbours both have a middle.
    for (const [key, dx, dashed] of [['before', -offset, true], ['now', offset, false]] as const) {
      for (let index = 1; index < moments.length; index++) {
        const [a, b] = [moments[index - 1]![key].median, moments[index]![key].median];
        if (a === null || b === null) continue;
        doc.moveTo(xOf(index - 1) + dx, yOf(a)).lineTo(xOf(index) + dx, yOf(b)).lineWidth(dashed ? 1.5 : 2);
        if (dashed) doc.dash(4, { space: 3 });
        doc.strokeColor(ink).stroke();
        doc.undash();
      }
    }
    moments.forEach((moment, index) => {
      if (moment.before.median !== null) doc.circle(xOf(index) - offset, yOf(moment.before.median), 4.5).lineWidth(1.5).fillColor('#ffffff').strokeColor(ink).fillAndStroke();
      if (moment.now.median !== null) doc.circle(xOf(index) + offset, yOf(moment.now.median), 4.5).fillColor(ink).fill();
    });
    // Each moment's number and title under the plot.
    moments.forEach((moment, index) => {
      doc.font('body').fontSize(label).fillColor(ink).text(`${moment.number}. ${w.printable(moment.title).shown}`, xOf(index) - slot / 2 + 2, plotTop + plotHeight + label * 0.6, {
        width: slot - 4,
        height: label * labelLines * 1.2,
        align: 'center',
        ellipsis: true,
      });
    });
    doc.restore();
  });
  figure.end();
  doc.x = left;
  doc.y = top + height + type.gap;
}
