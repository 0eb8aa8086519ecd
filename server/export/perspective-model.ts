/**
 * "How each group felt" in the PDF (issue 17, "more than one reality"), as plain data: the lines
 * the server last worked out (`perspectiveAction` 'lines', the same the page shows, at most 10
 * minutes old) fitted to the journey the export shows — its moments in its order and numbering, a
 * moment in "Recently deleted" or added since the lines were worked out left out. A point is kept
 * only where at least 3 of a group's people gave a feeling (the server sends no others; this does
 * not trust it). Nothing in it is about one person, so there is nothing to name or leave out.
 */
import type { PerspectiveLines, PerspectivePoint } from '../../shared/api.ts';
import type { Journey } from '../../shared/journey.ts';
import { differWords, shownPoint } from '../../shared/perspective-words.ts';

export interface ExportPerspectiveMoment {
  touchpointId: string;
  /** 1-based, as on the curve. */
  number: number;
  title: string;
  /** Each perspective's point (by id); null where it is not shown. */
  points: Record<string, PerspectivePoint | null>;
}

export interface ExportPerspectives {
  /** When the lines were worked out (ms). */
  workedOutAt: number;
  /** The groups with lines, in the board's order. */
  perspectives: { id: string; label: string }[];
  moments: ExportPerspectiveMoment[];
  /** Where views differ most, widest first, each in the page's words after the moment's number. */
  differMost: string[];
}

/** The section's data, or null when the board has no perspectives (then the PDF has no section). */
export function readPerspectiveLines(lines: PerspectiveLines | null, journey: Journey, titles: ReadonlyMap<string, string>): ExportPerspectives | null {
  if (lines === null || lines.workedOutAt === null || lines.perspectives.length === 0) return null;
  const worked = Date.parse(lines.workedOutAt);
  if (Number.isNaN(worked)) return null;
  const byMoment = new Map(lines.moments.map((moment) => [moment.touchpointId, moment.points]));
  const moments: ExportPerspectiveMoment[] = [];
  for (const row of journey.rows) {
    const given = byMoment.get(row.touchpointId);
    if (given === undefined) continue;
    const points: Record<string, PerspectivePoint | null> = {};
    for (const { id } of lines.perspectives) points[id] = shownPoint(given[id]);
    moments.push({ touchpointId: row.touchpointId, number: row.position + 1, title: titles.get(row.touchpointId) ?? '', points });
  }
  const shown = new Map(moments.map((moment) => [moment.touchpointId, moment]));
  const differMost: string[] = [];
  const label = (id: string) => lines.perspectives.find((perspective) => perspective.id === id)?.label;
  for (const entry of lines.differMost) {
    const moment = shown.get(entry.touchpointId);
    const [low, high] = [moment?.points[entry.lowest], moment?.points[entry.highest]];
    const [lowLabel, highLabel] = [label(entry.lowest), label(entry.highest)];
    if (moment === undefined || low == null || high == null || lowLabel === undefined || highLabel === undefined) continue;
    differMost.push(`${moment.number}. ${differWords(moment.title, { label: lowLabel, median: low.median }, { label: highLabel, median: high.median })}`);
  }
  return { workedOutAt: worked, perspectives: lines.perspectives.map(({ id, label }) => ({ id, label })), moments, differMost };
}
