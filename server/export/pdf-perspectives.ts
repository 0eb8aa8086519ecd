/**
 * "How each group felt" in the PDF (issue 17, "more than one reality"), after the emotion curve
 * when the board has perspectives: what it is and the rule that a group's line is shown only where
 * at least 3 of its people gave a feeling; when the lines were worked out; a chart per run of
 * moments (12, 8 in large print, as the curve) with one line per group; each chart's table in
 * words ("Bad (3 people)" or "Fewer than 3 people — not shown"); then where views differ most.
 *
 * Meaning never rests on colour: every line is near-black, told apart by its dashes and its
 * markers (filled circles, hollow squares, …), named in a legend in words with a drawn sample, and
 * each chart is a Figure whose alternative text says every shown point in words.
 */
import { feelingScores } from '../../shared/board-document.ts';
import { medianInWords, scoreWords } from '../../shared/feeling-stats.ts';
import { differNoneWords, noLinesWords, perspectivesIntro, pointWords, workedOutSentence } from '../../shared/perspective-words.ts';
import type { ExportPerspectiveMoment, ExportPerspectives } from './perspective-model.ts';
import { momentsPerChart } from './pdf-curve.ts';
import type { Breathe } from './pdf-stream.ts';
import { ink, quietInk, type PdfWriter, type Struct } from './pdf-writer.ts';

type Marker = 'circle' | 'square' | 'triangle' | 'diamond' | 'cross';
interface LineStyle {
  dash: [number, number] | null;
  width: number;
  marker: Marker;
  filled: boolean;
  /** The style in words, for the legend and the alternative text. */
  words: string;
}

/** One style per group, in the board's order (at most 6 groups). */
export const lineStyles: readonly LineStyle[] = [
  { dash: null, width: 2, marker: 'circle', filled: true, words: 'a solid line with filled circles' },
  { dash: [6, 3], width: 1.75, marker: 'square', filled: false, words: 'a dashed line with hollow squares' },
  { dash: [1.5, 2.5], width: 2, marker: 'triangle', filled: true, words: 'a dotted line with filled triangles' },
  { dash: [11, 4], width: 1.75, marker: 'diamond', filled: false, words: 'a long-dashed line with hollow diamonds' },
  { dash: [3, 3], width: 1.5, marker: 'cross', filled: false, words: 'a short-dashed line with crosses' },
  { dash: null, width: 1, marker: 'circle', filled: false, words: 'a thin solid line with hollow circles' },
];
const styleOf = (index: number): LineStyle => lineStyles[index % lineStyles.length]!;

const dateTime = (at: number) =>
  `at ${new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: 'UTC' }).format(at)} UTC on ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at)}`;

/** The section, on landscape pages after the curve. */
export async function writePerspectives(w: PdfWriter, data: ExportPerspectives, large: boolean, breathe: Breathe): Promise<void> {
  const section = w.group(w.root, 'Sect');
  w.newPage('landscape');
  w.heading(section, 2, 'How each group felt', 0, w.doc.outline);
  w.paragraph(section, perspectivesIntro);
  w.paragraph(section, workedOutSentence(dateTime(data.workedOutAt)), { color: quietInk });
  const { moments, perspectives } = data;
  const anyShown = moments.some((moment) => perspectives.some(({ id }) => moment.points[id] !== null));
  if (moments.length === 0) w.paragraph(section, 'There are no moments yet, so there are no lines to show.');
  else if (!anyShown) w.paragraph(section, noLinesWords);
  else {
    lineLegend(w, section, data);
    const size = momentsPerChart(large);
    const height = w.pageHeight * 0.8;
    for (let start = 0; start < moments.length; start += size) {
      const run = moments.slice(start, start + size);
      const range = moments.length > size ? `Moments ${run[0]!.number} to ${run[run.length - 1]!.number}` : '';
      const heading = range === '' ? '' : `${range}: how each group felt`;
      // Each chart on a landscape page of its own; the first under the legend when half a page is left there.
      const headingHeight = heading === '' ? 0 : w.measure(heading, { bold: true, size: w.type.h3 }) + w.type.gap;
      if (start > 0 || w.room < headingHeight + w.pageHeight * 0.5) w.newPage('landscape');
      const part = w.group(section, 'Div');
      if (heading !== '') w.heading(part, 3, heading);
      drawLines(w, part, data, run, range, Math.min(height, w.room - w.type.gap));
      linesTable(w, part, data, run);
      part.end();
      await breathe();
    }
  }
  w.heading(section, 3, 'Where views differ most', w.type.body * 3);
  if (data.differMost.length === 0) w.paragraph(section, differNoneWords);
  else {
    w.paragraph(section, 'The moments where two groups’ middle feelings are furthest apart (2 steps or more), widest first, numbered as on the curve:');
    w.list(section, data.differMost);
  }
  section.end();
}

