/**
 * The PDF's parts after the map (issue 16), laid out from method-model.ts's plain data: "Priority
 * areas" (what was agreed, shortlisted, considered and set aside), then each area on its own (why,
 * the moments it comes from, its way through the funnel, the co-design group, ideas and the action
 * plan as a table), then "Review: what changed" when there is one (the before-and-after note, the
 * actions done, and how each moment felt at the start beside how it feels now, as a chart and a
 * table). Headings stay in order (each area an H2 with a bookmark, its parts H3); overdue actions
 * say "Overdue" in words.
 */
import { countsSentence } from '../../shared/feeling-summary.ts';
import { medianInWords, type FeelingStats } from '../../shared/feeling-stats.ts';
import { isOverdue, type ActionStatus } from '../../shared/method.ts';
import { andList, type ExportAction, type ExportArea, type ExportMethod, type ExportMoment } from './method-model.ts';
import { comparisonLegend, drawComparison, momentsPerComparison } from './pdf-before-after.ts';
import type { Breathe } from './pdf-stream.ts';
import { quietInk, type PdfWriter, type Struct } from './pdf-writer.ts';

const statusWords: Record<ActionStatus, string> = { 'not-started': 'Not started', 'under-way': 'Under way', done: 'Done', stopped: 'Stopped' };

const dayWords = (day: string) => new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));

/** The day of `now` as `YYYY-MM-DD` (UTC, as the cover's date): what "overdue" is measured on. */
export const dayOf = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** The heading of the `index`th area (0-based), the same in its own part and in the review. */
export const areaHeading = (area: ExportArea, index: number): string => `Priority area ${index + 1}: ${area.title}`;

/** One action as the plan's table says it: [what, who, by when, status]. "Overdue" in words, never colour alone. */
export function actionCells(action: ExportAction, today: string): [string, string, string, string] {
  const overdue = isOverdue({ ...action, owner: null, priorityId: '', order: '', createdBy: '', createdAt: 0 }, today);
  const status = `${statusWords[action.status]}.${overdue ? ' Overdue.' : ''}`;
  return [action.what, action.who ?? 'No one named yet', action.due === null ? 'No date set' : dayWords(action.due), status];
}

/** A moment's feelings in a table cell: "Middle feeling: Bad. 3 people: 1 very bad, 1 bad, 1 good. Views differ a lot." */
export function feelingCell(stats: FeelingStats): string {
  if (stats.count === 0) return 'No one has said yet.';
  return `Middle feeling: ${medianInWords(stats.median)}. ${countsSentence(stats)}${stats.wideRange ? ' Views differ a lot.' : ''}`;
}

/** What is said about the areas in each step, for the overview. */
function overview(method: ExportMethod): string[] {
  const lines: string[] = [];
  const titles = (step: ExportArea['step']) => method.areas.filter((area) => area.step === step).map((area) => area.title);
  for (const [step, words] of [['agreed', 'Agreed at the joint event'], ['shortlisted', 'On the shortlist'], ['considered', 'Considered']] as const) {
    const list = titles(step);
    if (list.length > 0) lines.push(`${words}: ${andList(list)}.`);
  }
  if (method.setAside.length > 0) lines.push(`Also considered: ${andList(method.setAside)} (set aside).`);
  return lines;
}

/** "Priority areas" and each area with its action plan, on portrait pages after the curve. */
export async function writePriorities(w: PdfWriter, method: ExportMethod, now: number, breathe: Breathe): Promise<void> {
  const intro = w.group(w.root, 'Sect');
  w.newPage('portrait');
  w.heading(intro, 2, 'Priority areas', 0, w.doc.outline);
  w.paragraph(intro, 'What the group chose to work on, from the moments on the map: what was agreed at the joint event first, then the shortlist, then what else was considered.');
  for (const line of overview(method)) w.paragraph(intro, line);
  intro.end();
  const today = dayOf(now);
  for (const [index, area] of method.areas.entries()) {
    writeArea(w, area, index, today);
    await breathe();
  }
}

function writeArea(w: PdfWriter, area: ExportArea, index: number, today: string): void {
  const section = w.group(w.root, 'Sect');
  const opening = [area.history, area.why === '' ? '' : `Why it matters: ${area.why}`].reduce((sum, text) => sum + (text === '' ? 0 : w.measure(text)), 0);
  w.heading(section, 2, areaHeading(area, index), Math.min(opening, w.pageHeight / 3), w.doc.outline);
  w.paragraph(section, area.history, { color: quietInk });
  if (area.why !== '') w.paragraph(section, `Why it matters: ${area.why}`);
  if (area.moments.length === 0) w.paragraph(section, 'It is not linked to any moment on the map.');
  else {
    w.paragraph(section, `It comes from ${area.moments.length === 1 ? 'this moment' : 'these moments'} on the map (numbered as on the curve):`);
    w.list(section, area.moments.map((moment) => `${moment.number}. ${moment.title}`));
  }
  w.paragraph(section, area.group);

  w.heading(section, 3, 'Ideas', w.type.body * 3);
  if (area.ideas.length === 0) w.paragraph(section, 'No ideas written yet.', { color: quietInk });
  else w.list(section, area.ideas);

  w.heading(section, 3, 'Action plan', w.type.small * 8);
  if (area.actions.length === 0) w.paragraph(section, 'No actions yet.', { color: quietInk });
  else writeActions(w, section, area.actions, today);
  section.end();
}

