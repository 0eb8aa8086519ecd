/**
 * The board as a PDF (issue 14): a cover, the journey stage by stage with how each moment felt,
 * the emotion curve with its tables, how each group felt when the board has perspectives (issue 17,
 * pdf-perspectives.ts), the method after the map when the board has it (issue 16,
 * pdf-method.ts: the priority areas with their action plans, then the review), and — when asked —
 * the comments. The method comes before the comments: it carries the story on from the map, and
 * the comments, about all of it (areas, actions and ideas too), read best last, once everything
 * they are about has been met. Tagged for PDF/UA-1 (a
 * structure tree in reading order, headings H1–H3, the curve a Figure with alternative text,
 * tables with header cells, the language, the title in the window, bookmarks for the stages) in
 * Noto Sans embedded as subsets with Unicode maps. Streams as it is made (pdf-stream.ts).
 *
 * Layout rules: a stage's heading never stands alone at the foot of a page (it is kept with its
 * first moment); a moment is never split across pages unless it alone is longer than a page; the
 * curve is drawn on landscape pages, the rest is portrait.
 */
import * as fontkit from 'fontkit';
import type { Font } from 'fontkit';
import type { ExportPdfOptions } from '../../shared/api.ts';
import { withdrawnStoryWords } from '../../shared/consent.ts';
import { countsSentence } from '../../shared/feeling-summary.ts';
import type { PdfFontFiles } from '../ports/pdf-fonts.ts';
import type { ExportComment, ExportModel, ExportThread, ExportTouchpoint } from './export-model.ts';
import { chartRuns, chartTable, drawChart, legend, momentsPerChart } from './pdf-curve.ts';
import { writePriorities, writeReview } from './pdf-method.ts';
import { writePerspectives } from './pdf-perspectives.ts';
import { pdfStream, type Breathe } from './pdf-stream.ts';
import { largePrint, PdfWriter, quietInk, regularPrint, type Struct } from './pdf-writer.ts';

/** Paper sizes in points, portrait. */
const papers = { a4: 'A4', letter: 'LETTER' } as const;

export interface BoardPdfInput {
  model: ExportModel;
  options: ExportPdfOptions;
  fonts: ParsedFonts;
  /** When the file is made (the cover's date). */
  now: number;
}

export interface ParsedFonts {
  regular: Font;
  bold: Font;
}

/** Parses the font files once; the parsed fonts serve every export after. */
export function parseFonts(files: PdfFontFiles): ParsedFonts {
  const open = (bytes: Uint8Array) => fontkit.create(bytes as Parameters<typeof fontkit.create>[0]) as Font;
  return { regular: open(files.regular), bold: open(files.bold) };
}

const dateWords = (at: number) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;
/** On the cover and every page of an internal copy (issue 17). */
export const internalCopyWords = 'Internal copy: not for sharing.';
/** In place of a story its storyteller has not said is ready to share. */
export const storyLeftOutWords = 'The story is left out: the person who told it has not said it is ready to share.';