/** The legend before the charts: in words, each with a sample of its line drawn beside it (page furniture). */
function lineLegend(w: PdfWriter, parent: Struct, data: ExportPerspectives): void {
  const { doc, type } = w;
  const style = { size: type.small, color: quietInk };
  w.paragraph(parent, 'How to read the charts: each group has its own kind of line, all in the same ink:', style);
  const sample = type.small * 3.6;
  data.perspectives.forEach(({ label }, index) => {
    const words = `${label}: ${styleOf(index).words}.`;
    w.keep(w.measure(words, style, w.width - sample));
    const y = doc.y + type.small * 0.65;
    const left = doc.page.margins.left;
    doc.markContent('Artifact');
    doc.save();
    strokeLine(doc, styleOf(index), [left + 2, y], [left + sample - 8, y]);
    mark(doc, styleOf(index), left + sample / 2 - 3, y);
    doc.restore();
    doc.endMarkedContent();
    w.paragraph(parent, words, { ...style, indent: sample });
  });
  w.paragraph(parent, `Where a line stops, fewer than 3 of that group’s people gave a feeling at the moment. The table after each chart says the same in words.`, style);
}

function strokeLine(doc: PDFKit.PDFDocument, style: LineStyle, from: [number, number], to: [number, number]): void {
  doc.moveTo(...from).lineTo(...to).lineWidth(style.width);
  if (style.dash !== null) doc.dash(style.dash[0], { space: style.dash[1] });
  doc.strokeColor(ink).stroke();
  doc.undash();
}

function mark(doc: PDFKit.PDFDocument, style: LineStyle, x: number, y: number, r = 4.5): void {
  doc.lineWidth(1.5);
  if (style.marker === 'cross') {
    doc.moveTo(x - r, y - r).lineTo(x + r, y + r).moveTo(x - r, y + r).lineTo(x + r, y - r).lineWidth(2).strokeColor(ink).stroke();
    return;
  }
  if (style.marker === 'circle') doc.circle(x, y, r);
  else if (style.marker === 'square') doc.rect(x - r, y - r, r * 2, r * 2);
  else if (style.marker === 'triangle') doc.polygon([x, y - r * 1.2], [x + r * 1.15, y + r * 0.85], [x - r * 1.15, y + r * 0.85]);
  else doc.polygon([x, y - r * 1.3], [x + r * 1.3, y], [x, y + r * 1.3], [x - r * 1.3, y]);
  if (style.filled) doc.fillColor(ink).fill();
  else doc.fillColor('#ffffff').strokeColor(ink).fillAndStroke();
}

/** What a chart says to a screen reader: each group's line in words, moment by moment. */
export function linesAlt(data: ExportPerspectives, run: readonly ExportPerspectiveMoment[], range: string): string {
  const parts = [`How each group felt${range === '' ? '' : `, ${range.toLowerCase()} of ${data.moments[data.moments.length - 1]!.number}`}.`];
  data.perspectives.forEach(({ id, label }, index) => {
    const shown = run.filter((moment) => moment.points[id] !== null);
    const line = `“${label}”, ${styleOf(index).words}:`;
    if (shown.length === 0) parts.push(`${line} not shown at any of these moments (fewer than 3 people at each).`);
    else {
      const each = shown.map((moment) => `${moment.number}. ${moment.title}: ${medianInWords(moment.points[id]!.median)}`).join('; ');
      const rest = run.length - shown.length;
      parts.push(`${line} ${each}.${rest > 0 ? ` Not shown at the other ${rest === 1 ? 'moment' : `${rest} moments`} (fewer than 3 people).` : ''}`);
    }
  });
  parts.push('The table below says the same in words.');
  return parts.join(' ');
}

