/**
 * The emotion curve's data, following the board document live: every touchpoint in journey
 * order (stages in `stages` order; within a stage by `order`, plain code-unit comparison, then
 * id) with its feeling stats from shared/feeling-stats.ts. A change of any kind recomputes the
 * whole curve in one pass, at most once per microtask, and reconcile() keeps unchanged rows as
 * they are, so a board of 500 touchpoints stays responsive while people record feelings.
 * Touchpoint titles are Y.Text and are read by the rows themselves (y-text-signal.ts): typing
 * in a title recomputes nothing here.
 */
import { onCleanup } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import * as Y from 'yjs';
import { boardTypes } from '../../../../shared/board-document.ts';
import { hiddenIds } from '../../../../shared/recently-deleted.ts';
import { journeyCurve, type FeelingStats, type JourneyStage } from '../../../../shared/feeling-stats.ts';

/** One touchpoint on the curve. */
export interface CurveRow {
  stageId: string;
  /** The stage's title as stored ('' when it has none). */
  stageTitle: string;
  touchpointId: string;
  /** 0-based place in the whole journey. */
  position: number;
  stats: FeelingStats;
}

/** A stage that has touchpoints, with where its touchpoints sit on the curve. */
export interface CurveStageSpan {
  stageId: string;
  stageTitle: string;
  /** Position of its first touchpoint. */
  start: number;
  count: number;
}

export interface CurveData {
  /** Every touchpoint, in journey order (a Solid store array). */
  readonly rows: readonly CurveRow[];
  /** Stages with at least one touchpoint, in journey order. */
  readonly spans: readonly CurveStageSpan[];
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

function readCurve(doc: Y.Doc): { rows: CurveRow[]; spans: CurveStageSpan[]; stageCount: number } {
  const { stages, touchpoints, feelings } = boardTypes(doc);
  // What is in "Recently deleted" is not on the curve (a deleted stage takes its touchpoints along).
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
  const spans: CurveStageSpan[] = [];
  let start = 0;
  for (const stage of journey) {
    const count = stage.touchpointIds.length;
    if (count > 0) spans.push({ stageId: stage.id, stageTitle: titles.get(stage.id) ?? '', start, count });
    start += count;
  }
  return { rows, spans, stageCount: journey.length };
}

/** Follows `doc` live. Call inside a component: it stops observing on cleanup. */
export function createCurveData(doc: Y.Doc): CurveData {
  const { stages, touchpoints, feelings, deleted } = boardTypes(doc);
  const [state, setState] = createStore(readCurve(doc));

  let scheduled = false;
  let stopped = false;
  const refresh = () => {
    scheduled = false;
    if (stopped) return;
    const next = readCurve(doc);
    setState('rows', reconcile(next.rows, { key: 'touchpointId' }));
    setState('spans', reconcile(next.spans, { key: 'stageId' }));
    setState('stageCount', next.stageCount);
  };
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    queueMicrotask(refresh);
  };
  const onTouchpoints = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // Edits inside a title or story move nothing; only the touchpoint maps themselves can.
    if (events.every((event) => event.target instanceof Y.Text)) return;
    schedule();
  };

  stages.observeDeep(schedule);
  touchpoints.observeDeep(onTouchpoints);
  feelings.observe(schedule);
  deleted.observeDeep(schedule);
  onCleanup(() => {
    stopped = true;
    stages.unobserveDeep(schedule);
    touchpoints.unobserveDeep(onTouchpoints);
    feelings.unobserve(schedule);
    deleted.unobserveDeep(schedule);
  });

  return state;
}