/** The file's name: the board's title in plain letters and the date, e.g. "going-home-2026-12-02.pdf". */
export function exportFileName(title: string, now: number): string {
  const slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${slug || 'journey-map'}-${new Date(now).toISOString().slice(0, 10)}.pdf`;
}

/** The PDF of `input.model`, made while it is read. */
export function boardPdf(input: BoardPdfInput, onError: (error: unknown) => void, onSettled?: () => void): ReadableStream<Uint8Array> {
  const { model, options } = input;
  const margin = options.largePrint ? 50 : 56;
  return pdfStream(
    {
      size: papers[options.paper],
      margins: { top: margin, bottom: margin + 14, left: margin, right: margin },
      autoFirstPage: false,
      tagged: true,
      subset: 'PDF/UA',
      pdfVersion: '1.7',
      lang: 'en-GB',
      displayTitle: true,
      font: null as unknown as string,
      info: { Title: model.title, Subject: model.purpose || 'A journey map', Creator: 'Common Ground', Producer: 'Common Ground (pdfkit)' },
    } as unknown as PDFKit.PDFDocumentOptions,
    (doc, breathe) => writeBoard(doc, input, breathe),
    onError,
    onSettled,
  );
}

async function writeBoard(doc: PDFKit.PDFDocument, { model, options, fonts, now }: BoardPdfInput, breathe: Breathe): Promise<void> {
  // An internal copy says so on every page, before the title (the footer is cut at its end when long).
  const w = new PdfWriter(doc, options.largePrint ? largePrint : regularPrint, fonts, model.internal ? `${internalCopyWords} · ${model.title}` : model.title);
  const missing = hasMissingGlyphs(w, model);
  w.newPage();
  writeCover(w, model, now, missing);
  for (const [index, stage] of model.stages.entries()) {
    const section = w.group(w.root, 'Sect');
    const first = stage.touchpoints[0];
    // Kept with the whole first moment when that fits on a page (the moment would move to the next
    // page anyway), else with a third of a page of it.
    const firstMoment = first === undefined ? 0 : touchpointHeight(w, first, model.anonymised);
    const firstHeight = first === undefined ? w.measure('No moments in this stage yet.') : firstMoment <= w.pageHeight ? firstMoment : w.pageHeight / 3;
    w.heading(section, 2, `Stage ${index + 1}: ${stage.title}`, firstHeight, doc.outline);
    if (first === undefined) w.paragraph(section, 'No moments in this stage yet.', { color: quietInk });
    for (const touchpoint of stage.touchpoints) {
      writeTouchpoint(w, section, touchpoint, model.anonymised);
      await breathe();
    }
    section.end();
  }
  await writeCurve(w, model, options.largePrint, breathe);
  if (model.perspectives !== null) await writePerspectives(w, model.perspectives, options.largePrint, breathe);
  if (model.method !== null) {
    await writePriorities(w, model.method, now, breathe);
    if (model.method.review) await writeReview(w, model.method, options.largePrint, breathe);
  }
  if (model.comments !== null) await writeComments(w, model, breathe);
  w.root.end();
}

/** Whether any text the file will show has characters the font lacks (the cover then says so). */
function hasMissingGlyphs(w: PdfWriter, model: ExportModel): boolean {
  const texts = [model.title, model.purpose];
  for (const stage of model.stages) {
    texts.push(stage.title);
    for (const touchpoint of stage.touchpoints) texts.push(touchpoint.title, touchpoint.story, touchpoint.addedBy ?? '', ...touchpoint.stats.words.map((tally) => tally.word));
  }
  for (const area of model.method?.areas ?? []) {
    texts.push(area.title, area.why, area.group, area.beforeAfter, ...area.ideas);
    for (const action of area.actions) texts.push(action.what, action.who ?? '', action.note);
  }
  texts.push(...(model.method?.setAside ?? []), ...(model.perspectives?.perspectives.map((perspective) => perspective.label) ?? []));
  for (const group of model.comments ?? []) {
    texts.push(group.heading);
    for (const thread of group.threads) for (const comment of [thread.first, ...thread.replies]) texts.push(comment.author, comment.body ?? '', comment.hiddenReason ?? '');
  }
  return texts.some((text) => w.printable(text).replaced);
}

function writeCover(w: PdfWriter, model: ExportModel, now: number, missing: boolean): void {
  const cover = w.group(w.root, 'Sect');
  w.heading(cover, 1, model.title);
  if (model.purpose !== '') w.paragraph(cover, `What this board is for: ${model.purpose}`);
  w.paragraph(cover, model.phase);
  w.paragraph(cover, `Made on ${dateWords(now)}.`);
  const moments = model.journey.rows.length;
  const ways = model.method === null ? 'adding moments, saying how they felt, or commenting' : 'adding moments, saying how they felt, commenting, or working on the priority areas';
  w.paragraph(cover, `${plural(model.contributors, 'person', 'people')} took part: ${ways}.`);
  w.paragraph(cover, `The journey has ${plural(model.stages.length, 'stage')} and ${plural(moments, 'moment')}.`);
  const parts = ['the journey stage by stage, with how each moment felt', 'the emotion curve across the journey, with its figures in tables'];
  if (model.perspectives !== null) parts.push('how each group felt across the journey, shown only where at least 3 of a group’s people gave a feeling');
  if (model.method !== null) parts.push('the priority areas: what was agreed, shortlisted and considered, and each area’s ideas and action plan');
  if (model.method?.review) parts.push('the review: what changed in each priority area, with how its moments felt at the start and how they feel now');
  if (model.comments !== null) parts.push('the comments');
  w.paragraph(cover, 'In this document:');
  w.list(cover, parts);
  if (model.anonymised) w.paragraph(cover, 'This copy leaves out everyone’s names.');
  if (model.internal) w.paragraph(cover, `${internalCopyWords} It includes stories whose storytellers have not said they are ready to share. Please keep it inside the team.`);
  else if (model.storiesLeftOut > 0) w.paragraph(cover, `${plural(model.storiesLeftOut, 'story is', 'stories are')} left out: the people who told them have not said they are ready to share them.`);
  if (missing) {
    w.paragraph(cover, 'Some words use letters this document’s font cannot show (it has Latin, Greek and Cyrillic letters). They are shown as question marks, but the real words are kept in the file for screen readers, searching and copying.', { color: quietInk });
  }
  cover.end();
}

/** The moment's pieces in order: [text, bold?] — measured and written alike. */
function touchpointParts(touchpoint: ExportTouchpoint, anonymised: boolean): { text: string; quiet?: boolean }[] {
  const parts: { text: string; quiet?: boolean }[] = [];
  const story = touchpoint.story.split(/\n\s*\n|\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (touchpoint.storyLeftOut) parts.push({ text: storyLeftOutWords, quiet: true });
  else if (touchpoint.withdrawn) parts.push({ text: withdrawnStoryWords, quiet: true });
  else if (story.length === 0) parts.push({ text: 'No story written yet.', quiet: true });
  else for (const line of story) parts.push({ text: line });
  if (!anonymised && touchpoint.addedBy !== null) parts.push({ text: `Added by ${touchpoint.addedBy}.`, quiet: true });
  parts.push({ text: `How people felt: ${countsSentence(touchpoint.stats)}` });
  if (touchpoint.stats.words.length > 0) parts.push({ text: `Words chosen: ${touchpoint.stats.words.map(({ word, count }) => `${word} (${count})`).join(', ')}.` });
  if (touchpoint.stats.wideRange) parts.push({ text: 'Views differ a lot here.' });
  return parts;
}

const touchpointHeading = (touchpoint: ExportTouchpoint) => `${touchpoint.number}. ${touchpoint.title}`;

function touchpointHeight(w: PdfWriter, touchpoint: ExportTouchpoint, anonymised: boolean): number {
  // The heading, the space above it, then each part.
  let height = w.measure(touchpointHeading(touchpoint), { bold: true, size: w.type.h3 }) + w.type.gap;
  for (const part of touchpointParts(touchpoint, anonymised)) height += w.measure(part.text);
  return height;
}

function writeTouchpoint(w: PdfWriter, parent: Struct, touchpoint: ExportTouchpoint, anonymised: boolean): void {
  const height = touchpointHeight(w, touchpoint, anonymised);
  // Whole on one page when it fits on one; otherwise it starts here and flows on.
  if (height <= w.pageHeight) w.keep(height);
  const block = w.group(parent, 'Div');
  w.heading(block, 3, touchpointHeading(touchpoint), Math.min(height, w.pageHeight / 4));
  for (const part of touchpointParts(touchpoint, anonymised)) w.paragraph(block, part.text, part.quiet ? { color: quietInk } : {});
  block.end();
}

async function writeCurve(w: PdfWriter, model: ExportModel, large: boolean, breathe: Breathe): Promise<void> {
  const { rows, spans } = model.journey;
  const section = w.group(w.root, 'Sect');
  w.newPage('landscape');
  w.heading(section, 2, 'How it felt across the journey', 0, w.doc.outline);
  if (rows.length === 0) {
    w.paragraph(section, 'There are no moments yet, so there is no curve to show.');
    section.end();
    return;
  }
  legend(w, section);
  const runs = chartRuns(rows, spans, momentsPerChart(large));
  for (const [index, run] of runs.entries()) {
    if (index > 0) w.newPage('landscape');
    const first = run.rows[0]!.position + 1;
    const last = run.rows[run.rows.length - 1]!.position + 1;
    const part = w.group(section, 'Div');
    if (runs.length > 1) w.heading(part, 3, `Moments ${first} to ${last} of ${rows.length}`);
    drawChart(w, part, run, rows.length, model.titles, Math.max(w.room * 0.92, w.pageHeight * 0.5));
    w.newPage('landscape');
    chartTable(w, part, run.rows, model.titles);
    part.end();
    await breathe();
  }
  section.end();
}

function commentWords(comment: ExportComment, reply: boolean): { heading: string; body: string[] } {
  const when = `${dateWords(comment.createdAt)}${comment.edited ? ', edited' : ''}`;
  const heading = `${reply ? 'Reply from' : 'From'} ${comment.author}, ${when}:`;
  if (comment.body === null) return { heading, body: [`Hidden by a facilitator. The reason given: ${comment.hiddenReason || 'none given'}.`] };
  const body = comment.body.split(/\n/).map((line) => line.trim()).filter((line) => line !== '');
  if (comment.meToo > 0) body.push(`${plural(comment.meToo, 'person', 'people')} said me too.`);
  return { heading, body };
}

function writeThread(w: PdfWriter, parent: Struct, thread: ExportThread): void {
  const block = w.group(parent, 'Div');
  const all = [thread.first, ...thread.replies];
  const height = all.reduce((sum, comment, index) => {
    const words = commentWords(comment, index > 0);
    return sum + w.measure(words.heading, { bold: true }) + words.body.reduce((inner, line) => inner + w.measure(line), 0);
  }, 0);
  if (height <= w.pageHeight) w.keep(height);
  all.forEach((comment, index) => {
    const words = commentWords(comment, index > 0);
    const indent = index > 0 ? w.type.body * 2 : 0;
    w.paragraph(block, words.heading, { bold: true, indent });
    for (const line of words.body) w.paragraph(block, line, { indent });
  });
  if (thread.resolved) w.paragraph(block, 'This conversation was marked as sorted.', { color: quietInk });
  block.end();
}

async function writeComments(w: PdfWriter, model: ExportModel, breathe: Breathe): Promise<void> {
  const section = w.group(w.root, 'Sect');
  w.newPage('portrait');
  w.heading(section, 2, 'Comments', 0, w.doc.outline);
  const groups = model.comments ?? [];
  if (groups.length === 0) w.paragraph(section, 'No comments yet.');
  for (const group of groups) {
    const part = w.group(section, 'Div');
    w.heading(part, 3, group.heading, w.type.body * 4);
    for (const thread of group.threads) {
      writeThread(w, part, thread);
      await breathe();
    }
    part.end();
  }
  section.end();
}