/** Draws one chart of `run` as a Figure under `parent`, from the current y. */
function drawLines(w: PdfWriter, parent: Struct, data: ExportPerspectives, run: readonly ExportPerspectiveMoment[], range: string, height: number): void {
  const { doc, type } = w;
  const left = doc.page.margins.left;
  const top = doc.y;
  // Large print keeps every word at 18 pt or more, the chart's labels too.
  const label = type.small >= 18 ? type.small : Math.max(type.small * 0.8, 8);
  const axis = type.small * 6.5;
  const plotLeft = left + axis;
  const plotWidth = w.width - axis;
  const labelLines = 3;
  const labelsHeight = label * (labelLines + 1) * 1.25;
  const plotTop = top + 12;
  const plotHeight = height - 12 - labelsHeight;
  const slot = plotWidth / Math.max(run.length, 1);
  const count = data.perspectives.length;
  // Each group a little apart, so equal middles do not hide one another.
  const step = Math.min(slot * 0.1, 7);
  const xOf = (index: number, group: number) => plotLeft + slot * (index + 0.5) + (group - (count - 1) / 2) * step;
  const yOf = (score: number) => plotTop + ((2 - score) / 4) * plotHeight;

  const options = { alt: linesAlt(data, run, range), bbox: [left, top, left + w.width, top + height], placement: 'Block' };
  const figure = doc.struct('Figure', options as Parameters<PDFKit.PDFDocument['struct']>[1]);
  parent.add(figure);
  figure.add(() => {
    doc.save();
    for (const score of feelingScores) {
      const y = yOf(score);
      doc.moveTo(plotLeft, y).lineTo(plotLeft + plotWidth, y).lineWidth(0.5).strokeColor('#c8c8c8').stroke();
      doc.font('body').fontSize(type.small).fillColor(ink).text(scoreWords[score], left, y - type.small * 0.6, { width: axis - 6, align: 'right', lineBreak: false });
    }
    data.perspectives.forEach(({ id }, group) => {
      const style = styleOf(group);
      for (let index = 1; index < run.length; index++) {
        const [a, b] = [run[index - 1]!.points[id], run[index]!.points[id]];
        if (a == null || b == null) continue;
        strokeLine(doc, style, [xOf(index - 1, group), yOf(a.median)], [xOf(index, group), yOf(b.median)]);
      }
    });
    data.perspectives.forEach(({ id }, group) => {
      run.forEach((moment, index) => {
        const point = moment.points[id];
        if (point != null) mark(doc, styleOf(group), xOf(index, group), yOf(point.median));
      });
    });
    run.forEach((moment, index) => {
      doc.font('body').fontSize(label).fillColor(ink).text(`${moment.number}. ${w.printable(moment.title).shown}`, plotLeft + slot * index + 2, plotTop + plotHeight + label * 0.6, {
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
  doc.y = top + height + type.gap;
}

/** The chart's moments × groups in words: a row a moment (its title the row's header), a column a group. */
function linesTable(w: PdfWriter, parent: Struct, data: ExportPerspectives, run: readonly ExportPerspectiveMoment[]): void {
  const number = w.type.small * 2.6;
  const moment = (w.width - number) * 0.24;
  const each = (w.width - number - moment) / data.perspectives.length;
  const widths = [number, moment, ...data.perspectives.map(() => each)];
  const rows = run.map((entry) => [String(entry.number), entry.title, ...data.perspectives.map(({ id }) => pointWords(entry.points[id]))]);
  const headers = ['No.', 'Moment', ...data.perspectives.map(({ label }) => label)];
  // Begun on a new page unless it fits whole under the chart, and landscape, as its columns are measured.
  const tall = (cells: readonly string[], bold = false) => Math.max(...cells.map((cell, index) => w.cellHeight(cell, widths[index]!, bold)));
  if (rows.reduce((sum, row) => sum + tall(row), tall(headers, true)) > w.room) w.newPage('landscape');
  w.table(parent, headers, widths, rows, 1);
}
