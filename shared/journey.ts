/**
 * The journey as the board shows it, read from a board document once: stages in `stages` order
 * (a stage without an id, a second copy of one, or one in "Recently deleted" left out), each
 * stage's touchpoints by `order` (plain code-unit comparison, then id), every touchpoint with its
 * feeling stats (feeling-stats.ts). The page's emotion curve follows it live (client
 * curve-data.ts); the PDF export reads it from the server's copy, so both say the same.
 */
import * as Y from 'yjs';
import { boardTypes } from './board-document.ts';
import { journeyCurve, type FeelingStats, type JourneyStage } from './feeling-stats.ts';
import { hiddenIds } from './recently-deleted.ts';

/** One touchpoint on the journey. */
export interface JourneyRow {
  stageId: string;
  /** The stage's title as stored ('' when it has none). */
  stageTitle: string;
  touchpointId: string;
  /** 0-based place in the whole journey. */
  position: number;
  stats: FeelingStats;
}

/** A stage that has touchpoints, with where its touchpoints sit on the journey. */
export interface JourneySpan {
  stageId: string;
  stageTitle: string;
  /** Position of its first touchpoint. */
  start: number;
  count: number;
}

export interface Journey {
  /** Every touchpoint, in journey order. */
  readonly rows: readonly JourneyRow[];
  /** Stages with at least one touchpoint, in journey order. */
  readonly spans: readonly JourneySpan[];
  /** Every stage shown, empty ones included, in journey order. */
  readonly stages: readonly { id: string; title: string }[];
  /** How many stages the journey has, empty ones included. */
  readonly stageCount: number;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

interface Place {
  id: string;
  order: string;
}

const byOrderThenId = (a: Place, b: Place): number =>
  a.order < b.order ? -1 : a.order > b.order ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The journey in `doc` now, in one pass over its stages, touchpoints and feelings: how it felt
 * (`feelings`), or how it feels now, recorded again at the review (`feelingsAfter`, issue 16).
 */
export function readJourney(doc: Y.Doc, which: 'feelings' | 'feelingsAfter' = 'feelings'): Journey & { rows: JourneyRow[]; spans: JourneySpan[] } {
  const types = boardTypes(doc);
  const { stages, touchpoints } = types;
  const feelings = types[which];
  // What is in "Recently deleted" is not on the journey (a deleted stage takes its touchpoints along).
  const hidden = hiddenIds(doc);
  const byStage = new Map<string, Place[]>();
  for (const [id, touchpoint] of touchpoints) {
    if (!(touchpoint instanceof Y.Map) || hidden.has(id)) continue;
    const stageId = text(touchpoint.get('stageId'));
    let places = byStage.get(stageId);
    if (places === undefined) byStage.set(stageId, (places = []));
    places.push({ id, order: text(touchpoint.get('order')) });
  }

  const journey: JourneyStage[] = [];
  const titles = new Map<string, string>();
  for (const stage of stages) {
    if (!(stage instanceof Y.Map)) continue;
    const id = text(stage.get('id'));
    // As on the board: a stage without an id, or a second copy of one, is not shown.
    if (id === '' || titles.has(id) || hidden.has(id)) continue;
    titles.set(id, text(stage.get('title')));
    const places = (byStage.get(id) ?? []).sort(byOrderThenId);
    journey.push({ id, touchpointIds: places.map((place) => place.id) });
  }

  const rows = journeyCurve(journey, feelings.entries()).map((point) => ({
    ...point,
    stageTitle: titles.get(point.stageId) ?? '',
  }));
  const spans: JourneySpan[] = [];
  let start = 0;
  for (const stage of journey) {
    const count = stage.touchpointIds.length;
    if (count > 0) spans.push({ stageId: stage.id, stageTitle: titles.get(stage.id) ?? '', start, count });
    start += count;
  }
  return { rows, spans, stages: journey.map((stage) => ({ id: stage.id, title: titles.get(stage.id) ?? '' })), stageCount: journey.length };
}
