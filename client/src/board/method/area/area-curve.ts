/**
 * The emotion curve of just one priority area's touchpoints (issue 16), in the shape the board's
 * curve components draw (curve/curve-data.ts): those touchpoints in journey order, numbered from
 * 0, with the stages they are in. Read from how moments felt (`feelings`) or, at the review, how
 * they feel now (`feelingsAfter`), through shared/journey.ts like the board's curve and the PDF,
 * so all say the same. Touchpoints in "Recently deleted" or gone are left out, as on the map.
 */
import type { Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { readJourney, type JourneyRow, type JourneySpan } from '../../../../../shared/journey.ts';
import { followCurve, type CurveData } from '../../curve/curve-data.ts';

export type FeelingsWhen = 'feelings' | 'feelingsAfter';

/** The journey's rows for `ids` only, renumbered, with the stages they fall in. Pure. */
export function areaCurve(rows: readonly JourneyRow[], ids: ReadonlySet<string>): { rows: JourneyRow[]; spans: JourneySpan[]; stageCount: number } {
  const kept = rows.filter((row) => ids.has(row.touchpointId)).map((row, position) => ({ ...row, position }));
  const spans: JourneySpan[] = [];
  for (const row of kept) {
    const last = spans.at(-1);
    if (last?.stageId === row.stageId) last.count += 1;
    else spans.push({ stageId: row.stageId, stageTitle: row.stageTitle, start: row.position, count: 1 });
  }
  return { rows: kept, spans, stageCount: spans.length };
}

/** Follows `doc` live for the touchpoints `ids()` names. Call inside a component. */
export function createAreaCurve(doc: Y.Doc, ids: Accessor<readonly string[]>, which: FeelingsWhen): CurveData {
  return followCurve(doc, which, () => areaCurve(readJourney(doc, which).rows, new Set(ids())), ids);
}