/** The plan's columns' widths: what will change takes what the others leave. */
function actionWidths(w: PdfWriter): number[] {
  const [who, when, status] = [w.width * 0.21, w.width * 0.2, w.width * 0.19];
  return [w.width - who - when - status, who, when, status];
}

/**
 * The action plan as a table. A note can be long (2,000 letters), and pdfkit cuts a row taller
 * than a page, so notes follow the table as a list; so does the full text of an action too long to
 * fit its row (the table then shows its start and says so).
 */
export function writeActions(w: PdfWriter, parent: Struct, actions: readonly ExportAction[], today: string): void {
  const widths = actionWidths(w);
  const rowRoom = w.pageHeight * 0.6;
  const after: string[] = [];
  const rows = actions.map((action, index) => {
    const cells = actionCells(action, today);
    if (Math.max(...cells.map((cell, column) => w.cellHeight(cell, widths[column]!))) > rowRoom) {
      cells[0] = `${cells[0].slice(0, 120).replace(/\s+\S*$/, '')}… (in full below)`;
      after.push(`Action ${index + 1} in full: ${action.what}`);
    }
    cells[0] = `${index + 1}. ${cells[0]}`;
    if (action.note !== '') after.push(`Note on action ${index + 1}: ${action.note}`);
    return cells;
  });
  w.table(parent, ['What will change', 'Who', 'By when', 'Status'], widths, rows, 0);
  if (after.length > 0) w.list(parent, after);
}

/** "Review: what changed", area by area. */
export async function writeReview(w: PdfWriter, method: ExportMethod, large: boolean, breathe: Breathe): Promise<void> {
  const section = w.group(w.root, 'Sect');
  w.newPage('portrait');
  w.heading(section, 2, 'Review: what changed', 0, w.doc.outline);
  w.paragraph(section, 'For each priority area: what the group says changed, the actions done, and how its moments felt at the start beside how they feel now, from feelings given again at the review.');
  for (const [index, area] of method.areas.entries()) {
    writeAreaReview(w, section, area, index, large);
    await breathe();
  }
  section.end();
}

/** "1 of 3 actions done: Free parking for long appointments." */
export function doneSentence(actions: readonly ExportAction[]): string {
  if (actions.length === 0) return 'Its action plan has no actions.';
  const done = actions.filter((action) => action.status === 'done').map((action) => action.what.replace(/[.!?;:,\s]+$/, ''));
  const of = `${done.length} of ${actions.length} ${actions.length === 1 ? 'action' : 'actions'} done`;
  return done.length === 0 ? `${of} so far.` : `${of}: ${done.join('; ')}.`;
}

function writeAreaReview(w: PdfWriter, parent: Struct, area: ExportArea, index: number, large: boolean): void {
  const part = w.group(parent, 'Div');
  const note = area.beforeAfter === '' ? 'No before-and-after note written yet.' : `Before and after: ${area.beforeAfter}`;
  w.heading(part, 3, areaHeading(area, index), Math.min(w.measure(note), w.pageHeight / 3));
  for (const line of note.split(/\n/).map((each) => each.trim()).filter((each) => each !== '')) w.paragraph(part, line, area.beforeAfter === '' ? { color: quietInk } : {});
  w.paragraph(part, doneSentence(area.actions));
  if (area.moments.length === 0) {
    w.paragraph(part, 'It is not linked to any moment on the map, so there are no feelings to compare.');
    part.end();
    return;
  }
  if (area.moments.some((moment) => moment.now.count > 0)) {
    const size = momentsPerComparison(large);
    const height = Math.min(w.pageHeight * 0.5, large ? 380 : 260);
    // The legend is kept with the first chart.
    w.keep(comparisonLegend(w, null) + height);
    comparisonLegend(w, part);
    for (let start = 0; start < area.moments.length; start += size) {
      w.keep(height);
      drawComparison(w, part, area.moments.slice(start, start + size), height);
    }
  } else {
    w.paragraph(part, 'No one has said how these moments feel now yet.', { color: quietInk });
  }
  comparisonTable(w, part, area.moments);
  part.end();
}

function comparisonTable(w: PdfWriter, parent: Struct, moments: readonly ExportMoment[]): void {
  const number = w.type.small * 2.6;
  const rest = w.width - number;
  const widths = [number, rest * 0.3, rest * 0.35, rest * 0.35];
  const rows = moments.map((moment) => [String(moment.number), moment.title, feelingCell(moment.before), feelingCell(moment.now)]);
  w.table(parent, ['No.', 'Moment', 'How it felt at the start', 'How it feels now'], widths, rows, 1);
}
